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
    *,
    from_json: bool = False,
) -> Pairs:
    """Pairs named by ``project`` and ``expert`` ids (and a ``score`` when in ``keys``).

    ``from_json`` says that every value is of the exact type a JSON reader makes
    (dict, list, str, int, float, bool or None), which spares two checks per item.
    """
    pairs = _read_valid(items, keys, project_index, expert_index, from_json=from_json)
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
    items: list,
    keys: set[str],
    project_index: dict[str, int],
    expert_index: dict[str, int],
    *,
    from_json: bool,
) -> Pairs | None:
    """The pairs when every item is valid, else None; one pass per column, none per item.

    A given instance has hundreds of thousands of scores, so nothing here runs
    Python code per item: each column is pulled out with ``map`` and checked as a
    whole (exact types, known ids, scores in range), and ids become positions
    through the id index at C speed. (Mapping the ids with NumPy, as sorted string
    arrays and ``searchsorted`` or ``np.unique``, measured two to three times
    slower than this: turning half a million str objects into a NumPy string
    array alone costs more than looking every one of them up.)

    Values from a JSON reader need no type pass for the items and the ids: an item
    that is not a dict fails ``len`` or ``itemgetter`` with a TypeError, and an id
    that is not a str is no key of the index (KeyError) or not hashable (TypeError).
    Other callers may pass a str subclass, which the index would accept.
    """
    n = len(items)
    try:
        # With the right size, finding every key means the keys are exactly ``keys``.
        if set(map(len, items)) - {len(keys)}:
            return None
        if not from_json and set(map(type, items)) - {dict}:
            return None
        project_ids = map(itemgetter("project"), items)
        expert_ids = map(itemgetter("expert"), items)
        if not from_json:
            project_ids, expert_ids = list(project_ids), list(expert_ids)
            # Exact str only, as the item by item check asks (a str subclass is refused there).
            if set(map(type, project_ids)) - {str} or set(map(type, expert_ids)) - {str}:
                return None
        project = np.fromiter(map(project_index.__getitem__, project_ids), np.int32, n)
        expert = np.fromiter(map(expert_index.__getitem__, expert_ids), np.int32, n)
        if "score" not in keys:
            return Pairs(project, expert)
        values = list(map(itemgetter("score"), items))
        # bool is an int but never a score; exact types keep it out.
        if set(map(type, values)) - {float, int}:
            return None
        score = np.array(values, dtype=np.float64).reshape(n)
    except (KeyError, TypeError, OverflowError):
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
