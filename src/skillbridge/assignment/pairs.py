"""Lists of (project, expert) pairs in an instance: scores, locks, forbidden pairs."""

from dataclasses import dataclass
from typing import Any

import numpy as np

from . import fields as f
from .errors import InstanceError


@dataclass(frozen=True, slots=True)
class Pairs:
    """Parallel arrays of project positions, expert positions and (maybe) scores."""

    project: np.ndarray
    expert: np.ndarray
    score: np.ndarray | None = None

    def __len__(self) -> int:
        return len(self.project)


def read_pairs(
    items: list,
    field: str,
    keys: set[str],
    project_index: dict[str, int],
    expert_index: dict[str, int],
) -> Pairs:
    """Pairs named by ``project`` and ``expert`` ids (and a ``score`` when in ``keys``)."""
    # This loop meets every given score (hundreds of thousands), so it checks the
    # common, valid shape cheaply and only builds a message once something is wrong.
    with_score = "score" in keys
    n = len(items)
    project = np.empty(n, dtype=np.int32)
    expert = np.empty(n, dtype=np.int32)
    score = np.empty(n if with_score else 0, dtype=np.float64)
    for i, item in enumerate(items):
        if type(item) is not dict or item.keys() != keys:
            f.read_object(item, f"{field}[{i}]", required=keys, allowed=keys)
        project[i] = _lookup(item["project"], project_index, f"{field}[{i}].project", "project")
        expert[i] = _lookup(item["expert"], expert_index, f"{field}[{i}].expert", "expert")
        if with_score:
            value = item["score"]
            if type(value) is not float or not 0.0 <= value <= 1.0:
                value = f.read_fraction(value, f"{field}[{i}].score")
            score[i] = value
    return Pairs(project, expert, score if with_score else None)


def _lookup(value: Any, index: dict[str, int], field: str, kind: str) -> int:
    position = index.get(value) if type(value) is str else None
    if position is None:
        raise InstanceError(field, f"unknown {kind} {f.read_id(value, field)!r}")
    return position


def sorted_unique(pairs: Pairs, n_experts: int, projects: list, experts: list) -> Pairs:
    """The given scores sorted by (project, expert); a pair listed twice is an error."""
    codes = pairs.project.astype(np.int64) * n_experts + pairs.expert
    order = np.argsort(codes, kind="stable")
    repeats = np.flatnonzero(np.diff(codes[order]) == 0)
    if len(repeats):
        i = int(order[repeats + 1].min())
        project, expert = projects[pairs.project[i]].id, experts[pairs.expert[i]].id
        raise InstanceError(f"scores[{i}]", f"repeats the pair ({project!r}, {expert!r})")
    return Pairs(pairs.project[order], pairs.expert[order], pairs.score[order])
