"""`skillbridge seed_demo`: load the demo programme. Safe to run again."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from skillbridge.demo import (
    calls,
    experts,
    grants,
    missions,
    pairing,
    people,
    programmes,
    results,
    review,
    scale,
)

# In dependency order: each step needs what the ones before it made.
SEED_STEPS = (
    people.seed_organisations,
    programmes.seed_programme,
    people.seed_accounts,
    calls.seed_calls,
    experts.seed_experts,
    review.seed_review,
    # After the review step, which leaves the demo call's winners selected.
    grants.seed_grants,
    pairing.seed_pairing,
    missions.seed_missions,
    results.seed_results,
)


class Command(BaseCommand):
    help = "Load the demo programme and its demo accounts (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even with DEBUG off (it creates accounts with a known password).",
        )
        parser.add_argument(
            "--scale",
            type=int,
            default=1,
            metavar="N",
            help="Grow the demo N times (for benchmarks and load tests), on a database "
            "that holds no grown demo yet.",
        )

    def handle(self, *args, force: bool = False, **options):
        grow_by = options.get("scale", 1)
        if grow_by < 1:
            raise CommandError("--scale must be 1 or more.")
        if grow_by > 1 and scale.is_grown():
            raise CommandError("This database already holds a grown demo.")
        if not settings.DEBUG and not force:
            raise CommandError(
                "Refusing to load demo accounts with a known password while DEBUG is off. "
                "Use --force if this really is a demo server."
            )
        with transaction.atomic():
            for step in SEED_STEPS:
                step()
            scale.grow(grow_by, say=self.stdout.write)
        self.stdout.write(self.style.SUCCESS("Demo programme loaded."))
        self.stdout.write(f"Demo sign-ins (password {people.DEMO_PASSWORD}):")
        for account in people.DEMO_ACCOUNTS:
            self.stdout.write(f"  {account.email:<28} {account.description}")
