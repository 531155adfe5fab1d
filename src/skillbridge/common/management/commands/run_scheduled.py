"""`skillbridge run_scheduled`: the periodic jobs, run from cron every 15 minutes.

Each app registers its jobs in its `tasks` module (common.scheduling). Each
job must be idempotent, since cron may run it again before or after the time
it targets, and a failed run is simply repeated. Cron may start this command
on several machines at once: each job runs once per period, under a lock on
its row of the scheduled-jobs table.
"""

import logging

from django.core.management.base import BaseCommand
from django.utils import timezone

from skillbridge.common.scheduling import JOBS, period_start, scheduled_job_run

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Run every periodic job once per period (cron calls it every 15 minutes)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--period-minutes",
            type=int,
            default=15,
            help=(
                "Each job runs at most once in each period of this many minutes (default 15), "
                "or of its own longer one."
            ),
        )

    def handle(self, *args, **options):
        if options["period_minutes"] < 1:
            self.stderr.write("--period-minutes must be at least 1.")
            raise SystemExit(2)
        now = timezone.now()
        failed = 0
        for job in list(JOBS.values()):
            period = period_start(now=now, minutes=max(options["period_minutes"], job.minutes))
            try:
                result = scheduled_job_run(name=job.name, job=job.run, period=period)
            except Exception as error:  # One failing job must not stop the others.
                failed += 1
                logger.exception("scheduled job %s failed", job.name)
                self.stderr.write(f"{job.name}: failed ({type(error).__name__}: {error})")
                continue
            self.stdout.write(f"{job.name}: {result}")
        if failed:
            raise SystemExit(1)
