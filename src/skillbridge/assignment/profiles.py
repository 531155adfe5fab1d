"""Profiles as sparse features, and the affinity of any list of pairs.

The affinity of a project and an expert is a weighted mean, from 0 to 1, of the
components the *project* states (a component the project leaves out drops out of
the mean; one the expert leaves out counts 0):

==============  ======  ==========================================================
component       weight  value
==============  ======  ==========================================================
skills          0.40    share of the project's skills the expert has, each skill
                        weighted by its IDF among experts, ln((1 + n) / (1 + df)) + 1,
                        so a rare skill counts more than one everybody lists
text            0.20    cosine of the TF-IDF vectors of the two ``text`` fields
sector          0.15    1 when the project's sector is one of the expert's
availability    0.15    share of the project's window the expert is available
languages       0.10    share of the project's languages the expert speaks
==============  ======  ==========================================================

The score is rounded to six decimals. Skills and sectors are compared after
folding case and whitespace, and skills
after mapping the instance's ``synonyms``. A pair is eligible only if it meets
every hard constraint whose field both sides give: a shared language; the
project's modality among the expert's; and for on-site work (``onsite`` or
``hybrid``) an availability overlap of at least seven days with the window (the
whole window when it is shorter).

Each hard constraint is written once, as a method of :class:`Profiles`, and
applied both to lists of pairs (exact scoring, locks) and to grids of projects
by every expert (block scoring, the report on unfilled projects).

This module is imported only for instances without given scores (see
``scoring``), so SciPy and scikit-learn load at its top.
"""

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer

from .instance import ONSITE, Expert, Instance, Project

WEIGHTS = {"skills": 0.40, "text": 0.20, "sector": 0.15, "availability": 0.15, "languages": 0.10}
ONSITE_OVERLAP_DAYS = 7


@dataclass(frozen=True, slots=True)
class Profiles:
    """Per-project arrays are indexed by project position, per-expert ones by expert."""

    p_skills: sp.csr_array  # projects x skills, IDF weights summing to 1 per project
    e_skills: sp.csr_array  # experts x skills, 0/1
    p_text: sp.csr_array  # projects x terms, TF-IDF rows of length 1
    e_text: sp.csr_array
    p_langs: sp.csr_array  # projects x languages, 1 / (number of project languages)
    e_langs: sp.csr_array  # experts x languages, 0/1
    p_has_langs: np.ndarray
    e_has_langs: np.ndarray
    p_sector: np.ndarray  # row of e_sector_t, the last row (all False) for no sector
    e_sector_t: np.ndarray  # (sectors + 1) x experts, bool
    p_modality: np.ndarray  # row of e_modality_ok, the last row (all True) for none
    e_modality_ok: np.ndarray  # (modalities + 1) x experts: may the expert work so
    # Days count from the earliest date in the instance, in int16 when they fit
    # (they always do within 89 years), which halves the memory block scoring reads.
    p_start: np.ndarray  # window; an empty one (start 1, end 0) when absent
    p_end: np.ndarray
    p_has_window: np.ndarray
    p_days: np.ndarray  # window length, 1 when absent (never divides by zero)
    p_need_days: np.ndarray  # on-site overlap required, 0 when none
    iv_start: np.ndarray  # every expert availability period, grouped by expert
    iv_end: np.ndarray
    e_iv_first: np.ndarray  # index of the expert's first period
    e_iv_count: np.ndarray
    slots: tuple["Slot", ...]  # the same periods, as "every expert's j-th period"
    weights: dict[str, np.ndarray]  # per project: component weight / sum of its weights

    # The hard constraints. ``project`` and ``expert`` are positions of pairs, or
    # ``expert`` is None for a grid: every expert (columns) for each project (rows).

    def language_ok(
        self, shared: np.ndarray, project: np.ndarray | slice, expert: np.ndarray | None = None
    ) -> np.ndarray:
        """A language in common (``shared``), unless the project or the expert names none."""
        p_has, e_has = _sides(self.p_has_langs, self.e_has_langs, project, expert)
        ok = np.logical_or(shared, ~p_has)
        ok |= ~e_has
        return ok

    def modality_ok(
        self, project: np.ndarray | slice, expert: np.ndarray | None = None
    ) -> np.ndarray:
        """The project's modality among the expert's, unless either names none."""
        if expert is None:
            return self.e_modality_ok[self.p_modality[project]]
        return self.e_modality_ok[self.p_modality[project], expert]

    def dates_ok(
        self, overlap: np.ndarray, project: np.ndarray | slice, expert: np.ndarray | None = None
    ) -> np.ndarray:
        """``overlap`` days meet the project's on-site need, unless the expert gives no periods."""
        need, periods = _sides(self.p_need_days, self.e_iv_count, project, expert)
        ok = overlap >= need
        ok |= periods == 0
        return ok


