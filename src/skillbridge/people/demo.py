"""Demo data of the people app: real organisations and the demo accounts."""

from dataclasses import dataclass

from allauth.account.models import EmailAddress

from skillbridge.calls.demo import demo_programme
from skillbridge.people.models import Organisation, ProgrammeRole, Role, User

DEMO_PASSWORD = "skillbridge-demo"

Kind = Organisation.Kind

# (short name, name, kind, parent short name, location)
ORGANISATIONS = [
    ("RP", "Rwanda Polytechnic", Kind.POLYTECHNIC, None, "Kigali"),
    ("IPRC Kigali", "IPRC Kigali", Kind.COLLEGE, "RP", "Kicukiro"),
    ("IPRC Huye", "IPRC Huye", Kind.COLLEGE, "RP", "Huye"),
    ("IPRC Musanze", "IPRC Musanze", Kind.COLLEGE, "RP", "Musanze"),
    ("IPRC Tumba", "IPRC Tumba", Kind.COLLEGE, "RP", "Rulindo"),
    ("IPRC Karongi", "IPRC Karongi", Kind.COLLEGE, "RP", "Karongi"),
    ("IPRC Ngoma", "IPRC Ngoma", Kind.COLLEGE, "RP", "Ngoma"),
    ("IPRC Kitabi", "IPRC Kitabi", Kind.COLLEGE, "RP", "Nyamagabe"),
    ("IPRC Gishari", "IPRC Gishari", Kind.COLLEGE, "RP", "Rwamagana"),
    (
        "MINAFFET",
        "Ministry of Foreign Affairs and International Cooperation",
        Kind.MINISTRY,
        None,
        "Kigali",
    ),
    ("MINEDUC", "Ministry of Education", Kind.MINISTRY, None, "Kigali"),
    ("IOM Rwanda", "IOM Rwanda", Kind.IOM, None, "Kigali"),
    ("IOM Belgium", "IOM Belgium and Luxembourg", Kind.IOM, None, "Brussels"),
    ("IOM Germany", "IOM Germany", Kind.IOM, None, "Berlin"),
    ("Enabel", "Enabel, the Belgian development agency", Kind.DONOR, None, "Brussels"),
]
COUNTRIES = {"IOM Belgium": "BE", "IOM Germany": "DE", "Enabel": "BE"}


@dataclass(frozen=True)
class DemoAccount:
    email: str
    full_name: str
    role: str | None
    organisation: str | None
    description: str
    language: str = "en"
    is_staff: bool = False


DEMO_ACCOUNTS = [
    DemoAccount(
        "officer@example.org",
        "Aline Uwase",
        Role.PROGRAMME_OFFICER,
        "IOM Rwanda",
        "programme officer, IOM Rwanda",
    ),
    DemoAccount(
        "finance@example.org",
        "Jean-Paul Habimana",
        Role.FINANCE_OFFICER,
        "IOM Rwanda",
        "finance officer, IOM Rwanda",
    ),
    DemoAccount(
        "coordinator@example.org",
        "Claudine Mukamana",
        Role.COLLEGE_COORDINATOR,
        "IPRC Kigali",
        "college coordinator, IPRC Kigali",
    ),
    DemoAccount(
        "reviewer1@example.org",
        "Eric Nshimiyimana",
        Role.REVIEWER,
        "RP",
        "reviewer, Rwanda Polytechnic",
    ),
    DemoAccount(
        "reviewer2@example.org",
        "Diane Ingabire",
        Role.REVIEWER,
        "MINAFFET",
        "reviewer, MINAFFET",
        language="fr",
    ),
    DemoAccount(
        "reviewer3@example.org",
        "Patrick Mugisha",
        Role.REVIEWER,
        "IOM Rwanda",
        "reviewer, IOM Rwanda",
    ),
    DemoAccount(
        "applicant@example.org",
        "Grace Uwimana",
        Role.APPLICANT,
        "IPRC Kigali",
        "team lead, IPRC Kigali",
        language="rw",
    ),
    DemoAccount(
        "applicant2@example.org",
        "Olivier Niyonzima",
        Role.APPLICANT,
        "IPRC Huye",
        "team lead, IPRC Huye",
    ),
    DemoAccount(
        "expert@example.org",
        "Didier Kayitare",
        Role.EXPERT,
        None,
        "diaspora professional, Brussels",
        language="fr",
    ),
    DemoAccount(
        "expert2@example.org", "Josiane Mutoni", Role.EXPERT, None, "diaspora professional, Germany"
    ),
    DemoAccount(
        "donor@example.org",
        "Sophie Peeters",
        Role.DONOR_VIEWER,
        "Enabel",
        "donor viewer, Belgian development cooperation",
    ),
    DemoAccount(
        "admin@example.org", "Site Administrator", None, None, "site administrator", is_staff=True
    ),
]


def seed_organisations() -> None:
    by_short_name: dict[str, Organisation] = {}
    for short_name, name, kind, parent, location in ORGANISATIONS:
        by_short_name[short_name], _ = Organisation.objects.update_or_create(
            short_name=short_name,
            defaults={
                "name": name,
                "kind": kind,
                "parent": by_short_name.get(parent) if parent else None,
                "location": location,
                "country": COUNTRIES.get(short_name, "RW"),
            },
        )


def demo_user(email: str) -> User:
    return User.objects.get(email=email)


def seed_accounts() -> None:
    programme = demo_programme()
    for account in DEMO_ACCOUNTS:
        user, created = User.objects.get_or_create(
            email=account.email,
            defaults={
                "full_name": account.full_name,
                "preferred_language": account.language,
                "is_staff": account.is_staff,
                "is_superuser": account.is_staff,
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
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
