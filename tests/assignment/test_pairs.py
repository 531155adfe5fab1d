"""Long pair lists: read column by column when valid, the first bad item named when not."""

import pytest

from skillbridge.assignment import InstanceError, parse_instance


class Id(str):
    """A str subclass: never produced by JSON, and refused like any non-str id."""


def _instance(n_pairs: int = 3_000) -> dict:
    return {
        "projects": [{"id": f"P{p}", "seats": 2} for p in range(30)],
        "experts": [{"id": f"E{e}", "capacity": 3} for e in range(100)],
        "scores": [
            {"project": f"P{i // 100}", "expert": f"E{i % 100}", "score": (i % 997) / 996}
            for i in range(n_pairs)
        ],
        "forbidden": [{"project": "P0", "expert": "E1"}],
        "locked": [{"project": "P29", "expert": "E99"}],
    }


def test_a_long_valid_list_maps_every_id_to_its_position_in_id_order():
    data = _instance()
    data["scores"][5]["score"] = 1  # an int score counts as the float
    data["scores"][6]["score"] = 0
    instance = parse_instance(data)
    ids = [p.id for p in instance.projects], [e.id for e in instance.experts]
    pairs = instance.scores
    got = [
        (ids[0][p], ids[1][e], s)
        for p, e, s in zip(pairs.project, pairs.expert, pairs.score.tolist(), strict=True)
    ]
    given = sorted((s["project"], s["expert"], float(s["score"])) for s in data["scores"])
    assert got == given
    assert pairs.score.dtype.name == "float64"
    locked = instance.locked
    assert (ids[0][locked.project[0]], ids[1][locked.expert[0]]) == ("P29", "E99")
    assert locked.score is None


RANGE = "score: must be a number from 0 to 1"
GOOD = {"project": "P1", "expert": "E1", "score": 0.5}


@pytest.mark.parametrize(
    ("item", "message"),
    [
        (["P1", "E1"], ": must be an object"),
        ({"project": "P1", "expert": "E1"}, ".score: is required"),
        (GOOD | {"x": 1}, ".x: is not a known field"),
        (GOOD | {"score": True}, "." + RANGE),
        (GOOD | {"score": 2}, "." + RANGE),
        (GOOD | {"score": 10**400}, "." + RANGE),
        (GOOD | {"score": float("inf")}, "." + RANGE),
        (GOOD | {"project": "P99"}, ".project: unknown project 'P99'"),
        (GOOD | {"project": Id("P1")}, ".project: unknown project 'P1'"),
        (GOOD | {"expert": 7}, ".expert: must be a non-empty string"),
        (GOOD | {"expert": ["E1"]}, ".expert: must be a non-empty string"),
    ],
)
def test_the_first_bad_item_is_named_even_far_down_a_long_list(item, message):
    data = _instance()
    data["scores"][2_500] = item
    data["scores"][2_900] = {"project": "P1", "expert": "E1", "score": -1.0}  # a later one
    with pytest.raises(InstanceError) as error:
        parse_instance(data)
    assert str(error.value) == "scores[2500]" + message


@pytest.mark.parametrize(
    ("item", "message"),
    [
        (["P1", "E1", 0.5], ": must be an object"),
        ("P1E1", ": must be an object"),
        ("abc", ": must be an object"),
        (None, ": must be an object"),
        ({"project": "P1", "expert": "E1"}, ".score: is required"),
        ({"project": "P1", "expert": "E1", "x": 0.5}, ".x: is not a known field"),
        (GOOD | {"x": 1}, ".x: is not a known field"),
        (GOOD | {"score": True}, "." + RANGE),
        (GOOD | {"score": "0.5"}, "." + RANGE),
        (GOOD | {"score": None}, "." + RANGE),
        (GOOD | {"score": 10**400}, "." + RANGE),
        (GOOD | {"project": "P99"}, ".project: unknown project 'P99'"),
        (GOOD | {"project": True}, ".project: must be a non-empty string"),
        (GOOD | {"project": 0}, ".project: must be a non-empty string"),
        (GOOD | {"expert": None}, ".expert: must be a non-empty string"),
        (GOOD | {"expert": ["E1"]}, ".expert: must be a non-empty string"),
        (GOOD | {"expert": {"id": "E1"}}, ".expert: must be a non-empty string"),
    ],
)
def test_values_as_json_gives_them_get_the_same_messages_without_the_type_checks(item, message):
    data = _instance()
    data["scores"][2_500] = item
    data["scores"][2_900] = {"project": "P1", "expert": "E1", "score": -1.0}  # a later one
    with pytest.raises(InstanceError) as error:
        parse_instance(data, from_json=True)
    assert str(error.value) == "scores[2500]" + message
    with pytest.raises(InstanceError) as error:
        parse_instance(data)
    assert str(error.value) == "scores[2500]" + message


def test_values_as_json_gives_them_are_read_as_any_other_values():
    data = _instance()
    data["scores"][5]["score"] = 1
    trusted, checked = parse_instance(data, from_json=True), parse_instance(data)
    for field in ("project", "expert", "score"):
        assert getattr(trusted.scores, field).tolist() == getattr(checked.scores, field).tolist()
    assert trusted.locked.project.tolist() == checked.locked.project.tolist()
    assert trusted.excluded.tolist() == checked.excluded.tolist()


def test_a_huge_integer_score_is_refused_at_its_field_not_overflowed():
    data = _instance(n_pairs=1)
    data["scores"][0]["score"] = 10**400
    with pytest.raises(InstanceError, match=r"^scores\[0\]\.score: must be a number from 0 to 1$"):
        parse_instance(data)


def test_a_bad_lock_or_forbidden_pair_is_named():
    data = _instance()
    data["forbidden"].append({"project": "P0", "expert": "E404"})
    with pytest.raises(InstanceError, match=r"^forbidden\[1\]\.expert: unknown expert 'E404'$"):
        parse_instance(data)
