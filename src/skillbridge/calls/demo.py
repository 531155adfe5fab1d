"""Demo data of the calls app: the programme and its sectors."""

import datetime
from decimal import Decimal

from skillbridge.calls.demo_seed import seed_proposals
from skillbridge.people.models import Organisation
from skillbridge.programmes.models import Programme, Sector

DEMO_PROGRAMME_SLUG = "diaspora-skills-transfer-tvet"

SECTORS = [
    ("agriculture", "Agriculture"),
    ("ict", "ICT"),
    ("mechanical-engineering", "Mechanical engineering"),
    ("electrical-engineering", "Electrical engineering"),
    ("energy", "Energy"),
]


def demo_programme() -> Programme:
    return Programme.objects.get(slug=DEMO_PROGRAMME_SLUG)


def seed_programme() -> None:
    sectors = [
        Sector.objects.update_or_create(slug=slug, defaults={"name": name})[0]
        for slug, name in SECTORS
    ]
    programme, _ = Programme.objects.update_or_create(
        slug=DEMO_PROGRAMME_SLUG,
        defaults={
            "name": "Diaspora Skills Transfer in TVET",
            "summary": (
                "Diaspora Skills Transfer in TVET and Youth Empowerment: students and trainers "
                "of the IPRCs propose innovative projects; the ten most innovative receive "
                "grants and are paired with Rwandan professionals living in Europe."
            ),
            "lead_organisation": Organisation.objects.get(short_name="IOM Rwanda"),
            "donor": Organisation.objects.get(short_name="Enabel"),
            "envelope_eur": Decimal("500000.00"),
            "starts_on": datetime.date(2026, 9, 1),
            "ends_on": datetime.date(2028, 8, 31),
        },
    )
    programme.sectors.set(sectors)
    programme.partners.set(
        Organisation.objects.filter(short_name__in=["RP", "MINAFFET", "MINEDUC"])
    )
    programme.colleges.set(Organisation.objects.filter(kind=Organisation.Kind.COLLEGE))


def seed_calls() -> None:
    """The open demo call with its rubric, and about forty proposals in every state."""
    seed_proposals(demo_programme())
