"""The command line reads files with orjson, and says what the standard library says."""

import json

import pytest

from skillbridge.assignment import solve
from skillbridge.assignment.__main__ import load_instance, main

from . import instances

BASE = '{"projects": [{"id": "P1", "seats": %s}], "experts": [{"id": "E1"}], "min_score": %s}'
HUGE = "100000000000000000000"


@pytest.mark.parametrize(
    ("seats", "min_score", "message"),
    [
        # orjson reads an integer past 64 bits as a float: the message must not change.
        (HUGE, "0", "projects[0].seats: must be at most 1000000000"),
        ("-" + HUGE, "0", "projects[0].seats: must be a positive integer"),
        ("1.5", "0", "projects[0].seats: must be a positive integer"),
        ("1", HUGE, "min_score: must be a number from 0 to 1"),
        ("1", "1e400", "min_score: must be a number from 0 to 1"),
        ("1", "NaN", "instance: is not valid JSON (NaN is not a number JSON allows)"),
        (
            "1",
            "0,",
            "instance: is not valid JSON"
            " (Illegal trailing comma before end of object at line 1 column 83)",
        ),
    ],
)
def test_numbers_orjson_reads_differently_get_the_usual_message(
    tmp_path, capsys, seats, min_score, message
):
    path = tmp_path / "instance.json"
    path.write_text(BASE % (seats, min_score), encoding="utf-8")
    assert main([str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == message + "\n"


def test_a_huge_capacity_keeps_its_message(tmp_path, capsys):
    path = tmp_path / "capacity.json"
    path.write_text('{"projects": [], "experts": [{"id": "E1", "capacity": ' + HUGE + "}]}")
    assert main([str(path)]) == 2
    assert capsys.readouterr().err == "experts[0].capacity: must be at most 1000000000\n"


def test_a_byte_order_mark_is_refused_as_before(tmp_path, capsys):
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(instances.scored()).encode())
    assert main([str(path)]) == 2
    assert capsys.readouterr().err == (
        "instance: is not valid JSON (Unexpected UTF-8 BOM (decode using utf-8-sig)"
        " at line 1 column 1)\n"
    )


def test_a_lone_surrogate_in_an_id_is_read_as_the_standard_library_reads_it(tmp_path):
    path = tmp_path / "surrogate.json"
    path.write_text('{"projects": [{"id": "P\\ud800"}], "experts": []}', encoding="utf-8")
    assert load_instance(path) == {"projects": [{"id": "P\ud800"}], "experts": []}


@pytest.mark.parametrize("make", [instances.scored, instances.profiled])
def test_the_file_gives_the_result_of_the_same_data_in_memory(tmp_path, capsys, make):
    data = make()
    path = tmp_path / "instance.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert load_instance(path) == data
    assert main([str(path)]) == 0
    printed = json.loads(capsys.readouterr().out)
    expected = solve(data)
    del printed["stats"]["seconds"], expected["stats"]["seconds"]
    assert printed == expected
