"""Issue 12: the donor's figures hide only small groups of people. Money, shares and the
programme's totals are always shown, on every page and in every export."""

import datetime
import io
import json
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from skillbridge.grants.models import Disbursement, Grant, Tranche
from skillbridge.pairing.models import Pairing
from skillbridge.results import dashboard, reports, services
from skillbridge.results.models import Indicator
from skillbridge.results.selectors import indicator_rows
from tests.calls.factories import CallFactory, ProposalFactory
from tests.factories import CollegeFactory, SectorFactory
from tests.pairing.factories import ExpertProfileFactory, NeedFactory
from tests.results.factories import leaky_user, moment, report_download
from tests.results.framework import build_framework

pytestmark = pytest.mark.django_db

PAID_ON = datetime.date(2026, 3, 2)


@pytest.fixture
def gishari(programme, officer):
    """Two grants of IPRC Gishari, 10,700,000 RWF paid; three professionals deployed."""
    college = CollegeFactory(short_name="IPRC Gishari", name="IPRC Gishari")
    sector = SectorFactory(slug="energy", name="Energy")
    call = CallFactory(programme=programme, sectors=[sector])
    grants = []
    for n, paid in enumerate((6_000_000, 4_700_000)):
        proposal = ProposalFactory(
            call=call,
            college=college,
            sector=sector,
            lead=leaky_user(n),
            state="selected",
            submitted_at=moment(datetime.date(2026, 2, 1)),
            lead_member__sex="female",
        )
        grant = Grant.objects.create(
            proposal=proposal,
            programme=programme,
            amount_rwf=8_000_000,
            exchange_rate=Decimal(1500),
            starts_on=datetime.date(2026, 2, 15),
            ends_on=datetime.date(2027, 2, 14),
            awarded_by=officer,
            state=Grant.State.ACTIVE,
        )
        Grant.objects.filter(pk=grant.pk).update(
            awarded_at=moment(datetime.date(2026, 2, 15)), paid_rwf=paid
        )
        tranche = Tranche.objects.create(
            grant=grant, number=1, amount_rwf=8_000_000, planned_on=PAID_ON, paid_rwf=paid
        )
        Disbursement.objects.create(
            grant=grant,
            tranche=tranche,
            amount_rwf=paid,
            paid_on=PAID_ON,
            method="bank_transfer",
            reference=f"GISHARI-{n}",
            recorded_by=officer,
        )
        grants.append(grant)
    for n in range(3):
        expert = ExpertProfileFactory(programme=programme, user=leaky_user(100 + n), sex="male")
        Pairing.objects.create(
            programme=programme,
            need=NeedFactory(programme=programme, proposal=grants[n % 2].proposal, sector=sector),
            expert=expert,
            state="accepted",
            answered_at=moment(datetime.date(2026, 4, 1)),
        )
    build_framework(programme, officer)
    return services.period_open(actor=officer, programme=programme, kind="year", year=2026)


def row(rows, code):
    return next(r for r in rows if r.indicator.code == code)


def test_the_donor_sees_the_money_paid_to_a_college_with_two_grants(programme, gishari):
    p3 = row(indicator_rows(programme, gishari, disclosed=True), "P3")
    assert p3.actual.value == Decimal(10_700_000)
    cell = p3.by["college"]["IPRC Gishari"]
    assert (cell.value, cell.marker) == (Decimal(10_700_000), "")


def test_the_donor_sees_the_programme_totals_however_small(programme, gishari):
    rows = indicator_rows(programme, gishari, disclosed=True)
    assert row(rows, "P1").actual.value == 2  # proposals received
    assert row(rows, "P6").actual.value == 3  # pairings accepted
    # Their disaggregations of people are withheld: every one of them is in one category.
    assert row(rows, "P1").by["college"] == {}
    assert row(rows, "P6").by["sex"] == {}
    assert row(rows, "P1").withheld == ["college", "sector", "sex"]
    assert row(rows, "P3").withheld == []  # money by college is shown


