"""Benchmark of the engine on generated instances (``make bench``).

``python -m skillbridge.assignment.bench [--quick]`` runs each case in its own
process, so the peak memory reported is that case's own peak resident size:

1. ``scored``: 10,000 experts x 1,000 projects, 500,000 given scores, capacity 2,
   2 seats, solved by the engine from the parsed instance (parsing is timed apart);
2. ``profiles``: 50,000 experts x 5,000 projects scored from generated profiles,
   the engine end to end (parse, score, solve, explain);
3. ``floor``: instance 1 solved directly with OR-Tools' ``SimpleMinCostFlow``,
   the simplest graph build, as the floor the engine is compared with.

Timed cases 1 and 3 report the best of three runs.

Then the whole process, as a person runs it: instance 1 is written to a file,
and ``python -m skillbridge.assignment FILE`` (start, imports, reading, checks,
solve, result) is timed against a bare process that reads the same file with
the same JSON reader (orjson), maps ids with dictionaries at C speed, checks
nothing, and solves with
``SimpleMinCostFlow`` (``floor.py``, run by path); best of three each, run alternately.
"""

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import numpy as np
from ortools.graph.python import min_cost_flow

from . import parse_instance, solve, solve_instance

FULL = {"scored": (10_000, 1_000, 500_000), "profiles": (50_000, 5_000)}
QUICK = {"scored": (1_000, 100, 20_000), "profiles": (2_000, 200)}
SECTORS = ["agriculture", "ict", "mechanical", "electrical", "energy", "health"]
LANGUAGES = ["rw", "en", "fr", "de", "nl", "sw", "es", "it"]
MODALITIES = ["onsite", "remote", "hybrid"]
REPEATS = 3


def scored_arrays(n_experts: int, n_projects: int, n_pairs: int) -> tuple[np.ndarray, ...]:
    rng = np.random.default_rng(2027)
    codes = np.sort(rng.choice(n_experts * n_projects, size=n_pairs, replace=False))
    scores = np.round(rng.random(n_pairs), 4)
    return codes // n_experts, codes % n_experts, scores


def scored_instance(n_experts: int, n_projects: int, n_pairs: int) -> dict:
    project, expert, score = scored_arrays(n_experts, n_projects, n_pairs)
    return {
        "objective": "total",
        "projects": [{"id": f"P{p:05d}", "seats": 2} for p in range(n_projects)],
        "experts": [{"id": f"E{e:05d}", "capacity": 2} for e in range(n_experts)],
        "scores": [
            {"project": f"P{p:05d}", "expert": f"E{e:05d}", "score": s}
            for p, e, s in zip(project.tolist(), expert.tolist(), score.tolist(), strict=True)
        ],
    }


