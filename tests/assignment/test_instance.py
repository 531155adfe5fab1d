"""Every kind of bad input is refused with one message naming the field."""

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skillbridge.assignment import InstanceError, solve

from . import instances


def refuse(data: object) -> str:
    with pytest.raises(InstanceError) as raised:
        solve(data)
    return str(raised.value)


def changed(base: dict, path: str, value: object) -> dict:
    """A copy of ``base`` with the value at ``path`` ("a.0.b") replaced (removed for ...)."""
    data = json.loads(json.dumps(base))
    *parents, last = path.split(".")
    target = data
    for key in parents:
        target = target[int(key)] if isinstance(target, list) else target[key]
    key = int(last) if isinstance(target, list) else last
    if value is ...:
        del target[key]
    else:
        target[key] = value
    return data


SCORED_CASES = [
    ("objective", "best", "objective: must be one of total, fair"),
    ("min_score", 1.5, "min_score: must be a number from 0 to 1"),
    ("min_score", "0.2", "min_score: must be a number from 0 to 1"),
    ("forbiden", [], "forbiden: is not a known field"),
    ("projects", ..., "projects: is required"),
    ("projects", {"id": "P1"}, "projects: must be a list"),
    ("projects.0", "P1", "projects[0]: must be an object"),
    ("projects.0.id", ..., "projects[0].id: is required"),
    ("projects.0.id", "", "projects[0].id: must be a non-empty string"),
    ("projects.0.id", 7, "projects[0].id: must be a non-empty string"),
    ("projects.0.title", "Solar", "projects[0].title: is not a known field"),
    ("projects.1.id", "P1", "projects[1].id: repeats the id 'P1'"),
    ("experts.1.id", "E1", "experts[1].id: repeats the id 'E1'"),
    ("projects.0.seats", 0, "projects[0].seats: must be a positive integer"),
    ("projects.0.seats", 1.5, "projects[0].seats: must be a positive integer"),
    ("projects.0.seats", True, "projects[0].seats: must be a positive integer"),
    ("projects.0.seats", "2", "projects[0].seats: must be a positive integer"),
    ("projects.0.seats", 10**12, "projects[0].seats: must be at most 1000000000"),
    ("experts.3.capacity", -1, "experts[3].capacity: must be a positive integer"),
    ("projects.0.skills", "solar", "projects[0].skills: must be a list"),
    ("projects.0.skills", ["solar", 3], "projects[0].skills[1]: must be a string"),
    ("projects.0.text", 3, "projects[0].text: must be a string"),
    ("projects.0.modality", "space", "projects[0].modality: must be one of onsite, remote, hybrid"),
    (
        "experts.0.modalities",
        ["onsite", "beach"],
        "experts[0].modalities[1]: must be one of onsite, remote, hybrid",
    ),
    ("projects.0.window", "2027", "projects[0].window: must be an object"),
    ("projects.0.window", {"start": "2027-02-01"}, "projects[0].window.end: is required"),
    (
        "projects.0.window",
        {"start": "01/02/2027", "end": "2027-03-01"},
        "projects[0].window.start: must be a date written YYYY-MM-DD",
    ),
    (
        "projects.0.window",
        {"start": "2027-02-30", "end": "2027-03-01"},
        "projects[0].window.start: is not a real date",
    ),
    (
        "projects.0.window",
        {"start": "2027-03-02", "end": "2027-03-01"},
        "projects[0].window.end: must not be before start",
    ),
    (
        "experts.0.available",
        [
            {"start": "2027-01-01", "end": "2027-01-31"},
            {"start": "2027-05-02", "end": "2027-05-01"},
        ],
        "experts[0].available[1].end: must not be before start",
    ),
    ("experts.0.conflicts", [""], "experts[0].conflicts[0]: must be a non-empty string"),
    ("synonyms", ["pv"], "synonyms: must be an object mapping a skill to its usual name"),
    ("synonyms", {"pv": 1}, "synonyms.pv: must be a non-empty string"),
    ("scores", {}, "scores: must be a list"),
    ("scores.0.score", ..., "scores[0].score: is required"),
    ("scores.0.weight", 1, "scores[0].weight: is not a known field"),
    ("scores.1.project", "P9", "scores[1].project: unknown project 'P9'"),
    ("scores.1.expert", "E9", "scores[1].expert: unknown expert 'E9'"),
    ("scores.1.expert", ["E1"], "scores[1].expert: must be a non-empty string"),
    ("scores.2.score", 1.01, "scores[2].score: must be a number from 0 to 1"),
    ("scores.2.score", -0.5, "scores[2].score: must be a number from 0 to 1"),
    ("scores.2.score", "0.5", "scores[2].score: must be a number from 0 to 1"),
    ("scores.2.score", float("nan"), "scores[2].score: must be a number from 0 to 1"),
    ("scores.2.score", False, "scores[2].score: must be a number from 0 to 1"),
    (
        "scores.4",
        {"project": "P1", "expert": "E2", "score": 0.1},
        "scores[4]: repeats the pair ('P1', 'E2')",
    ),
    ("locked", [{"project": "P1", "expert": "E9"}], "locked[0].expert: unknown expert 'E9'"),
    (
        "forbidden",
        [{"project": "P0", "expert": "E1"}],
        "forbidden[0].project: unknown project 'P0'",
    ),
    ("forbidden", [{"project": "P1"}], "forbidden[0].expert: is required"),
    (
        "locked",
        [{"project": "P1", "expert": "E1"}, {"project": "P1", "expert": "E1"}],
        "locked[1]: repeats an earlier lock",
    ),
    (
        "locked",
        [{"project": "P2", "expert": "E3"}],
        "locked[0]: expert 'E3' has a conflict with 'P2'",
    ),
    (
        "locked",
        [{"project": "P2", "expert": "E4"}, {"project": "P2", "expert": "E1"}],
        "locked[1]: project 'P2' has only 1 seat(s)",
    ),
    (
        "locked",
        [{"project": "P1", "expert": "E2"}, {"project": "P2", "expert": "E2"}],
        "locked[1]: expert 'E2' has capacity 1",
    ),
    (
        "locked",
        [{"project": "P2", "expert": "E1"}, {"project": "P1", "expert": "E4"}],
        "locked[1]: the pair is not listed in scores",
    ),
]


