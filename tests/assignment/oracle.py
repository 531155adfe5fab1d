"""An independent optimum for small instances, by integer programming (scipy's HiGHS).

It knows nothing of flows: it states the DESIGN §4 objectives as MILPs over the
eligible pairs, so the engine can be checked against it.
"""

from dataclasses import dataclass

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp


@dataclass(frozen=True)
class Optimum:
    filled: int
    total: float
    lowest: float | None


def eligible_pairs(data: dict, scores: dict[tuple[str, str], float]) -> dict:
    """The pairs the engine may use: scored, not too low, not forbidden, no conflict."""
    forbidden = {(f["project"], f["expert"]) for f in data.get("forbidden", [])}
    conflicts = {(p, e["id"]) for e in data["experts"] for p in e.get("conflicts", [])}
    floor = data.get("min_score", 0.0)
    return {
        pair: score
        for pair, score in scores.items()
        if score >= floor and pair not in forbidden and pair not in conflicts
    }


def optimum(data: dict, pairs: dict[tuple[str, str], float]) -> Optimum:
    """The best filled seats, total score and lowest score for the instance's objective."""
    locked = {(lock["project"], lock["expert"]) for lock in data.get("locked", [])}
    keys = sorted(pairs)
    score = np.array([pairs[k] for k in keys])
    is_locked = np.array([k in locked for k in keys], dtype=bool)
    problem = _Problem(data, keys, is_locked)
    filled = round(problem.best(np.ones(len(keys))).sum())
    if data.get("objective", "total") == "total":
        x = problem.best(score, filled=filled)
        return Optimum(filled, float(score @ x), _lowest(score, x))
    best_x = problem.best(score, filled=filled)
    for level in sorted(set(score.tolist()), reverse=True):
        x = problem.best(score, filled=filled, allowed=score >= level)
        if x is not None:
            best_x = x
            break
    return Optimum(filled, float(score @ best_x), _lowest(score, best_x))


def _lowest(score: np.ndarray, x: np.ndarray) -> float | None:
    used = x > 0.5
    return float(score[used].min()) if used.any() else None


class _Problem:
    def __init__(self, data: dict, keys: list, is_locked: np.ndarray) -> None:
        self.n = len(keys)
        self.is_locked = is_locked
        rows, limits = [], []
        for project in data["projects"]:
            rows.append([k[0] == project["id"] for k in keys])
            limits.append(project.get("seats", 1))
        for expert in data["experts"]:
            rows.append([k[1] == expert["id"] for k in keys])
            limits.append(expert.get("capacity", 1))
        self.a = np.array(rows, dtype=float).reshape(len(rows), self.n)
        self.limits = np.array(limits, dtype=float)

    def best(
        self, objective: np.ndarray, *, filled: int | None = None, allowed: np.ndarray | None = None
    ) -> np.ndarray | None:
        if self.n == 0:
            return np.zeros(0)
        upper = np.ones(self.n) if allowed is None else allowed.astype(float)
        lower = self.is_locked.astype(float)
        if (lower > upper).any():
            return None
        constraints = [LinearConstraint(self.a, -np.inf, self.limits)]
        if filled is not None:
            constraints.append(LinearConstraint(np.ones((1, self.n)), filled, filled))
        found = milp(
            -objective,
            integrality=np.ones(self.n),
            bounds=Bounds(lower, upper),
            constraints=constraints,
        )
        return None if found.x is None else np.round(found.x)
