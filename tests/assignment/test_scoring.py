"""Scoring from profiles: the documented formula, the hard constraints, top-k, reasons."""

import pytest
from hypothesis import HealthCheck, given, settings

from skillbridge.assignment import parse_instance, solve
from skillbridge.assignment.bench import profile_instance
from skillbridge.assignment.scoring import find_candidates

from . import instances
from .checks import assert_honours_constraints
from .oracle import eligible_pairs, optimum
from .reference import reference_scores
from .strategies import profiled_instances

# Reference and engine both round each score to 6 places, and may round a sum that
# lies exactly halfway apart: allow one unit in the sixth place per assigned pair.
ROUNDING = 2e-6

PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def candidate_scores(data: dict, top_k: int = 50) -> dict[tuple[str, str], float]:
    instance = parse_instance(data)
    found = find_candidates(instance, top_k=top_k)
    return {
        (instance.projects[p].id, instance.experts[e].id): float(s)
        for p, e, s in zip(found.project, found.expert, found.score, strict=True)
    }


@PROPERTY
@given(profiled_instances("total"))
def test_scores_follow_the_documented_formula_and_hard_constraints(data):
    expected = eligible_pairs(data, reference_scores(data))
    found = candidate_scores(data)
    assert found.keys() == expected.keys()
    for pair, score in found.items():
        # Both sides round to 6 places; only a sum exactly halfway could round apart.
        assert score == pytest.approx(expected[pair], abs=ROUNDING)


@PROPERTY
@given(profiled_instances("total"))
def test_total_from_profiles_is_optimal(data):
    usable = eligible_pairs(data, reference_scores(data))
    result = solve(data)
    best = optimum(data, usable)
    assert result["stats"]["filled_seats"] == best.filled
    assert result["stats"]["total_score"] == pytest.approx(
        best.total, abs=ROUNDING * (best.filled + 1)
    )
    assert_honours_constraints(data, result, usable)


@PROPERTY
@given(profiled_instances("fair"))
def test_fair_from_profiles_is_optimal(data):
    usable = eligible_pairs(data, reference_scores(data))
    result = solve(data)
    best = optimum(data, usable)
    assert result["stats"]["filled_seats"] == best.filled
    if best.lowest is not None:
        assert result["stats"]["min_score"] == pytest.approx(best.lowest, abs=ROUNDING)
    assert result["stats"]["total_score"] == pytest.approx(
        best.total, abs=ROUNDING * (best.filled + 1)
    )
    assert_honours_constraints(data, result, usable)


def test_it_keeps_only_the_top_k_experts_of_each_project():
    data = profile_instance(300, 12)
    everything = candidate_scores(data, top_k=300)
    kept = candidate_scores(data, top_k=5)
    assert kept.keys() <= everything.keys()
    for project in {p for p, _ in everything}:
        ranked = sorted((s for (p, _), s in everything.items() if p == project), reverse=True)
        mine = sorted((s for (p, _), s in kept.items() if p == project), reverse=True)
        assert len(mine) == min(5, len(ranked))
        # Only a float32 near-tie at the fifth place may swap one expert for another.
        assert mine == pytest.approx(ranked[:5], abs=1e-5)


def test_a_locked_pair_outside_the_top_k_is_still_used():
    data = profile_instance(200, 6)
    everything = candidate_scores(data, top_k=200)
    project = "P00000"
    worst = min((s, e) for (p, e), s in everything.items() if p == project)[1]
    data["locked"] = [{"project": project, "expert": worst}]
    assigned = {(a["project"], a["expert"]) for a in solve(data, top_k=3)["assignments"]}
    assert (project, worst) in assigned


def test_skills_match_across_case_spacing_and_synonyms():
    data = instances.profiled()
    data["projects"][0]["skills"] = ["PV"]
    data["synonyms"] = {"pv": "Solar PV"}
    result = solve(data)
    reasons = next(a["reasons"] for a in result["assignments"] if a["project"] == "P1")
    assert reasons[0] == "shares skills: solar pv"


def test_a_rare_skill_counts_more_than_a_common_one():
    data = {
        "projects": [{"id": "P1", "skills": ["python", "hydrology"]}],
        "experts": [
            {"id": "E1", "skills": ["python"]},
            {"id": "E2", "skills": ["hydrology"]},
            {"id": "E3", "skills": ["python"]},
            {"id": "E4", "skills": ["python"]},
        ],
    }
    scores = candidate_scores(data)
    assert scores[("P1", "E2")] > scores[("P1", "E1")] > 0
    assert scores[("P1", "E1")] + scores[("P1", "E2")] == pytest.approx(1.0)


def test_on_site_work_needs_a_week_of_overlap_or_the_whole_short_window():
    def project(start: str, end: str) -> dict:
        return {"id": "P1", "modality": "onsite", "window": {"start": start, "end": end}}

    expert = {"id": "E1", "available": [{"start": "2027-03-01", "end": "2027-03-06"}]}
    six_days = {"projects": [project("2027-03-01", "2027-03-31")], "experts": [expert]}
    assert candidate_scores(six_days) == {}
    short = {"projects": [project("2027-03-02", "2027-03-05")], "experts": [expert]}
    assert candidate_scores(short) == {("P1", "E1"): 1.0}
    remote = {"projects": [project("2027-03-01", "2027-03-31") | {"modality": "remote"}]}
    assert candidate_scores(remote | {"experts": [expert]}) == {("P1", "E1"): round(6 / 31, 6)}


def test_a_side_without_the_field_does_not_exclude_the_pair():
    data = {
        "projects": [{"id": "P1", "languages": ["rw"], "modality": "onsite", "sector": "ict"}],
        "experts": [{"id": "E1", "sectors": ["ict"]}],
    }
    # No language, modality or dates on the expert's side: eligible; the language
    # component counts 0 and the sector 1, weighted 0.10 and 0.15.
    assert candidate_scores(data) == {("P1", "E1"): pytest.approx(0.15 / 0.25)}


def test_each_assigned_pair_is_explained_in_plain_words():
    result = solve(instances.profiled())
    reasons = {(a["project"], a["expert"]): a["reasons"] for a in result["assignments"]}
    p1 = reasons[("P1", "E1")]
    assert p1[:5] == [
        "shares skills: solar pv",
        "same sector: energy",
        "speaks rw",
        "works onsite",
        "available 2027-03-01..2027-03-31",
    ]
    assert p1[5].startswith("similar profile text (0.")
    assert reasons[("P3", "E3")][:5] == [
        "shares skills: irrigation",
        "same sector: agriculture",
        "speaks fr",
        "works onsite",
        "available 2027-06-20..2027-06-30",
    ]