def test_every_export_carries_the_money_and_the_totals(client, donor, programme, gishari):
    client.force_login(donor)
    document = json.loads(report_download(client, gishari, "json"))
    actuals = {
        indicator["ref"]: indicator["period"][0]["actual"]
        for result in document["result"]
        for indicator in result["indicator"]
    }
    assert actuals["P3"] == [
        {"value": "10700000"},
        {"value": "10700000", "dimension": [{"name": "college", "value": "IPRC Gishari"}]},
    ]
    assert actuals["P1"][0] == {"value": "2"}
    workbook = load_workbook(io.BytesIO(report_download(client, gishari, "xlsx")))
    indicators = {r[0]: r[6] for r in workbook["Indicators"].iter_rows(values_only=True)}
    assert (indicators["P1"], indicators["P3"], indicators["P6"]) == (2, 10_700_000, 3)
    cells = {
        (r[0], r[1], r[2]): r[3] for r in workbook["Disaggregations"].iter_rows(values_only=True)
    }
    assert cells[("P3", "College", "IPRC Gishari")] == 10_700_000
    assert ("P1", "College", "IPRC Gishari") not in cells
    assert cells[("P1", "College", None)] == "not shown, so that nobody can be recognised"
    pipeline = dict(workbook["From proposals to missions"].iter_rows(values_only=True))
    assert (pipeline["Proposals received"], pipeline["Grants awarded"]) == (2, 2)
    assert pipeline["Pairings accepted"] == 3
    html = reports.report_html(gishari, language="en")
    assert "10,700,000" in html


def test_the_api_gives_the_donor_the_money_by_college(client, donor, programme, gishari):
    client.force_login(donor)
    body = client.get("/api/v1/indicators/", {"programme": programme.slug}).json()
    p3 = next(r for r in body["results"] if r["code"] == "P3")
    assert p3["actual"] == {"value": "10700000.00", "suppressed": ""}
    assert p3["disaggregations"] == [
        {
            "value": "10700000.00",
            "suppressed": "",
            "dimension": "college",
            "category": "IPRC Gishari",
        }
    ]


def test_the_public_page_leads_with_the_true_numbers(client, programme, gishari):
    response = client.get(reverse("results:impact", args=[programme.slug]))
    headlines = {str(label): shown for label, shown in response.context["headlines"]}
    assert headlines["diaspora professionals deployed"].value == 3
    assert headlines["projects funded"].value == 2
    assert headlines["proposals from students and trainers"].value == 2
    page = response.content.decode()
    assert "&lt;5" not in page
    assert '<strong class="headline-number">3</strong> diaspora professionals deployed' in page


def test_the_donor_dashboard_charts_the_totals(client, donor, programme, gishari):
    client.force_login(donor)
    response = client.get(reverse("results:dashboard", args=[programme.slug]))
    charts = {chart.slug: chart for chart in response.context["charts"]}
    assert [(b.label, b.text) for b in charts["pipeline"].bars] == [
        ("Proposals received", "2"),
        ("Projects selected", "2"),
        ("Grants awarded", "2"),
        ("Pairings accepted", "3"),
        ("Missions completed", "0"),
    ]
    assert charts["colleges"].bars == []  # one college: naming it would say both are there
    assert (charts["colleges"].withheld, charts["gender-trained"].withheld) == (True, False)
    assert "Not shown: the groups are so small" in response.content.decode()


def test_an_approved_count_close_to_the_registered_one_is_hidden(programme, officer):
    """Registered 10 Belgians, approved 8: showing both would name the 2 not approved."""
    for n in range(20):
        ExpertProfileFactory(
            programme=programme,
            user=leaky_user(n),
            country="BE" if n < 10 else "DE",
            state="registered" if n in (0, 1) else "approved",
        )
    output = build_framework(programme, officer)
    services.indicator_save(
        actor=officer,
        programme=programme,
        statement=output,
        code="P7",
        name="Approved",
        unit=Indicator.Unit.PEOPLE,
        baseline=Decimal(0),
        target=Decimal(50),
        method="computed",
        query="professionals_approved",
        disaggregations=["country"],
        sdg_targets=[],
    )
    year = datetime.date.today().year
    period = services.period_open(actor=officer, programme=programme, kind="year", year=year)
    rows = indicator_rows(programme, period, disclosed=True)
    registered = {k: (s.value, s.marker) for k, s in row(rows, "P2").by["country"].items()}
    approved = {k: (s.value, s.marker) for k, s in row(rows, "P7").by["country"].items()}
    assert registered == {"BE": (10, ""), "DE": (10, "")}
    assert approved == {"BE": (None, "x"), "DE": (None, "x")}
    assert row(rows, "P7").actual.value == 18


def test_headline_totals_use_one_count_per_query(programme, gishari, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        dashboard.headlines(programme)
