"""Issue 12: a closed period is closed. Everything it shows (indicator tables, charts,
financial summary, PDF, XLSX, JSON, the API and its page) is what was frozen at closing,
however the data changes afterwards."""

import datetime
import io
import json
import re
import subprocess
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from skillbridge.calls.models import Proposal
from skillbridge.grants.models import Disbursement, Grant, Tranche
from skillbridge.grants.selectors import envelope_of
from skillbridge.results import reports, services
from skillbridge.results.indicators import compute
from skillbridge.results.models import PeriodSnapshot
from skillbridge.results.selectors import indicator_rows
from tests.calls.factories import ProposalFactory
from tests.pairing.factories import ExpertProfileFactory
from tests.results.factories import leaky_user, moment, report_download
from tests.results.framework import build_framework

pytestmark = pytest.mark.django_db

IN_PERIOD = datetime.date(2026, 6, 30)
# A period is closed once it has ended.
AFTER_THE_YEAR = datetime.date(2027, 1, 1)


@pytest.fixture
def period(programme, officer, data):
    build_framework(programme, officer)
    return services.period_open(actor=officer, programme=programme, kind="year", year=2026)


def change_the_data(programme, officer, data):
    """After closing: a late proposal, a late grant with a payment, a new professional,
    and a payment on an existing grant, all dated inside the closed period."""
    proposal = ProposalFactory(
        call=data["proposals"][0].call,
        college=data["colleges"][0],
        sector=data["proposals"][0].sector,
        lead=leaky_user(900),
        state="selected",
        submitted_at=moment(IN_PERIOD),
    )
    grant = Grant.objects.create(
        proposal=proposal,
        programme=programme,
        amount_rwf=9_000_000,
        exchange_rate=Decimal(1500),
        starts_on=IN_PERIOD,
        ends_on=IN_PERIOD + datetime.timedelta(days=365),
        awarded_by=officer,
        state=Grant.State.ACTIVE,
    )
    Grant.objects.filter(pk=grant.pk).update(awarded_at=moment(IN_PERIOD))
    tranche = Tranche.objects.create(grant=grant, number=1, amount_rwf=9_000_000)
    Disbursement.objects.create(
        grant=grant,
        tranche=tranche,
        amount_rwf=3_000_000,
        paid_on=IN_PERIOD,
        method="bank_transfer",
        reference="LATE-1",
        recorded_by=officer,
    )
    Grant.objects.filter(pk=grant.pk).update(paid_rwf=3_000_000)
    ExpertProfileFactory(programme=programme, user=leaky_user(901), country="BE")


def outputs(client, period, *, as_user):
    """Every output of the period as its reader gets it, in comparable form."""
    client.force_login(as_user)
    workbook = load_workbook(io.BytesIO(report_download(client, period, "xlsx")))
    iati = json.loads(report_download(client, period, "json"))
    iati.pop("period-closed")
    api = client.get(
        "/api/v1/indicators/", {"programme": period.programme.slug, "period": period.pk}
    ).json()
    page = client.get(reverse("results:period", args=[period.pk]))
    return {
        "xlsx": {
            sheet.title: list(sheet.iter_rows(values_only=True))
            for sheet in workbook
            if sheet.title != "Narrative"
        },
        "json": iati,
        "api": api,
        "charts": [
            (chart.slug, [(bar.label, bar.text) for bar in chart.bars])
            for chart in page.context["charts"]
        ],
        "page": [
            (
                r.actual.value,
                r.actual.marker,
                [(d, [(s.label, s.value) for s in cells]) for d, cells in r.breakdowns],
            )
            for r in page.context["rows"]
        ],
    }


def pdf_text(content: bytes, tmp_path) -> str:
    path = tmp_path / "report.pdf"
    path.write_bytes(content)
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    return re.sub(r"Generated on [^.]*\.", "", text)


