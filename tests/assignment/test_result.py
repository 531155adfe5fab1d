"""The result format of DESIGN §4: assignments, unfilled seats, alternates, stats."""

import json
import random

from skillbridge.assignment import solve

from . import instances


def without_seconds(result: dict) -> dict:
    result = json.loads(json.dumps(result))
    del result["stats"]["seconds"]
    return result


def pairs(result: dict) -> list[tuple[str, str]]:
    return [(a["project"], a["expert"]) for a in result["assignments"]]


def test_it_answers_in_the_documented_format():
    result = solve(instances.scored())
    assert without_seconds(result) == {
        "objective": "total",
        "assignments": [
            {"project": "P1", "expert": "E1", "score": 0.9, "reasons": ["given score 0.9"]},
            {"project": "P1", "expert": "E2", "score": 0.8, "reasons": ["given score 0.8"]},
            {"project": "P2", "expert": "E1", "score": 0.7, "reasons": ["given score 0.7"]},
        ],
        "unfilled": [],
        "alternates": {
            "P1": [{"expert": "E3", "score": 0.4}],
            "P2": [{"expert": "E4", "score": 0.2}],
        },
        "stats": {
            "filled_seats": 3,
            "total_seats": 3,
            "total_score": 2.4,
            "min_score": 0.7,
        },
    }
    assert isinstance(result["stats"]["seconds"], float)


def test_fair_takes_the_better_lowest_score_at_some_cost_in_total():
    data = {
        "projects": [{"id": "P1"}, {"id": "P2"}],
        "experts": [{"id": "E1"}, {"id": "E2"}],
        "scores": [
            {"project": "P1", "expert": "E1", "score": 1.0},
            {"project": "P1", "expert": "E2", "score": 0.5},
            {"project": "P2", "expert": "E1", "score": 0.5},
            {"project": "P2", "expert": "E2", "score": 0.1},
        ],
    }
    total = solve(data)
    assert pairs(total) == [("P1", "E1"), ("P2", "E2")]
    assert (total["stats"]["total_score"], total["stats"]["min_score"]) == (1.1, 0.1)
    fair = solve(data | {"objective": "fair"})
    assert fair["objective"] == "fair"
    assert pairs(fair) == [("P1", "E2"), ("P2", "E1")]
    assert (fair["stats"]["total_score"], fair["stats"]["min_score"]) == (1.0, 0.5)


def test_a_locked_pair_is_always_used():
    data = instances.scored()
    data["locked"] = [{"project": "P2", "expert": "E4"}]
    result = solve(data)
    assert pairs(result) == [("P1", "E1"), ("P1", "E2"), ("P2", "E4")]
    assert result["stats"]["total_score"] == 1.9


def test_forbidden_pairs_conflicts_and_low_scores_are_never_used():
    data = instances.scored() | {"min_score": 0.5}
    data["forbidden"] = [{"project": "P1", "expert": "E2"}]
    result = solve(data)
    # E3 scores 0.95 on P2 but declared a conflict, and P1-E2 is forbidden:
    # only E1 scores at least 0.5 anywhere else.
    assert pairs(result) == [("P1", "E1"), ("P2", "E1")]
    assert result["unfilled"] == [{"project": "P1", "open_seats": 1}]


def test_alternates_are_the_three_best_experts_with_room_left_ties_by_id():
    data = {
        "projects": [{"id": "P1"}],
        "experts": [{"id": f"E{i}"} for i in range(1, 7)],
        "scores": [
            {"project": "P1", "expert": "E1", "score": 0.9},
            {"project": "P1", "expert": "E2", "score": 0.5},
            {"project": "P1", "expert": "E3", "score": 0.7},
            {"project": "P1", "expert": "E4", "score": 0.5},
            {"project": "P1", "expert": "E5", "score": 0.4},
            {"project": "P1", "expert": "E6", "score": 0.7},
        ],
    }
    result = solve(data)
    assert pairs(result) == [("P1", "E1")]
    assert result["alternates"] == {
        "P1": [
            {"expert": "E3", "score": 0.7},
            {"expert": "E6", "score": 0.7},
            {"expert": "E2", "score": 0.5},
        ]
    }


def test_an_expert_with_no_room_left_is_no_alternate():
    result = solve(instances.scored())
    # E2 (0.3) would beat E4 (0.2) on P2, but E2's one place went to P1.
    assert result["alternates"]["P2"] == [{"expert": "E4", "score": 0.2}]


def test_the_same_profiles_in_any_order_give_the_same_result():
    data = instances.profiled()
    shuffled = json.loads(json.dumps(data))
    rng = random.Random(3)
    rng.shuffle(shuffled["projects"])
    rng.shuffle(shuffled["experts"])
    for expert in shuffled["experts"]:
        rng.shuffle(expert["skills"])
    assert without_seconds(solve(shuffled)) == without_seconds(solve(data))


def test_ties_go_to_the_project_with_the_lower_id():
    data = {
        "projects": [{"id": "P3"}, {"id": "P2"}, {"id": "P1"}],
        "experts": [{"id": "E1"}],
        "scores": [{"project": p, "expert": "E1", "score": 0.5} for p in ("P2", "P3", "P1")],
    }
    assert pairs(solve(data)) == [("P1", "E1")]


def test_ties_go_to_the_expert_with_the_lower_id():
    data = {
        "projects": [{"id": "P1"}],
        "experts": [{"id": "E2"}, {"id": "E1"}, {"id": "E3"}],
        "scores": [{"project": "P1", "expert": e, "score": 0.5} for e in ("E3", "E2", "E1")],
    }
    assert pairs(solve(data)) == [("P1", "E1")]


def test_an_empty_instance_has_an_empty_result():
    result = solve({"projects": [], "experts": []})
    assert without_seconds(result) == {
        "objective": "total",
        "assignments": [],
        "unfilled": [],
        "alternates": {},
        "stats": {"filled_seats": 0, "total_seats": 0, "total_score": 0.0, "min_score": None},
    }


def test_reviewers_are_assigned_to_proposals_within_their_load():
    """Review assignment: proposals need k reviews, reviewers have a load limit,
    conflicts (same college) are removed pairs."""
    proposals = [{"id": f"PR{i}", "seats": 3} for i in range(1, 11)]
    reviewers = [{"id": f"R{j}", "capacity": 6, "conflicts": [f"PR{j}"]} for j in range(1, 7)]
    scores = [
        {"project": p["id"], "expert": r["id"], "score": 1.0} for p in proposals for r in reviewers
    ]
    result = solve({"projects": proposals, "experts": reviewers, "scores": scores})
    assert result["stats"]["filled_seats"] == 30
    load: dict[str, int] = {}
    for project, expert in pairs(result):
        assert project != "PR" + expert[1:]
        load[expert] = load.get(expert, 0) + 1
    assert max(load.values()) <= 6
