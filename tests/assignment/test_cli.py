"""``python -m skillbridge.assignment``, run as a real process.

Starting Python with NumPy, SciPy, scikit-learn and OR-Tools takes about a
second, so the real runs start together and each test reads its own outcome;
the rarer failures go through ``main()`` in this process.
"""

import json
import subprocess
import sys
from dataclasses import dataclass

import pytest

from skillbridge.assignment import solve
from skillbridge.assignment.__main__ import main

from . import instances


@dataclass(frozen=True)
class Run:
    returncode: int
    stdout: str
    stderr: str


def _bad_lock() -> dict:
    data = instances.scored()
    data["locked"] = [{"project": "P2", "expert": "E3"}]
    return data


def _bad_window() -> dict:
    data = instances.profiled()
    data["projects"][0]["window"]["end"] = "2027-01-01"
    return data


def _unknown_expert() -> dict:
    data = instances.scored()
    data["scores"][3]["expert"] = "E99"
    return data


def _bad_objective() -> dict:
    return instances.scored() | {"objective": "cheapest"}


def _large() -> dict:
    """A result of well over 64 KiB, more than a pipe holds, so it is written in many parts."""
    n = 1_000
    return {
        "projects": [{"id": f"P{p:04d}"} for p in range(n)],
        "experts": [{"id": f"E{e:04d}"} for e in range(n)],
        "scores": [
            {"project": f"P{p:04d}", "expert": f"E{(p + k) % n:04d}", "score": (p + k) % 7 / 7}
            for p in range(n)
            for k in range(4)
        ],
    }


INPUTS = {
    "scored": json.dumps(instances.scored()),
    "profiled": json.dumps(instances.profiled()),
    "large": json.dumps(_large()),
    "invalid json": '{"projects": [}',
    "unknown expert": json.dumps(_unknown_expert()),
    "impossible lock": json.dumps(_bad_lock()),
    "window ends before it starts": json.dumps(_bad_window()),
}
FAILURES = {
    "invalid json": "instance: is not valid JSON (Expecting value at line 1 column 15)",
    "unknown expert": "scores[3].expert: unknown expert 'E99'",
    "impossible lock": "locked[0]: expert 'E3' has a conflict with 'P2'",
    "window ends before it starts": "projects[0].window.end: must not be before start",
}


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> dict[str, Run]:
    folder = tmp_path_factory.mktemp("instances")
    commands = {"missing file": [str(folder / "missing.json")]}
    for name, text in INPUTS.items():
        path = folder / f"{name.replace(' ', '-')}.json"
        path.write_text(text, encoding="utf-8")
        commands[name] = [str(path)]
    started = {
        name: subprocess.Popen(
            [sys.executable, "-m", "skillbridge.assignment", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name, args in commands.items()
    }
    outcomes = {}
    for name, process in started.items():
        stdout, stderr = process.communicate(timeout=120)
        outcomes[name] = Run(process.returncode, stdout, stderr)
    return outcomes | {"folder": folder}


@pytest.mark.parametrize("name", ["scored", "profiled", "large"])
def test_it_prints_the_result_as_json(runs, name):
    run = runs[name]
    assert run.returncode == 0, run.stderr
    assert run.stderr == ""
    printed = json.loads(run.stdout)
    expected = solve(json.loads(INPUTS[name]))
    del printed["stats"]["seconds"], expected["stats"]["seconds"]
    assert printed == expected


def test_a_result_larger_than_a_pipe_is_printed_whole_before_the_process_ends(runs):
    # The command ends without the usual teardown, so it must flush first.
    run = runs["large"]
    assert run.returncode == 0, run.stderr
    assert len(run.stdout) > 65_536  # what a pipe holds on Linux
    assert run.stdout.endswith("}\n")
    assert len(json.loads(run.stdout)["assignments"]) == 1_000


@pytest.mark.parametrize(("name", "message"), FAILURES.items())
def test_bad_input_exits_2_with_one_line_naming_the_field(runs, name, message):
    run = runs[name]
    assert run.returncode == 2
    assert run.stdout == ""
    assert run.stderr == message + "\n"


def test_an_unreadable_file_is_named_in_the_message(runs):
    run = runs["missing file"]
    assert run.returncode == 2
    missing = runs["folder"] / "missing.json"
    assert run.stderr == f"{missing}: cannot read the file (No such file or directory)\n"


def run_main(args: list[str], capsys) -> tuple[int, str, str]:
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_a_file_that_is_not_utf8_is_refused(tmp_path, capsys):
    path = tmp_path / "latin.json"
    path.write_bytes(b"\xff\xfe{")
    assert run_main([str(path)], capsys) == (2, "", f"{path}: is not UTF-8 text\n")


def test_nan_is_refused_although_python_would_read_it(tmp_path, capsys):
    path = tmp_path / "nan.json"
    path.write_text('{"projects": [], "experts": [], "min_score": NaN}')
    message = "instance: is not valid JSON (NaN is not a number JSON allows)\n"
    assert run_main([str(path)], capsys) == (2, "", message)


def test_an_unknown_objective_is_refused(tmp_path, capsys):
    path = tmp_path / "objective.json"
    path.write_text(json.dumps(_bad_objective()))
    assert run_main([str(path)], capsys) == (2, "", "objective: must be one of total, fair\n")


@pytest.mark.parametrize("args", [[], ["a.json", "b.json"], ["--help"]])
def test_it_shows_its_usage_unless_given_one_file(args, capsys):
    usage = "usage: python -m skillbridge.assignment INSTANCE.json\n"
    assert run_main(args, capsys) == (2, "", usage)
