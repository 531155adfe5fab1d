"""Dense scoring of a block of projects against every expert, to pick candidates.

A block is scored in float32 from sparse products; only which experts are kept
depends on it, never a reported score (see :mod:`.scoring`).
"""

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from .instance import Instance
from .profiles import Profiles

# float32 block scores may differ from the exact ones by about 1e-7.
SLACK = 1e-5
# A feature at least this share of experts have goes in the dense product...
_DENSE_SHARE = 0.05
# ...up to this many of them (a block's dense product is block x this x experts).
_DENSE_FEATURES = 128


@dataclass(frozen=True, slots=True)
class Features:
    """All sparse components side by side, so products give their weighted sum.

    The project rows carry the component weights, so ``projects @ experts`` is
    the score without availability. Features many experts share (common words,
    the languages, the sectors) make that product nearly dense, so they are kept
    apart as dense matrices for one BLAS product; the rest stays sparse.
    ``speaks`` is 0/1 for the language constraint.
    """

    p_dense: sp.csr_array  # projects x common features (densified per block)
    e_dense: np.ndarray  # common features x experts
    p_sparse: sp.csr_array  # projects x other features
    e_sparse: sp.csr_array  # other features x experts
    p_speaks: np.ndarray  # projects x languages, dense 0/1
    e_speaks: np.ndarray  # languages x experts

    @classmethod
    def of(cls, prof: Profiles) -> "Features":
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
            format="csc",
            dtype=np.float32,
        )
        experts = sp.hstack(
            [prof.e_skills, prof.e_text, prof.e_langs, _pad(e_sector, p_sector.shape[1])],
            format="csc",
            dtype=np.float32,
        )
        shared_by = np.diff(experts.indptr)
        common = np.argsort(-shared_by, kind="stable")[:_DENSE_FEATURES]
        common = np.sort(common[shared_by[common] > experts.shape[0] * _DENSE_SHARE])
        other = np.setdiff1d(np.arange(experts.shape[1]), common)
        return cls(
            p_dense=sp.csr_array(projects[:, common]),
            e_dense=np.ascontiguousarray(experts[:, common].T.toarray()),
            p_sparse=sp.csr_array(projects[:, other]),
            e_sparse=sp.csr_array(experts[:, other].T),
            p_speaks=(prof.p_langs > 0).astype(np.float32).toarray(),
            e_speaks=np.ascontiguousarray(prof.e_langs.T.toarray(), dtype=np.float32),
        )


def _pad(matrix: sp.csr_array, width: int) -> sp.csr_array:
    if matrix.shape[1] == width:
        return matrix
    return sp.csr_array(
        (matrix.data, matrix.indices, matrix.indptr), shape=(matrix.shape[0], width)
    )


@dataclass(frozen=True, slots=True)
class HardChecks:
    """The hard constraints of projects (rows) by every expert (columns): True where met.

    ``overlap`` and ``dates`` are None when no row has a window or no expert
    gives periods: then every pair meets the dates.
    """

    language: np.ndarray
    modality: np.ndarray
    overlap: np.ndarray | None  # days available within the window
    dates: np.ndarray | None


def hard_checks(prof: Profiles, features: Features, project: slice | np.ndarray) -> HardChecks:
    """Each hard constraint for the projects ``project`` against every expert."""
    overlap = _overlap_if_needed(prof, project)
    return HardChecks(
        language=_language_ok(prof, features, project),
        modality=prof.modality_ok(project),
        overlap=overlap,
        dates=None if overlap is None else prof.dates_ok(overlap, project),
    )


def score_block(
    prof: Profiles, features: Features, instance: Instance, p0: int, p1: int
) -> np.ndarray:
    """Scores of projects p0..p1-1 against every expert; -1 where a pair cannot be used."""
    n_e = len(instance.experts)
    score = features.p_dense[p0:p1].toarray() @ features.e_dense
    rest = features.p_sparse[p0:p1] @ features.e_sparse
    flat = score.reshape(-1)
    flat[np.repeat(np.arange(p1 - p0) * n_e, np.diff(rest.indptr)) + rest.indices] += rest.data
    # The checks of ``hard_checks``, one at a time so that each grid is freed at once.
    rows = slice(p0, p1)
    usable = prof.modality_ok(rows)  # a fresh array, the block's own
    usable &= _language_ok(prof, features, rows)
    overlap = _overlap_if_needed(prof, rows)
    if overlap is not None:
        per_day = (prof.weights["availability"][rows] / prof.p_days[rows]).astype(np.float32)
        score += overlap.astype(np.float32) * per_day[:, None]
        usable &= prof.dates_ok(overlap, rows)

    if instance.min_score > SLACK:  # every score is at least 0, so a lower bar keeps all
        usable &= score >= instance.min_score - SLACK
    np.copyto(score, -1.0, where=np.logical_not(usable, out=usable))
    lo, hi = np.searchsorted(instance.excluded, [p0 * n_e, p1 * n_e])
    excluded = instance.excluded[lo:hi]
    score[excluded // n_e - p0, excluded % n_e] = -1.0
    return score


def _language_ok(prof: Profiles, features: Features, project: slice | np.ndarray) -> np.ndarray:
    return prof.language_ok((features.p_speaks[project] @ features.e_speaks) > 0, project)


def _overlap_if_needed(prof: Profiles, project: slice | np.ndarray) -> np.ndarray | None:
    """:func:`_block_overlap`, or None when no row has a window or no expert gives periods."""
    if prof.p_has_window[project].any() and prof.slots:
        return _block_overlap(prof, project)
    return None


def _block_overlap(prof: Profiles, project: slice | np.ndarray) -> np.ndarray:
    """Days each expert is available within each project's window (0 without a window)."""
    p_start, p_end = prof.p_start[project, None], prof.p_end[project, None]
    overlap = np.zeros((len(p_start), len(prof.e_iv_count)), dtype=prof.p_start.dtype)
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


def best_in_block(block: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
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