def _sides(
    p_values: np.ndarray, e_values: np.ndarray, project: np.ndarray | slice, expert
) -> tuple[np.ndarray, np.ndarray]:
    """A per-project and a per-expert array, shaped to combine pair by pair or as a grid."""
    if expert is None:
        return p_values[project][:, None], e_values
    return p_values[project], e_values[expert]


@dataclass(frozen=True, slots=True)
class Slot:
    """The j-th availability period of every expert who has one.

    Most experts give one or two periods, so a few slots cover everyone and a
    block of pairs is scored with a few whole-row operations. ``experts`` is None
    when the slot spans all experts (an expert without a j-th period then gets
    an empty one), else the experts it covers.
    """

    experts: np.ndarray | None
    start: np.ndarray
    end: np.ndarray


@dataclass(frozen=True, slots=True)
class Components:
    """Affinity components of pairs (parallel arrays), with the hard constraints met."""

    skills: np.ndarray
    text: np.ndarray
    sector: np.ndarray
    availability: np.ndarray
    languages: np.ndarray
    overlap_days: np.ndarray
    language_ok: np.ndarray
    modality_ok: np.ndarray
    dates_ok: np.ndarray
    score: np.ndarray

    @property
    def eligible(self) -> np.ndarray:
        return self.language_ok & self.modality_ok & self.dates_ok


def build_profiles(instance: Instance) -> Profiles:
    projects, experts = instance.projects, instance.experts
    p_skills, e_skills = _skill_features(projects, experts)
    p_text, e_text = _tfidf([p.text for p in projects], [e.text for e in experts])
    p_lang_rows, e_langs = _incidences(
        [p.languages for p in projects], [e.languages for e in experts]
    )
    p_langs = _row_normalised(p_lang_rows)
    sectors = _sector_table(projects, experts)
    calendar = _calendar(projects, experts)
    present = {
        "skills": p_skills.indptr[1:] > p_skills.indptr[:-1],
        "text": p_text.indptr[1:] > p_text.indptr[:-1],
        "sector": sectors["p_sector"] < len(sectors["e_sector_t"]) - 1,
        "availability": calendar["p_has_window"],
        "languages": p_langs.indptr[1:] > p_langs.indptr[:-1],
    }
    return Profiles(
        p_skills=p_skills,
        e_skills=e_skills,
        p_text=p_text,
        e_text=e_text,
        p_langs=p_langs,
        e_langs=e_langs,
        p_has_langs=present["languages"],
        e_has_langs=np.array([bool(e.languages) for e in experts], dtype=bool),
        **sectors,
        **_modality_table(projects, experts),
        **calendar,
        weights=_weights(present, len(projects)),
    )


def _skill_features(
    projects: tuple[Project, ...], experts: tuple[Expert, ...]
) -> tuple[sp.csr_array, sp.csr_array]:
    """Project rows weighted by each skill's IDF among experts (summing to 1), expert rows 0/1."""
    p_skill_rows, e_skills = _incidences([p.skills for p in projects], [e.skills for e in experts])
    df = np.bincount(e_skills.indices, minlength=e_skills.shape[1])
    idf = np.log((1.0 + len(experts)) / (1.0 + df)) + 1.0
    return _row_normalised(p_skill_rows @ sp.diags_array(idf).tocsr()), e_skills


