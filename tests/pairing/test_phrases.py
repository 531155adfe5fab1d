"""The engine's reasons, put into words a reader knows."""

from django.utils import translation

from skillbridge.pairing.phrases import diagnosis_text, engine_reason
from skillbridge.programmes.models import Sector


def test_language_codes_become_language_names():
    assert engine_reason("speaks en, rw") == "speaks English, Kinyarwanda"


def test_the_needs_sector_slug_becomes_its_name():
    sector = Sector(slug="mechanical-engineering", name="Mechanical engineering")
    assert engine_reason("same sector: mechanical-engineering", sector) == (
        "same sector: Mechanical engineering"
    )
    assert engine_reason("same sector: ict") == "same sector: ict"


def test_the_sectors_name_is_read_in_the_readers_language():
    sector = Sector(slug="ict", name="ICT", name_fr="TIC (français)")
    with translation.override("fr"):
        assert "TIC (français)" in engine_reason("same sector: ict", sector)
    with translation.override("en"):
        assert engine_reason("same sector: ict", sector) == "same sector: ICT"


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


def test_a_need_that_lost_its_one_qualifying_professional_reads_in_the_singular():
    taken = {"code": "taken_elsewhere", "values": {"count": 1}}
    assert diagnosis_text(taken).startswith("1 professional qualifies, but their place went")
    taken["values"]["count"] = 3
    assert diagnosis_text(taken).startswith("3 professionals qualify, but their places went")


def test_a_diagnosis_without_values_is_read_in_the_readers_language():
    with translation.override("fr"):
        assert (
            diagnosis_text({"code": "nobody_free"}) != "No approved professional has a free place."
        )