def test_every_output_of_a_closed_period_keeps_the_values_it_had_at_closing(
    client, programme, officer, donor, data, period, tmp_path
):
    at_closing = {
        "officer": outputs(client, period, as_user=officer),
        "donor": outputs(client, period, as_user=donor),
    }
    envelope_at_closing = envelope_of(programme)
    grants_at_closing = compute("grants_awarded", programme, period).total.value
    services.period_close(actor=officer, period=period, today=AFTER_THE_YEAR)
    period.refresh_from_db()
    client.force_login(donor)
    pdf_at_closing = pdf_text(report_download(client, period, "pdf"), tmp_path)

    change_the_data(programme, officer, data)

    # Counted live, the same period has moved ...
    assert compute("grants_awarded", programme, period).total.value == grants_at_closing + 1
    assert envelope_of(programme).committed_eur == envelope_at_closing.committed_eur + 6000
    # ... but nothing the closed period shows has.
    assert outputs(client, period, as_user=officer) == at_closing["officer"]
    assert outputs(client, period, as_user=donor) == at_closing["donor"]
    client.force_login(donor)
    pdf_now = pdf_text(report_download(client, period, "pdf"), tmp_path)
    assert pdf_now == pdf_at_closing

    # The frozen figures are the ones counted at closing, with exact values.
    xlsx = at_closing["donor"]["xlsx"]
    pipeline = dict(xlsx["From proposals to missions"][1:])
    assert pipeline["Grants awarded"] == grants_at_closing
    assert (
        pipeline["Proposals received"]
        == Proposal.objects.filter(call__programme=programme, submitted_at__isnull=False)
        .exclude(lead__email="secret.person900@leak.example.org")
        .count()
    )
    finance = dict(xlsx["Finance"][1:])
    assert finance == {
        "Envelope": envelope_at_closing.envelope_eur,
        "Committed by grants": envelope_at_closing.committed_eur,
        "Disbursed": envelope_at_closing.disbursed_eur,
        "Free": envelope_at_closing.free_eur,
    }
    assert f"{envelope_at_closing.committed_eur:,.2f}" in pdf_now
    assert f"{envelope_of(programme).committed_eur:,.2f}" not in pdf_now


def test_closing_freezes_every_query_and_the_envelope(programme, officer, data, period):
    envelope = envelope_of(programme)
    services.period_close(actor=officer, period=period, today=AFTER_THE_YEAR)
    snapshot = PeriodSnapshot.objects.get(period=period)
    assert (snapshot.envelope_eur, snapshot.committed_eur, snapshot.disbursed_eur) == (
        envelope.envelope_eur,
        envelope.committed_eur,
        envelope.disbursed_eur,
    )
    registered = compute("professionals_registered", programme, period)
    frozen = snapshot.measures["professionals_registered"]
    assert frozen["total"] == [str(registered.total.value), registered.total.count]
    assert {category for category, *_rest in frozen["by"]["country"]} == set(
        registered.by["country"]
    )


def test_a_closed_period_reads_its_labels_in_the_readers_language(programme, officer, data, period):
    services.period_close(actor=officer, period=period, today=AFTER_THE_YEAR)
    period.refresh_from_db()
    with translation.override("fr"):
        rows = indicator_rows(programme, period, disclosed=False)
    p2 = next(r for r in rows if r.indicator.code == "P2")
    assert [s.label for s in p2.by["sex"].values()] == [
        "femme",
        "homme",
        "préfère ne pas le dire",
    ]


def test_a_period_closed_before_snapshots_keeps_its_stored_indicator_values(
    programme, officer, data, period
):
    services.period_close(actor=officer, period=period, today=AFTER_THE_YEAR)
    period.refresh_from_db()
    frozen = {
        r.indicator.code: r.actual.value for r in indicator_rows(programme, period, disclosed=False)
    }
    PeriodSnapshot.objects.filter(period=period).delete()
    rows = indicator_rows(programme, period, disclosed=False)
    assert {r.indicator.code: r.actual.value for r in rows} == frozen
    html = reports.report_html(period, language="en")
    assert "This period was closed before the envelope was frozen with its report." in html


def test_a_closed_period_report_reads_no_live_record(programme, officer, data, period):
    services.period_close(actor=officer, period=period, today=AFTER_THE_YEAR)
    period.refresh_from_db()
    with CaptureQueriesContext(connection) as queries:
        reports.report_tables(reports.report_context(period))
    live = ("grants_grant", "grants_disbursement", "experts_expertprofile", "pairing_pairing")
    # Stories are read live on purpose: a team lead may withdraw the publication.
    touched = [
        q["sql"]
        for q in queries
        if any(f'"{table}"' in q["sql"] for table in live)
        and not q["sql"].startswith('SELECT "results_projectstory"')
    ]
    assert touched == []
