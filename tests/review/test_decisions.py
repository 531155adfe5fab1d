"""Decisions: staged with reasons, released together, mailed exactly once."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from skillbridge.calls.models import Proposal
from skillbridge.common.models import AuditEntry, OutboxMessage
from skillbridge.review import services
from skillbridge.review.models import Decision, Review
from tests.calls.factories import TeamMemberFactory
from tests.review.conftest import stage_all, submit


@pytest.fixture
def reviewed(assigned):
    values = {0: (5, 5, 4), 1: (3, 2, 3), 2: (4, 4, 4)}
    for index, proposal in enumerate(assigned):
        for review in proposal.reviews.filter(status="active"):
            submit(review, values=values[index], applicant_comment=f"Keep going {index}.")
    return assigned


def test_released_decisions_reach_the_outbox_exactly_once(
    call, officer, reviewed, django_capture_on_commit_callbacks
):
    TeamMemberFactory(proposal=reviewed[0], user=None, email="teammate@example.org")
    stage_all(officer, call, reviewed)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.decisions_release(actor=officer, call=call, share_comments=True) == 3
    with django_capture_on_commit_callbacks(execute=True):
        assert services.decisions_release(actor=officer, call=call, share_comments=True) == 0
    decision_mail = OutboxMessage.objects.filter(kind="review.decision")
    assert decision_mail.count() == 4  # three leads and one team mate
    assert len(mail.outbox) == 4
    to_winner = decision_mail.get(to="teammate@example.org")
    assert "selected for a grant" in to_winner.body
    assert "Keep going 0." in to_winner.body
    states = {p.title: (p.state, p.reserve_rank) for p in Proposal.objects.filter(call=call)}
    assert states == {
        "Solar dryer": ("selected", None),
        "Drip kit": ("not_selected", None),
        "Ticketing app": ("reserve", 1),
    }
    assert AuditEntry.objects.filter(action="proposal.reserve").count() == 1
    assert AuditEntry.objects.filter(action="decision.released").count() == 3


def test_comments_for_applicants_stay_out_unless_the_officer_shares_them(call, officer, reviewed):
    stage_all(officer, call, reviewed)
    services.decisions_release(actor=officer, call=call, share_comments=False)
    assert not OutboxMessage.objects.filter(body__contains="Keep going").exists()


def test_a_decision_needs_a_reason(call, officer, reviewed):
    with pytest.raises(ValidationError) as caught:
        services.decision_stage(actor=officer, proposal=reviewed[0], outcome="selected", reason=" ")
    assert "reason" in caught.value.message_dict
    assert not Decision.objects.exists()


def test_the_reserve_list_stays_ordered_without_gaps(call, officer, reviewed):
    for proposal, place in [(reviewed[0], 1), (reviewed[1], 1)]:
        services.decision_stage(
            actor=officer, proposal=proposal, outcome="reserve", reason="Close.", reserve_rank=place
        )
    ranks = dict(Decision.objects.values_list("proposal__title", "reserve_rank"))
    assert ranks == {"Drip kit": 1, "Solar dryer": 2}
    services.decision_stage(actor=officer, proposal=reviewed[1], outcome="selected", reason="Yes.")
    ranks = dict(Decision.objects.values_list("proposal__title", "reserve_rank"))
    assert ranks == {"Drip kit": None, "Solar dryer": 1}


def test_released_decisions_cannot_be_changed(call, officer, reviewed):
    stage_all(officer, call, reviewed)
    services.decisions_release(actor=officer, call=call, share_comments=False)
    with pytest.raises(ValidationError):
        services.decision_stage(actor=officer, proposal=reviewed[1], outcome="selected", reason="x")


def test_a_submitted_review_cannot_be_removed(call, officer, reviewed):
    review = Review.objects.filter(submitted_at__isnull=False).first()
    with pytest.raises(ValidationError):
        services.assignment_remove(actor=officer, review=review)


def test_after_release_the_selection_page_compares_instead_of_failing(
    client, call, officer, reviewed
):
    stage_all(officer, call, reviewed)
    services.decisions_release(actor=officer, call=call, share_comments=False)
    client.force_login(officer)
    url = reverse("review:selection", args=[call.pk])
    page = client.get(url + "?size=1&reserve=1&min_per_sector=1")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Every reviewed proposal already has a decision" in text
    assert reviewed[0].title in text
    assert "Stage the decisions" not in text
    before = list(Decision.objects.values_list("proposal_id", "outcome", "released_at"))
    posted = client.post(
        url,
        {"size": 1, "reserve": 0, "reason_selected": "a", "reason_not_selected": "b"},
    )
    assert posted.status_code == 302
    assert "nothing is left" in client.get(posted["Location"]).content.decode()
    assert list(Decision.objects.values_list("proposal_id", "outcome", "released_at")) == before


def test_with_no_reviewed_proposal_the_selection_page_says_so(client, call, officer, assigned):
    client.force_login(officer)
    page = client.get(reverse("review:selection", args=[call.pk]) + "?size=2&reserve=1")
    assert page.status_code == 200
    assert "No proposal has a submitted review yet" in page.content.decode()
