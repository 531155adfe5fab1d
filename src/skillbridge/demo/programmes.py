"""The demo programme and its sectors (data/programme.toml)."""

import struct
import zlib
from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils.text import slugify

from skillbridge.calls.services import programme_main_language_set
from skillbridge.demo.texts import texts
from skillbridge.people.models import Organisation
from skillbridge.programmes.models import DocumentPartner, Programme, Sector

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
            "signatory_name": data["signatory_name"],
            "signatory_title": data["signatory_title"],
        },
    )
    # The demo call's columns are English, fr and rw its translations: a programme moved
    # to another main language since the last seed is moved back, with its calls' texts.
    programme_main_language_set(actor=None, programme=programme, language="en")
    programme.sectors.set(sectors)
    programme.partners.set(Organisation.objects.filter(short_name__in=data["partners"]))
    programme.colleges.set(Organisation.objects.filter(kind=Organisation.Kind.COLLEGE))
    seed_document_partners(programme, data["document_partners"])


def seed_document_partners(programme: Programme, rows: list[dict]) -> None:
    """The partners on the programme's documents, each with a logo drawn here (seeding twice
    keeps the logos it drew the first time)."""
    for position, row in enumerate(rows):
        partner, _ = DocumentPartner.objects.update_or_create(
            programme=programme, name=row["name"], defaults={"position": position}
        )
        if not partner.logo:
            partner.logo.save(f"{slugify(row['name'])}.png", ContentFile(_logo(row["colour"])))


def _logo(colour: str, size: int = 96) -> bytes:
    """A PNG square of one colour (#rrggbb), written by hand so the demo needs no imaging
    library: enough to show where a partner's logo stands."""
    row = b"\x00" + bytes.fromhex(colour.removeprefix("#")) * size
    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(row * size))
        + _chunk(b"IEND", b"")
    )


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