def profile_instance(n_experts: int, n_projects: int) -> dict:
    rng = np.random.default_rng(6)
    syllables = [c + v for c in "bdfgkmnprstvz" for v in "aeiou"]
    words = sorted({"".join(rng.choice(syllables, size=3)) for _ in range(6_000)})
    word_p = 1.0 / np.arange(1, len(words) + 1)  # Zipf-like, as in real prose
    word_p /= word_p.sum()
    skills = [f"{sector} skill {i}" for sector in SECTORS for i in range(50)]

    texts = iter(
        " ".join(row)
        for row in np.asarray(words)[
            rng.choice(len(words), size=(n_experts + n_projects, 40), p=word_p)
        ].tolist()
    )

    def text(n: int) -> str:
        return " ".join(next(texts).split()[:n])

    def period(length: tuple[int, int]) -> dict:
        start = 739_252 + int(rng.integers(0, 300))  # a day in 2025
        end = start + int(rng.integers(*length))
        return {"start": _iso(start), "end": _iso(end)}

    def pick(options: list[str], low: int, high: int) -> list[str]:
        return list(rng.choice(options, size=int(rng.integers(low, high + 1)), replace=False))

    def sector_skills(sector: int, low: int, high: int) -> list[str]:
        return pick(skills[sector * 50 : sector * 50 + 50], low, high) + pick(skills, 0, 1)

    experts = []
    for e in range(n_experts):
        sector = int(rng.integers(len(SECTORS)))
        experts.append(
            {
                "id": f"E{e:05d}",
                "capacity": int(rng.integers(1, 4)),
                "sectors": [SECTORS[sector], *pick(SECTORS, 0, 1)],
                "skills": sector_skills(sector, 3, 8),
                "languages": ["rw"] * int(rng.random() < 0.8) + pick(LANGUAGES[1:], 1, 2),
                "modalities": pick(MODALITIES, 1, 3),
                "available": [period((14, 90)) for _ in range(int(rng.integers(1, 3)))],
                "text": text(40),
            }
        )
    projects = []
    for p in range(n_projects):
        sector = int(rng.integers(len(SECTORS)))
        projects.append(
            {
                "id": f"P{p:05d}",
                "seats": int(rng.integers(1, 3)),
                "sector": SECTORS[sector],
                "skills": sector_skills(sector, 2, 5),
                "languages": pick(LANGUAGES[:3], 1, 2),
                "modality": str(rng.choice(MODALITIES, p=[0.5, 0.4, 0.1])),
                "window": period((30, 120)),
                "text": text(25),
            }
        )
    return {"objective": "total", "projects": projects, "experts": experts}


def _iso(ordinal: int) -> str:
    return date.fromordinal(ordinal).isoformat()


def run_case(case: str, sizes: dict) -> dict:
    """Run one case in this process and return its figures."""
    if case == "floor":
        arrays = scored_arrays(*sizes["scored"])
        runs = [_floor(*arrays, *sizes["scored"][:2]) for _ in range(REPEATS)]
        seconds = min(run[0] for run in runs)
        filled, total = runs[0][1:]
        figures = {"seconds": seconds, "filled": filled, "seats": 2 * sizes["scored"][1]}
        return figures | {"total_score": total}
    if case == "scored":
        data = scored_instance(*sizes["scored"])
        started = time.perf_counter()
        instance = parse_instance(data)
        parse_seconds = time.perf_counter() - started
        del data
        results = []
        for _ in range(REPEATS):
            started = time.perf_counter()
            results.append((solve_instance(instance), time.perf_counter() - started))
        result = results[0][0]
        figures = {"seconds": min(r[1] for r in results), "parse_seconds": parse_seconds}
    else:
        data = profile_instance(*sizes["profiles"])
        started = time.perf_counter()
        result = solve(data)
        figures = {"seconds": time.perf_counter() - started}
    stats = result["stats"]
    return figures | {
        "filled": stats["filled_seats"],
        "seats": stats["total_seats"],
        "total_score": stats["total_score"],
    }


