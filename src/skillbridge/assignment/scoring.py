"""Candidate pairs for the solver: the given scores, or the best experts per project.

Scoring from profiles never holds all projects x experts at once: it works on
blocks of projects (about eight million pairs each), scores each block densely
in float32 from sparse products, drops ineligible, excluded and too-low pairs,
and keeps the ``top_k`` best experts per project. The kept pairs (and every
locked pair) are then scored again exactly by :func:`pair_components`, which is
also what explains them, so a reported score and its reasons always agree.

Profile scoring needs SciPy (and scikit-learn for the text), which take longer
to import than a whole solve of a small instance, so ``profiled`` (and with it
``blocks`` and ``profiles``) is imported only when an instance comes without scores.

Candidates carry the rules that made them, so the report on unfilled projects
(``unfilled``) counts with the very constraints the candidates were picked by.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING

import numpy as np

from .instance import Instance

if TYPE_CHECKING:
    from .profiles import Components
    from .unfilled import Rules

TOP_K = 50
# Pairs scored (or checked) at once: a block of projects by every expert.
BLOCK_PAIRS = 8_000_000


@dataclass(frozen=True, slots=True)
class Candidates:
    """Eligible pairs sorted by (project, expert), as parallel arrays."""

    project: np.ndarray
    expert: np.ndarray
    score: np.ndarray
    locked: np.ndarray  # bool
    components: Components | None  # None when the instance gave the scores
    rules: Rules  # the constraints the pairs were picked by


@dataclass(frozen=True, slots=True)
class GivenRules:
    """With given scores, exactly the listed pairs are eligible: one "constraint"."""

    instance: Instance
    hard = ("unscored",)

    def failures(self, project: np.ndarray) -> dict[str, np.ndarray]:
        """The pairs of ``project`` (rows) by every expert that have no listed score."""
        return {"unscored": ~self.instance.pair_grid(self._listed(), project)}

    def scores(self, project: np.ndarray, expert: np.ndarray) -> np.ndarray:
        at = np.searchsorted(self._listed(), self.instance.codes(project, expert))
        return self.instance.scores.score[at]

    def _listed(self) -> np.ndarray:
        pairs = self.instance.scores
        return self.instance.codes(pairs.project, pairs.expert)  # sorted, no repeats


def find_candidates(instance: Instance, *, top_k: int = TOP_K) -> Candidates:
    if instance.scores is not None:
        return _given(instance)
    return _profiled().candidates_from_profiles(instance, top_k)


def rules_for(instance: Instance) -> Rules:
    """The rules ``find_candidates`` applies to ``instance``, without picking candidates."""
    if instance.scores is not None:
        return GivenRules(instance)
    return _profiled().ProfileRules.of(instance)


def _profiled() -> ModuleType:
    # Deliberately lazy: profile scoring imports SciPy and scikit-learn (about a
    # second), and instances with given scores (reviewer assignment, the command
    # line) never need them.
    from . import profiled  # noqa: PLC0415

    return profiled


def _given(instance: Instance) -> Candidates:
    pairs = instance.scores
    codes = instance.codes(pairs.project, pairs.expert)
    keep = pairs.score >= instance.min_score
    if len(instance.excluded):
        keep &= ~np.isin(codes, instance.excluded)
    locked = locked_mask(instance, codes)
    rules = GivenRules(instance)
    if keep.all():  # the common case: no copy of a large instance
        return Candidates(pairs.project, pairs.expert, pairs.score, locked, None, rules)
    return Candidates(
        pairs.project[keep], pairs.expert[keep], pairs.score[keep], locked[keep], None, rules
    )


def locked_mask(instance: Instance, codes: np.ndarray) -> np.ndarray:
    """Which of the pairs ``codes`` are locked."""
    if not len(instance.locked):
        return np.zeros(len(codes), dtype=bool)
    return np.isin(codes, instance.codes(instance.locked.project, instance.locked.expert))
