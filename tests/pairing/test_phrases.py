"""The engine's reasons, put into words a reader knows."""

from django.utils import translation

from skillbridge.pairing.phrases import engine_reason
from skillbridge.programmes.models import Sector


def test_language_codes_become_language_names():
    assert engine_reason("speaks en, rw") == "speaks English, Kinyarwanda"


def test_the_needs_sector_slug_becomes_its_name():
    sector = Sector(slug="mechanical-engineering", name="Mechanical engineering")
    assert engine_reason("same sector: mechanical-engineering", sector) == (
        "same sector: Mechanical engineering"
    )
    assert engine_reason("same sector: ict") == "same sector: ict"


def test_periods_read_as_ranges():
    assert engine_reason("available 2027-02-01..2027-04-30, 2027-06-01..2027-06-30") == (
        "available 2027-02-01 – 2027-04-30, 2027-06-01 – 2027-06-30"
    )


def test_reasons_are_given_in_the_readers_language():
    with translation.override("fr"):
        assert (
            engine_reason("speaks en") == "parle Anglais"
        )  # Django names languages with a capital
        assert engine_reason("works remote") == "travaille à distance"


def test_an_unknown_reason_is_shown_as_it_is():
    assert engine_reason("given score 0.5") == "given score 0.5"
