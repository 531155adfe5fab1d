"""Declarations of interest: no conflict, or a conflict and the refill it starts."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from skillbridge.common.transitions import locked
from skillbridge.people.models import User
from skillbridge.review.models import Review
from skillbridge.review.services.assigning import RunSummary, fill_call
from skillbridge.review.services.moves import review_move
from skillbridge.review.states import DECLARATION


def _check_declaration(reviewer: User, review: Review, conflict_kind: str, detail: str) -> None:
    if review.reviewer_id != reviewer.pk or not review.is_active:
        raise ValidationError({"conflict_kind": _("This assignment is no longer yours.")})
    DECLARATION.refuse_unless_can(review, "declare_none")
    if conflict_kind and conflict_kind not in Review.ConflictKind.values:
        raise ValidationError({"conflict_kind": _("Choose one of the kinds of conflict.")})
    if conflict_kind == Review.ConflictKind.OTHER and not detail:
        raise ValidationError({"detail": _("Say briefly what the conflict is.")})


@transaction.atomic
def conflict_declare(
    *, reviewer: User, review: Review, conflict_kind: str = "", detail: str = ""
) -> RunSummary | None:
    """The reviewer declares no conflict, or a conflict of interest, before opening a proposal.

    With a conflict: the pair is withdrawn at once (it never counts again and
    the reviewer never sees the proposal), the declaration is audited, and the
    engine looks for a replacement for that proposal only, keeping every other
    pair. Returns the replacement run's summary, or None for "no conflict".
    """
    review = locked(review, "proposal__call")
    detail = detail.strip()
    _check_declaration(reviewer, review, conflict_kind, detail)
    if not conflict_kind:
        review_move(
            actor=reviewer,
            review=review,
            action="declare_none",
            changes={"declared_at": timezone.now()},
        )
        return None
    review_move(
        actor=reviewer,
        review=review,
        action="declare_conflict",
        changes={
            "declared_at": timezone.now(),
            "conflict_kind": conflict_kind,
            "conflict_detail": detail[:300],
        },
        kind=conflict_kind,
    )
    return fill_call(actor=None, call=review.proposal.call, only=review.proposal)