def _sector_table(projects: tuple[Project, ...], experts: tuple[Expert, ...]) -> dict:
    """``p_sector`` and ``e_sector_t`` of :class:`Profiles`."""
    p_sector_rows, e_sectors = _incidences(
        [(p.sector,) if p.sector else () for p in projects], [e.sectors for e in experts]
    )
    # One extra all-False row stands for "no sector", so lookups need no branch.
    e_sector_t = np.zeros((e_sectors.shape[1] + 1, len(experts)), dtype=bool)
    e_sector_t[:-1] = e_sectors.T.toarray()
    has_sector = p_sector_rows.indptr[1:] > p_sector_rows.indptr[:-1]
    p_sector = np.full(len(projects), e_sectors.shape[1], dtype=np.intp)
    p_sector[has_sector] = p_sector_rows.indices
    return {"p_sector": p_sector, "e_sector_t": e_sector_t}


def _modality_table(projects: tuple[Project, ...], experts: tuple[Expert, ...]) -> dict:
    """``p_modality`` and ``e_modality_ok`` of :class:`Profiles`: the modality constraint."""
    names = sorted(
        {m for e in experts for m in e.modalities} | {p.modality for p in projects} - {None}
    )
    code = {name: i for i, name in enumerate(names)}
    # The last row, all True, stands for a project without a modality; an expert
    # without modalities keeps a True column.
    e_modality_ok = np.ones((len(names) + 1, len(experts)), dtype=bool)
    for e, expert in enumerate(experts):
        if expert.modalities:
            e_modality_ok[: len(names), e] = False
            e_modality_ok[[code[m] for m in expert.modalities], e] = True
    p_modality = np.array([code.get(p.modality, len(names)) for p in projects], dtype=np.intp)
    return {"p_modality": p_modality, "e_modality_ok": e_modality_ok}


def _calendar(projects: tuple[Project, ...], experts: tuple[Expert, ...]) -> dict:
    """The windows, the availability periods and the on-site overlap each project requires."""
    windows = [p.window for p in projects]
    periods = np.array([w for e in experts for w in e.available], dtype=np.int64).reshape(-1, 2)
    first_day = min([w.start for w in windows if w] + periods[:, 0].tolist(), default=0)
    last_day = max([w.end for w in windows if w] + periods[:, 1].tolist(), default=0)
    day = np.int16 if last_day - first_day < np.iinfo(np.int16).max else np.int32
    periods = (periods - first_day).astype(day)
    p_days = np.array([w.days if w else 1 for w in windows], dtype=np.int32)
    onsite = np.array([p.modality in ONSITE and p.window is not None for p in projects], dtype=bool)
    e_iv_count = np.array([len(e.available) for e in experts], dtype=np.int64)
    return {
        "p_start": np.array([w.start - first_day if w else 1 for w in windows], dtype=day),
        "p_end": np.array([w.end - first_day if w else 0 for w in windows], dtype=day),
        "p_has_window": np.array([w is not None for w in windows], dtype=bool),
        "p_days": p_days,
        "p_need_days": np.where(onsite, np.minimum(ONSITE_OVERLAP_DAYS, p_days), 0).astype(
            np.int32
        ),
        "iv_start": periods[:, 0].copy(),
        "iv_end": periods[:, 1].copy(),
        "e_iv_first": np.cumsum(e_iv_count) - e_iv_count,
        "e_iv_count": e_iv_count,
        "slots": _slots(periods, e_iv_count),
    }


def _weights(present: dict[str, np.ndarray], n_projects: int) -> dict[str, np.ndarray]:
    """Per project, each component's weight over the sum of the weights it states."""
    total = sum(WEIGHTS[name] * present[name] for name in WEIGHTS) + np.zeros(n_projects)
    inverse = np.divide(1.0, total, out=np.zeros(n_projects), where=total > 0)
    return {name: WEIGHTS[name] * present[name] * inverse for name in WEIGHTS}


def pair_components(prof: Profiles, project: np.ndarray, expert: np.ndarray) -> Components:
    """Score the given pairs exactly (float64), vectorised over the pairs."""
    skills = _row_dots(prof.p_skills, prof.e_skills, project, expert)
    text = _row_dots(prof.p_text, prof.e_text, project, expert)
    languages = _row_dots(prof.p_langs, prof.e_langs, project, expert)
    sector = prof.e_sector_t[prof.p_sector[project], expert].astype(np.float64)
    overlap = _pair_overlap(prof, project, expert)
    availability = overlap / prof.p_days[project]
    w = prof.weights
    score = (
        w["skills"][project] * skills
        + w["text"][project] * text
        + w["sector"][project] * sector
        + w["availability"][project] * availability
        + w["languages"][project] * languages
    )
    return Components(
        skills=skills,
        text=text,
        sector=sector,
        availability=availability,
        languages=languages,
        overlap_days=overlap,
        language_ok=prof.language_ok(languages > 0, project, expert),
        modality_ok=prof.modality_ok(project, expert),
        dates_ok=prof.dates_ok(overlap, project, expert),
        # A pair's score is what the result shows, so ``min_score`` compares the same way
        # a reader would: a pair shown as 0.2 passes a floor of 0.2.
        score=np.round(np.clip(score, 0.0, 1.0), 6),
    )


