"""Writing reviews: declare first, drafts, submission, and what a reviewer may see."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from skillbridge.common.models import AuditEntry
from skillbridge.review import selectors, services
from skillbridge.review.models import Review, Score
from tests.review.conftest import submit


def test_a_review_cannot_be_written_before_declaring(assigned, panel):
    review = Review.objects.filter(reviewer=panel[0]).first()
    with pytest.raises(ValidationError) as caught:
        services.review_save(reviewer=panel[0], review=review, scores={})
    assert caught.value.message_dict["review"] == ["Declare your interests before you review."]


def test_a_draft_keeps_partial_scores_and_submission_needs_them_all(assigned, panel, call):
    review = Review.objects.filter(reviewer=panel[0]).first()
    services.conflict_declare(reviewer=panel[0], review=review)
    first = call.criteria.order_by("position").first()
    services.review_save(reviewer=panel[0], review=review, scores={first.pk: 4})
    assert list(Score.objects.filter(review=review).values_list("value", flat=True)) == [4]
    with pytest.raises(ValidationError) as caught:
        services.review_submit(reviewer=panel[0], review=review)
    assert set(caught.value.message_dict) == {
        *(f"score_{c.pk}" for c in call.criteria.exclude(pk=first.pk)),
        "committee_comment",
        "recommendation",
    }
    review.refresh_from_db()
    assert review.submitted_at is None


def test_submission_stores_the_weighted_score_and_is_audited(assigned, panel):
    review = Review.objects.filter(reviewer=panel[0]).first()
    submitted = submit(review, values=(5, 2, 3))
    assert submitted.weighted_score == Decimal("3.750")
    assert (
        AuditEntry.objects.filter(action="review.submitted", object_id=str(review.pk)).count() == 1
    )
    with pytest.raises(ValidationError):
        services.review_save(reviewer=panel[0], review=review, scores={})


def test_bad_scores_change_nothing(assigned, panel, call):
    review = Review.objects.filter(reviewer=panel[0]).first()
    services.conflict_declare(reviewer=panel[0], review=review)
    first = call.criteria.order_by("position").first()
    with pytest.raises(ValidationError):
        services.review_submit(
            reviewer=panel[0],
            review=review,
            scores={first.pk: 9},
            committee_comment="x",
            recommendation="fund",
        )
    review.refresh_from_db()
    assert (review.committee_comment, Score.objects.count(), review.submitted_at) == ("", 0, None)


def test_others_reviews_stay_hidden_until_one_submits(assigned, panel):
    proposal = assigned[0]
    first, second = list(proposal.reviews.filter(status="active"))
    submit(first)
    services.conflict_declare(reviewer=second.reviewer, review=second)
    second.refresh_from_db()
    assert list(selectors.others_reviews(second)) == []
    submit(second)
    second.refresh_from_db()
    assert list(selectors.others_reviews(second)) == [first]


def test_next_goes_to_the_proposal_with_the_fewest_reviews(call, officer, panel, assigned):
    rita = panel[0]
    mine = list(Review.objects.filter(reviewer=rita, status="active").order_by("pk"))
    assert len(mine) == 2
    # Someone else reviews the proposal of Rita's first assignment.
    other = Review.objects.filter(proposal=mine[0].proposal).exclude(reviewer=rita).first()
    submit(other)
    assert selectors.next_review(rita, call) == mine[1]
