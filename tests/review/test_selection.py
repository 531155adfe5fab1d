"""The quota-constrained best set is optimal: checked against brute force."""

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from skillbridge.review.selection import Candidate, best_set, build_quotas

SECTORS, COLLEGES, SEXES = (
    ["agri", "ict", "energy"],
    ["A", "B", "C"],
    ["female", "male", "undisclosed"],
)

candidates_strategy = st.lists(
    st.builds(
        lambda v, s, c, x: (round(v, 3), s, c, x),
        st.floats(1, 5, allow_nan=False),
        st.sampled_from(SECTORS),
        st.sampled_from(COLLEGES),
        st.sampled_from(SEXES),
    ),
    min_size=1,
    max_size=9,
)


def as_candidates(raw):
    return [Candidate(i, v, s, c, x) for i, (v, s, c, x) in enumerate(raw)]


def milli(candidates, ids):
    return sum(round(candidates[i].value * 1000) for i in ids)


def brute_force(candidates, n, quotas):
    """The best total over every subset of size n meeting every quota, or None."""
    best = None
    for subset in itertools.combinations(range(len(candidates)), n):
        chosen = set(subset)
        ok = all(
            (len(chosen & q.members) >= q.bound)
            if q.is_minimum
            else (len(chosen & q.members) <= q.bound)
            for q in quotas
        )
        if ok:
            total = milli(candidates, subset)
            best = total if best is None else max(best, total)
    return best


@settings(max_examples=150, deadline=None)
@given(
    raw=candidates_strategy,
    n=st.integers(1, 5),
    min_per_sector=st.integers(0, 2),
    max_per_college=st.one_of(st.none(), st.integers(1, 3)),
    min_per_sex=st.integers(0, 2),
)
def test_the_best_set_matches_brute_force(raw, n, min_per_sector, max_per_college, min_per_sex):
    candidates = as_candidates(raw)
    n = min(n, len(candidates))
    kwargs = {
        "min_per_sector": min_per_sector,
        "max_per_college": max_per_college,
        "min_per_sex": min_per_sex,
    }
    result = best_set(candidates, n, **kwargs)
    expected = brute_force(candidates, n, build_quotas(candidates, **kwargs))
    if expected is None:
        assert not result.feasible
        return
    assert result.feasible
    assert len(result.chosen) == n
    assert milli(candidates, result.chosen) == expected
    # Each binding quota really costs something, and dropping it is what improves the total.
    for binding in result.binding:
        assert binding.total_without > result.total
        assert binding.would_enter


def test_it_reports_the_quota_that_bound_and_what_would_change():
    candidates = [
        Candidate(1, 4.8, "ict", "A", "male"),
        Candidate(2, 4.6, "ict", "A", "male"),
        Candidate(3, 4.5, "ict", "B", "female"),
        Candidate(4, 3.0, "agri", "C", "male"),
    ]
    result = best_set(candidates, 2, min_per_sector=1)
    assert result.chosen == (1, 4)
    assert [(b.quota.kind, b.quota.subject) for b in result.binding] == [("sector_min", "agri")]
    assert result.binding[0].would_enter == (2,)
    assert result.binding[0].would_leave == (4,)


def test_equal_totals_go_to_the_better_ranked_candidates():
    candidates = [Candidate(i, 4.0, "ict", "A", "male") for i in range(5)]
    assert best_set(candidates, 2).chosen == (0, 1)


def test_impossible_quotas_are_reported_not_guessed():
    candidates = [Candidate(1, 4.0, "ict", "A", "male"), Candidate(2, 3.0, "ict", "A", "male")]
    assert not best_set(candidates, 1, min_per_sex=1).feasible


def test_no_candidates_give_an_empty_set_or_an_impossible_minimum():
    assert best_set([], 0).chosen == ()
    assert best_set([], 0).feasible
    assert not best_set([], 0, min_per_sex=1).feasible
