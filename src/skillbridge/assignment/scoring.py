"""Candidate pairs for the solver: the given scores, or the best experts per project.

Scoring from profiles never holds all projects x experts at once: it works on
blocks of projects (about eight million pairs each), scores each block densely
in float32 from sparse products, drops ineligible, excluded and too-low pairs,
and keeps the ``top_k`` best experts per project. The kept pairs (and every
locked pair) are then scored again exactly by :func:`pair_components`, which is
also what explains them, so a reported score and its reasons always agree.
"""

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, fields

import numpy as np
import scipy.sparse as sp

from .errors import InstanceError
from .instance import Instance
from .profiles import Components, Profiles, build_profiles, pair_components

TOP_K = 50
_BLOCK_PAIRS = 8_000_000
_WORKERS = 2
# float32 block scores may differ from the exact ones by about 1e-7.
_SLACK = 1e-5


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
    n_p, n_e = len(instance.projects), len(instance.experts)
    prof = build_profiles(instance)
    features = _Features.of(prof)
    rows = max(1, _BLOCK_PAIRS // max(n_e, 1))
    found = [instance.codes(instance.locked.project, instance.locked.expert)]

    def best_of_block(p0: int) -> np.ndarray:
        p1 = min(n_p, p0 + rows)
        project, expert = _best(_block(prof, features, instance, p0, p1), min(top_k, n_e))
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


@dataclass(frozen=True, slots=True)
class _Features:
    """All sparse components side by side, so one product gives their weighted sum.

    The project rows carry the component weights, so ``projects @ experts`` is
    the score without availability; ``speaks`` is 0/1 for the language constraint.
    """

    projects: sp.csr_array
    experts: sp.csr_array  # features x experts
    p_speaks: np.ndarray  # projects x languages, dense 0/1
    e_speaks: np.ndarray  # languages x experts

    @classmethod
    def of(cls, prof: Profiles) -> "_Features":
        w = prof.weights
        n_sectors = prof.e_sector_t.shape[0] - 1
        has_sector = prof.p_sector < n_sectors
        p_sector = sp.csr_array(
            (w["sector"][has_sector], (np.flatnonzero(has_sector), prof.p_sector[has_sector])),
            shape=(len(prof.p_sector), max(n_sectors, 1)),
        )
        e_sector = sp.csr_array(prof.e_sector_t[:-1].T.astype(np.float64))
        projects = sp.hstack(
            [
                sp.diags_array(w["skills"]) @ prof.p_skills,
                sp.diags_array(w["text"]) @ prof.p_text,
                sp.diags_array(w["languages"]) @ prof.p_langs,
                p_sector,
            ],
            format="csr",
            dtype=np.float32,
        )
        experts = sp.hstack(
            [prof.e_skills, prof.e_text, prof.e_langs, _pad(e_sector, p_sector.shape[1])],
            format="csr",
            dtype=np.float32,
        )
        return cls(
            projects=projects,
            experts=experts.T.tocsr(),
            p_speaks=(prof.p_langs > 0).astype(np.float32).toarray(),
            e_speaks=np.ascontiguousarray(prof.e_langs.T.toarray(), dtype=np.float32),
        )


def _pad(matrix: sp.csr_array, width: int) -> sp.csr_array:
    if matrix.shape[1] == width:
        return matrix
    return sp.csr_array(
        (matrix.data, matrix.indices, matrix.indptr), shape=(matrix.shape[0], width)
    )


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
    return Components(**{f.name: getattr(components, f.name)[keep] for f in fields(components)})


def _block(prof: Profiles, features: _Features, instance: Instance, p0: int, p1: int) -> np.ndarray:
    """Scores of projects p0..p1-1 against every expert; -1 where a pair cannot be used."""
    n_e = len(instance.experts)
    score = (features.projects[p0:p1] @ features.experts).toarray()
    usable = prof.e_modality_ok[prof.p_modality[p0:p1]]
    speaks = (features.p_speaks[p0:p1] @ features.e_speaks) > 0
    speaks |= ~prof.e_has_langs
    speaks |= ~prof.p_has_langs[p0:p1, None]
    usable &= speaks
    del speaks
    if prof.p_has_window[p0:p1].any() and prof.slots:
        overlap = _block_overlap(prof, p0, p1, n_e)
        per_day = (prof.weights["availability"][p0:p1] / prof.p_days[p0:p1]).astype(np.float32)
        score += overlap.astype(np.float32) * per_day[:, None]
        usable &= (overlap >= prof.p_need_days[p0:p1, None]) | (prof.e_iv_count == 0)

    usable &= score >= instance.min_score - _SLACK
    np.copyto(score, -1.0, where=np.logical_not(usable, out=usable))
    lo, hi = np.searchsorted(instance.excluded, [p0 * n_e, p1 * n_e])
    excluded = instance.excluded[lo:hi]
    score[excluded // n_e - p0, excluded % n_e] = -1.0
    return score


def _block_overlap(prof: Profiles, p0: int, p1: int, n_e: int) -> np.ndarray:
    """Days each expert is available within each project's window (0 without a window)."""
    p_start, p_end = prof.p_start[p0:p1, None], prof.p_end[p0:p1, None]
    overlap = np.zeros((p1 - p0, n_e), dtype=prof.p_start.dtype)
    for slot in prof.slots:
        days = np.minimum(slot.end[None, :], p_end)
        days -= np.maximum(slot.start[None, :], p_start)
        days += 1
        np.maximum(days, 0, out=days)
        if slot.experts is None:
            overlap += days
        else:
            overlap[:, slot.experts] += days
    return overlap


def _best(block: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Row and column of the (up to) k best usable pairs in each row of the block."""
    # Row by row, over the usable pairs only: most of a row is often -1, and
    # partitioning that many equal values is several times slower.
    rows, columns = [], []
    for row, values in enumerate(block):
        usable = np.flatnonzero(values > -0.5)
        if len(usable) > k:
            usable = usable[np.argpartition(values[usable], len(usable) - k)[len(usable) - k :]]
        rows.append(np.full(len(usable), row))
        columns.append(usable)
    return np.concatenate(rows), np.concatenate(columns)
