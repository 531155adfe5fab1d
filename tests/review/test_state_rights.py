"""Review's pages offer a step exactly in the states where its service takes it.

The templates ask the rules (`{% has_perm %}` on a `_now` permission), the
services ask the transition tables: both must agree. A member without the
right gets 403 whatever the state.
"""

import pytest
from django.urls import reverse

from skillbridge.calls import services as calls_services
from skillbridge.calls.models import Proposal
from skillbridge.review import services
from skillbridge.review.models import Review
from tests.calls.factories import ProposalFactory
from tests.grants.factories import award
from tests.review.conftest import stage_all, submit

S = Proposal.State


def _page(client, name, *args) -> str:
    return client.get(reverse(name, args=args)).content.decode()


@pytest.fixture
def reviewed(assigned):
    for review in Review.objects.filter(status="active"):
        submit(review)
    return assigned


@pytest.mark.parametrize("state", [S.ELIGIBLE, S.UNDER_REVIEW, S.SELECTED, S.NOT_SELECTED])
def test_the_ranking_offers_to_decide_exactly_while_the_service_takes_a_decision(
    client, call, officer, reviewed, state
):
    proposal = reviewed[0]
    Proposal.objects.filter(pk=proposal.pk).update(state=state)
    client.force_login(officer)
    decide = reverse("review:decide", args=[call.pk, proposal.pk])
    offered = decide in _page(client, "review:ranking", call.pk)

    response = client.post(decide, {"outcome": "selected", "reason": "Strong."})

    assert offered == (state == S.UNDER_REVIEW)
    if offered:
        assert response.status_code == 302
    else:
        assert response.context["form"].errors == {
            "outcome": ["Only proposals under review can be decided."]
        }


def test_a_proposal_outside_the_calls_review_has_no_decide_page(client, call, officer, reviewed):
    draft = ProposalFactory(call=call, state=S.DRAFT)
    client.force_login(officer)
    assert client.get(reverse("review:decide", args=[call.pk, draft.pk])).status_code == 404


def test_a_staged_decision_is_offered_for_change_and_not_for_disqualification(
    client, call, officer, reviewed
):
    services.decision_stage(
        actor=officer, proposal=reviewed[0], outcome="selected", reason="Strong."
    )
    client.force_login(officer)
    page = _page(client, "review:decisions", call.pk)
    assert f'href="{reverse("review:decide", args=[call.pk, reviewed[0].pk])}"' in page
    disqualify = reverse("review:disqualify", args=[call.pk, reviewed[0].pk])
    assert disqualify not in page
    assert client.get(disqualify).status_code == 403


def test_released_teams_are_offered_for_disqualification_until_they_leave_or_are_funded(
    client, call, officer, reviewed
):
    stage_all(officer, call, reviewed)
    services.decisions_release(actor=officer, call=call, share_comments=False)
    selected, other, reserve = (Proposal.objects.get(pk=p.pk) for p in reviewed)
    client.force_login(officer)

    def offered(proposal) -> bool:
        url = reverse("review:disqualify", args=[call.pk, proposal.pk])
        return url in _page(client, "review:decisions", call.pk)

    assert (offered(selected), offered(reserve), offered(other)) == (True, True, False)
    decide = reverse("review:decide", args=[call.pk, selected.pk])
    assert f'href="{decide}"' not in _page(client, "review:decisions", call.pk)
    award(selected, officer)
    calls_services.proposal_withdraw(actor=reserve.lead, proposal=reserve)
    assert (offered(selected), offered(reserve)) == (False, False)
    assert "withdrawn" in _page(client, "review:decisions", call.pk)


def test_the_officer_is_offered_to_remove_only_unsubmitted_current_assignments(
    client, call, officer, assigned, panel
):
    reviews = list(Review.objects.filter(reviewer=panel[0], status="active").order_by("pk"))
    submit(reviews[0])
    services.assignment_remove(actor=officer, review=reviews[1])
    client.force_login(officer)
    page = _page(client, "review:assignments", call.pk)
    offered = {
        r.pk
        for r in Review.objects.all()
        if reverse("review:assignment_remove", args=[call.pk, r.pk]) in page
    }
    expected = set(
        Review.objects.filter(status="active", submitted_at__isnull=True).values_list(
            "pk", flat=True
        )
    )
    assert offered == expected
    assert not {reviews[0].pk, reviews[1].pk} & offered


def test_the_reviewer_is_led_to_declare_first_then_to_the_review(client, assigned, panel):
    reviews = list(Review.objects.filter(reviewer=panel[0], status="active").order_by("pk"))
    services.conflict_declare(reviewer=panel[0], review=reviews[0])
    client.force_login(panel[0])
    page = _page(client, "review:mine")
    assert reverse("review:review", args=[reviews[0].pk]) in page
    assert reverse("review:declare", args=[reviews[0].pk]) not in page
    assert reverse("review:declare", args=[reviews[1].pk]) in page
    assert client.get(reverse("review:declare", args=[reviews[0].pk])).status_code == 403


def test_the_index_lists_calls_for_officers_sends_reviewers_on_and_refuses_others(
    client, call, officer, panel, applicant
):
    client.force_login(officer)
    assert call.title in _page(client, "review:index")
    client.force_login(panel[0])
    assert client.get(reverse("review:index"))["Location"] == reverse("review:mine")
    client.force_login(applicant)
    assert client.get(reverse("review:index")).status_code == 403
