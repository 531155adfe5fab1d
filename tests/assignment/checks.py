"""Hard constraints every result must meet, checked straight from the instance dict."""

from collections import Counter


def assert_honours_constraints(data: dict, result: dict, scores: dict) -> None:
    """``scores`` maps (project, expert) to the pair's score, for every usable pair."""
    pairs = [(a["project"], a["expert"]) for a in result["assignments"]]
    assert len(pairs) == len(set(pairs)), "a pair is used twice"
    seats = {p["id"]: p.get("seats", 1) for p in data["projects"]}
    capacity = {e["id"]: e.get("capacity", 1) for e in data["experts"]}
    per_project = Counter(p for p, _ in pairs)
    per_expert = Counter(e for _, e in pairs)
    assert all(per_project[p] <= seats[p] for p in per_project)
    assert all(per_expert[e] <= capacity[e] for e in per_expert)
    forbidden = {(f["project"], f["expert"]) for f in data.get("forbidden", [])}
    conflicts = {(p, e["id"]) for e in data["experts"] for p in e.get("conflicts", [])}
    for assignment in result["assignments"]:
        pair = (assignment["project"], assignment["expert"])
        assert pair not in forbidden
        assert pair not in conflicts
        assert pair in scores, f"{pair} is not a usable pair"
        # Profile scores are rounded to 6 places; a sum exactly halfway may round
        # either way depending on the order of float operations.
        assert abs(assignment["score"] - scores[pair]) <= 1.5e-6
        assert scores[pair] >= data.get("min_score", 0.0)
    locked = {(lock["project"], lock["expert"]) for lock in data.get("locked", [])}
    assert locked <= set(pairs), "a locked pair is missing"
    unfilled = {u["project"]: u["open_seats"] for u in result["unfilled"]}
    for project, n in seats.items():
        assert unfilled.get(project, 0) == n - per_project[project]
    stats = result["stats"]
    assert stats["filled_seats"] == len(pairs)
    assert stats["total_seats"] == sum(seats.values())
    assert set(result["alternates"]) == set(seats)
    _assert_alternates(result, scores, capacity, per_expert)


def _assert_alternates(result: dict, scores: dict, capacity: dict, load: Counter) -> None:
    """Up to three usable experts with room, not on the project, none better left out."""
    assigned = {(a["project"], a["expert"]) for a in result["assignments"]}
    for project, alternates in result["alternates"].items():
        assert len(alternates) <= 3
        keys = [(-a["score"], a["expert"]) for a in alternates]
        assert keys == sorted(keys), "alternates are not best first, then by id"
        for alternate in alternates:
            pair = (project, alternate["expert"])
            assert pair in scores
            assert pair not in assigned
            assert load[alternate["expert"]] < capacity[alternate["expert"]]
        better_left = [
            e
            for (p, e), s in scores.items()
            if p == project
            and (p, e) not in assigned
            and load[e] < capacity[e]
            and all(e != a["expert"] for a in alternates)
            and (len(alternates) < 3 or (-s, e) < keys[-1])
        ]
        assert not better_left, f"{project} misses better alternates {better_left}"
