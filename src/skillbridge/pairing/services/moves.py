"""The one function that moves a pairing from one state to another, and what follows a move."""

import datetime
from collections.abc import Callable

from django.db.models import Count
from django.utils import timezone

from skillbridge.common.services import audit_record, mail_queue
from skillbridge.experts.selectors import matchable_experts
from skillbridge.pairing.models import Candidate, MatchingRun, Need, Pairing
from skillbridge.pairing.states import PAIRING
from skillbridge.people.models import User
from skillbridge.people.services import mail_programme_officers

# How long a professional has to answer an invitation.
INVITATION_DAYS = 14

S = Pairing.State

# The moment each move stamps on the pairing.
STAMPS = {
    "confirm": "invited_at",
    "accept": "answered_at",
    "decline": "answered_at",
    "start": "started_at",
    "complete": "ended_at",
    "cancel": "ended_at",
}


def pairing_move(
    *, actor: User | None, pairing: Pairing, action: str, reason: str | None = None, **data
) -> str:
    """Move `pairing` (locked by the caller, in its transaction) by `action`; return the old state.

    Refuses with the action's message when the state does not allow it
    (see `pairing.states.PAIRING`); stamps the moment (invited, answered,
    started, ended), an invitation's deadline, an expiry's mark and the
    reason when one is given; audits it as `pairing.<state reached>` with
    `data`; then does what the move calls for: mail the invited
    professional, or the professional whose pairing is cancelled once they
    knew of it; tell the officers of an answer; offer the need's next
    alternate after a decline or an expiry.
    """
    PAIRING.refuse_unless_can(pairing, action)
    now = timezone.now()
    fields = ["updated_at"]
    if action in STAMPS:
        setattr(pairing, STAMPS[action], now)
        fields.append(STAMPS[action])
    if action == "confirm":
        pairing.respond_by = now + datetime.timedelta(days=INVITATION_DAYS)
        fields.append("respond_by")
    if action == "expire":
        pairing.expired = True
        fields.append("expired")
        data["expired"] = True
    if reason is not None:
        pairing.reason = reason.strip()
        fields.append("reason")
        if pairing.reason:
            data["reason"] = pairing.reason
    before = PAIRING.move(pairing, action, actor=actor, data=data, update_fields=tuple(fields))
    if action in AFTER:
        AFTER[action](actor=actor, pairing=pairing, action=action, before=before)
    return before


def _mail_professional(pairing: Pairing, *, template: str, kind: str) -> None:
    user = pairing.expert.user
    mail_queue(
        to=user.email,
        template=template,
        context={"pairing": pairing, "need": pairing.need, "expert": user},
        language=user.preferred_language,
        programme=pairing.programme,
        kind=kind,
    )


def _invite(*, pairing: Pairing, **_ignored) -> None:
    _mail_professional(pairing, template="pairing/mail/invitation", kind="pairing_invitation")


def _tell_officers(*, pairing: Pairing, action: str, alternate: Pairing | None = None, **_ignored):
    mail_programme_officers(
        programme=pairing.programme,
        template="pairing/mail/answered",
        context={
            "pairing": pairing,
            "need": pairing.need,
            "expert": pairing.expert.user,
            "accepted": action == "accept",
            "alternate": alternate,
        },
        kind=ANSWER_MAILS[action],
    )


def _offer_next(*, actor: User | None, pairing: Pairing, action: str, **_ignored) -> None:
    offered = alternate_offer(actor=actor, need=pairing.need)
    _tell_officers(pairing=pairing, action=action, alternate=offered)


def _tell_professional(*, pairing: Pairing, before: str, **_ignored) -> None:
    # Nobody to tell when the professional was never invited or has erased their data.
    if before == S.PROPOSED or pairing.expert.user is None:
        return
    _mail_professional(pairing, template="pairing/mail/cancelled", kind="pairing_cancelled")


ANSWER_MAILS = {
    "accept": "pairing_accepted",
    "decline": "pairing_declined",
    "expire": "pairing_expired",
}
# What follows each move, once it is written and audited.
AFTER: dict[str, Callable[..., None]] = {
    "confirm": _invite,
    "accept": _tell_officers,
    "decline": _offer_next,
    "expire": _offer_next,
    "cancel": _tell_professional,
}


def has_free_place(expert) -> bool:
    """Whether the professional holds fewer pairings than the places they offered."""
    load = Pairing.objects.filter(expert=expert, state__in=Pairing.LOAD_STATES).aggregate(
        n=Count("pk")
    )["n"]
    return load < expert.capacity


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
    candidate = next((c for c in candidates if has_free_place(c.expert)), None)
    if candidate is None:
        return None
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
        action=f"pairing.{S.PROPOSED}",
        target=pairing,
        after=S.PROPOSED,
        data={"alternate": True, "rank": candidate.rank},
    )
    return pairing
