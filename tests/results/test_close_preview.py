"""Closing a period starts with a preview that changes nothing; the officer confirms."""

import pytest
from django.urls import reverse

from skillbridge.common.models import AuditEntry
from skillbridge.results import services
from skillbridge.results.models import IndicatorValue, PeriodSnapshot, ReportingPeriod
from tests.results.factories import generate
from tests.results.framework import build_framework


@pytest.fixture
def period(programme, officer):
    build_framework(programme, officer)
    generate(programme, officer, size=6)
    return services.period_open(actor=officer, programme=programme, kind="year", year=2026)


def _unchanged(period) -> tuple:
    period.refresh_from_db()
    return (
        period.state,
        PeriodSnapshot.objects.filter(period=period).exists(),
        IndicatorValue.objects.filter(period=period).count(),
        AuditEntry.objects.filter(action="reporting_period.closed").count(),
    )


def test_the_preview_shows_what_closing_freezes_and_changes_nothing(client, officer, period):
    before = _unchanged(period)
    client.force_login(officer)
    page = client.get(reverse("results:close", args=[period.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Nothing has changed yet." in html
    assert 'name="confirm" value="close"' in html
    assert [row.indicator.code for row in page.context["rows"]]
    assert page.context["stories"]
    assert _unchanged(period) == before == ("open", False, 0, 0)


def test_a_post_without_the_confirmation_goes_back_to_the_preview(client, officer, period):
    client.force_login(officer)
    response = client.post(reverse("results:close", args=[period.pk]))
    assert response["Location"] == reverse("results:close", args=[period.pk])
    assert _unchanged(period) == ("open", False, 0, 0)


def test_confirming_closes_the_period(client, officer, period):
    client.force_login(officer)
    client.post(reverse("results:close", args=[period.pk]), {"confirm": "close"})
    assert _unchanged(period)[:2] == (ReportingPeriod.State.CLOSED, True)


def test_donors_see_no_preview(client, donor, period):
    client.force_login(donor)
    assert client.get(reverse("results:close", args=[period.pk])).status_code == 403
