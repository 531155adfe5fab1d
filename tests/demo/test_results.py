"""The demo step: a framework, a closed quarter and an open one, and approved stories."""

import pytest

from skillbridge.demo.people import seed_accounts, seed_organisations
from skillbridge.demo.programmes import seed_programme
from skillbridge.demo.results import INDICATORS, seed_results
from skillbridge.results.models import Indicator, IndicatorValue, ReportingPeriod, Statement

pytestmark = pytest.mark.django_db


def snapshot():
    return (
        list(Statement.objects.values_list("code", "text")),
        list(Indicator.objects.values_list("code", "query", "target")),
        list(ReportingPeriod.objects.values_list("label", "state", "summary")),
        IndicatorValue.objects.count(),
    )


def test_the_demo_step_is_complete_and_idempotent():
    seed_organisations()
    seed_programme()
    seed_accounts()
    seed_results()
    first = snapshot()
    seed_results()
    assert snapshot() == first
    assert Indicator.objects.count() == len(INDICATORS)
    states = sorted(ReportingPeriod.objects.values_list("state", flat=True))
    assert states == ["closed", "open"]
    closed = ReportingPeriod.objects.get(state="closed")
    assert closed.summary
    assert IndicatorValue.objects.filter(period=closed, indicator__code="1.1").get().source
