"""The result of a solve: assignments with their reasons, alternates, and a summary.

It imports nothing from profile scoring (and so no SciPy): reasons from profiles
read the components the candidates already carry.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from .instance import Instance, Window

if TYPE_CHECKING:
    from .profiles import Components
    from .scoring import Candidates

ALTERNATES = 3
# Text similarity below this says nothing a reader could check.
_TEXT_SHOWN = 0.01


def build_result(instance: Instance, cands: Candidates, chosen: np.ndarray) -> dict:
    """The result without ``stats.seconds``, which the caller adds when it is done."""
    given = cands.components is None
    picked = np.flatnonzero(chosen)
    assignments = [
        {
            "project": instance.projects[cands.project[i]].id,
            "expert": instance.experts[cands.expert[i]].id,
            "score": float(cands.score[i]) if given else round(float(cands.score[i]), 6),
            "reasons": _given_reasons(cands.score[i])
            if given
            else profile_reasons(
                instance, cands.components, int(i), cands.project[i], cands.expert[i]
            ),
        }
        for i in picked
    ]
    filled = np.bincount(cands.project[picked], minlength=len(instance.projects))
    open_seats = instance.seats - filled
    scores = cands.score[picked]
    return {
        "objective": instance.objective,
        "assignments": assignments,
        "unfilled": [
            {"project": instance.projects[p].id, "open_seats": int(open_seats[p])}
            for p in np.flatnonzero(open_seats)
        ],
        "alternates": _alternates(instance, cands, chosen),
        "stats": {
            "filled_seats": len(picked),
            "total_seats": int(instance.seats.sum()),
            # Given scores are repeated exactly; computed ones are shown to 6 places.
            "total_score": round(float(scores.sum()), 9 if given else 6),
            "min_score": (float(scores.min()) if given else round(float(scores.min()), 6))
            if len(scores)
            else None,
        },
    }


def _given_reasons(score: float) -> list[str]:
    return [f"given score {float(score)}"]


def profile_reasons(instance: Instance, comp: Components, i: int, p: int, e: int) -> list[str]:
    """Plain words for each component that counted towards pair ``i`` (project p, expert e)."""
    project, expert = instance.projects[p], instance.experts[e]
    reasons = []
    shared = [skill for skill in project.skills if skill in expert.skills]
    if shared:
        reasons.append("shares skills: " + ", ".join(shared))
    if comp.sector[i] > 0:
        reasons.append(f"same sector: {project.sector}")
    spoken = [language for language in project.languages if language in expert.languages]
    if spoken:
        reasons.append("speaks " + ", ".join(spoken))
    if project.modality and project.modality in expert.modalities:
        reasons.append(f"works {project.modality}")
    if project.window and comp.overlap_days[i] > 0:
        periods = _within(expert.available, project.window)
        reasons.append("available " + ", ".join(str(period) for period in periods))
    if comp.text[i] >= _TEXT_SHOWN:
        reasons.append(f"similar profile text ({comp.text[i]:.2f})")
    return reasons or ["meets every requirement the project states"]


def _within(periods: tuple[Window, ...], window: Window) -> list[Window]:
    clipped = [Window(max(p.start, window.start), min(p.end, window.end)) for p in periods]
    return [period for period in clipped if period.start <= period.end]


def _alternates(instance: Instance, cands: Candidates, chosen: np.ndarray) -> dict:
    """Per project, the best experts not assigned to it who still have room for one more.

    Candidates are sorted by project and then expert, so each project is one
    segment; each round takes every segment's highest score, the lowest expert
    id among equals, and removes it from the next round.
    """
    n_p = len(instance.projects)
    load = np.bincount(cands.expert[chosen], minlength=len(instance.experts))
    spare = load < instance.capacity
    pool = np.flatnonzero(~chosen & spare[cands.expert])
    found: list[list[int]] = [[] for _ in range(n_p)]
    score = cands.score[pool].astype(np.float64)
    project = cands.project[pool]
    for _ in range(ALTERNATES):
        live = np.flatnonzero(score >= 0)
        if not len(live):
            break
        starts = np.flatnonzero(np.r_[True, np.diff(project[live]) != 0])
        best = np.maximum.reduceat(score[live], starts)
        lengths = np.diff(np.r_[starts, len(live)])
        hits = live[score[live] == np.repeat(best, lengths)]
        # ``hits`` keep the candidates' order, so each project's first is its lowest expert id.
        taken = hits[np.r_[True, np.diff(project[hits]) != 0]]
        for at in taken:
            found[project[at]].append(int(pool[at]))
        score[taken] = -1.0
    return {
        instance.projects[p].id: [
            {"expert": instance.experts[cands.expert[i]].id, "score": _shown(cands, i)}
            for i in found[p]
        ]
        for p in range(n_p)
    }


def _shown(cands: Candidates, i: int) -> float:
    score = float(cands.score[i])
    return score if cands.components is None else round(score, 6)
