"""The programme officer's eligibility decision."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from skillbridge.calls.models import Proposal, TeamMember
from skillbridge.calls.services._common import locked_proposal
from skillbridge.calls.services.moves import proposal_move
from skillbridge.people.models import User


def _decide(*, actor: User, proposal: Proposal, action: str, reason: str) -> Proposal:
    proposal = locked_proposal(proposal)
    proposal_move(actor=actor, proposal=proposal, action=action, reason=reason)
    return proposal


@transaction.atomic
def proposal_mark_eligible(*, actor: User, proposal: Proposal, reason: str = "") -> Proposal:
    """Find a submitted proposal eligible: every member's affiliation must be confirmed.

    Audited; the team is told by mail.
    """
    unconfirmed = [
        str(member)
        for member in locked_proposal(proposal).members.all()
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
    return _decide(actor=actor, proposal=proposal, action="mark_eligible", reason=reason)


@transaction.atomic
def proposal_mark_ineligible(*, actor: User, proposal: Proposal, reason: str) -> Proposal:
    """Find a submitted proposal ineligible, with a reason the team will read. Audited, mailed."""
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reason: the team will read it.")})
    return _decide(actor=actor, proposal=proposal, action="mark_ineligible", reason=reason)
