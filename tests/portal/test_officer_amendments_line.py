"""The officer's queue of amendments to decide: counted, the oldest first, in fixed queries."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from skillbridge.grants.models import Amendment
from skillbridge.grants.services import amendments, awards
from tests.factories import CollegeFactory, ProgrammeFactory, UserFactory
from tests.grants.factories import award, selected_proposal
from tests.portal.test_dashboards import dashboard, queries_of

pytestmark = pytest.mark.django_db


def _asked(programme, college, officer, n, *, days_ago=1):
    """`n` running grants, each with an extension waiting for the officer."""
    asked = []
    for i in range(n):
        lead = UserFactory()
        grant = award(selected_proposal(programme=programme, college=college, lead=lead), officer)
        grant = awards.grant_accept_agreement(actor=lead, grant=grant)
        amendment = amendments.amendment_request(
            actor=lead,
            grant=grant,
            kind="extension",
            reason="The workshop opens late.",
            changes={"ends_on": grant.ends_on + datetime.timedelta(days=30)},
        )
        Amendment.objects.filter(pk=amendment.pk).update(
            requested_at=timezone.now() - datetime.timedelta(days=days_ago + i)
        )
        asked.append(amendment)
    return asked


def test_the_officer_sees_the_amendments_to_decide_in_fixed_queries(
    client, programme, college, officer, django_assert_num_queries
):
    _asked(ProgrammeFactory(), CollegeFactory(), UserFactory(), 2, days_ago=30)
    client.force_login(officer)
    _asked(programme, college, officer, 1)
    few = queries_of(client)
    oldest = _asked(programme, college, officer, 3, days_ago=5)[-1]
    with django_assert_num_queries(few):
        page = dashboard(client)
    assert "4 amendments to decide" in page
    assert reverse("grants:amendments", args=[oldest.grant_id]) in page


def test_with_no_amendment_waiting_the_line_says_zero(client, programme, officer):
    client.force_login(officer)
    page = dashboard(client)
    assert "0 amendments to decide" in page
    assert reverse("grants:programme", args=[programme.slug]) in page


def test_a_decided_amendment_leaves_the_queue(client, programme, college, officer):
    (amendment,) = _asked(programme, college, officer, 1)
    amendments.amendment_approve(actor=officer, amendment=amendment, comments="Fine.")
    client.force_login(officer)
    assert "0 amendments to decide" in dashboard(client)
