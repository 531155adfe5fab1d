"""The programme officer's eligibility decision."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from skillbridge.calls.models import Proposal, TeamMember
from skillbridge.calls.services._common import audit_state, locked, mail_team
from skillbridge.people.models import User

# An officer may correct a decision until review starts.
DECIDABLE = {Proposal.State.SUBMITTED, Proposal.State.ELIGIBLE, Proposal.State.INELIGIBLE}


def _decide(*, actor: User, proposal: Proposal, state: str, reason: str) -> Proposal:
    proposal = locked(proposal)
    if proposal.state not in DECIDABLE or proposal.state == state:
        raise ValidationError(
            {"__all__": _("Only a submitted proposal can be found eligible or ineligible.")}
        )
    before = proposal.state
    proposal.state = state
    proposal.state_reason = reason.strip()
    proposal.save(update_fields=["state", "state_reason", "updated_at"])
    audit_state(
        actor=actor,
        proposal=proposal,
        before=before,
        action=f"proposal.{state}",
        reason=proposal.state_reason,
    )
    mail_team(
        proposal=proposal, template="calls/mail/eligibility", context={}, kind="proposal_" + state
    )
    return proposal


@transaction.atomic
def proposal_mark_eligible(*, actor: User, proposal: Proposal, reason: str = "") -> Proposal:
    """Find a submitted proposal eligible: every member's affiliation must be confirmed.

    Audited; the team is told by mail.
    """
    unconfirmed = [
        str(member)
        for member in locked(proposal).members.all()
        if member.status == TeamMember.Status.JOINED
        and member.affiliation != TeamMember.Affiliation.CONFIRMED
    ]
    if unconfirmed:
        raise ValidationError(
            {
                "__all__": _(
                    "The college coordinator has not confirmed every member yet: %(names)s."
                )
                % {"names": ", ".join(unconfirmed)}
            }
        )
    return _decide(actor=actor, proposal=proposal, state=Proposal.State.ELIGIBLE, reason=reason)


@transaction.atomic
def proposal_mark_ineligible(*, actor: User, proposal: Proposal, reason: str) -> Proposal:
    """Find a submitted proposal ineligible, with a reason the team will read. Audited, mailed."""
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reason: the team will read it.")})
    return _decide(actor=actor, proposal=proposal, state=Proposal.State.INELIGIBLE, reason=reason)
