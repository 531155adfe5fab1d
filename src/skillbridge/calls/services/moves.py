"""The one function that moves a proposal from one state to another."""

from collections.abc import Callable
from functools import partial

from django.db import transaction

from skillbridge.calls.models import Proposal
from skillbridge.calls.services._common import mail_coordinators, mail_team
from skillbridge.calls.states import HOLDS_A_PLACE, PROPOSAL
from skillbridge.people.models import User
from skillbridge.people.services import mail_programme_officers

State = Proposal.State


def _mail_submitted(proposal: Proposal, before: str) -> None:
    mail_team(
        proposal=proposal, template="calls/mail/submitted", context={}, kind="proposal_submitted"
    )
    mail_coordinators(
        proposal=proposal, template="calls/mail/coordinator_submitted", kind="affiliation_request"
    )


def _mail_eligibility(proposal: Proposal, before: str, *, eligible: bool) -> None:
    mail_team(
        proposal=proposal,
        template="calls/mail/eligibility",
        context={"eligible": eligible},
        kind="proposal_" + proposal.state,
    )


def _mail_withdrawn(proposal: Proposal, before: str) -> None:
    if before not in HOLDS_A_PLACE:
        return
    # After the release a place or a reserve slot is now free: the officers fill it from
    # the reserve list, and nothing else would tell them it happened.
    mail_programme_officers(
        programme=proposal.call.programme,
        template="calls/mail/withdrawn_after_decision",
        context={
            "proposal": proposal,
            "call": proposal.call,
            "was_selected": before == State.SELECTED,
        },
        kind="proposal_withdrawn",
    )


# What each move mails (review's decisions mail the team with the decision, in review).
MAILS: dict[str, Callable[[Proposal, str], None]] = {
    "submit": _mail_submitted,
    "withdraw": _mail_withdrawn,
    "mark_eligible": partial(_mail_eligibility, eligible=True),
    "mark_ineligible": partial(_mail_eligibility, eligible=False),
}


@transaction.atomic
def proposal_move(
    *,
    actor: User,
    proposal: Proposal,
    action: str,
    reason: str | None = None,
    reserve_rank: int | None = None,
    update_fields: tuple[str, ...] = (),
    **data,
) -> str:
    """Move `proposal` (locked by the caller, in its transaction) by `action`; return the old state.

    Refuses with the action's message when the state does not allow it
    (see `calls.states.PROPOSAL`); writes the new state, the reason when one
    is given (stripped) and the place on the reserve list (kept only while
    in reserve), with the caller's other changed `update_fields`; audits it
    as `proposal.<state reached>` with `data`; and mails as the step
    requires: the team and the college's coordinators on submission, the
    team on an eligibility decision, the officers when a selected or reserve
    team withdraws.
    """
    PROPOSAL.refuse_unless_can(proposal, action)
    fields = ["reserve_rank", "updated_at", *update_fields]
    if reason is not None:
        proposal.state_reason = reason.strip()
        fields.append("state_reason")
        data["reason"] = proposal.state_reason
    target = PROPOSAL[action].target
    proposal.reserve_rank = reserve_rank if target == State.RESERVE else None
    if reserve_rank is not None:
        data["reserve_rank"] = reserve_rank
    before = PROPOSAL.move(proposal, action, actor=actor, data=data, update_fields=tuple(fields))
    if action in MAILS:
        MAILS[action](proposal, before)
    return before
