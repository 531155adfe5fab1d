"""Steps shared by the review services."""

from skillbridge.calls.models import Proposal
from skillbridge.common.services import audit_record


def proposal_set_state(
    *, actor, proposal: Proposal, state: str, reason: str = "", reserve_rank=None
) -> None:
    """Move a proposal to a review state and audit before/after (caller holds the transaction).

    The review app changes proposal states only here: eligible → under_review
    on its first assignment, under_review → selected / reserve / not_selected
    when decisions are released, reserve → selected when promoted into a free
    place, selected / reserve → ineligible when disqualified after the release.
    """
    before = proposal.state
    proposal.state = state
    proposal.reserve_rank = reserve_rank
    fields = ["state", "reserve_rank", "updated_at"]
    if reason:
        proposal.state_reason = reason
        fields.append("state_reason")
    proposal.save(update_fields=fields)
    audit_record(
        actor=actor,
        action="proposal.state_changed",
        target=proposal,
        before=before,
        after=state,
        data={"by": "review", "reserve_rank": reserve_rank},
    )
