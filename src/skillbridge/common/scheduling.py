"""Periodic jobs that may be started on several machines at once, run once per period.

Each app registers its own jobs where it defines them, in its `tasks` module:

    @scheduled(minutes=15)
    def send_deadline_reminders() -> int: ...

CommonConfig.ready imports every installed app's `tasks` module when Django
starts, so this app lists jobs it never imports by name, and `skillbridge
run_scheduled` runs each registered job once per period.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.db import transaction
from django.utils import timezone

from skillbridge.common.models import ScheduledJob

SKIPPED_ELSEWHERE = "skipped: running on another machine"
SKIPPED_DONE = "skipped: already ran in this period"
DAY_MINUTES = 24 * 60


@dataclass(frozen=True)
class Job:
    """A periodic job: its name (the key of its row in ScheduledJob), what it runs, and
    how often at most, in minutes."""

    name: str
    run: Callable[[], object]
    minutes: int


# Every registered job by name, in the order the apps registered them.
JOBS: dict[str, Job] = {}


def register_job(run: Callable[[], object], *, minutes: int = 15, name: str = "") -> Job:
    """Run `run` (no arguments, idempotent) at most once every `minutes`.

    The name defaults to the function's dotted path, which is also its row's key
    in the scheduled-jobs table: renaming a job makes it run once more at once.
    """
    if not 1 <= minutes <= DAY_MINUTES:
        raise ValueError(f"a job runs at most once a day, every 1 to {DAY_MINUTES} minutes")
    job = Job(name=name or f"{run.__module__}.{run.__qualname__}", run=run, minutes=minutes)
    JOBS[job.name] = job
    return job


def scheduled(*, minutes: int = 15) -> Callable:
    """Decorator: register the function as a periodic job (see register_job)."""

    def register(run: Callable[[], object]) -> Callable[[], object]:
        register_job(run, minutes=minutes)
        return run

    return register


def period_start(*, now: datetime, minutes: int) -> datetime:
    """The start of the period of `minutes` that holds `now`, counted from midnight UTC."""
    midnight = now.astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    elapsed = (now - midnight) // timedelta(minutes=minutes)
    return midnight + elapsed * timedelta(minutes=minutes)


def scheduled_job_run(*, name: str, job: Callable[[], object], period: datetime) -> str:
    """Run `job` in one transaction, unless it already ran in `period` or runs now elsewhere.

    The job's row is locked with SKIP LOCKED for the whole run: a second machine that
    starts the same job meanwhile skips it rather than waiting, and once the first
    commits, the recorded period makes later starts skip too. A job that fails rolls
    its row back with its own writes, so the next start tries again. The jobs audit
    their own effects; the run itself is recorded on its row, not in the audit log.
    """
    # The row is made in a transaction of its own first: inserted inside the locked
    # one, it would make a second machine wait on the uncommitted insert instead.
    ScheduledJob.objects.get_or_create(name=name)
    with transaction.atomic():
        row = ScheduledJob.objects.select_for_update(skip_locked=True).filter(name=name).first()
        if row is None:
            return SKIPPED_ELSEWHERE
        if row.last_period_start is not None and row.last_period_start >= period:
            return SKIPPED_DONE
        result = str(job())
        row.last_period_start = period
        row.last_finished_at = timezone.now()
        row.last_result = result[:255]
        row.save(update_fields=["last_period_start", "last_finished_at", "last_result"])
    return result
