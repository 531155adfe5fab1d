"""A pairing's life: confirmed and invited, accepted or declined, active, completed.

Each public function is one state change in one transaction, audited, with
its mail queued for after the commit.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from skillbridge.common.services import audit_record, mail_queue
from skillbridge.experts.selectors import matchable_experts
from skillbridge.pairing.models import Candidate, MatchingRun, Need, Pairing
from skillbridge.pairing.phrases import deadline_passed
from skillbridge.pairing.services._common import (
    audit_state,
    check_room,
    locked_pairing,
    refuse_unless,
)
from skillbridge.people.models import User
from skillbridge.people.services import mail_programme_officers

# How long a professional has to answer an invitation.
INVITATION_DAYS = 14

S = Pairing.State


def confirm_one(*, actor: User, pairing: Pairing) -> Pairing:
    """Invite the professional of a proposed pairing (inside the caller's transaction)."""
    pairing = locked_pairing(pairing)
    refuse_unless(pairing, S.PROPOSED, message=_("Only a proposed pairing can be confirmed."))
    check_room(pairing)
    now = timezone.now()
    pairing.state = S.INVITED
    pairing.invited_at = now
    pairing.respond_by = now + datetime.timedelta(days=INVITATION_DAYS)
    pairing.save(update_fields=["state", "invited_at", "respond_by", "updated_at"])
    audit_state(actor=actor, pairing=pairing, before=S.PROPOSED)
    user = pairing.expert.user
    mail_queue(
        to=user.email,
        template="pairing/mail/invitation",
        context={"pairing": pairing, "need": pairing.need, "expert": user},
        language=user.preferred_language,
        programme=pairing.programme,
        kind="pairing_invitation",
    )
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
    pairing = locked_pairing(pairing)
    refuse_unless(pairing, S.INVITED, message=_("Only an open invitation can be accepted."))
    if pairing.respond_by and timezone.now() > pairing.respond_by:
        raise ValidationError({"__all__": _("The deadline to answer this invitation has passed.")})
    pairing.state = S.ACCEPTED
    pairing.answered_at = timezone.now()
    pairing.save(update_fields=["state", "answered_at", "updated_at"])
    audit_state(actor=actor, pairing=pairing, before=S.INVITED)
    mail_programme_officers(
        programme=pairing.programme,
        template="pairing/mail/answered",
        context={"pairing": pairing, "need": pairing.need, "expert": pairing.expert.user},
        kind="pairing_accepted",
    )
    return pairing


@transaction.atomic
def pairing_decline(*, actor: User, pairing: Pairing, reason: str) -> Pairing:
    """The professional declines an invitation, saying why. Audited; officers told.

    The next alternate of the latest run is offered to the officer as a new
    proposed pairing (see `alternate_offer`).
    """
    if not reason.strip():
        raise ValidationError({"reason": _("Tell the programme why, in a few words.")})
    pairing = locked_pairing(pairing)
    refuse_unless(pairing, S.INVITED, message=_("Only an open invitation can be declined."))
    pairing.state = S.DECLINED
    pairing.reason = reason.strip()
    pairing.answered_at = timezone.now()
    pairing.save(update_fields=["state", "reason", "answered_at", "updated_at"])
    audit_state(actor=actor, pairing=pairing, before=S.INVITED, reason=pairing.reason)
    offered = alternate_offer(actor=actor, need=pairing.need)
    mail_programme_officers(
        programme=pairing.programme,
        template="pairing/mail/answered",
        context={
            "pairing": pairing,
            "need": pairing.need,
            "expert": pairing.expert.user,
            "alternate": offered,
        },
        kind="pairing_declined",
    )
    return pairing


@transaction.atomic
def pairing_expire(*, pairing: Pairing) -> Pairing | None:
    """Close an invitation whose deadline passed as declined, and offer the next alternate.

    Returns None when the pairing was answered meanwhile (nothing to do).
    """
    pairing = locked_pairing(pairing)
    if pairing.state != S.INVITED or not pairing.respond_by or pairing.respond_by > timezone.now():
        return None
    pairing.state = S.DECLINED
    pairing.expired = True
    pairing.reason = deadline_passed()
    pairing.save(update_fields=["state", "expired", "reason", "updated_at"])
    audit_state(actor=None, pairing=pairing, before=S.INVITED, expired=True)
    offered = alternate_offer(actor=None, need=pairing.need)
    mail_programme_officers(
        programme=pairing.programme,
        template="pairing/mail/answered",
        context={
            "pairing": pairing,
            "need": pairing.need,
            "expert": pairing.expert.user,
            "alternate": offered,
        },
        kind="pairing_expired",
    )
    return pairing


def invitations_expire() -> int:
    """Expire every invitation past its deadline, each in its own transaction. Idempotent."""
    due = Pairing.objects.filter(state=S.INVITED, respond_by__lt=timezone.now()).order_by("pk")
    return sum(1 for pairing in due if pairing_expire(pairing=pairing) is not None)


def alternate_offer(*, actor: User | None, need: Need) -> Pairing | None:
    """Offer the need's next alternate from its latest run as a proposed pairing.

    Inside the caller's transaction. Skips professionals already asked for this
    need, no longer matchable, or without a free place. None when the need has
    no open seat left (counting offers waiting for the officer) or no alternate.
    """
    need = Need.objects.select_for_update(of=("self",)).get(pk=need.pk)
    held = need.pairings.filter(state__in=(*Pairing.SEAT_STATES, S.PROPOSED)).count()
    if held >= need.seats:
        return None
    run = (
        MatchingRun.objects.filter(status=MatchingRun.Status.DONE, candidates__need=need)
        .order_by("-finished_at", "-pk")
        .first()
    )
    if run is None:
        return None
    asked = need.pairings.exclude(state=S.CANCELLED, invited_at__isnull=True).values("expert")
    candidates = (
        Candidate.objects.filter(run=run, need=need, rank__gte=1)
        .exclude(expert__in=asked)
        .filter(expert__in=matchable_experts(need.programme).values("pk"))
        .select_related("expert")
        .order_by("rank", "pk")
    )
    for candidate in candidates:
        load = Pairing.objects.filter(
            expert=candidate.expert, state__in=Pairing.LOAD_STATES
        ).count()
        if load >= candidate.expert.capacity:
            continue
        pairing = Pairing.objects.create(
            programme=need.programme,
            need=need,
            expert=candidate.expert,
            run=run,
            score=candidate.score,
            reasons=candidate.reasons,
            is_alternate=True,
        )
        audit_record(
            actor=actor,
            action="pairing.alternate_offered",
            target=pairing,
            after=S.PROPOSED,
            data={"rank": candidate.rank},
        )
        return pairing
    return None


@transaction.atomic
def pairing_cancel(*, actor: User, pairing: Pairing, reason: str) -> Pairing:
    """Officer cancels a pairing that is not finished, saying why. Audited; the professional is
    told when they had been invited."""
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reason for the record.")})
    pairing = locked_pairing(pairing)
    refuse_unless(
        pairing,
        S.PROPOSED,
        S.INVITED,
        S.ACCEPTED,
        S.ACTIVE,
        message=_("This pairing is already closed."),
    )
    before = pairing.state
    pairing.state = S.CANCELLED
    pairing.reason = reason.strip()
    pairing.ended_at = timezone.now()
    pairing.save(update_fields=["state", "reason", "ended_at", "updated_at"])
    audit_state(actor=actor, pairing=pairing, before=before, reason=pairing.reason)
    user = pairing.expert.user
    # Nobody to tell when the professional was never invited or has erased their data.
    if before != S.PROPOSED and user is not None:
        mail_queue(
            to=user.email,
            template="pairing/mail/cancelled",
            context={"pairing": pairing, "need": pairing.need, "expert": user},
            language=user.preferred_language,
            programme=pairing.programme,
            kind="pairing_cancelled",
        )
    return pairing


@transaction.atomic
def pairing_start(*, actor: User, pairing: Pairing) -> Pairing:
    """Officer marks an accepted pairing active: the work with the team has started. Audited."""
    pairing = locked_pairing(pairing)
    refuse_unless(pairing, S.ACCEPTED, message=_("Only an accepted pairing can start."))
    pairing.state = S.ACTIVE
    pairing.started_at = timezone.now()
    pairing.save(update_fields=["state", "started_at", "updated_at"])
    audit_state(actor=actor, pairing=pairing, before=S.ACCEPTED)
    return pairing


@transaction.atomic
def pairing_complete(*, actor: User, pairing: Pairing) -> Pairing:
    """Officer marks an active pairing completed: the professional's place is free again."""
    pairing = locked_pairing(pairing)
    refuse_unless(pairing, S.ACTIVE, message=_("Only an active pairing can be completed."))
    pairing.state = S.COMPLETED
    pairing.ended_at = timezone.now()
    pairing.save(update_fields=["state", "ended_at", "updated_at"])
    audit_state(actor=actor, pairing=pairing, before=S.ACTIVE)
    return pairing
