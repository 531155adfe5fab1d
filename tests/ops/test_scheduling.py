"""`run_scheduled` on several machines at once: each job once per period, under a row lock."""

import threading
from datetime import UTC, datetime

import pytest
from django.core.management import call_command
from django.db import connection

from skillbridge.common.models import ScheduledJob
from skillbridge.common.scheduling import (
    JOBS,
    SKIPPED_DONE,
    SKIPPED_ELSEWHERE,
    period_start,
    scheduled_job_run,
)
from tests.markers import needs_postgresql

NINE_AM = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)


def counting_job(runs: list):
    def job():
        runs.append(1)
        return len(runs)

    return job


def test_periods_are_counted_from_midnight_utc():
    moment = datetime(2027, 3, 1, 9, 44, 59, tzinfo=UTC)
    assert period_start(now=moment, minutes=15) == datetime(2027, 3, 1, 9, 30, tzinfo=UTC)
    assert period_start(now=moment, minutes=60) == NINE_AM


@pytest.mark.django_db
def test_a_job_runs_once_per_period():
    runs = []
    assert scheduled_job_run(name="job", job=counting_job(runs), period=NINE_AM) == "1"
    assert scheduled_job_run(name="job", job=counting_job(runs), period=NINE_AM) == SKIPPED_DONE
    later = datetime(2027, 3, 1, 9, 15, tzinfo=UTC)
    assert scheduled_job_run(name="job", job=counting_job(runs), period=later) == "2"
    row = ScheduledJob.objects.get(name="job")
    assert (row.last_period_start, row.last_result) == (later, "2")


@pytest.mark.django_db
def test_a_failed_job_keeps_nothing_and_runs_again():
    def failing():
        ScheduledJob.objects.create(name="written by the failing job")
        raise RuntimeError("the mail server is down")

    with pytest.raises(RuntimeError):
        scheduled_job_run(name="job", job=failing, period=NINE_AM)
    assert not ScheduledJob.objects.filter(name="written by the failing job").exists()
    assert ScheduledJob.objects.get(name="job").last_period_start is None
    assert scheduled_job_run(name="job", job=lambda: "done", period=NINE_AM) == "done"


@pytest.mark.django_db
def test_the_command_runs_each_job_once_in_a_period(capsys):
    call_command("run_scheduled")
    call_command("run_scheduled")
    out = capsys.readouterr().out.splitlines()
    # The second run skips every registered job (tests/common/test_scheduling.py names them).
    assert len(out) == 2 * len(JOBS)
    assert out[len(JOBS) :] == [f"{name}: {SKIPPED_DONE}" for name in JOBS]


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_a_job_running_on_another_machine_is_skipped_not_repeated():
    runs = []
    started, release = threading.Event(), threading.Event()
    outcomes = {}

    def slow_job():
        started.set()
        release.wait(timeout=30)
        runs.append("first")
        return "first"

    def first_machine():
        try:
            outcomes["first"] = scheduled_job_run(name="job", job=slow_job, period=NINE_AM)
        finally:
            connection.close()

    thread = threading.Thread(target=first_machine)
    thread.start()
    assert started.wait(timeout=30)
    outcomes["second"] = scheduled_job_run(name="job", job=counting_job(runs), period=NINE_AM)
    release.set()
    thread.join(timeout=30)
    assert outcomes == {"first": "first", "second": SKIPPED_ELSEWHERE}
    assert runs == ["first"]
    assert scheduled_job_run(name="job", job=counting_job(runs), period=NINE_AM) == SKIPPED_DONE
