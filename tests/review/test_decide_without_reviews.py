"""Deciding a proposal nobody has reviewed: said plainly, confirmed, with a reason on record."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from skillbridge.common.models import AuditEntry
from skillbridge.review import services
from skillbridge.review.models import Decision, Review
from tests.common.test_pages import assert_clean
from tests.review.conftest import submit


@pytest.fixture
def unreviewed(assigned):
    """Solar dryer has two submitted reviews; Drip kit has none yet."""
    for review in assigned[0].reviews.filter(status="active"):
        submit(review)
    return assigned[1]


def decide_url(proposal):
    return reverse("review:decide", args=[proposal.call_id, proposal.pk])


def test_the_decide_page_says_no_reviews_yet_instead_of_none(client, officer, unreviewed):
    client.force_login(officer)
    response = client.get(decide_url(unreviewed))
    assert_clean(response)
    page = response.content.decode()
    assert "None" not in page
    assert "no reviews yet" in page
    assert 'name="confirm_without_reviews"' in page
    assert 'name="without_reviews_reason"' in page


def test_a_reviewed_proposal_shows_its_scores_and_asks_no_confirmation(
    client, officer, assigned, unreviewed
):
    client.force_login(officer)
    page = client.get(decide_url(assigned[0])).content.decode()
    assert "2 reviews, mean" in page
    assert "None" not in page
    assert "confirm_without_reviews" not in page


def test_deciding_without_reviews_needs_the_confirmation_and_a_reason_at_the_fields(
    client, officer, unreviewed
):
    client.force_login(officer)
    response = client.post(
        decide_url(unreviewed), {"outcome": "not_selected", "reason": "Out of scope."}
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.errors) == {"confirm_without_reviews", "without_reviews_reason"}
    response = client.post(
        decide_url(unreviewed),
        {
            "outcome": "not_selected",
            "reason": "Out of scope.",
            "confirm_without_reviews": "on",
            "without_reviews_reason": "   ",
        },
    )
    assert set(response.context["form"].errors) == {"without_reviews_reason"}
    assert not Decision.objects.exists()
    assert not AuditEntry.objects.filter(action="decision.staged").exists()


def test_a_confirmed_decision_without_reviews_keeps_its_reason_in_the_audit_log(
    client, officer, unreviewed
):
    client.force_login(officer)
    response = client.post(
        decide_url(unreviewed),
        {
            "outcome": "not_selected",
            "reason": "Out of scope.",
            "confirm_without_reviews": "on",
            "without_reviews_reason": "Both reviewers withdrew; the committee read it itself.",
        },
    )
    assert response.status_code == 302
    decision = Decision.objects.get()
    assert (decision.proposal, decision.outcome, decision.reason) == (
        unreviewed,
        "not_selected",
        "Out of scope.",
    )
    entry = AuditEntry.objects.get(action="decision.staged")
    assert entry.data["without_reviews_reason"] == (
        "Both reviewers withdrew; the committee read it itself."
    )


def test_the_service_refuses_a_decision_without_reviews_and_without_a_reason(officer, unreviewed):
    with pytest.raises(ValidationError) as caught:
        services.decision_stage(
            actor=officer, proposal=unreviewed, outcome="selected", reason="Bold."
        )
    assert list(caught.value.message_dict) == ["without_reviews_reason"]
    assert not Decision.objects.exists()


def test_a_reviewed_proposal_is_decided_without_any_confirmation(officer, assigned, unreviewed):
    decision = services.decision_stage(
        actor=officer, proposal=assigned[0], outcome="selected", reason="Bold."
    )
    assert decision.outcome == "selected"
    entry = AuditEntry.objects.get(action="decision.staged")
    assert "without_reviews_reason" not in entry.data
    assert Review.objects.filter(proposal=assigned[0], submitted_at__isnull=False).count() == 2


def _stage_selection(officer, call, selected, reserve):
    return services.decisions_stage_selection(
        actor=officer,
        call=call,
        selected=[p.pk for p in selected],
        reserve=[p.pk for p in reserve],
        reason_selected="Most innovative.",
        reason_reserve="Close behind.",
        reason_not_selected="Less innovative.",
    )


def test_a_selection_leaves_a_proposal_nobody_reviewed_undecided(
    client, call, officer, assigned, unreviewed
):
    for review in assigned[2].reviews.filter(status="active"):
        submit(review, values=(3, 3, 3))
    assert _stage_selection(officer, call, [assigned[0]], []) == 2
    staged = dict(Decision.objects.values_list("proposal__title", "outcome"))
    assert staged == {"Solar dryer": "selected", "Ticketing app": "not_selected"}
    services.decisions_release(actor=officer, call=call, share_comments=False)
    unreviewed.refresh_from_db()
    assert unreviewed.state == "under_review"
    client.force_login(officer)
    response = client.post(
        reverse("review:selection", args=[call.pk]),
        {"size": 1, "reserve": 0, "reason_selected": "a", "reason_not_selected": "b"},
        follow=True,
    )
    assert "Every reviewed proposal already has a decision" in response.content.decode()


def test_a_selection_keeps_a_confirmed_decision_on_an_unreviewed_proposal_and_its_place(
    client, call, officer, assigned, unreviewed
):
    for review in assigned[2].reviews.filter(status="active"):
        submit(review, values=(3, 3, 3))
    services.decision_stage(
        actor=officer,
        proposal=unreviewed,
        outcome="reserve",
        reason="Promising, never reviewed.",
        reserve_rank=1,
        without_reviews_reason="Its reviewers fell ill.",
    )
    client.force_login(officer)
    response = client.post(
        reverse("review:selection", args=[call.pk]),
        {
            "size": 1,
            "reserve": 1,
            "reason_selected": "Most innovative.",
            "reason_reserve": "Close behind.",
            "reason_not_selected": "Less innovative.",
        },
    )
    assert response.status_code == 302
    decisions = {
        d.proposal.title: (d.outcome, d.reserve_rank, d.reason)
        for d in Decision.objects.select_related("proposal")
    }
    assert decisions == {
        "Solar dryer": ("selected", None, "Most innovative."),
        "Drip kit": ("reserve", 1, "Promising, never reviewed."),
        "Ticketing app": ("reserve", 2, "Close behind."),
    }


def test_the_officer_is_told_which_proposals_a_selection_left_undecided(
    client, call, officer, assigned, unreviewed
):
    client.force_login(officer)
    response = client.post(
        reverse("review:selection", args=[call.pk]),
        {"size": 1, "reserve": 0, "reason_selected": "a", "reason_not_selected": "b"},
        follow=True,
    )
    shown = [str(m) for m in response.context["messages"]]
    assert shown == [
        "The decisions are staged; release them when ready.",
        "2 proposals have no review yet and are left undecided: decide each one from the "
        "ranking if the committee must.",
    ]
    assert list(Decision.objects.values_list("proposal__title", flat=True)) == ["Solar dryer"]
