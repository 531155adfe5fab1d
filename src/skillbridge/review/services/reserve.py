"""After the release: a selected team leaves, and the reserve list fills its place.

A selected (or reserve) team leaves by withdrawing itself (calls) or by being
disqualified by the officer (here). Each place a selected team leaves is
offered to the reserve list in its order, first place first.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from skillbridge.calls.models import Call, Proposal
from skillbridge.calls.services import proposal_move
from skillbridge.calls.states import PROPOSAL
from skillbridge.common.services import audit_record
from skillbridge.common.transitions import locked
from skillbridge.people.models import User
from skillbridge.review import selectors
from skillbridge.review.models import Decision
from skillbridge.review.services.deciding import mail_team_decision

Outcome = Decision.Outcome


def _locked(proposal: Proposal) -> tuple[Call, Proposal, Decision | None]:
    # The call row serialises every promotion and departure of the call, so two
    # officers cannot both fill the same free place.
    call = locked(proposal.call)
    proposal = locked(proposal, "call__programme", "lead")
    decision = Decision.objects.filter(proposal=proposal, released_at__isnull=False).first()
    return call, proposal, decision


def _check_promotion(
    call: Call, proposal: Proposal, decision: Decision | None, reason: str
) -> None:
    errors: dict[str, str] = {}
    first = selectors.reserve_list(call).select_related("proposal").first()
    on_the_list = decision is not None and decision.outcome == Outcome.RESERVE
    if not on_the_list or not PROPOSAL.can(proposal, "promote"):
        errors["proposal"] = PROPOSAL["promote"].refusal
    elif first is not None and first.pk != decision.pk:
        errors["proposal"] = _(
            "The reserve list is followed in order: promote “%(title)s” (place %(place)s) first."
        ) % {"title": first.proposal.title, "place": first.reserve_rank}
    elif selectors.places_to_fill(call) < 1:
        errors["proposal"] = _(
            "No selected team has withdrawn or been disqualified: there is no place to fill."
        )
    if not reason.strip():
        errors["reason"] = _("Say why the proposal is promoted.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def reserve_promote(*, actor: User, proposal: Proposal, reason: str) -> Decision:
    """Give a place left free by a selected team to the first proposal on the reserve list.

    Checks that `proposal` is on the released reserve list and first on it
    (naming the first one otherwise), that a place is free (a selected team
    withdrew or was disqualified and no reserve took its place yet), and the
    reason. Moves the proposal to selected, turns its decision into a selected
    one marked as promoted, audits (with its former place and reason), and
    mails every team member in their language. The proposal can then receive
    a grant like any selected one.
    """
    call, proposal, decision = _locked(proposal)
    _check_promotion(call, proposal, decision, reason)
    former_place, former_reason = decision.reserve_rank, decision.reason
    decision.outcome = Outcome.SELECTED
    decision.reserve_rank = None
    decision.reason = reason.strip()
    decision.decided_by = actor
    decision.promoted_at = timezone.now()
    decision.save()
    proposal_move(
        actor=actor,
        proposal=proposal,
        action="promote",
        reason=decision.reason,
        decision=decision.pk,
    )
    audit_record(
        actor=actor,
        action="decision.promoted",
        target=decision,
        before=Outcome.RESERVE,
        after=Outcome.SELECTED,
        data={
            "proposal": proposal.pk,
            "reserve_rank": former_place,
            "reason": decision.reason,
            "previous_reason": former_reason,
        },
    )
    mail_team_decision(decision, [], promoted_from=former_place)
    return decision


@transaction.atomic
def selection_disqualify(*, actor: User, proposal: Proposal, reason: str) -> Proposal:
    """Disqualify a selected or reserve team after the release, before any grant.

    Checks the released decision, that no grant was awarded (a grant is ended
    in the grants app instead) and the reason. Moves the proposal to
    ineligible with the reason, which frees a selected team's place for the
    reserve list; audits and mails the team in their language.
    """
    _call, proposal, decision = _locked(proposal)
    errors: dict[str, str] = {}
    if decision is None or not PROPOSAL.can(proposal, "disqualify"):
        errors["__all__"] = PROPOSAL["disqualify"].refusal
    elif Proposal.objects.filter(pk=proposal.pk, grant__isnull=False).exists():
        errors["__all__"] = _("This team already has a grant: end the grant from its page instead.")
    if not reason.strip():
        errors["reason"] = _("Say why the team is disqualified.")
    if errors:
        raise ValidationError(errors)
    proposal_move(
        actor=actor, proposal=proposal, action="disqualify", reason=reason, decision=decision.pk
    )
    mail_team_decision(decision, [], disqualified=True, reason=reason.strip())
    return proposal
