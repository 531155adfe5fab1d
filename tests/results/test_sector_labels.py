"""The results name a sector in the reader's language (Sector.label) wherever they break a
figure down by sector: the period's page, the PDF's text and the XLSX."""

import datetime
import io

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils.translation import override as translation_of
from openpyxl import load_workbook

from skillbridge.programmes.models import Sector
from skillbridge.results import reports, services
from skillbridge.results.figures import figures_of
from skillbridge.results.indicators import Horizon, compute
from skillbridge.results.models import PeriodSnapshot
from tests.results.factories import report_download
from tests.results.framework import build_framework

pytestmark = pytest.mark.django_db

FRENCH = {"energy": "Énergie", "ict": "Numérique"}


@pytest.fixture
def period(programme, officer, data):
    for slug, label in FRENCH.items():
        Sector.objects.filter(slug=slug).update(name_fr=label)
    build_framework(programme, officer)
    return services.period_open(actor=officer, programme=programme, kind="year", year=2026)


def in_french(client, person):
    person.preferred_language = "fr"
    person.save()
    client.force_login(person)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"


def test_the_sector_breakdown_is_labelled_in_the_readers_language(programme, period):
    year = Horizon(ends_on=period.ends_on)
    with translation_of("fr"):
        french = compute("proposals_received", programme, year).by["sector"]
    english = compute("proposals_received", programme, year).by["sector"]
    # In the order of the labels, accents aside: Énergie among the e's.
    assert [(slug, cell.label) for slug, cell in french.items()] == list(FRENCH.items())
    assert {s: c.label for s, c in english.items()} == {"energy": "Energy", "ict": "ICT"}
    assert {s: c.count for s, c in french.items()} == {s: c.count for s, c in english.items()}


def test_the_period_page_and_the_pdf_name_the_sectors_in_french(client, donor, period):
    in_french(client, donor)
    page = client.get(reverse("results:period", args=[period.pk])).content.decode()
    html = reports.report_html(period, language="fr")
    for text in (page, html):
        breakdowns = text.split('class="breakdown small"')[1:]
        sectors = next(b for b in breakdowns if "Énergie" in b)
        assert "Numérique" in sectors
        assert "Energy" not in sectors
        assert "ICT" not in sectors


def test_the_workbook_names_the_sectors_in_french(client, donor, period):
    in_french(client, donor)
    workbook = load_workbook(io.BytesIO(report_download(client, period, "xlsx")))
    rows = list(workbook["Ventilations"].iter_rows(values_only=True))[1:]
    assert {row[2] for row in rows if row[1] == "Secteur"} == set(FRENCH.values())


def test_a_closed_period_names_the_sectors_in_its_readers_language(programme, officer, period):
    # Closed by an officer reading English: its French report still says Énergie.
    services.period_close(actor=officer, period=period, today=datetime.date(2027, 1, 1))
    period.refresh_from_db()
    frozen = PeriodSnapshot.objects.get(period=period).measures["proposals_received"]
    assert {row[0]: row[4]["fr"] for row in frozen["by"]["sector"]} == FRENCH
    Sector.objects.filter(slug="energy").update(name_fr="Renamed after closing")
    for language, expected in (("fr", FRENCH), ("en", {"energy": "Energy", "ict": "ICT"})):
        with translation_of(language):
            by = figures_of(programme, period).measure("proposals_received").by["sector"]
            assert {slug: cell.label for slug, cell in by.items()} == expected
    html = reports.report_html(period, language="fr")
    assert "Énergie" in html
    assert "Renamed after closing" not in html
