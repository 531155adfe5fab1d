"""An instance pays only for the imports it needs (checked in a fresh interpreter)."""

import json
import subprocess
import sys

HEAVY = ("scipy", "sklearn", "ortools.graph.python.max_flow", "skillbridge.assignment.profiles")

SCRIPT = """
import json, sys
from skillbridge.assignment import solve
result = solve(json.loads(sys.argv[1]), **json.loads(sys.argv[3]))
heavy = sorted({name for name in sys.modules for root in json.loads(sys.argv[2])
                if name == root or name.startswith(root + ".")})
print(json.dumps({"filled": result["stats"]["filled_seats"], "heavy": heavy}))
"""


def _loaded(instance: dict, roots: tuple[str, ...] = HEAVY, **options) -> dict:
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            SCRIPT,
            json.dumps(instance),
            json.dumps(roots),
            json.dumps(options),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(done.stdout)


def test_given_scores_solve_without_scipy_sklearn_or_max_flow():
    instance = {
        "projects": [{"id": "P1", "seats": 1}],
        "experts": [{"id": "E1"}, {"id": "E2"}],
        "scores": [
            {"project": "P1", "expert": "E1", "score": 0.5},
            {"project": "P1", "expert": "E2", "score": 0.75},
        ],
    }
    assert _loaded(instance) == {"filled": 1, "heavy": []}


def test_reasons_for_unfilled_given_scores_need_no_profile_scoring():
    instance = {
        "projects": [{"id": "P1", "seats": 2}],
        "experts": [{"id": "E1"}, {"id": "E2"}],
        "scores": [{"project": "P1", "expert": "E1", "score": 0.5}],
    }
    assert _loaded(instance, explain_unfilled=True) == {"filled": 1, "heavy": []}


def test_fair_objective_loads_max_flow_but_not_profile_scoring():
    instance = {
        "objective": "fair",
        "projects": [{"id": "P1"}],
        "experts": [{"id": "E1"}],
        "scores": [{"project": "P1", "expert": "E1", "score": 0.5}],
    }
    assert _loaded(instance) == {"filled": 1, "heavy": ["ortools.graph.python.max_flow"]}


def test_profiles_load_profile_scoring():
    instance = {
        "projects": [{"id": "P1", "skills": ["solar"], "text": "solar pumps"}],
        "experts": [{"id": "E1", "skills": ["solar"], "text": "solar pumps"}],
    }
    loaded = _loaded(instance)
    assert loaded["filled"] == 1
    assert "skillbridge.assignment.profiles" in loaded["heavy"]
    assert "scipy.sparse" in loaded["heavy"]


def test_the_report_on_unfilled_projects_loads_only_when_asked_for():
    instance = {
        "projects": [{"id": "P1", "seats": 2}],
        "experts": [{"id": "E1"}],
        "scores": [{"project": "P1", "expert": "E1", "score": 0.5}],
    }
    report = ("skillbridge.assignment.unfilled",)
    assert _loaded(instance, report) == {"filled": 1, "heavy": []}
    assert _loaded(instance, report, explain_unfilled=True) == {"filled": 1, "heavy": list(report)}
