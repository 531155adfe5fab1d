"""`skillbridge seed_demo`: load the demo programme. Safe to run again."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.module_loading import import_string

from skillbridge.people.demo import DEMO_ACCOUNTS, DEMO_PASSWORD

# Each step is a function of one app's demo module, in dependency order.
# Later apps add their own step at the end.
SEED_STEPS = [
    "skillbridge.people.demo.seed_organisations",
    "skillbridge.calls.demo.seed_programme",
    "skillbridge.people.demo.seed_accounts",
    "skillbridge.calls.demo.seed_calls",
    "skillbridge.experts.demo.seed_experts",
    "skillbridge.review.demo.seed_review",
    # After the review step, which leaves the demo call's winners selected.
    "skillbridge.grants.demo.seed_grants",
    "skillbridge.pairing.demo.seed_pairing",
    "skillbridge.missions.demo.seed_missions",
    "skillbridge.results.demo.seed_results",
]


class Command(BaseCommand):
    help = "Load the demo programme and its demo accounts (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even with DEBUG off (it creates accounts with a known password).",
        )

    def handle(self, *args, force: bool = False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "Refusing to load demo accounts with a known password while DEBUG is off. "
                "Use --force if this really is a demo server."
            )
        with transaction.atomic():
            for dotted_path in SEED_STEPS:
                import_string(dotted_path)()
        self.stdout.write(self.style.SUCCESS("Demo programme loaded."))
        self.stdout.write(f"Demo sign-ins (password {DEMO_PASSWORD}):")
        for account in DEMO_ACCOUNTS:
            self.stdout.write(f"  {account.email:<28} {account.description}")
