"""The benchmark runs end to end on small sizes and prints its table."""

import subprocess
import sys


def test_the_quick_bench_prints_its_table():
    done = subprocess.run(
        [sys.executable, "-m", "skillbridge.assignment.bench", "--quick"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].split() == [
        "instance",
        "seconds",
        "peak",
        "MiB",
        "filled/seats",
        "total",
        "score",
    ]
    rows = {line.split()[0]: line for line in lines[2:5]}
    assert set(rows) == {"1", "2", "3"}
    # The engine and the floor solve the same instance to the same optimum.
    assert rows["1"].split()[-2:] == rows["3"].split()[-2:]
    assert lines[-1].startswith("engine / floor on instance 1: ")
    # The whole command line against a bare process reading and solving the same file.
    assert lines[-2].startswith("whole process on instance 1's file: engine ")
    assert lines[-2].endswith("x")
