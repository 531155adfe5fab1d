"""One proposal's submitted reviews side by side, criterion by criterion: the officer's
view of its review."""

from __future__ import annotations

from dataclasses import dataclass

from skillbridge.calls.models import Call, Proposal, RubricCriterion
from skillbridge.review.models import Review
from skillbridge.review.scoring import CRITERION_DISAGREEMENT


@dataclass(frozen=True)
class CriterionLine:
    criterion: RubricCriterion
    values: list[int | None]  # one per review, in the grid's order
    disagreement: bool


@dataclass(frozen=True)
class ReviewGrid:
    """One proposal's submitted reviews side by side (the officer's view of its review)."""

    reviews: list[Review]
    lines: list[CriterionLine]
    pending: int  # current assignments not submitted yet


def review_grid(call: Call, proposal: Proposal) -> ReviewGrid:
    """The submitted reviews of `proposal`, criterion by criterion; three queries."""
    reviews = list(
        Review.objects.filter(proposal=proposal, submitted_at__isnull=False)
        .select_related("reviewer")
        .prefetch_related("scores")
        .order_by("submitted_at", "pk")
    )
    pending = Review.objects.filter(
        proposal=proposal, submitted_at__isnull=True, status=Review.Status.ACTIVE
    ).count()
    given = [{s.criterion_id: s.value for s in review.scores.all()} for review in reviews]
    lines = []
    for criterion in call.criteria.order_by("position", "pk"):
        values = [scores.get(criterion.pk) for scores in given]
        known = [v for v in values if v is not None]
        spread = max(known) - min(known) if known else 0
        lines.append(CriterionLine(criterion, values, spread >= CRITERION_DISAGREEMENT))
    return ReviewGrid(reviews=reviews, lines=lines, pending=pending)
