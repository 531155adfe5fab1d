"""Why a project got fewer experts than seats: the optional report on ``unfilled``.

Asked for with ``solve(data, explain_unfilled=True)`` (or after the solve with
``explain_unfilled(data, result)``), each item of ``unfilled`` also carries
``eligible``, the number of experts who meet every hard constraint (with given
scores: who have a score listed for the project), and ``reasons``, a list of
``{"code": ..., "count": n}`` in this order, listing only counts above zero:

================  ================================================================
code              experts counted
================  ================================================================
language          share none of the project's languages (both sides name some)
modality          do not work in the project's modality (both sides name some)
dates             on-site work: fewer than seven days of availability in the window
sector            are not in the project's sector: no constraint, but they score lower
unscored          given scores only: no score is listed for the pair
excluded          eligible, but the pair is forbidden or in the expert's conflicts
below_min_score   eligible, not excluded, scoring below ``min_score``
taken             usable (all of the above met), not assigned to the project, and
                  without a free place: theirs went to other projects
beyond_top_k      usable, with a free place, but not among the project's ``top_k``
                  best experts, so never considered (a larger ``top_k`` would)
================  ================================================================

``language``, ``modality``, ``dates`` and ``sector`` count each expert against
each on its own, so one expert may count under several. ``excluded``,
``below_min_score``, ``taken`` and ``beyond_top_k`` split the eligible experts:
each counts in the first that applies, and the eligible experts assigned to the
project itself count in none. An instance without experts gives no reasons.

The counts come from the same code that picks the candidates (``rules`` of
:class:`~.scoring.Candidates`), so the report can never disagree with the solve.
It costs nothing when every seat is filled, and about one block scoring of the
unfilled projects otherwise.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

import numpy as np

from .instance import Instance
from .scoring import BLOCK_PAIRS

if TYPE_CHECKING:
    from collections.abc import Sequence


class Rules(Protocol):
    """The constraints candidates are picked by, for projects by every expert."""

    hard: Sequence[str]  # the codes of ``failures`` that make a pair ineligible

    def failures(self, project: np.ndarray) -> dict[str, np.ndarray]:
        """Per code, a grid (projects x experts) that is True where the pair fails it."""
        ...

    def scores(self, project: np.ndarray, expert: np.ndarray) -> np.ndarray:
        """The exact scores of eligible pairs, as ``min_score`` compares them."""
        ...


def with_reasons(instance: Instance, rules: Rules, result: dict) -> list[dict]:
    """``result["unfilled"]``, each item with its ``eligible`` count and ``reasons``."""
    if not result["unfilled"]:
        return []
    projects = {project.id: p for p, project in enumerate(instance.projects)}
    experts = {expert.id: e for e, expert in enumerate(instance.experts)}
    assigned = result["assignments"]
    expert = np.array([experts[a["expert"]] for a in assigned], dtype=np.int64)
    project = np.array([projects[a["project"]] for a in assigned], dtype=np.int64)
    here = np.sort(instance.codes(project, expert))
    full = np.bincount(expert, minlength=len(experts)) >= instance.capacity
    rows = np.array([projects[item["project"]] for item in result["unfilled"]], dtype=np.int64)
    step = max(1, BLOCK_PAIRS // max(len(experts), 1))
    found = [
        report
        for at in range(0, len(rows), step)
        for report in _reports(instance, rules, rows[at : at + step], here, full)
    ]
    return [item | report for item, report in zip(result["unfilled"], found, strict=True)]


def _reports(
    instance: Instance, rules: Rules, rows: np.ndarray, here: np.ndarray, full: np.ndarray
) -> list[dict]:
    """The report of each project in ``rows``; ``here`` are the assigned pairs (sorted
    codes), ``full`` the experts without a free place."""
    failed = rules.failures(rows)
    eligible = np.ones((len(rows), len(full)), dtype=bool)
    for code in rules.hard:
        if code in failed:
            eligible &= ~failed[code]
    counts = {code: grid.sum(axis=1) for code, grid in failed.items()}
    usable = eligible & ~instance.pair_grid(instance.excluded, rows)
    counts["excluded"] = eligible.sum(axis=1) - usable.sum(axis=1)
    below = _below_min_score(instance, rules, rows, usable)
    counts["below_min_score"] = below.sum(axis=1)
    usable &= ~below
    usable &= ~instance.pair_grid(here, rows)
    counts["taken"] = (usable & full).sum(axis=1)
    counts["beyond_top_k"] = (usable & ~full).sum(axis=1)
    n_eligible = eligible.sum(axis=1)
    return [
        {
            "eligible": int(n_eligible[r]),
            "reasons": [
                {"code": code, "count": int(count[r])} for code, count in counts.items() if count[r]
            ],
        }
        for r in range(len(rows))
    ]


def _below_min_score(
    instance: Instance, rules: Rules, rows: np.ndarray, usable: np.ndarray
) -> np.ndarray:
    below = np.zeros_like(usable)
    if instance.min_score > 0:  # every score is at least 0
        row, expert = np.nonzero(usable)
        below[row, expert] = rules.scores(rows[row], expert) < instance.min_score
    return below
