"""Dates, numbers and amounts from CLDR in the three languages, and countdowns in words."""

import datetime
from decimal import Decimal
from io import BytesIO

import pytest
from django.template import Context, Template
from django.utils import translation
from django.utils.formats import date_format, get_format
from openpyxl import load_workbook

from skillbridge.common import formats
from skillbridge.common.exports import table_response

DAY = datetime.date(2026, 12, 28)


@pytest.mark.parametrize(
    ("language", "date", "amount", "euros"),
    [
        ("rw", "28 Ukuboza 2026", "RF\xa02.350.000", "€\xa01.234,50"),
        ("fr", "28 décembre 2026", "2\u202f350\u202f000\xa0RWF", "1\u202f234,50\xa0€"),
        ("en", "28 December 2026", "RWF\u00a02,350,000", "€1,234.50"),
    ],
)
def test_each_language_reads_dates_and_amounts_its_own_way(language, date, amount, euros):
    with translation.override(language):
        assert formats.date(DAY) == date
        assert formats.money(2350000) == amount
        assert formats.money(Decimal("1234.5"), "EUR") == euros


def test_the_same_figures_come_through_the_template_filters():
    template = Template(
        "{% load sb_formats %}{{ day|longdate }} | {{ amount|money }} | {{ n|number }}"
    )
    with translation.override("rw"):
        page = template.render(Context({"day": DAY, "amount": 2350000, "n": 12000}))
    assert page == "28 Ukuboza 2026 | RF\xa02.350.000 | 12.000"


def test_django_has_kinyarwanda_formats_from_the_formats_module():
    with translation.override("rw"):
        assert date_format(DAY) == "28 Ukuboza 2026"
        assert get_format("THOUSAND_SEPARATOR") == "."
        assert get_format("DECIMAL_SEPARATOR") == ","
        assert get_format("FIRST_DAY_OF_WEEK") == 1


@pytest.mark.parametrize(
    ("left", "words"),
    [
        (datetime.timedelta(days=28, hours=4, minutes=40), "28 days and 4 hours"),
        (datetime.timedelta(days=1, minutes=5), "1 day"),
        (datetime.timedelta(hours=1, minutes=1), "1 hour and 1 minute"),
        (datetime.timedelta(minutes=2), "2 minutes"),
        (datetime.timedelta(minutes=-5), "0 minutes"),
    ],
)
def test_durations_are_words_with_their_plural_forms(left, words):
    with translation.override("en"):
        assert formats.duration(left) == words


def test_a_countdown_names_no_abbreviation_in_any_language():
    now = datetime.datetime(2026, 12, 1, tzinfo=datetime.UTC)
    for language in ("rw", "fr", "en"):
        with translation.override(language):
            text = formats.count_left(now + datetime.timedelta(days=28, hours=4), now)
        assert " d " not in f" {text} "
        assert " min" not in text
        assert " h " not in f" {text} "
        assert "28" in text
        assert "4" in text


def test_spreadsheets_group_amounts_in_the_readers_own_separators():
    response = table_response(
        filename="t", file_format="xlsx", headers=["item", "RWF"], rows=[["a", 2350000]]
    )
    cell = load_workbook(BytesIO(response.content)).active["B2"]
    assert cell.value == 2350000
    assert cell.number_format == "#,##0"


def test_numbers_kept_per_process_still_follow_the_language_the_digits_and_the_value():
    # Each asked twice: the second answer comes from the process's own store.
    for _ in range(2):
        assert formats.number(1234.5, "en") == "1,234.5"
        assert formats.number(1234.5, "fr") == "1\u202f234,5"
        assert formats.number(2, "en") == "2"
        assert formats.number(2, "en", digits=2) == "2.00"
        # Equal values of another type or written otherwise are formatted for themselves.
        assert formats.number(Decimal("2.50"), "en", digits=0) == "2"
        assert formats.number(Decimal("2.5"), "en", digits=1) == "2.5"
        assert formats.number(-0.0, "en") == "-0"
        assert formats.number(0.0, "en") == "0"