def _floor(
    project: np.ndarray, expert: np.ndarray, score: np.ndarray, n_experts: int, n_projects: int
) -> tuple[float, int, float]:
    started = time.perf_counter()
    source, sink = n_projects + n_experts, n_projects + n_experts + 1
    tails = np.concatenate(
        [np.full(n_projects, source), project, n_projects + np.arange(n_experts)]
    )
    heads = np.concatenate([np.arange(n_projects), n_projects + expert, np.full(n_experts, sink)])
    capacities = np.concatenate(
        [np.full(n_projects, 2), np.ones(len(project)), np.full(n_experts, 2)]
    )
    costs = np.concatenate([np.zeros(n_projects), -np.rint(score * 10**7), np.zeros(n_experts)])
    flow = min_cost_flow.SimpleMinCostFlow()
    flow.add_arcs_with_capacity_and_unit_cost(
        tails.astype(np.int32),
        heads.astype(np.int32),
        capacities.astype(np.int64),
        costs.astype(np.int64),
    )
    flow.set_nodes_supplies(
        np.array([source, sink], dtype=np.int32), np.array([2 * n_projects, -2 * n_projects])
    )
    if flow.solve_max_flow_with_min_cost() != flow.OPTIMAL:
        raise RuntimeError("the floor did not solve")
    seconds = time.perf_counter() - started
    used = flow.flows(np.arange(n_projects, n_projects + len(project), dtype=np.int32))
    return seconds, int(used.sum()), round(-flow.optimal_cost() / 10**7, 6)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="much smaller instances")
    parser.add_argument("--case", choices=["scored", "profiles", "floor"], help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    sizes = QUICK if args.quick else FULL
    if args.case:
        figures = run_case(args.case, sizes)
        peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(json.dumps(figures | {"peak_mib": peak_kib / 1024}))
        return 0
    rows: dict = {}
    for case in ("scored", "profiles", "floor"):
        command = [sys.executable, "-m", "skillbridge.assignment.bench", "--case", case]
        if args.quick:
            command.append("--quick")
        done = subprocess.run(command, capture_output=True, text=True, check=True)  # noqa: S603
        rows[case] = json.loads(done.stdout.splitlines()[-1])
    rows["process"] = whole_process(sizes)
    print(_table(rows, sizes))
    return 0


def whole_process(sizes: dict) -> dict:
    """Best wall time of the engine's command line and of the bare floor process, same file."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "instance.json"
        path.write_text(json.dumps(scored_instance(*sizes["scored"])), encoding="utf-8")
        commands = {
            "engine": [sys.executable, "-m", "skillbridge.assignment", str(path)],
            # Run by path, so the floor does not even import the engine's package.
            "floor": [sys.executable, str(Path(__file__).with_name("floor.py")), str(path)],
        }
        best = dict.fromkeys(commands, float("inf"))
        totals = {}
        for _ in range(REPEATS):
            for name, command in commands.items():
                started = time.perf_counter()
                done = subprocess.run(command, capture_output=True, text=True, check=True)  # noqa: S603
                best[name] = min(best[name], time.perf_counter() - started)
                out = json.loads(done.stdout)
                totals[name] = out["stats"]["total_score"] if name == "engine" else out["total"]
    if totals["engine"] != totals["floor"]:
        raise RuntimeError(f"engine and floor disagree: {totals}")
    return best


def _table(rows: dict, sizes: dict) -> str:
    e1, p1, n1 = sizes["scored"]
    e2, p2 = sizes["profiles"]
    names = {
        "scored": f"1 engine: {e1:,} experts x {p1:,} projects, {n1:,} scores",
        "profiles": f"2 engine: {e2:,} experts x {p2:,} projects, from profiles",
        "floor": "3 floor: instance 1, OR-Tools min-cost flow directly",
    }
    header = ("instance", "seconds", "peak MiB", "filled/seats", "total score")
    lines = [
        (
            names[case],
            f"{row['seconds']:.3f}",
            f"{row['peak_mib']:,.0f}",
            f"{row['filled']:,}/{row['seats']:,}",
            f"{row['total_score']:,.4f}",
        )
        for case, row in rows.items()
        if case in names
    ]
    widths = [max(len(line[i]) for line in [header, *lines]) for i in range(len(header))]
    out = [
        "  ".join(
            cell.ljust(w) if i == 0 else cell.rjust(w)
            for i, (cell, w) in enumerate(zip(line, widths, strict=True))
        )
        for line in [header, *lines]
    ]
    out.insert(1, "  ".join("-" * w for w in widths))
    ratio = rows["scored"]["seconds"] / rows["floor"]["seconds"]
    out.append("")
    out.append(f"instance 1 parse (timed apart): {rows['scored']['parse_seconds']:.3f} s")
    engine, floor = rows["process"]["engine"], rows["process"]["floor"]
    out.append(
        f"whole process on instance 1's file: engine {engine:.3f} s, floor {floor:.3f} s:"
        f" {engine / floor:.2f}x"
    )
    out.append(f"engine / floor on instance 1: {ratio:.2f}x")
    return "\n".join(out)


if __name__ == "__main__":
    sys.exit(main())
