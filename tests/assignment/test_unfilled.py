"""Why a project got fewer experts than seats: the optional report on ``unfilled``."""

from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skillbridge.assignment import explain_unfilled, solve

from . import instances
from .reference import hard_failures, norm, reference_scores
from .strategies import profiled_instances, scored_instances

PROPERTY = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
OBJECTIVES = st.sampled_from(["total", "fair"])


def unfilled(project: str, open_seats: int, eligible: int, **counts: int) -> dict:
    """An item of ``unfilled`` with its report, the reasons in the order given."""
    reasons = [{"code": code, "count": count} for code, count in counts.items()]
    return {"project": project, "open_seats": open_seats, "eligible": eligible, "reasons": reasons}


def test_given_scores_name_the_unscored_excluded_too_low_and_taken_experts():
    data = instances.scored() | {"min_score": 0.5}
    data["forbidden"] = [{"project": "P1", "expert": "E2"}]
    result = solve(data, explain_unfilled=True)
    # P1 lists E1 to E3: E1 is on it, E2 forbidden, E3 scores 0.4; E4 has no score.
    assert result["unfilled"] == [unfilled("P1", 1, 3, unscored=1, excluded=1, below_min_score=1)]


def test_an_expert_whose_place_went_elsewhere_is_taken():
    data = {
        "projects": [{"id": "P1"}, {"id": "P2"}],
        "experts": [{"id": "E1"}],
        "scores": [
            {"project": "P1", "expert": "E1", "score": 0.4},
            {"project": "P2", "expert": "E1", "score": 0.9},
        ],
    }
    result = solve(data, explain_unfilled=True)
    assert result["unfilled"] == [unfilled("P1", 1, 1, taken=1)]


def test_profiles_name_each_hard_constraint_and_the_sector():
    window = {"start": "2027-01-01", "end": "2027-01-31"}
    data = {
        "projects": [
            {
                "id": "P1",
                "seats": 3,
                "sector": "energy",
                "languages": ["fr"],
                "modality": "onsite",
                "window": window,
            }
        ],
        "experts": [
            {"id": "E1", "languages": ["en"]},
            {"id": "E2", "languages": ["fr"], "modalities": ["remote"]},
            {"id": "E3", "available": [{"start": "2027-01-30", "end": "2027-02-28"}]},
            {"id": "E4", "sectors": ["energy"], "conflicts": ["P1"]},
            {"id": "E5", "languages": ["fr", "en"]},
        ],
    }
    result = solve(data, explain_unfilled=True)
    assert [a["expert"] for a in result["assignments"]] == ["E5"]
    assert result["unfilled"] == [
        unfilled("P1", 2, 2, language=1, modality=1, dates=1, sector=4, excluded=1)
    ]


def test_on_site_dates_add_up_the_periods_as_the_solver_does():
    # Four days and three days in the window: a week in all, so the pair is usable.
    data = {
        "projects": [
            {
                "id": "P1",
                "seats": 2,
                "modality": "onsite",
                "window": {"start": "2027-01-01", "end": "2027-01-31"},
            }
        ],
        "experts": [
            {
                "id": "E1",
                "available": [
                    {"start": "2027-01-01", "end": "2027-01-04"},
                    {"start": "2027-01-10", "end": "2027-01-12"},
                ],
            },
            {"id": "E2", "available": [{"start": "2027-01-01", "end": "2027-01-06"}]},
        ],
    }
    result = solve(data, explain_unfilled=True)
    assert [a["expert"] for a in result["assignments"]] == ["E1"]
    assert result["unfilled"] == [unfilled("P1", 1, 1, dates=1)]


def test_a_free_expert_outside_the_top_k_is_named():
    data = {
        "projects": [{"id": "P1", "skills": ["solar"]}, {"id": "P2", "skills": ["solar"]}],
        "experts": [{"id": "E1", "skills": ["solar"]}, {"id": "E2"}],
    }
    result = solve(data, top_k=1, explain_unfilled=True)
    assert [(a["project"], a["expert"]) for a in result["assignments"]] == [("P1", "E1")]
    assert result["unfilled"] == [unfilled("P2", 1, 2, taken=1, beyond_top_k=1)]
    assert not solve(data, top_k=2)["unfilled"]


def test_an_instance_without_experts_gives_no_reasons():
    result = solve({"projects": [{"id": "P1"}], "experts": []}, explain_unfilled=True)
    assert result["unfilled"] == [unfilled("P1", 1, 0)]


@PROPERTY
@given(
    st.one_of(OBJECTIVES.flatmap(profiled_instances), OBJECTIVES.flatmap(scored_instances)),
    st.sampled_from([1, 2, 50]),
)
def test_the_report_counts_what_each_rule_rules_out(data, top_k):
    result = solve(data, top_k=top_k, explain_unfilled=True)
    assert result["unfilled"] == reference_report(data, result)
    plain = solve(data, top_k=top_k)
    assert explain_unfilled(data, plain) == result["unfilled"]
    if "scores" in data or top_k >= len(data["experts"]):
        # Every usable expert was considered: one with a free place would have been assigned.
        codes = {r["code"] for item in result["unfilled"] for r in item["reasons"]}
        assert "beyond_top_k" not in codes


def reference_report(data: dict, result: dict) -> list[dict]:
    """The report counted one expert at a time, straight from the documented codes."""
    given = data.get("scores") is not None
    if given:
        scores = {(s["project"], s["expert"]): s["score"] for s in data["scores"]}
    else:
        scores = reference_scores(data)
    assigned = {(a["project"], a["expert"]) for a in result["assignments"]}
    load = Counter(expert for _, expert in assigned)
    projects = {p["id"]: p for p in data["projects"]}
    report = []
    for item in result["unfilled"]:
        project = projects[item["project"]]
        counts: Counter = Counter()
        for expert in data["experts"]:
            pair = (project["id"], expert["id"])
            failed = ["unscored"] if given and pair not in scores else _failures(project, expert)
            counts.update(failed)
            if not set(failed) - {"sector"}:
                counts["eligible"] += 1
                ruled_out = _ruled_out(data, pair, scores, assigned, load, expert)
                if ruled_out:
                    counts[ruled_out] += 1
        codes = [*CHECKS, "excluded", "below_min_score", "taken", "beyond_top_k"]
        reasons = [{"code": code, "count": counts[code]} for code in codes if counts[code]]
        report.append(item | {"eligible": counts["eligible"], "reasons": reasons})
    return report


CHECKS = ["language", "modality", "dates", "sector", "unscored"]


def _failures(project: dict, expert: dict) -> list[str]:
    sector = norm(project.get("sector") or "")
    outside = sector and sector not in {norm(s) for s in expert.get("sectors", [])}
    return hard_failures(project, expert) + ["sector"] * bool(outside)


def _ruled_out(data, pair, scores, assigned, load, expert) -> str | None:
    """Which of the last four codes an eligible expert counts under (None: assigned here)."""
    forbidden = {(f["project"], f["expert"]) for f in data.get("forbidden", [])}
    if pair in forbidden or pair[0] in expert.get("conflicts", []):
        return "excluded"
    if scores[pair] < data.get("min_score", 0.0):
        return "below_min_score"
    if pair in assigned:
        return None
    return "taken" if load[expert["id"]] >= expert.get("capacity", 1) else "beyond_top_k"
