"""The reviewers' own lists: their assignments, the next one, the others' reviews."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from skillbridge.calls.models import (
    Attachment,
    BudgetLine,
    Call,
    Proposal,
    RubricCriterion,
    TeamMember,
)
from skillbridge.people.models import User
from skillbridge.review.models import Review
from skillbridge.review.selectors.access import conflicts_read

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
        _submitted_reviews_of([review.proposal_id])
        .exclude(pk=review.pk)
        .select_related("reviewer")
        .prefetch_related("scores__criterion")
    )


def _submitted_reviews_of(proposal_ids: Iterable[int]) -> QuerySet[Review]:
    """The submitted reviews of these proposals, in the order reviewers read them side by
    side: one reviewer's own and a page of them (`reviews_page`) ask the same."""
    return Review.objects.filter(proposal_id__in=proposal_ids, submitted_at__isnull=False).order_by(
        "submitted_at", "pk"
    )


def criteria_of(call: Call) -> list[RubricCriterion]:
    return list(call.criteria.order_by("position", "pk"))


@dataclass(frozen=True)
class ReviewsPage:
    """What a page of a reviewer's own reviews shows beside its rows, read for the whole page."""

    teams: dict[int, list[str]]  # proposal id → `team_names`
    criteria: dict[int, list[RubricCriterion]]  # call id → `criteria_of`, for the opened reviews
    others: dict[int, list[Review]]  # review id → `others_reviews`


def reviews_page(reviewer: User, reviews: Sequence[Review]) -> ReviewsPage:
    """The teams, the rubrics and the others' reviews of a page of `reviewer`'s own reviews,
    in a fixed number of queries whatever its rows; the automatic conflicts of the opened
    ones are read too (`conflicts_read`), for the `review.open` rule to ask each row."""
    opened = [r for r in reviews if r.may_open]
    conflicts_read(reviewer=reviewer, proposals=[r.proposal for r in opened])
    criteria: dict[int, list[RubricCriterion]] = {r.proposal.call_id: [] for r in opened}
    rubric = RubricCriterion.objects.filter(call_id__in=criteria).order_by("position", "pk")
    for criterion in rubric:
        criteria[criterion.call_id].append(criterion)
    submitted = [r for r in opened if r.is_submitted]
    by_proposal: dict[int, list[Review]] = {}
    for other in _submitted_reviews_of({r.proposal_id for r in submitted}).prefetch_related(
        "scores"
    ):
        by_proposal.setdefault(other.proposal_id, []).append(other)
    return ReviewsPage(
        teams=team_names(r.proposal for r in reviews),
        criteria=criteria,
        others={
            r.pk: [o for o in by_proposal.get(r.proposal_id, []) if o.pk != r.pk] for r in submitted
        },
    )


@dataclass(frozen=True)
class ReviewMaterial:
    """What the rubric asks a reviewer to judge, beyond the proposal's texts."""

    team: list[TeamMember]
    budget: list[BudgetLine]
    budget_total: int
    attachments: list[Attachment]


def review_material(review: Review) -> ReviewMaterial:
    """The team (roles), the budget lines with their total, the documents; three queries.

    Only for a reviewer who may open the proposal (the view asked `review.open`).
    """
    proposal_id = review.proposal_id
    team = list(
        TeamMember.objects.filter(proposal_id=proposal_id)
        .exclude(status=TeamMember.Status.REMOVED)
        .order_by("-is_lead", "full_name", "email")
    )
    budget = list(BudgetLine.objects.filter(proposal_id=proposal_id).order_by("position", "pk"))
    attachments = list(
        Attachment.objects.filter(proposal_id=proposal_id)
        .only("pk", "proposal_id", "kind", "original_name", "size", "content_type")
        .order_by("kind", "pk")
    )
    return ReviewMaterial(
        team=team,
        budget=budget,
        budget_total=sum(line.total_rwf for line in budget),
        attachments=attachments,
    )


def review_progress(reviews: Iterable[Review]) -> tuple[int, int]:
    """(submitted, assigned) among a reviewer's current assignments."""
    reviews = list(reviews)
    return sum(1 for r in reviews if r.is_submitted), len(reviews)


def review_attachment(review: Review, pk: int) -> Attachment:
    """A document of the review's proposal, or 404."""
    found = Attachment.objects.filter(proposal_id=review.proposal_id, pk=pk).first()
    if found is None:
        raise Http404
    return found
