"""The assignment engine: an optimal, explained pairing of projects with experts.

No Django here. The instance and result formats are DESIGN.md §4::

    from skillbridge.assignment import InstanceError, solve

    result = solve({"projects": [...], "experts": [...], "scores": [...]})

``solve`` raises :class:`InstanceError` (``str()`` is ``"field: message"``) for
any input it cannot honour. The same engine assigns reviewers to proposals:
reviewers are experts with a load capacity, proposals are projects whose seats
are the reviews needed, and conflicts are removed pairs.

Choices the format leaves open, made here:

- ``alternates`` lists, per project (every project, maybe with an empty list),
  up to three usable experts not assigned to it who still have a free place,
  best score first, then id, so a decline can be refilled without moving anyone.
- Scores from profiles are rounded to six places (what the result shows is what
  ``min_score`` and the objective see); given scores are used and shown exactly.
- Without given scores, each project considers its ``top_k`` best experts plus
  any locked pair; unknown project ids in an expert's ``conflicts`` are ignored
  (a professional may declare conflicts with projects outside this run).
- ``stats.min_score`` is null when nothing is assigned; ``stats.seconds`` is the
  wall time of the call, so it is the one value that differs between runs.

Modules: ``instance`` (+ ``fields``, ``pairs``) parses, ``profiles`` and
``blocks`` score, ``scoring`` picks candidates, ``solver`` optimises,
``explain`` writes the result, ``bench`` measures.
"""

import time
from typing import Any

from .errors import InstanceError
from .explain import build_result
from .instance import Instance, parse_instance
from .scoring import TOP_K, find_candidates
from .solver import assign

__all__ = ["TOP_K", "Instance", "InstanceError", "parse_instance", "solve", "solve_instance"]


def solve(data: Any, *, top_k: int = TOP_K) -> dict:
    """Validate the instance ``data`` (a dict as read from JSON) and return the result dict.

    Without given scores, only the ``top_k`` best experts of each project (plus
    locked pairs) are considered; with at most ``top_k`` experts that is all of them.
    """
    started = time.perf_counter()
    return solve_instance(parse_instance(data), top_k=top_k, started=started)


def solve_instance(instance: Instance, *, top_k: int = TOP_K, started: float | None = None) -> dict:
    """Solve an already parsed instance; ``started`` is when the clock for ``seconds`` began."""
    if top_k < 1:
        raise ValueError("top_k must be at least 1")
    started = time.perf_counter() if started is None else started
    cands = find_candidates(instance, top_k=top_k)
    chosen = assign(
        seats=instance.seats,
        capacity=instance.capacity,
        project=cands.project,
        expert=cands.expert,
        score=cands.score,
        locked=cands.locked,
        objective=instance.objective,
    )
    return build_result(instance, cands, chosen, seconds=time.perf_counter() - started)
