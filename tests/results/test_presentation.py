"""How the donor's dashboard, PDF and XLSX read: chart geometry, whole euros, a workbook
with words instead of codes and numbers stored as numbers, tidy breakdown lists."""

import io
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from skillbridge.grants.selectors import envelope_of
from skillbridge.results import reports, services
from skillbridge.results.charts import bar_chart
from skillbridge.results.dashboard import money_chart
from skillbridge.results.disclosure import Shown
from skillbridge.results.reports import _sheet_title
from tests.results.factories import report_download
from tests.results.framework import build_framework

pytestmark = pytest.mark.django_db


@pytest.fixture
def period(programme, officer, data):
    build_framework(programme, officer)
    return services.period_open(actor=officer, programme=programme, kind="year", year=2026)


def test_each_chart_label_sits_above_its_bar_and_rows_do_not_overlap():
    chart = bar_chart(
        "sex",
        "By sex",
        "people",
        [("female", Shown(Decimal(20))), ("male", Shown(Decimal(10))), ("other", Shown(None))],
    )
    first, second, hidden = chart.bars
    assert [bar.label for bar in chart.bars] == ["Female", "Male", "Other"]
    for bar in chart.bars:
        assert bar.label_y < bar.y < bar.text_y <= bar.y + chart.bar_height
    assert first.y + chart.bar_height < second.label_y - 10
    assert chart.height >= hidden.y + chart.bar_height
    assert (first.width, second.width, hidden.width) == (250, 125, 0)
    assert first.text_x + 60 <= chart.width  # room for "500,000" after the longest bar


def test_the_envelope_chart_shows_whole_euros(programme):
    programme.envelope_eur = Decimal("500000.00")
    programme.save()
    chart = money_chart(envelope_of(programme))
    assert chart.title == "The donor envelope (EUR)"
    assert chart.bars[0].text == "500,000"
    assert all(bar.shown.value == bar.shown.value.to_integral_value() for bar in chart.bars)


def test_sheet_titles_are_cut_at_a_word_and_stay_unique():
    used: set[str] = set()
    long = "Where the registered professionals live"
    assert _sheet_title(long, used) == "Where the registered…"
    assert _sheet_title(long, used) == "Where the registered… 2"
    assert _sheet_title("Finance", used) == "Finance"
    assert all(len(title) <= 31 for title in used)


def test_the_workbook_says_the_status_in_words_and_keeps_numbers_as_numbers(
    client, donor, programme, period
):
    client.force_login(donor)
    workbook = load_workbook(io.BytesIO(report_download(client, period, "xlsx")))
    header, *rows = list(workbook["Indicators"].iter_rows(values_only=True))
    assert header[-3:] == ("Progress (%)", "Expected progress (%)", "Status")
    statuses = {row[-1] for row in rows}
    assert statuses <= {"on track", "needs attention", "off track", None}
    assert statuses & {"on track", "needs attention", "off track"}
    assert workbook["Indicators"]["A1"].font.b
    assert workbook["Indicators"].freeze_panes == "A2"
    pipeline = list(workbook["From proposals to missions"].iter_rows(values_only=True))[1:]
    assert all(isinstance(value, int) or value in ("<5", "x") for _label, value in pipeline)
    by = {row[1] for row in list(workbook["Disaggregations"].iter_rows(values_only=True))[1:]}
    assert by <= {"Sex", "College", "Sector", "Country of residence"}


def test_breakdowns_read_as_a_list_without_a_space_before_each_semicolon(
    client, donor, programme, period
):
    client.force_login(donor)
    page = client.get(reverse("results:period", args=[period.pk])).content.decode()
    html = reports.report_html(period, language="en")
    for text in (page, html):
        breakdowns = re.findall(r'<div class="breakdown small">(.*?)</div>', text, re.S)
        assert breakdowns
        assert not any(" ;" in b for b in breakdowns)


def test_the_dashboard_names_the_period_of_each_download_link(client, donor, programme, period):
    client.force_login(donor)
    page = client.get(reverse("results:dashboard", args=[programme.slug])).content.decode()
    pdf = reverse("results:report", args=[period.pk, "pdf"])
    assert f'<a href="{pdf}">PDF<span class="visually-hidden"> {period.label}</span></a>' in page
    assert "figures may still change" in page
