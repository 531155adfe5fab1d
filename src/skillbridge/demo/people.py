"""The real organisations and the demo accounts (data/people.toml)."""

from dataclasses import dataclass

from allauth.account.models import EmailAddress

from skillbridge.demo.programmes import demo_programme
from skillbridge.demo.texts import texts
from skillbridge.people.models import Organisation, ProgrammeRole, User

DEMO_PASSWORD = "skillbridge-demo"


@dataclass(frozen=True)
class DemoAccount:
    email: str
    full_name: str
    description: str
    role: str | None = None
    organisation: str | None = None
    language: str = "en"
    is_staff: bool = False


DEMO_ACCOUNTS = [DemoAccount(**row) for row in texts("people")["accounts"]]


def demo_user(email: str) -> User:
    return User.objects.get(email=email)


def seed_organisations() -> None:
    by_short_name: dict[str, Organisation] = {}
    for row in texts("people")["organisations"]:
        by_short_name[row["short_name"]], _ = Organisation.objects.update_or_create(
            short_name=row["short_name"],
            defaults={
                "name": row["name"],
                "kind": row["kind"],
                "parent": by_short_name.get(row.get("parent")),
                "location": row["location"],
                "country": row.get("country", "RW"),
            },
        )


def demo_person(email: str, full_name: str, *, signs_in: bool = True, **defaults) -> User:
    """The person with this address, made once: with the demo password, or none at all."""
    user, created = User.objects.get_or_create(
        email=email, defaults={"full_name": full_name, **defaults}
    )
    if created:
        if signs_in:
            user.set_password(DEMO_PASSWORD)
        else:
            user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def seed_accounts() -> None:
    programme = demo_programme()
    for account in DEMO_ACCOUNTS:
        user = demo_person(
            account.email,
            account.full_name,
            preferred_language=account.language,
            is_staff=account.is_staff,
            is_superuser=account.is_staff,
        )
        # Demo addresses count as verified, so every account can sign in at once.
        EmailAddress.objects.update_or_create(
            user=user, email=account.email, defaults={"verified": True, "primary": True}
        )
        if account.role:
            ProgrammeRole.objects.update_or_create(
                user=user,
                programme=programme,
                role=account.role,
                defaults={
                    "organisation": Organisation.objects.filter(
                        short_name=account.organisation
                    ).first()
                },
            )
