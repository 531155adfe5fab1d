"""Reporting periods: opening, hand entries, closing, and snapshots that do not move."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from skillbridge.common.models import AuditEntry
from skillbridge.results import services, targets
from skillbridge.results.indicators import compute
from skillbridge.results.models import Indicator, IndicatorValue, ReportingPeriod
from skillbridge.results.selectors import indicator_rows
from tests.calls.factories import ProposalFactory
from tests.results.framework import build_framework

pytestmark = pytest.mark.django_db


@pytest.fixture
def framework(programme, officer):
    return build_framework(programme, officer)


def open_quarter(programme, officer, quarter=2):
    return services.period_open(
        actor=officer, programme=programme, kind="quarter", year=2026, quarter=quarter
    )


def actual(rows, code):
    return next(row for row in rows if row.indicator.code == code).actual.value


def test_a_quarter_runs_from_its_first_to_its_last_day(programme, officer):
    period = open_quarter(programme, officer, quarter=4)
    assert (period.label, period.starts_on, period.ends_on) == (
        "2026 Q4",
        datetime.date(2026, 10, 1),
        datetime.date(2026, 12, 31),
    )
    year = services.period_open(actor=officer, programme=programme, kind="year", year=2026)
    assert (year.starts_on, year.ends_on) == (
        datetime.date(2026, 1, 1),
        datetime.date(2026, 12, 31),
    )


def test_a_period_opens_once(programme, officer):
    open_quarter(programme, officer)
    with pytest.raises(ValidationError) as error:
        open_quarter(programme, officer)
    assert "year" in error.value.message_dict
    assert ReportingPeriod.objects.count() == 1


def test_a_closed_period_keeps_its_values_when_the_data_changes(
    programme, officer, data, framework
):
    period = open_quarter(programme, officer)
    before = indicator_rows(programme, period, disclosed=False)
    services.period_close(actor=officer, period=period)
    # Late corrections: a proposal submitted on the last day of the quarter is added,
    # and one of the quarter's proposals is deleted from the record.
    ProposalFactory(
        call=data["proposals"][0].call,
        college=data["colleges"][0],
        submitted_at=datetime.datetime(2026, 6, 30, 9, tzinfo=datetime.UTC),
        state="submitted",
    )
    period.refresh_from_db()
    after = indicator_rows(programme, period, disclosed=False)
    assert actual(after, "P1") == actual(before, "P1") > 0
    assert [(r.indicator.code, r.actual.value) for r in after] == [
        (r.indicator.code, r.actual.value) for r in before
    ]
    assert [
        {d: {s.label: s.value for s in cells.values()} for d, cells in r.by.items()} for r in after
    ] == [
        {d: {s.label: s.value for s in cells.values()} for d, cells in r.by.items()} for r in before
    ]
    # Computed live, the same quarter has moved: only the snapshot kept the report.
    assert compute("proposals_received", programme, period).total.value == actual(before, "P1") + 1


def test_closing_stores_one_value_per_indicator_and_category(programme, officer, data, framework):
    period = open_quarter(programme, officer)
    services.period_close(actor=officer, period=period)
    p1 = Indicator.objects.get(code="P1")
    stored = IndicatorValue.objects.filter(period=period, indicator=p1)
    rows = indicator_rows(programme, period, disclosed=False)
    p1_row = next(r for r in rows if r.indicator.code == "P1")
    assert stored.count() == 1 + sum(len(cells) for cells in p1_row.by.values())
    assert AuditEntry.objects.filter(action="reporting_period.closed").count() == 1


def test_a_closed_period_refuses_changes(programme, officer, framework):
    period = open_quarter(programme, officer)
    services.period_close(actor=officer, period=period)
    manual = Indicator.objects.get(code="M1")
    with pytest.raises(ValidationError):
        services.value_enter(
            actor=officer, period=period, indicator=manual, value=Decimal(3), source="visit"
        )
    with pytest.raises(ValidationError):
        services.period_close(actor=officer, period=period)
    with pytest.raises(ValidationError):
        services.period_narrative_update(
            actor=officer, period=period, summary="x", achievements="", challenges="", next_steps=""
        )
    assert not IndicatorValue.objects.filter(indicator=manual).exists()


def test_a_hand_entered_value_needs_a_source_and_is_reported(programme, officer, framework):
    period = open_quarter(programme, officer)
    manual = Indicator.objects.get(code="M1")
    with pytest.raises(ValidationError) as error:
        services.value_enter(
            actor=officer, period=period, indicator=manual, value=Decimal(3), source=" "
        )
    assert "source" in error.value.message_dict
    assert not IndicatorValue.objects.exists()
    services.value_enter(
        actor=officer, period=period, indicator=manual, value=Decimal(3), source="Visits"
    )
    row = next(
        r for r in indicator_rows(programme, period, disclosed=False) if r.indicator.code == "M1"
    )
    assert (row.actual.value, row.source, row.missing) == (Decimal(3), "Visits", False)


def test_a_computed_indicator_takes_no_hand_entry(programme, officer, framework):
    period = open_quarter(programme, officer)
    with pytest.raises(ValidationError) as error:
        services.value_enter(
            actor=officer,
            period=period,
            indicator=Indicator.objects.get(code="P1"),
            value=Decimal(3),
            source="guess",
        )
    assert "value" in error.value.message_dict


def test_an_indicator_may_only_be_disaggregated_as_its_query_allows(programme, officer, framework):
    statement = Indicator.objects.get(code="P1").statement
    with pytest.raises(ValidationError) as error:
        services.indicator_save(
            actor=officer,
            programme=programme,
            statement=statement,
            code="X1",
            name="Disbursed",
            unit="rwf",
            baseline=Decimal(0),
            target=Decimal(10),
            method="computed",
            query="amount_disbursed_rwf",
            disaggregations=["sex"],
            sdg_targets=[],
        )
    assert "disaggregations" in error.value.message_dict
    assert not Indicator.objects.filter(code="X1").exists()


def test_progress_and_traffic_lights_follow_the_stated_thresholds(programme, officer, framework):
    assert targets.progress(actual=Decimal(45), baseline=Decimal(0), target=Decimal(100)) == 45
    assert targets.light(progress=Decimal(45), expected=Decimal(50)) == "green"
    assert targets.light(progress=Decimal(30), expected=Decimal(50)) == "amber"
    assert targets.light(progress=Decimal(29), expected=Decimal(50)) == "red"
    assert targets.light(progress=None, expected=Decimal(50)) == ""
