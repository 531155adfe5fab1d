"""The proposal's transition table and the one function that moves a proposal."""

import pytest
from django.core.exceptions import ValidationError

from skillbridge.calls import services
from skillbridge.calls.models import Proposal
from skillbridge.calls.states import PROPOSAL
from skillbridge.common.models import AuditEntry, OutboxMessage

S = Proposal.State

# Every way Proposal.state changes: action → (from, to). Adding a move means adding it here.
TABLE = {
    "submit": ({S.DRAFT}, S.SUBMITTED),
    "withdraw": (
        {S.DRAFT, S.SUBMITTED, S.ELIGIBLE, S.UNDER_REVIEW, S.SELECTED, S.RESERVE},
        S.WITHDRAWN,
    ),
    "mark_eligible": ({S.SUBMITTED, S.INELIGIBLE}, S.ELIGIBLE),
    "mark_ineligible": ({S.SUBMITTED, S.ELIGIBLE}, S.INELIGIBLE),
    "start_review": ({S.ELIGIBLE}, S.UNDER_REVIEW),
    "select": ({S.UNDER_REVIEW}, S.SELECTED),
    "reserve": ({S.UNDER_REVIEW}, S.RESERVE),
    "not_select": ({S.UNDER_REVIEW}, S.NOT_SELECTED),
    "promote": ({S.RESERVE}, S.SELECTED),
    "disqualify": ({S.SELECTED, S.RESERVE}, S.INELIGIBLE),
}


def test_the_table_holds_every_move_and_no_other():
    found = {name: (set(t.sources), t.target) for name, t in PROPOSAL.transitions.items()}
    assert found == TABLE


def audit_of(proposal):
    return list(
        AuditEntry.objects.filter(object_id=str(proposal.pk), action__startswith="proposal.")
        .order_by("id")
        .values_list("action", "before", "after", "data")
    )


def test_a_move_is_written_and_audited_with_the_state_it_reaches(draft, officer):
    draft.state = S.ELIGIBLE
    draft.save()

    before = services.proposal_move(actor=officer, proposal=draft, action="start_review")

    draft.refresh_from_db()
    assert (before, draft.state) == ("eligible", "under_review")
    assert audit_of(draft)[-1] == (
        "proposal.under_review",
        "eligible",
        "under_review",
        {"transition": "start_review"},
    )


def test_the_place_on_the_reserve_list_is_kept_only_while_in_reserve(draft, officer):
    draft.state = S.UNDER_REVIEW
    draft.save()

    services.proposal_move(
        actor=officer, proposal=draft, action="reserve", reason="Close behind.", reserve_rank=2
    )
    draft.refresh_from_db()
    assert (draft.state, draft.reserve_rank, draft.state_reason) == ("reserve", 2, "Close behind.")
    assert audit_of(draft)[-1][3] == {
        "transition": "reserve",
        "reason": "Close behind.",
        "reserve_rank": 2,
    }

    services.proposal_move(actor=officer, proposal=draft, action="promote", reason="A place.")
    draft.refresh_from_db()
    assert (draft.state, draft.reserve_rank, draft.state_reason) == ("selected", None, "A place.")


def test_a_move_the_state_does_not_allow_is_refused_with_its_message(draft, officer):
    with pytest.raises(ValidationError) as refused:
        services.proposal_move(actor=officer, proposal=draft, action="select", reason="Good.")

    assert refused.value.message_dict == {
        "__all__": ["Only proposals under review can be decided."]
    }
    draft.refresh_from_db()
    assert (draft.state, draft.state_reason) == ("draft", "")
    assert audit_of(draft) == []


@pytest.mark.parametrize(
    ("action", "subject", "kind"),
    [
        ("mark_eligible", "“{title}” is eligible for review", "proposal_eligible"),
        ("mark_ineligible", "“{title}” is not eligible", "proposal_ineligible"),
    ],
)
def test_an_eligibility_decision_tells_the_team_which_one(
    draft, officer, applicant, action, subject, kind
):
    draft.state = S.SUBMITTED
    draft.save()

    services.proposal_move(actor=officer, proposal=draft, action=action, reason="Checked.")

    mail = OutboxMessage.objects.get(kind=kind)
    assert (mail.to, mail.subject) == (applicant.email, subject.format(title=draft.title))
