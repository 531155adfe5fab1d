"""A pairing's life: confirmed and invited, accepted or declined, active, completed.

Each public function is one step in one transaction: it locks the pairing,
checks what the step needs beyond the state, and moves it through
`pairing_move`, which checks the state, writes, audits and mails.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from skillbridge.common.transitions import locked
from skillbridge.pairing.models import Pairing
from skillbridge.pairing.phrases import deadline_passed
from skillbridge.pairing.services.moves import pairing_move
from skillbridge.pairing.services.places import check_room
from skillbridge.pairing.states import PAIRING
from skillbridge.people.models import User

S = Pairing.State
# What the steps and their mails read of a pairing, joined when it is locked.
RELATED = ("need", "expert__user", "programme")


def confirm_one(*, actor: User, pairing: Pairing) -> Pairing:
    """Invite the professional of a proposed pairing (inside the caller's transaction)."""
    pairing = locked(pairing, *RELATED)
    PAIRING.refuse_unless_can(pairing, "confirm")
    check_room(pairing)
    pairing_move(actor=actor, pairing=pairing, action="confirm")
    return pairing


@transaction.atomic
def pairing_confirm(*, actor: User, pairing: Pairing) -> Pairing:
    """Officer confirms a proposed pairing: the professional is invited by mail, with a deadline.

    Refused when the need has no open seat left or the professional no free place.
    """
    return confirm_one(actor=actor, pairing=pairing)


@transaction.atomic
def pairing_accept(*, actor: User, pairing: Pairing) -> Pairing:
    """The professional accepts an invitation before its deadline. Audited; officers told."""
    pairing = locked(pairing, *RELATED)
    PAIRING.refuse_unless_can(pairing, "accept")
    if pairing.respond_by and timezone.now() > pairing.respond_by:
        raise ValidationError({"__all__": _("The deadline to answer this invitation has passed.")})
    pairing_move(actor=actor, pairing=pairing, action="accept")
    return pairing


@transaction.atomic
def pairing_decline(*, actor: User, pairing: Pairing, reason: str) -> Pairing:
    """The professional declines an invitation, saying why. Audited; officers told.

    The next alternate of the latest run is offered to the officer as a new
    proposed pairing (see `alternate_offer`).
    """
    if not reason.strip():
        raise ValidationError({"reason": _("Tell the programme why, in a few words.")})
    pairing = locked(pairing, *RELATED)
    pairing_move(actor=actor, pairing=pairing, action="decline", reason=reason)
    return pairing


@transaction.atomic
def pairing_expire(*, pairing: Pairing) -> Pairing | None:
    """Close an invitation whose deadline passed as declined, and offer the next alternate.

    Returns None when the pairing was answered meanwhile (nothing to do).
    """
    pairing = locked(pairing, *RELATED)
    if not PAIRING.can(pairing, "expire") or not pairing.respond_by:
        return None
    if pairing.respond_by > timezone.now():
        return None
    pairing_move(actor=None, pairing=pairing, action="expire", reason=str(deadline_passed()))
    return pairing


def invitations_expire() -> int:
    """Expire every invitation past its deadline, each in its own transaction. Idempotent."""
    due = Pairing.objects.filter(
        state__in=PAIRING["expire"].sources, respond_by__lt=timezone.now()
    ).order_by("pk")
    return sum(1 for pairing in due if pairing_expire(pairing=pairing) is not None)


@transaction.atomic
def pairing_cancel(*, actor: User, pairing: Pairing, reason: str) -> Pairing:
    """Officer cancels a pairing that is not finished, saying why. Audited; the professional is
    told when they had been invited."""
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reason for the record.")})
    pairing = locked(pairing, *RELATED)
    pairing_move(actor=actor, pairing=pairing, action="cancel", reason=reason)
    return pairing


@transaction.atomic
def pairing_start(*, actor: User, pairing: Pairing) -> Pairing:
    """Officer marks an accepted pairing active: the work with the team has started. Audited."""
    pairing = locked(pairing, *RELATED)
    pairing_move(actor=actor, pairing=pairing, action="start")
    return pairing


@transaction.atomic
def pairing_complete(*, actor: User, pairing: Pairing) -> Pairing:
    """Officer marks an active pairing completed: the professional's place is free again."""
    pairing = locked(pairing, *RELATED)
    pairing_move(actor=actor, pairing=pairing, action="complete")
    return pairing