def _slots(periods: np.ndarray, counts: np.ndarray) -> tuple[Slot, ...]:
    first = np.cumsum(counts) - counts
    slots = []
    for j in range(int(counts.max(initial=0))):
        covered = np.flatnonzero(counts > j)
        period = first[covered] + j
        if 2 * len(covered) >= len(counts):  # whole rows are cheaper than picking columns
            start = np.ones(len(counts), dtype=periods.dtype)  # start after end: empty
            end = np.zeros(len(counts), dtype=periods.dtype)
            start[covered], end[covered] = periods[period, 0], periods[period, 1]
            slots.append(Slot(None, start, end))
        else:
            slots.append(Slot(covered, periods[period, 0], periods[period, 1]))
    return tuple(slots)


def _pair_overlap(prof: Profiles, project: np.ndarray, expert: np.ndarray) -> np.ndarray:
    counts = prof.e_iv_count[expert]
    pair = np.repeat(np.arange(len(project)), counts)
    offsets = np.arange(len(pair)) - np.repeat(np.cumsum(counts) - counts, counts)
    period = np.repeat(prof.e_iv_first[expert], counts) + offsets
    p = project[pair]
    days = np.minimum(prof.iv_end[period], prof.p_end[p]).astype(np.int64) - np.maximum(
        prof.iv_start[period], prof.p_start[p]
    )
    return np.bincount(pair, weights=np.maximum(days + 1, 0), minlength=len(project))


def _row_dots(
    a: sp.csr_array, b: sp.csr_array, rows_a: np.ndarray, rows_b: np.ndarray
) -> np.ndarray:
    if len(rows_a) == 0 or a.nnz == 0 or b.nnz == 0:
        return np.zeros(len(rows_a))
    return np.asarray(a[rows_a].multiply(b[rows_b]).sum(axis=1), dtype=np.float64).ravel()


def _incidences(
    project_rows: list[tuple[str, ...]], expert_rows: list[tuple[str, ...]]
) -> tuple[sp.csr_array, sp.csr_array]:
    """0/1 matrices of both sides over the words either side uses (at least one column)."""
    words = sorted({w for row in project_rows + expert_rows for w in row})
    vocabulary = {word: i for i, word in enumerate(words)}
    return _incidence(project_rows, vocabulary), _incidence(expert_rows, vocabulary)


def _incidence(rows: list[tuple[str, ...]], vocabulary: dict[str, int]) -> sp.csr_array:
    counts = np.array([len(row) for row in rows], dtype=np.int64)
    indptr = np.concatenate([[0], np.cumsum(counts)])
    indices = np.fromiter(
        (vocabulary[w] for row in rows for w in row), dtype=np.int32, count=int(indptr[-1])
    )
    shape = (len(rows), max(len(vocabulary), 1))
    matrix = sp.csr_array((np.ones(len(indices)), indices, indptr), shape=shape)
    matrix.sort_indices()
    return matrix


def _row_normalised(matrix: sp.csr_array) -> sp.csr_array:
    sums = np.asarray(matrix.sum(axis=1)).ravel()
    scale = np.divide(1.0, sums, out=np.zeros_like(sums, dtype=np.float64), where=sums > 0)
    return sp.csr_array(sp.diags_array(scale) @ matrix)


def _tfidf(project_texts: list[str], expert_texts: list[str]) -> tuple[sp.csr_array, sp.csr_array]:
    vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True, dtype=np.float64)
    try:
        matrix = sp.csr_array(vectorizer.fit_transform(project_texts + expert_texts))
    except ValueError:  # no text at all, or only stop words: the component drops out
        matrix = sp.csr_array((len(project_texts) + len(expert_texts), 1))
    return matrix[: len(project_texts)], matrix[len(project_texts) :]
