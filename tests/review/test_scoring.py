"""Weighted scores, statistics, calibration and the disagreement flag."""

from decimal import Decimal

import pytest

from skillbridge.review.scoring import SubmittedScore, calibrate, proposal_stats, weighted_score


def test_the_weighted_score_stays_on_the_one_to_five_scale():
    assert weighted_score([(Decimal(2), 5), (Decimal(1), 2), (Decimal(1), 3)]) == Decimal("3.750")


def test_a_weighted_score_needs_a_criterion():
    with pytest.raises(ValueError, match="at least one criterion"):
        weighted_score([])


def test_a_lenient_and_a_harsh_reviewer_agree_once_calibrated():
    # Lenient L scores everything 1.5 higher than harsh H, with the same order.
    scores = [
        SubmittedScore(1, 10, 5.0),
        SubmittedScore(2, 10, 4.0),
        SubmittedScore(3, 10, 4.5),
        SubmittedScore(1, 20, 3.5),
        SubmittedScore(2, 20, 2.5),
        SubmittedScore(3, 20, 3.0),
    ]
    calibrated = calibrate(scores)
    for proposal in (1, 2, 3):
        assert calibrated[(proposal, 10)] == pytest.approx(calibrated[(proposal, 20)])


def test_a_reviewer_with_one_review_is_left_uncalibrated():
    scores = [SubmittedScore(1, 10, 4.0), SubmittedScore(2, 20, 2.0), SubmittedScore(3, 20, 3.0)]
    assert calibrate(scores)[(1, 10)] == 4.0


def test_a_reviewer_who_gives_one_score_is_only_shifted():
    scores = [
        SubmittedScore(1, 10, 4.0),
        SubmittedScore(2, 10, 4.0),
        SubmittedScore(1, 20, 2.0),
        SubmittedScore(2, 20, 4.0),
    ]
    # Panel mean 3.5; reviewer 10's mean 4.0, so 4.0 → 3.5.
    assert calibrate(scores)[(1, 10)] == pytest.approx(3.5)


def test_stats_show_mean_median_range_and_flag_disagreement():
    scores = [SubmittedScore(1, 10, 4.5), SubmittedScore(1, 20, 2.5), SubmittedScore(1, 30, 4.0)]
    stats = proposal_stats(scores)[1]
    assert (stats.count, stats.mean, stats.median, stats.spread) == (3, 3.667, 4.0, 2.0)
    assert stats.disagreement is True


def test_close_reviews_are_not_flagged():
    scores = [SubmittedScore(1, 10, 4.0), SubmittedScore(1, 20, 2.6)]
    assert proposal_stats(scores)[1].disagreement is False
