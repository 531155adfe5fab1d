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

Optional output, added to the format without changing any of it: with
``solve(data, explain_unfilled=True)`` each item of ``unfilled`` also says why
the project got fewer experts than seats, counted with the constraints the
solve used (``eligible`` and ``reasons``; the codes are in :mod:`.unfilled`)::

    "unfilled": [{"project": "P2", "open_seats": 1, "eligible": 3,
                  "reasons": [{"code": "language", "count": 40},
                              {"code": "excluded", "count": 1},
                              {"code": "taken", "count": 2}]}]

``explain_unfilled(data, result)`` gives the same list for a result of
``solve(data)`` after the fact. Without the option the result is as before.

Modules: ``instance`` (+ ``fields``, ``pairs``) parses, ``profiles`` and
``blocks`` score, ``scoring`` (+ ``profiled``) picks candidates, ``solver``
optimises, ``explain`` writes the result, ``unfilled`` says why seats stayed
open, ``bench`` measures.
"""

import time
from typing import TYPE_CHECKING, Any

from .errors import InstanceError
from .explain import build_result
from .instance import Instance, parse_instance
from .scoring import TOP_K, find_candidates, rules_for
from .solver import assign

if TYPE_CHECKING:
    from .unfilled import Rules

__all__ = [
    "TOP_K",
    "Instance",
    "InstanceError",
    "explain_unfilled",
    "parse_instance",
    "solve",
    "solve_instance",
]


def solve(data: Any, *, top_k: int = TOP_K, explain_unfilled: bool = False) -> dict:
    """Validate the instance ``data`` (a dict as read from JSON) and return the result dict.

    Without given scores, only the ``top_k`` best experts of each project (plus
    locked pairs) are considered; with at most ``top_k`` experts that is all of them.
    With ``explain_unfilled``, each unfilled project says why (see :mod:`.unfilled`).
    """
    started = time.perf_counter()
    return solve_instance(
        parse_instance(data), top_k=top_k, explain_unfilled=explain_unfilled, started=started
    )


def solve_instance(
    instance: Instance,
    *,
    top_k: int = TOP_K,
    explain_unfilled: bool = False,
    started: float | None = None,
) -> dict:
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
    result = build_result(instance, cands, chosen)
    if explain_unfilled:
        result["unfilled"] = _with_reasons(instance, cands.rules, result)
    result["stats"]["seconds"] = round(time.perf_counter() - started, 3)
    return result


def explain_unfilled(data: Any, result: dict) -> list[dict]:
    """``result["unfilled"]`` with the reasons of :mod:`.unfilled`, for a result of ``solve(data)``.

    For a caller that solved without ``explain_unfilled``: it reads the instance
    again and, without given scores, builds the profiles again (not the candidates).
    """
    if not result["unfilled"]:
        return []
    instance = parse_instance(data)
    return _with_reasons(instance, rules_for(instance), result)


def _with_reasons(instance: Instance, rules: "Rules", result: dict) -> list[dict]:
    # Imported on demand: a plain solve (the command line) never reports reasons.
    from .unfilled import with_reasons  # noqa: PLC0415

    return with_reasons(instance, rules, result)
