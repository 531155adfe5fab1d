"""Lists of (project, expert) pairs in an instance: scores, locks, forbidden pairs."""

from dataclasses import dataclass
from operator import itemgetter
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
    pairs = _read_valid(items, keys, project_index, expert_index)
    if pairs is not None:
        return pairs
    # Something is wrong somewhere: find the first bad value, in input order, item
    # by item, and name it. (This loop is also the definition the fast path meets.)
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


def _read_valid(
    items: list, keys: set[str], project_index: dict[str, int], expert_index: dict[str, int]
) -> Pairs | None:
    """The pairs when every item is valid, else None; one pass per column, none per item.

    A given instance has hundreds of thousands of scores, so nothing here runs
    Python code per item: each column is pulled out with ``map`` and checked as a
    whole (exact types, known ids, scores in range), and ids become positions
    through the id index at C speed. (Mapping the ids with NumPy, as sorted string
    arrays and ``searchsorted``, measured three times slower than this.)
    """
    n = len(items)
    if set(map(type, items)) - {dict} or set(map(len, items)) - {len(keys)}:
        return None
    try:
        # With the right size, finding every key means the keys are exactly ``keys``.
        project_ids = list(map(itemgetter("project"), items))
        expert_ids = list(map(itemgetter("expert"), items))
        values = list(map(itemgetter("score"), items)) if "score" in keys else None
        # Exact str only, as the item by item check asks (a str subclass is refused there).
        if set(map(type, project_ids)) - {str} or set(map(type, expert_ids)) - {str}:
            return None
        project = np.fromiter(map(project_index.__getitem__, project_ids), np.int32, n)
        expert = np.fromiter(map(expert_index.__getitem__, expert_ids), np.int32, n)
        if values is None:
            return Pairs(project, expert)
        # bool is an int but never a score; exact types keep it out.
        if set(map(type, values)) - {float, int}:
            return None
        score = np.array(values, dtype=np.float64).reshape(n)
    except (KeyError, OverflowError):
        return None
    if not ((score >= 0.0) & (score <= 1.0)).all():  # NaN fails both
        return None
    return Pairs(project, expert, score)


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
