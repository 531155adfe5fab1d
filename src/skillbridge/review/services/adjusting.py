"""The officer's adjustments to an assignment: adding a reviewer by hand, removing a pair."""

from __future__ import annotations

from collections import Counter

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from skillbridge.calls.models import Proposal
from skillbridge.common.transitions import locked
from skillbridge.people.models import User
from skillbridge.review.models import PoolMember, Review
from skillbridge.review.selectors import automatic_conflicts
from skillbridge.review.services.assigning import notify_reviewers, start_review
from skillbridge.review.services.moves import review_create, review_move
from skillbridge.review.states import ASSIGNABLE


def _check_pair(proposal: Proposal, reviewer: User) -> PoolMember:
    if proposal.state not in ASSIGNABLE:
        raise ValidationError({"proposal": _("Only eligible proposals can be assigned.")})
    member = (
        PoolMember.objects.filter(call_id=proposal.call_id, reviewer=reviewer)
        .select_related("reviewer")
        .first()
    )
    if member is None:
        raise ValidationError({"reviewer": _("This reviewer is not on the call's panel.")})
    if automatic_conflicts(proposals=[proposal], members=[member]):
        raise ValidationError(
            {"reviewer": _("This reviewer has a conflict of interest with the proposal.")}
        )
    return member


def _check_existing(review: Review | None) -> None:
    if review is not None and review.status == Review.Status.CONFLICT:
        raise ValidationError({"reviewer": _("This reviewer declared a conflict of interest.")})
    if review is not None and review.is_active:
        raise ValidationError({"reviewer": _("This reviewer is already assigned.")})


def _check_load(member: PoolMember) -> None:
    load = Review.objects.filter(
        reviewer_id=member.reviewer_id,
        proposal__call_id=member.call_id,
        status=Review.Status.ACTIVE,
    ).count()
    if load >= member.load_limit:
        raise ValidationError({"reviewer": _("This reviewer has reached their load limit.")})


@transaction.atomic
def assignment_add(*, actor: User, proposal: Proposal, reviewer: User) -> Review:
    """The officer assigns a reviewer by hand; the pair is locked so re-runs keep it.

    Refuses pairs that conflict (automatic or declared), a reviewer off the
    panel or at their load limit, and a pair already assigned; re-activates a
    pair the officer had removed (to be declared afresh); moves the proposal
    to under_review; audits; mails the reviewer.
    """
    proposal = locked(proposal, "call")
    member = _check_pair(proposal, reviewer)
    review = (
        Review.objects.select_for_update(of=("self",))
        .filter(proposal=proposal, reviewer=reviewer)
        .first()
    )
    _check_existing(review)
    _check_load(member)
    if review is None:
        review = review_create(
            actor=actor,
            proposal_id=proposal.pk,
            reviewer_id=reviewer.pk,
            source=Review.Source.OFFICER,
            is_locked=True,
            by="officer",
        )
    else:
        review_move(
            actor=actor,
            review=review,
            action="reinstate",
            changes={
                "source": Review.Source.OFFICER,
                "is_locked": True,
                "declaration": Review.Declaration.PENDING,
            },
            by="officer",
        )
    start_review(actor, [proposal.pk])
    notify_reviewers(proposal.call, Counter({reviewer.pk: 1}))
    return review


@transaction.atomic
def assignment_remove(*, actor: User, review: Review) -> None:
    """The officer removes a pair; later runs treat it as forbidden. Refused once submitted."""
    review = locked(review)
    if review.is_submitted:
        raise ValidationError({"review": _("A submitted review cannot be removed.")})
    review_move(
        actor=actor, review=review, action="remove", changes={"is_locked": False}, by="officer"
    )
