"""Weighted scores, statistics, calibration and the disagreement flag."""

import statistics
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

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


def reference_calibrate(scores):
    """The rule of the module docstring, written the plain way: every statistic per score."""
    values = [s.value for s in scores]
    if not values:
        return {}
    panel_mean = statistics.fmean(values)
    panel_sd = statistics.pstdev(values) if len(values) > 1 else 0.0
    result = {}
    for s in scores:
        own = [o.value for o in scores if o.reviewer_id == s.reviewer_id]
        if len(own) < 2:
            value = s.value
        elif statistics.pstdev(own) == 0 or panel_sd == 0:
            value = panel_mean + (s.value - statistics.fmean(own))
        else:
            own_mean, own_sd = statistics.fmean(own), statistics.pstdev(own)
            value = panel_mean + panel_sd * (s.value - own_mean) / own_sd
        result[(s.proposal_id, s.reviewer_id)] = min(5.0, max(1.0, value))
    return result


# Weighted scores as the database gives them: three places on the 1-5 scale,
# one per (proposal, reviewer); few reviewers so that most have several scores,
# and equal scores are common (a reviewer with s_r = 0).
panels = st.dictionaries(
    keys=st.tuples(st.integers(1, 30), st.integers(1, 6)),
    values=st.one_of(st.integers(1000, 5000).map(lambda v: v / 1000), st.sampled_from([3.0])),
    max_size=80,
).map(lambda d: [SubmittedScore(p, r, v) for (p, r), v in d.items()])


@given(panels)
def test_calibration_matches_the_plain_computation_exactly(scores):
    assert calibrate(scores) == reference_calibrate(scores)
