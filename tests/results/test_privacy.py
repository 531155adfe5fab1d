"""The donor's pages, exports and the public page never carry a name, an email or a
group smaller than five. The generated data is full of named people with emails."""

import io
import json

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from skillbridge.calls.models import Proposal
from skillbridge.results import reports, services
from skillbridge.results.models import ProjectStory
from skillbridge.results.selectors import indicator_rows
from tests.results.factories import LEAKY_NAME, report_download
from tests.results.framework import build_framework

pytestmark = pytest.mark.django_db

LEAKS = [LEAKY_NAME, "leak.example.org", "alice@example.org", "dora@example.org"]


@pytest.fixture
def period(programme, officer, data):
    build_framework(programme, officer)
    funded = Proposal.objects.filter(state="selected").order_by("pk")
    services.story_approve(
        actor=funded[0].lead, proposal=funded[0], text="Approved public text of a funded project."
    )
    # A description nobody approved, naming a person: it must never be published.
    ProjectStory.objects.create(
        proposal=funded[1], text=f"Draft naming {LEAKY_NAME} and secret.person1@leak.example.org"
    )
    return services.period_open(actor=officer, programme=programme, kind="year", year=2026)


def assert_no_leak(text: str):
    for leak in LEAKS:
        assert leak not in text


def small_groups(programme, period):
    """(code, dimension, label) of every cell counting 1 to 4 people (or their records)."""
    small = set()
    for row in indicator_rows(programme, period, disclosed=False):
        if row.indicator.unit not in ("count", "people"):
            continue
        for dimension, cells in row.by.items():
            for shown in cells.values():
                if shown.count is not None and 0 < shown.count < 5:
                    small.add((row.indicator.code, dimension, shown.label))
    return small


def test_the_data_really_has_small_groups(programme, period):
    assert len(small_groups(programme, period)) >= 5


def test_the_donor_period_page_hides_every_small_group(client, donor, programme, period):
    client.force_login(donor)
    response = client.get(reverse("results:period", args=[period.pk]))
    assert_no_leak(response.content.decode())
    small = small_groups(programme, period)
    for row in response.context["rows"]:
        for dimension, cells in row.by.items():
            for shown in cells.values():
                if (row.indicator.code, dimension, shown.label) in small:
                    assert shown.hidden
                    assert shown.marker == "<5"


def test_the_donor_dashboard_hides_small_groups_and_names(client, donor, programme, period):
    client.force_login(donor)
    response = client.get(reverse("results:dashboard", args=[programme.slug]))
    assert_no_leak(response.content.decode())
    for chart in response.context["charts"]:
        if chart.slug in ("money", "pipeline"):  # money and programme totals are always shown
            continue
        for bar in chart.bars:
            assert bar.shown.hidden or bar.shown.value == 0 or bar.shown.value >= 5, (
                chart.slug,
                bar.label,
            )
    assert any(bar.shown.hidden for chart in response.context["charts"] for bar in chart.bars)


def test_the_officer_sees_the_small_groups(client, officer, programme, period):
    client.force_login(officer)
    response = client.get(reverse("results:period", args=[period.pk]))
    assert not any(
        shown.hidden
        for row in response.context["rows"]
        for cells in row.by.values()
        for shown in cells.values()
    )


def test_the_pdf_report_carries_no_name_email_or_small_group(client, donor, programme, period):
    html = reports.report_html(period, language="en")
    assert_no_leak(html)
    # Each funded project's story is told from its grant's data (results.stories).
    assert "Milestones reached:" in html
    assert "&lt;5" in html
    client.force_login(donor)
    assert report_download(client, period, "pdf").startswith(b"%PDF")


def test_the_xlsx_report_has_one_sheet_per_table_and_no_small_group(
    client, donor, programme, period
):
    client.force_login(donor)
    workbook = load_workbook(io.BytesIO(report_download(client, period, "xlsx")))
    assert workbook.sheetnames[:4] == ["Narrative", "Indicators", "Disaggregations", "Finance"]
    assert "Projects" in workbook.sheetnames
    every_cell = [
        str(cell) for sheet in workbook for row in sheet.iter_rows(values_only=True) for cell in row
    ]
    assert_no_leak(" ".join(every_cell))
    small = small_groups(programme, period)
    rows = list(workbook["Disaggregations"].iter_rows(values_only=True))[1:]
    hidden = {(code, dimension, label) for code, dimension, label, value in rows if value == "<5"}
    labels = {
        "sex": "Sex",
        "college": "College",
        "sector": "Sector",
        "country": "Country of residence",
    }
    assert {(c, labels[d], lab) for c, d, lab in small} <= hidden


def test_the_iati_json_hides_small_groups(client, donor, programme, period):
    client.force_login(donor)
    text = report_download(client, period, "json").decode()
    assert_no_leak(text)
    document = json.loads(text)
    small = small_groups(programme, period)
    seen = 0
    for result in document["result"]:
        for indicator in result["indicator"]:
            assert set(indicator["period"][0]) == {"period-start", "period-end", "target", "actual"}
            assert "baseline" in indicator
            for actual in indicator["period"][0]["actual"][1:]:
                dimension = actual["dimension"][0]
                if (indicator["ref"], dimension["name"], dimension["value"]) in small:
                    assert actual["value"] is None
                    seen += 1
    assert seen == len(small)


def test_the_public_impact_page_carries_no_name_or_small_group(client, programme, period):
    response = client.get(reverse("results:impact", args=[programme.slug]))
    page = response.content.decode()
    assert_no_leak(page)
    assert "Approved public text of a funded project." in page
    for _label, shown in response.context["headlines"]:
        assert shown.hidden or shown.value == 0 or shown.value >= 5
