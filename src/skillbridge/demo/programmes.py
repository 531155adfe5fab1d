"""The demo programme and its sectors (data/programme.toml)."""

from decimal import Decimal

from skillbridge.demo.texts import texts
from skillbridge.people.models import Organisation
from skillbridge.programmes.models import Programme, Sector

DEMO_PROGRAMME_SLUG = texts("programme")["slug"]


def demo_programme() -> Programme:
    return Programme.objects.get(slug=DEMO_PROGRAMME_SLUG)


def seed_programme() -> None:
    data = texts("programme")
    sectors = [
        Sector.objects.update_or_create(
            slug=row["slug"],
            defaults={"name": row["name"], "name_fr": row["name_fr"], "name_rw": row["name_rw"]},
        )[0]
        for row in data["sectors"]
    ]
    programme, _ = Programme.objects.update_or_create(
        slug=DEMO_PROGRAMME_SLUG,
        defaults={
            "name": data["name"],
            "summary": data["summary"],
            "lead_organisation": Organisation.objects.get(short_name=data["lead_organisation"]),
            "donor": Organisation.objects.get(short_name=data["donor"]),
            "envelope_eur": Decimal(data["envelope_eur"]),
            "starts_on": data["starts_on"],
            "ends_on": data["ends_on"],
        },
    )
    programme.sectors.set(sectors)
    programme.partners.set(Organisation.objects.filter(short_name__in=data["partners"]))
    programme.colleges.set(Organisation.objects.filter(kind=Organisation.Kind.COLLEGE))
