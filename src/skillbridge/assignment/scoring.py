"""Candidate pairs for the solver: the given scores, or the best experts per project.

Scoring from profiles never holds all projects x experts at once: it works on
blocks of projects (about eight million pairs each), scores each block densely
in float32 from sparse products, drops ineligible, excluded and too-low pairs,
and keeps the ``top_k`` best experts per project. The kept pairs (and every
locked pair) are then scored again exactly by :func:`pair_components`, which is
also what explains them, so a reported score and its reasons always agree.

Profile scoring needs SciPy (and scikit-learn for the text), which take longer
to import than a whole solve of a small instance, so ``blocks`` and ``profiles``
are imported only when an instance comes without scores.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import TYPE_CHECKING

import numpy as np

from .errors import InstanceError
from .instance import Instance

if TYPE_CHECKING:
    from .profiles import Components

TOP_K = 50
_BLOCK_PAIRS = 8_000_000
_WORKERS = 2


@dataclass(frozen=True, slots=True)
class Candidates:
    """Eligible pairs sorted by (project, expert), as parallel arrays."""

    project: np.ndarray
    expert: np.ndarray
    score: np.ndarray
    locked: np.ndarray  # bool
    components: Components | None  # None when the instance gave the scores


def find_candidates(instance: Instance, *, top_k: int = TOP_K) -> Candidates:
    if instance.scores is not None:
        return _given(instance)
    return _from_profiles(instance, top_k)


def _given(instance: Instance) -> Candidates:
    pairs = instance.scores
    codes = instance.codes(pairs.project, pairs.expert)
    keep = pairs.score >= instance.min_score
    if len(instance.excluded):
        keep &= ~np.isin(codes, instance.excluded)
    locked = _is_locked(instance, codes)
    if keep.all():  # the common case: no copy of a large instance
        return Candidates(pairs.project, pairs.expert, pairs.score, locked, None)
    return Candidates(
        pairs.project[keep], pairs.expert[keep], pairs.score[keep], locked[keep], None
    )


def _is_locked(instance: Instance, codes: np.ndarray) -> np.ndarray:
    if not len(instance.locked):
        return np.zeros(len(codes), dtype=bool)
    return np.isin(codes, instance.codes(instance.locked.project, instance.locked.expert))


def _from_profiles(instance: Instance, top_k: int) -> Candidates:
    from concurrent.futures import ThreadPoolExecutor

    from .blocks import Features, best_in_block, score_block
    from .profiles import build_profiles, pair_components

    n_p, n_e = len(instance.projects), len(instance.experts)
    prof = build_profiles(instance)
    features = Features.of(prof)
    rows = max(1, _BLOCK_PAIRS // max(n_e, 1))
    found = [instance.codes(instance.locked.project, instance.locked.expert)]

    def best_of_block(p0: int) -> np.ndarray:
        p1 = min(n_p, p0 + rows)
        project, expert = best_in_block(
            score_block(prof, features, instance, p0, p1), min(top_k, n_e)
        )
        return instance.codes(project + p0, expert)

    # NumPy and SciPy's sparse kernels release the GIL, so two threads keep two cores busy.
    with ThreadPoolExecutor(max_workers=_WORKERS) as pool:
        found.extend(pool.map(best_of_block, range(0, n_p if n_e else 0, rows)))
    codes = np.unique(np.concatenate(found))
    project = (codes // max(n_e, 1)).astype(np.int32)
    expert = (codes % max(n_e, 1)).astype(np.int32)
    components = pair_components(prof, project, expert)
    locked = _is_locked(instance, codes)
    _check_locked_pairs(instance, codes, components)
    keep = components.eligible & (components.score >= instance.min_score)
    if len(instance.excluded):
        keep &= ~np.isin(codes, instance.excluded)
    kept = _take(components, keep)
    return Candidates(project[keep], expert[keep], kept.score, locked[keep], kept)


def _check_locked_pairs(instance: Instance, codes: np.ndarray, comp: Components) -> None:
    """Without given scores, a lock is impossible when its pair fails a hard constraint."""
    lock_codes = instance.codes(instance.locked.project, instance.locked.expert)
    at = np.searchsorted(codes, lock_codes)
    for i, j in enumerate(at):
        project = instance.projects[instance.locked.project[i]].id
        expert = instance.experts[instance.locked.expert[i]].id
        if not comp.language_ok[j]:
            problem = f"expert {expert!r} speaks none of the languages of {project!r}"
        elif not comp.modality_ok[j]:
            problem = f"expert {expert!r} does not work in the modality of {project!r}"
        elif not comp.dates_ok[j]:
            problem = (
                f"expert {expert!r} is not available for a week within the window of {project!r}"
            )
        elif comp.score[j] < instance.min_score:
            problem = f"score {comp.score[j]:.4f} is below min_score {instance.min_score}"
        else:
            continue
        raise InstanceError(f"locked[{i}]", problem)


def _take(components: Components, keep: np.ndarray) -> Components:
    return type(components)(
        **{f.name: getattr(components, f.name)[keep] for f in fields(components)}
    )
