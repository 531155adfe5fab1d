"""The proposal page offers a step exactly in the states where the service takes it.

The page asks the rules (`{% has_perm %}`), the service asks the transition
table: both must agree in every state. A member without the right gets 403
whatever the state; a member with it gets the service's refusal in a state
that does not allow the step.
"""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from skillbridge.calls.models import Proposal, TeamMember
from tests.calls.factories import complete_draft

S = Proposal.State
WITHDRAWABLE = {S.DRAFT, S.SUBMITTED, S.ELIGIBLE, S.UNDER_REVIEW, S.SELECTED, S.RESERVE}


def _in_state(proposal, state):
    proposal.state = state
    proposal.save(update_fields=["state"])
    return proposal


def _page(client, proposal) -> str:
    return client.get(reverse("calls:proposal_detail", args=[proposal.pk])).content.decode()


@pytest.mark.parametrize("state", S.values)
def test_the_lead_is_offered_to_withdraw_exactly_when_the_service_allows_it(
    client, draft, applicant, state
):
    _in_state(draft, state)
    client.force_login(applicant)
    withdraw = reverse("calls:proposal_withdraw", args=[draft.pk])
    offered = withdraw in _page(client, draft)

    response = client.post(withdraw, {"reason": "We stop."})

    draft.refresh_from_db()
    assert response.status_code == 302
    if state in WITHDRAWABLE:
        assert (offered, draft.state) == (True, S.WITHDRAWN)
    else:
        assert (offered, draft.state) == (False, state)
        assert [str(m) for m in get_messages(response.wsgi_request)] == [
            "A decision was made on this proposal: it can no longer be withdrawn."
        ]


@pytest.mark.parametrize("state", [S.SELECTED, S.RESERVE, S.SUBMITTED])
def test_the_withdraw_text_says_when_a_place_is_freed(client, draft, applicant, state):
    _in_state(draft, state)
    client.force_login(applicant)
    frees = "its place goes to the next proposal on the reserve list" in _page(client, draft)
    assert frees == (state != S.SUBMITTED)


@pytest.mark.parametrize("state", S.values)
def test_a_member_who_is_not_the_lead_gets_403_to_withdraw_in_any_state(
    client, draft, member, state
):
    _in_state(draft, state)
    client.force_login(member)
    withdraw = reverse("calls:proposal_withdraw", args=[draft.pk])
    assert withdraw not in _page(client, draft)
    assert client.post(withdraw).status_code == 403


@pytest.mark.parametrize("state", S.values)
def test_the_officer_is_offered_the_eligibility_decision_while_it_can_change(
    client, draft, officer, state
):
    _in_state(draft, state)
    client.force_login(officer)
    offered = reverse("calls:eligibility_decide", args=[draft.pk]) in _page(client, draft)
    assert offered == (state in {S.SUBMITTED, S.ELIGIBLE, S.INELIGIBLE})


@pytest.mark.parametrize("state", S.values)
def test_the_coordinator_checks_affiliations_until_eligibility_is_decided(
    client, draft, coordinator, state
):
    _in_state(draft, state)
    lead = draft.members.get(is_lead=True)
    client.force_login(coordinator)
    decide = reverse("calls:affiliation_decide", args=[draft.pk, lead.pk])
    offered = decide in _page(client, draft)

    client.post(decide, {"decision": "confirm"})

    lead.refresh_from_db()
    open_ = state in {S.DRAFT, S.SUBMITTED}
    confirmed = lead.affiliation == TeamMember.Affiliation.CONFIRMED
    assert (offered, confirmed) == (open_, open_)


@pytest.mark.parametrize("state", S.values)
def test_a_team_member_is_sent_to_write_only_while_the_draft_can_change(
    client, draft, member, state
):
    _in_state(draft, state)
    client.force_login(member)
    edit = reverse("calls:proposal_edit", args=[draft.pk])
    mine = client.get(reverse("calls:my_proposals")).content.decode()

    response = client.get(edit)

    editable = state == S.DRAFT
    assert (edit in mine, edit in _page(client, draft)) == (editable, editable)
    assert response.status_code == (200 if editable else 302)


def test_only_the_lead_is_offered_to_invite_remove_and_submit(client, draft, applicant, member):
    mia = draft.members.get(user=member)
    remove = reverse("calls:member_remove", args=[draft.pk, mia.pk])
    invite = reverse("calls:member_invite", args=[draft.pk])
    submit = reverse("calls:proposal_submit", args=[draft.pk])
    edit = reverse("calls:proposal_edit", args=[draft.pk])

    client.force_login(member)
    page = client.get(edit).content.decode()
    assert (remove in page, invite in page, submit in page) == (False, False, False)

    client.force_login(applicant)
    page = client.get(edit).content.decode()
    assert (remove in page, invite in page, submit in page) == (True, True, True)


def test_a_member_of_another_team_is_not_found_through_our_proposal(
    client, draft, coordinator, call, other_applicant, other_college
):
    theirs = complete_draft(call=call, lead=other_applicant, college=other_college)
    their_lead = theirs.members.get(is_lead=True)
    client.force_login(coordinator)
    # Our proposal's number with a member of theirs: not on our team, so not found.
    url = reverse("calls:affiliation_decide", args=[draft.pk, their_lead.pk])

    assert client.post(url, {"decision": "confirm"}).status_code == 404
    their_lead.refresh_from_db()
    assert their_lead.affiliation == TeamMember.Affiliation.PENDING
