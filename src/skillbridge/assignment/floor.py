"""The bare floor of ``make bench``: ``python floor.py INSTANCE.json`` prints the optimal total.

Run by path, not as part of the package, so it imports only orjson, NumPy and
OR-Tools: it reads the file, maps ids with dictionaries at C speed, checks
nothing, and solves one min-cost flow, the least any engine must do.
"""

import json
import sys
from operator import itemgetter
from pathlib import Path

import numpy as np
import orjson
from ortools.graph.python import min_cost_flow


def floor_file(path: Path) -> dict:
    """The bare floor process: read the file, map ids, one min-cost flow, print the total."""
    data = orjson.loads(path.read_bytes())
    projects = {p["id"]: i for i, p in enumerate(data["projects"])}
    experts = {e["id"]: i for i, e in enumerate(data["experts"])}
    seats = np.array([p.get("seats", 1) for p in data["projects"]], dtype=np.int64)
    capacity = np.array([e.get("capacity", 1) for e in data["experts"]], dtype=np.int64)
    pairs = data["scores"]
    # The tightest plain Python: columns pulled out and ids mapped at C speed, no checks.
    project = np.fromiter(
        map(projects.__getitem__, map(itemgetter("project"), pairs)), np.int32, len(pairs)
    )
    expert = np.fromiter(
        map(experts.__getitem__, map(itemgetter("expert"), pairs)), np.int32, len(pairs)
    )
    score = np.array(list(map(itemgetter("score"), pairs)), dtype=np.float64)
    n_p, n_e = len(seats), len(capacity)
    source, sink = n_p + n_e, n_p + n_e + 1
    flow = min_cost_flow.SimpleMinCostFlow()
    flow.add_arcs_with_capacity_and_unit_cost(
        np.concatenate([np.full(n_p, source), project, n_p + np.arange(n_e)]).astype(np.int32),
        np.concatenate([np.arange(n_p), n_p + expert, np.full(n_e, sink)]).astype(np.int32),
        np.concatenate([seats, np.ones(len(pairs), dtype=np.int64), capacity]),
        np.concatenate([np.zeros(n_p), -np.rint(score * 10**7), np.zeros(n_e)]).astype(np.int64),
    )
    supply = int(seats.sum())
    flow.set_nodes_supplies(
        np.array([source, sink], dtype=np.int32), np.array([supply, -supply], dtype=np.int64)
    )
    if flow.solve_max_flow_with_min_cost() != flow.OPTIMAL:
        raise RuntimeError("the floor did not solve")
    return {"total": round(-flow.optimal_cost() / 10**7, 6)}


if __name__ == "__main__":
    print(json.dumps(floor_file(Path(sys.argv[1]))))
