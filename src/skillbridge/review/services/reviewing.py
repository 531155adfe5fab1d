"""Writing a review: drafts, then submission."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from skillbridge.common.services import audit_record
from skillbridge.common.transitions import locked
from skillbridge.people.models import User
from skillbridge.review.models import Review, Score
from skillbridge.review.scoring import weighted_score
from skillbridge.review.selectors import conflicts_automatically, criteria_of, ranking_forget


def _check_open(reviewer: User, review: Review) -> None:
    if review.reviewer_id != reviewer.pk or not review.is_active:
        raise ValidationError({"review": _("This assignment is no longer yours.")})
    if review.declaration != Review.Declaration.NONE:
        raise ValidationError({"review": _("Declare your interests before you review.")})
    if conflicts_automatically(reviewer=reviewer, proposal=review.proposal):
        raise ValidationError({"review": _("You have a conflict of interest with this proposal.")})
    if review.is_submitted:
        raise ValidationError({"review": _("This review is already submitted.")})


def _write(
    review: Review,
    *,
    scores: dict[int, int | None],
    committee_comment: str,
    applicant_comment: str,
    recommendation: str,
) -> None:
    criteria = {c.pk: c for c in criteria_of(review.proposal.call)}
    errors = {}
    for criterion_id, value in scores.items():
        if criterion_id not in criteria:
            errors["scores"] = _("A score names a criterion that is not in this call's rubric.")
        elif value is not None and not (isinstance(value, int) and 1 <= value <= 5):
            errors[f"score_{criterion_id}"] = _("Give a score from 1 to 5.")
    if recommendation and recommendation not in Review.Recommendation.values:
        errors["recommendation"] = _("Choose fund, maybe or do not fund.")
    if errors:
        raise ValidationError(errors)
    for criterion_id, value in scores.items():
        if value is None:
            Score.objects.filter(review=review, criterion_id=criterion_id).delete()
        else:
            Score.objects.update_or_create(
                review=review, criterion_id=criterion_id, defaults={"value": value}
            )
    review.committee_comment = committee_comment.strip()
    review.applicant_comment = applicant_comment.strip()
    review.recommendation = recommendation
    review.save(
        update_fields=["committee_comment", "applicant_comment", "recommendation", "updated_at"]
    )


@transaction.atomic
def review_save(
    *,
    reviewer: User,
    review: Review,
    scores: dict[int, int | None],
    committee_comment: str = "",
    applicant_comment: str = "",
    recommendation: str = "",
) -> Review:
    """Save a draft: scores per criterion (1-5, any may be missing), comments, recommendation.

    Only by the assigned reviewer, after declaring no conflict, before submitting.
    """
    review = locked(review, "proposal__call")
    _check_open(reviewer, review)
    _write(
        review,
        scores=scores,
        committee_comment=committee_comment,
        applicant_comment=applicant_comment,
        recommendation=recommendation,
    )
    return review


@transaction.atomic
def review_submit(
    *,
    reviewer: User,
    review: Review,
    scores: dict[int, int | None] | None = None,
    committee_comment: str | None = None,
    applicant_comment: str | None = None,
    recommendation: str | None = None,
) -> Review:
    """Submit the review (saving any values given first); it cannot change afterwards.

    Requires a score on every criterion, a comment for the committee and a
    recommendation; stores the weighted score; drops the call's cached ranking
    statistics; audits.
    """
    review = locked(review, "proposal__call")
    _check_open(reviewer, review)
    if scores is not None:
        _write(
            review,
            scores=scores,
            committee_comment=review.committee_comment
            if committee_comment is None
            else committee_comment,
            applicant_comment=review.applicant_comment
            if applicant_comment is None
            else applicant_comment,
            recommendation=review.recommendation if recommendation is None else recommendation,
        )
    criteria = criteria_of(review.proposal.call)
    given = dict(Score.objects.filter(review=review).values_list("criterion_id", "value"))
    errors = {
        f"score_{c.pk}": _("Score this criterion before you submit.")
        for c in criteria
        if c.pk not in given
    }
    if not criteria:
        errors["scores"] = _("This call has no rubric yet; it cannot be scored.")
    if not review.committee_comment:
        errors["committee_comment"] = _("Write a comment for the committee.")
    if not review.recommendation:
        errors["recommendation"] = _("Choose fund, maybe or do not fund.")
    if errors:
        raise ValidationError(errors)
    review.weighted_score = weighted_score((c.weight, given[c.pk]) for c in criteria)
    review.submitted_at = timezone.now()
    review.save(update_fields=["weighted_score", "submitted_at", "updated_at"])
    ranking_forget(review.proposal.call_id)
    audit_record(
        actor=reviewer,
        action="review.submitted",
        target=review,
        before="draft",
        after="submitted",
        data={"weighted_score": str(review.weighted_score), "scores": given},
    )
    return review
