"""The reviewers' own lists: their assignments, the next one, the others' reviews."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Count, Q, QuerySet

from skillbridge.calls.models import Call, Proposal, RubricCriterion, TeamMember
from skillbridge.people.models import User
from skillbridge.review.models import Review

# --- Reviewers' lists -----------------------------------------------------------------------


def reviews_of(reviewer: User) -> QuerySet[Review]:
    """The reviewer's own current assignments, newest call first."""
    return (
        Review.objects.filter(reviewer=reviewer, status=Review.Status.ACTIVE)
        .select_related("proposal__call", "proposal__college", "proposal__sector")
        .order_by("-proposal__call__opens_at", "submitted_at", "proposal__title", "pk")
    )


def team_names(proposals: Iterable[Proposal]) -> dict[int, list[str]]:
    """Proposal id → the names on its team (what a reviewer sees before declaring)."""
    names: dict[int, list[str]] = {}
    members = TeamMember.objects.filter(proposal__in=list(proposals)).exclude(
        status=TeamMember.Status.REMOVED
    )
    for member in members.order_by("proposal_id", "-is_lead", "full_name", "email"):
        names.setdefault(member.proposal_id, []).append(member.full_name or member.email)
    return names


def next_review(reviewer: User, call: Call, *, after: Review | None = None) -> Review | None:
    """The reviewer's unsubmitted assignment in `call` whose proposal has the fewest reviews.

    Ties go to the earliest assignment. `after` (the review just finished) is skipped.
    """
    submitted = Count("proposal__reviews", filter=Q(proposal__reviews__submitted_at__isnull=False))
    queryset = Review.objects.filter(
        reviewer=reviewer,
        status=Review.Status.ACTIVE,
        submitted_at__isnull=True,
        proposal__call=call,
    )
    if after is not None:
        queryset = queryset.exclude(pk=after.pk)
    return queryset.annotate(done=submitted).order_by("done", "created_at", "pk").first()


def review_to_open(reviewer: User, call: Call, *, after: int | None = None) -> Review | None:
    """Where "next" leads: the next review (see `next_review`) after the review `after`.

    When none is left, the review `after` itself, while it is still to be submitted.
    """
    current = Review.objects.filter(pk=after, reviewer=reviewer).first() if after else None
    found = next_review(reviewer, call, after=current)
    if found is None and current is not None and not current.is_submitted:
        return current
    return found


def others_reviews(review: Review) -> QuerySet[Review] | list:
    """Other submitted reviews of the same proposal, shown only after submitting one's own."""
    if not (review.may_open and review.is_submitted):
        return []
    return (
        Review.objects.filter(proposal_id=review.proposal_id, submitted_at__isnull=False)
        .exclude(pk=review.pk)
        .select_related("reviewer")
        .prefetch_related("scores__criterion")
        .order_by("submitted_at", "pk")
    )


def criteria_of(call: Call) -> list[RubricCriterion]:
    return list(call.criteria.order_by("position", "pk"))
