"""Closing a period starts with a preview that changes nothing; the officer confirms."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from skillbridge.common.models import AuditEntry
from skillbridge.results import services
from skillbridge.results.models import IndicatorValue, PeriodSnapshot, ReportingPeriod
from tests.results.factories import generate
from tests.results.framework import build_framework


@pytest.fixture
def period(programme, officer):
    """A year that has ended, with its records in it: it may be closed."""
    build_framework(programme, officer)
    generate(programme, officer, size=6, start=datetime.date(2025, 1, 6))
    return services.period_open(actor=officer, programme=programme, kind="year", year=2025)


@pytest.fixture
def future(programme, officer):
    """The year after this one: it has not ended, so it may not be closed yet."""
    build_framework(programme, officer)
    year = timezone.localdate().year + 1
    return services.period_open(actor=officer, programme=programme, kind="year", year=year)


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


def test_the_preview_has_its_actions_at_the_top_as_well_as_the_bottom(client, officer, period):
    client.force_login(officer)
    html = client.get(reverse("results:close", args=[period.pk])).content.decode()
    assert html.count('name="confirm" value="close"') == 2
    assert html.index('value="close"') < html.index("The figures that will be frozen")


def _when(year_period) -> str:
    year = year_period.ends_on.year
    return f"This period ends on 31 December {year}: it can be closed from 1 January {year + 1}."


def test_a_period_that_has_not_ended_offers_no_close_and_says_when(client, officer, future):
    client.force_login(officer)
    when = _when(future)
    period_page = client.get(reverse("results:period", args=[future.pk])).content.decode()
    assert when in period_page
    assert reverse("results:close", args=[future.pk]) not in period_page
    preview = client.get(reverse("results:close", args=[future.pk])).content.decode()
    assert when in preview
    assert 'value="close"' not in preview


def test_closing_a_period_that_has_not_ended_is_refused_with_its_date(client, officer, future):
    client.force_login(officer)
    response = client.post(
        reverse("results:close", args=[future.pk]), {"confirm": "close"}, follow=True
    )
    assert response.status_code == 200
    assert [str(m) for m in response.context["messages"]] == [_when(future)]
    assert _unchanged(future) == ("open", False, 0, 0)


def test_the_service_closes_a_period_from_the_day_after_it_ends(officer, future):
    with pytest.raises(ValidationError):
        services.period_close(actor=officer, period=future, today=future.ends_on)
    services.period_close(
        actor=officer, period=future, today=future.ends_on + datetime.timedelta(days=1)
    )
    assert _unchanged(future)[:2] == (ReportingPeriod.State.CLOSED, True)