@pytest.mark.parametrize(("path", "value", "message"), SCORED_CASES)
def test_it_names_the_field_of_bad_input(path, value, message):
    assert refuse(changed(instances.scored(), path, value)) == message


def test_it_refuses_an_instance_that_is_not_an_object():
    assert refuse([{"id": "P1"}]) == "instance: must be an object"


def test_a_lock_on_a_forbidden_pair_is_refused():
    data = instances.scored()
    data["forbidden"] = [{"project": "P1", "expert": "E2"}]
    data["locked"] = [{"project": "P1", "expert": "E2"}]
    assert refuse(data) == "locked[0]: the same pair is forbidden"


def test_a_lock_below_min_score_is_refused():
    data = instances.scored()
    data["min_score"] = 0.5
    data["locked"] = [{"project": "P1", "expert": "E3"}]
    assert refuse(data) == "locked[0]: score 0.4 is below min_score 0.5"


@pytest.mark.parametrize(
    ("lock", "message"),
    [
        (("P2", "E3"), "locked[0]: expert 'E3' speaks none of the languages of 'P2'"),
        (("P1", "E2"), "locked[0]: expert 'E2' does not work in the modality of 'P1'"),
        (
            ("P3", "E1"),
            "locked[0]: expert 'E1' is not available for a week within the window of 'P3'",
        ),
    ],
)
def test_a_lock_that_breaks_a_hard_constraint_of_the_profiles_is_refused(lock, message):
    data = instances.profiled()
    data["locked"] = [{"project": lock[0], "expert": lock[1]}]
    assert refuse(data) == message


def test_a_message_stays_on_one_line_whatever_the_input_holds():
    data = instances.scored()
    data["scores"][0]["project"] = "P\n9"
    assert refuse(data) == "scores[0].project: unknown project 'P\\n9'"


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=6,
)
PATHS = [path for path, _, _ in SCORED_CASES] + ["experts.0", "projects.1.languages", "locked"]


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(PATHS), JSON)
def test_any_malformed_value_is_an_instance_error_or_a_result(path, value):
    data = changed(instances.scored(), path, value)
    try:
        result = solve(data)
    except InstanceError as error:
        message = str(error)
    else:
        assert set(result) == {"objective", "assignments", "unfilled", "alternates", "stats"}
        return
    assert "\n" not in message
    assert ": " in message


def test_a_conflict_with_a_project_outside_the_instance_is_ignored():
    data = instances.scored()
    data["experts"][0]["conflicts"] = ["P-from-another-call"]
    assert solve(data)["stats"]["filled_seats"] == 3
