"""After an eligibility decision the officer goes on to the next proposal of the call."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from skillbridge.calls.models import Proposal
from tests.calls.factories import CallFactory, ProposalFactory

pytestmark = pytest.mark.django_db
NEXT = "Next proposal awaiting eligibility"


def _submitted(call, college, title, days_ago):
    return ProposalFactory(
        call=call,
        college=college,
        title=title,
        state=Proposal.State.SUBMITTED,
        submitted_at=timezone.now() - datetime.timedelta(days=days_ago),
    )


def _decide(client, proposal):
    return client.post(
        reverse("calls:eligibility_decide", args=[proposal.pk]),
        {"decision": "ineligible", "reason": "Outside the call's sectors."},
        follow=True,
    )


def test_after_a_decision_the_page_links_to_the_oldest_next_in_the_same_call(
    client, programme, college, officer
):
    call = CallFactory(programme=programme)
    first = _submitted(call, college, "Biogas kits", days_ago=9)
    newer = _submitted(call, college, "Drone maps", days_ago=2)
    older = _submitted(call, college, "Solar cold rooms", days_ago=5)
    _submitted(CallFactory(programme=programme), college, "Another call's", days_ago=30)
    client.force_login(officer)
    before = client.get(reverse("calls:proposal_detail", args=[first.pk])).content.decode()
    assert NEXT not in before  # not before this one is decided
    page = _decide(client, first).content.decode()
    assert NEXT in page
    assert reverse("calls:proposal_detail", args=[older.pk]) in page
    page = _decide(client, older).content.decode()
    assert reverse("calls:proposal_detail", args=[newer.pk]) in page
    assert NEXT not in _decide(client, newer).content.decode()  # the call's queue is empty


def test_the_team_is_not_offered_the_next_proposal(client, programme, college, officer):
    call = CallFactory(programme=programme)
    decided = _submitted(call, college, "Biogas kits", days_ago=9)
    _submitted(call, college, "Drone maps", days_ago=2)
    client.force_login(officer)
    _decide(client, decided)
    client.force_login(decided.lead)
    page = client.get(reverse("calls:proposal_detail", args=[decided.pk])).content.decode()
    assert NEXT not in page
    assert "Drone maps" not in page
