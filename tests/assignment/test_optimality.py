"""The engine's answer equals an independent MILP optimum and never breaks a rule."""

import random

from hypothesis import HealthCheck, example, given, settings

from skillbridge.assignment import solve

from .checks import assert_honours_constraints
from .oracle import eligible_pairs, optimum
from .strategies import contested_instances, scored_instances

PROPERTY = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def given_scores(data: dict) -> dict:
    return {(s["project"], s["expert"]): s["score"] for s in data["scores"]}


def assert_matches_optimum(data: dict) -> dict:
    result = solve(data)
    usable = eligible_pairs(data, given_scores(data))
    best = optimum(data, usable)
    stats = result["stats"]
    assert stats["filled_seats"] == best.filled
    assert abs(stats["total_score"] - best.total) <= 1e-6 * max(best.filled, 1)
    if best.lowest is None:
        assert stats["min_score"] is None
    elif data["objective"] == "fair":
        assert stats["min_score"] == best.lowest
    assert_honours_constraints(data, result, usable)
    return result


@PROPERTY
@given(scored_instances("total"))
def test_total_fills_most_seats_then_maximises_the_total_score(data):
    assert_matches_optimum(data)


@PROPERTY
@given(scored_instances("fair"))
def test_fair_fills_most_seats_then_raises_the_lowest_score_then_the_total(data):
    assert_matches_optimum(data)


@PROPERTY
@given(contested_instances("fair"))
@example(
    {
        "objective": "fair",
        "projects": [{"id": "P0"}, {"id": "P1"}],
        "experts": [{"id": "E0"}, {"id": "E1"}],
        "scores": [
            {"project": "P0", "expert": "E0", "score": 1.0},
            {"project": "P0", "expert": "E1", "score": 0.5},
            {"project": "P1", "expert": "E0", "score": 0.5},
            {"project": "P1", "expert": "E1", "score": 0.1},
        ],
    }
)
def test_fair_gives_up_total_score_to_lift_the_lowest_pair(data):
    assert_matches_optimum(data)


@PROPERTY
@given(contested_instances("total"))
def test_total_is_optimal_when_projects_compete_for_experts(data):
    assert_matches_optimum(data)


@settings(max_examples=30, deadline=None)
@given(scored_instances("fair"))
def test_the_same_instance_in_any_order_gives_the_same_assignment(data):
    shuffled = dict(reversed(data.items()))
    for key in ("projects", "experts", "scores", "locked", "forbidden"):
        shuffled[key] = random.Random(7).sample(data[key], len(data[key]))
    first, second = solve(data), solve(shuffled)
    del first["stats"]["seconds"], second["stats"]["seconds"]
    assert first == second
