"""Score arithmetic: weighted review scores, per-proposal statistics, calibration.

Pure functions on plain numbers; no database access.

* **Weighted score** of a review: sum(weight x score) / sum(weight) over the
  call's rubric, so it stays on the 1-5 scale.
* **Per proposal**: count, mean, median and *spread*, which is the range
  (highest minus lowest weighted score) of its submitted reviews.
* **Disagreement**: a proposal is flagged for discussion when at least two
  reviews differ by DISAGREEMENT_RANGE (1.5 points on the 1-5 scale) or more.
* **Calibration** (z-score per reviewer, mapped back onto the 1-5 scale): for
  every reviewer, the mean m_r and population standard deviation s_r of their
  submitted weighted scores in this call; with M and S the mean and population
  standard deviation of all submitted weighted scores of the call, a review
  scored x becomes M + S * (x - m_r) / s_r. A reviewer with fewer than
  MIN_REVIEWS_TO_CALIBRATE (2) submitted reviews is left uncalibrated (raw
  score kept); a reviewer whose scores are all equal (s_r = 0) is only shifted
  to the panel's mean: M + (x - m_r). Results are clamped to 1-5.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

DISAGREEMENT_RANGE = 1.5
# On one criterion (whole points, 1-5): two reviewers two points apart or more disagree.
CRITERION_DISAGREEMENT = 2
MIN_REVIEWS_TO_CALIBRATE = 2
THREE_PLACES = Decimal("0.001")


def weighted_score(pairs: Iterable[tuple[Decimal, int]]) -> Decimal:
    """(weight, score) pairs → the weighted mean on the 1-5 scale, to three places."""
    pairs = list(pairs)
    total_weight = sum((Decimal(w) for w, _ in pairs), Decimal(0))
    if not pairs or total_weight <= 0:
        raise ValueError("a weighted score needs at least one criterion with a weight")
    total = sum((Decimal(w) * int(s) for w, s in pairs), Decimal(0))
    return (total / total_weight).quantize(THREE_PLACES, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class SubmittedScore:
    proposal_id: int
    reviewer_id: int
    value: float


@dataclass(frozen=True)
class ProposalStats:
    count: int
    mean: float | None
    median: float | None
    spread: float | None  # range: highest minus lowest
    calibrated: float | None
    disagreement: bool


def calibrate(scores: Sequence[SubmittedScore]) -> dict[tuple[int, int], float]:
    """(proposal id, reviewer id) → calibrated score, by the rule in the module docstring."""
    if not scores:
        return {}
    values = [s.value for s in scores]
    panel_mean = statistics.fmean(values)
    panel_sd = statistics.pstdev(values) if len(values) > 1 else 0.0
    by_reviewer: dict[int, list[float]] = defaultdict(list)
    for s in scores:
        by_reviewer[s.reviewer_id].append(s.value)
    # Each reviewer's mean and deviation once, not once per score: the panel's
    # cost stays linear in its number of scores.
    reviewer_stats = {
        reviewer_id: (statistics.fmean(own), statistics.pstdev(own))
        for reviewer_id, own in by_reviewer.items()
        if len(own) >= MIN_REVIEWS_TO_CALIBRATE
    }
    result = {}
    for s in scores:
        own_stats = reviewer_stats.get(s.reviewer_id)
        if own_stats is None:
            value = s.value
        else:
            own_mean, own_sd = own_stats
            if own_sd == 0 or panel_sd == 0:
                value = panel_mean + (s.value - own_mean)
            else:
                value = panel_mean + panel_sd * (s.value - own_mean) / own_sd
        result[(s.proposal_id, s.reviewer_id)] = min(5.0, max(1.0, value))
    return result


def proposal_stats(scores: Sequence[SubmittedScore]) -> dict[int, ProposalStats]:
    """Proposal id → its statistics, raw and calibrated, over the submitted scores given."""
    calibrated = calibrate(scores)
    raw: dict[int, list[float]] = defaultdict(list)
    cal: dict[int, list[float]] = defaultdict(list)
    for s in scores:
        raw[s.proposal_id].append(s.value)
        cal[s.proposal_id].append(calibrated[(s.proposal_id, s.reviewer_id)])
    stats = {}
    for proposal_id, values in raw.items():
        spread = max(values) - min(values)
        stats[proposal_id] = ProposalStats(
            count=len(values),
            mean=round(statistics.fmean(values), 3),
            median=round(statistics.median(values), 3),
            spread=round(spread, 3),
            calibrated=round(statistics.fmean(cal[proposal_id]), 3),
            disagreement=len(values) >= 2 and spread >= DISAGREEMENT_RANGE,
        )
    return stats


EMPTY_STATS = ProposalStats(0, None, None, None, None, False)
