"""`skillbridge run_scheduled`: the periodic jobs, run from cron every 15 minutes.

Each job is a function called with no arguments. Each must be idempotent,
since cron may run it again before or after the time it targets, and a
failed run is simply repeated. Cron may start this command on several
machines at once: each job runs once per period, under a lock on its row of
the scheduled-jobs table (see common.scheduling).
"""

import logging

from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.module_loading import import_string

from skillbridge.common.scheduling import period_start, scheduled_job_run

logger = logging.getLogger(__name__)

# Apps append their job here, one dotted path each.
SCHEDULED_JOBS = [
    "skillbridge.calls.tasks.send_deadline_reminders",
    "skillbridge.pairing.tasks.expire_invitations",
    "skillbridge.missions.tasks.send_survey_invitations",
]


class Command(BaseCommand):
    help = "Run every periodic job once per period (cron calls it every 15 minutes)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--period-minutes",
            type=int,
            default=15,
            help="Each job runs at most once in each period of this many minutes (default 15).",
        )

    def handle(self, *args, **options):
        if options["period_minutes"] < 1:
            self.stderr.write("--period-minutes must be at least 1.")
            raise SystemExit(2)
        period = period_start(now=timezone.now(), minutes=options["period_minutes"])
        failed = 0
        for dotted_path in SCHEDULED_JOBS:
            try:
                result = scheduled_job_run(
                    name=dotted_path, job=import_string(dotted_path), period=period
                )
            except Exception as error:  # One failing job must not stop the others.
                failed += 1
                logger.exception("scheduled job %s failed", dotted_path)
                self.stderr.write(f"{dotted_path}: failed: {error!r}")
                continue
            self.stdout.write(f"{dotted_path}: {result}")
        if failed:
            raise SystemExit(1)
