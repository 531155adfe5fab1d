"""`skillbridge run_scheduled`: the periodic jobs, run from cron every 15 minutes.

Each job is a function called with no arguments. Each must be idempotent,
since cron may run it again before or after the time it targets, and a
failed run is simply repeated.
"""

from django.core.management.base import BaseCommand
from django.utils.module_loading import import_string

# Apps append their job here, one dotted path each.
SCHEDULED_JOBS = [
    "skillbridge.calls.tasks.send_deadline_reminders",
    "skillbridge.pairing.tasks.expire_invitations",
    "skillbridge.missions.tasks.send_survey_invitations",
]


class Command(BaseCommand):
    help = "Run every periodic job once (idempotent; cron calls it every 15 minutes)."

    def handle(self, *args, **options):
        failed = 0
        for dotted_path in SCHEDULED_JOBS:
            try:
                result = import_string(dotted_path)()
            except Exception as error:  # One failing job must not stop the others.
                failed += 1
                self.stderr.write(f"{dotted_path}: failed: {error!r}")
                continue
            self.stdout.write(f"{dotted_path}: {result}")
        if failed:
            raise SystemExit(1)
