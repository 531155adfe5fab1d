"""Optimal assignment of candidate pairs, as a min-cost flow with OR-Tools.

The graph is source -> project (capacity: open seats) -> expert (one arc per
candidate pair, capacity 1, cost minus the scaled score) -> sink (capacity: the
expert's remaining capacity). ``solve_max_flow_with_min_cost`` first finds the
largest flow, i.e. the most filled seats, and then the cheapest such flow, i.e.
the highest total score. Locked pairs are taken before the flow: they use up a
seat and a unit of capacity each, and their arcs are left out.

For ``fair`` the lowest score is raised first: a binary search over the distinct
scores finds the highest threshold at which the pairs scoring at least that much
still carry the maximum flow (each probe is one max-flow). Then the min-cost flow
runs on those pairs only.

Scores are scaled by 10**7 and rounded, so each assigned pair's score is off by
at most 5e-8 and the total is optimal to well within 1e-6 per pair.

Ties go by id order: each pair arc also costs a small tie rank (the project's
position plus the expert's position among that project's candidates), weighted
so that all tie ranks of a whole flow together weigh less than one unit of
score. Among equally good assignments the solver so prefers lower project and
expert ids; what equal tie ranks leave open is decided the same way every time,
because the graph is always built in id order.
"""

from typing import TYPE_CHECKING

import numpy as np
from ortools.graph.python import min_cost_flow

if TYPE_CHECKING:
    from ortools.graph.python import max_flow

SCALE = 10_000_000
# OR-Tools refuses costs whose magnitude times (nodes + 1) nears 2**62; keep half of that.
_COST_LIMIT = 2**61


class SolverError(RuntimeError):
    """OR-Tools did not report an optimal flow (a bug, never bad input)."""


def assign(
    *,
    seats: np.ndarray,
    capacity: np.ndarray,
    project: np.ndarray,
    expert: np.ndarray,
    score: np.ndarray,
    locked: np.ndarray,
    objective: str,
) -> np.ndarray:
    """Return a boolean mask over the candidate pairs: the ones assigned."""
    n_p = len(seats)
    open_seats = seats - np.bincount(project[locked], minlength=n_p)
    room = capacity - np.bincount(expert[locked], minlength=len(capacity))
    free = np.flatnonzero(~locked) if locked.any() else None
    graph = _Graph(open_seats, room, project, expert, free)
    if objective == "fair" and graph.n_pairs:
        floor = graph.bottleneck(score if free is None else score[free])
        if locked.any():
            # Locked pairs are assigned anyway, so a floor above their lowest
            # score would only cost total score without raising the minimum.
            floor = min(floor, float(score[locked].min()))
        graph = graph.keeping((score if free is None else score[free]) >= floor)
    chosen = locked.copy()
    chosen[graph.pair_ids[graph.min_cost_flow(score[graph.pair_ids])]] = True
    return chosen


class _Graph:
    """Arc arrays of the flow network; pair arcs come first, in candidate order."""

    def __init__(
        self,
        open_seats: np.ndarray,
        room: np.ndarray,
        project: np.ndarray,
        expert: np.ndarray,
        free: np.ndarray | None,
    ) -> None:
        self.open_seats, self.room = open_seats, room
        self.project, self.expert = project, expert
        self.pair_ids = np.arange(len(project)) if free is None else free
        self.n_pairs = len(self.pair_ids)
        n_p, n_e = len(open_seats), len(room)
        self.source, self.sink = n_p + n_e, n_p + n_e + 1
        tails = project if free is None else project[free]
        heads = n_p + (expert if free is None else expert[free])
        self.tails = np.concatenate(
            [tails, np.full(n_p, self.source), np.arange(n_p, n_p + n_e)]
        ).astype(np.int32)
        self.heads = np.concatenate([heads, np.arange(n_p), np.full(n_e, self.sink)]).astype(
            np.int32
        )
        self.capacities = np.concatenate([np.ones(self.n_pairs), open_seats, room]).astype(np.int64)

    def keeping(self, mask: np.ndarray) -> "_Graph":
        """The same network with only the pair arcs where ``mask`` holds."""
        return _Graph(self.open_seats, self.room, self.project, self.expert, self.pair_ids[mask])

    def bottleneck(self, pair_score: np.ndarray) -> float:
        """The highest score threshold that still lets the maximum number of seats fill."""
        # Deliberately lazy: only ``fair`` needs max flows, and importing them costs
        # about 0.1 s, a tenth of a whole small solve.
        from ortools.graph.python import max_flow  # noqa: PLC0415

        flow = max_flow.SimpleMaxFlow()
        flow.add_arcs_with_capacity(self.tails, self.heads, self.capacities)
        target = self._max_flow(flow)
        levels = np.unique(pair_score)
        arcs = np.arange(self.n_pairs, dtype=np.int32)
        lo, hi = 0, len(levels) - 1  # levels[lo] always carries the target flow
        while lo < hi:
            mid = (lo + hi + 1) // 2
            flow.set_arcs_capacity(arcs, (pair_score >= levels[mid]).astype(np.int64))
            if self._max_flow(flow) == target:
                lo = mid
            else:
                hi = mid - 1
        return float(levels[lo])

    def _max_flow(self, flow: "max_flow.SimpleMaxFlow") -> int:
        status = flow.solve(self.source, self.sink)
        if status != flow.OPTIMAL:
            raise SolverError(f"max flow ended with status {status}")
        return flow.optimal_flow()

    def _pair_costs(self, pair_score: np.ndarray) -> np.ndarray:
        """Minus the scaled score, times a weight that leaves room below it for tie ranks."""
        flow_bound = max(1, min(int(self.open_seats.sum()), int(self.room.sum()), self.n_pairs))
        largest_cost = _COST_LIMIT // (max(self.sink + 1, flow_bound) + 1)
        project = self.project[self.pair_ids]
        per_project = np.bincount(project, minlength=len(self.open_seats))
        # Pairs are sorted by project, so each project's pairs start where the earlier end.
        first_of_project = (np.cumsum(per_project) - per_project)[project]
        rank = project.astype(np.int64) + (np.arange(self.n_pairs) - first_of_project)
        # On graphs too large for full resolution, neighbouring ranks share a value.
        room = largest_cost // (SCALE + 1)
        rank //= -(-(flow_bound * int(rank.max()) + 1) // room)
        weight = flow_bound * int(rank.max()) + 1
        return -np.rint(pair_score * SCALE).astype(np.int64) * weight + rank

    def min_cost_flow(self, pair_score: np.ndarray) -> np.ndarray:
        """Boolean mask over the pair arcs: the ones a max flow of least cost uses."""
        if self.n_pairs == 0:
            return np.zeros(0, dtype=bool)
        costs = np.zeros(len(self.tails), dtype=np.int64)
        costs[: self.n_pairs] = self._pair_costs(pair_score)
        solver = min_cost_flow.SimpleMinCostFlow()
        solver.add_arcs_with_capacity_and_unit_cost(self.tails, self.heads, self.capacities, costs)
        supply = int(self.open_seats.sum())
        solver.set_nodes_supplies(
            np.array([self.source, self.sink], dtype=np.int32),
            np.array([supply, -supply], dtype=np.int64),
        )
        status = solver.solve_max_flow_with_min_cost()
        if status != solver.OPTIMAL:
            raise SolverError(f"min-cost flow ended with status {status}")
        return solver.flows(np.arange(self.n_pairs, dtype=np.int32)) > 0
