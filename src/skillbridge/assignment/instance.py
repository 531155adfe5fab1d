"""Parse and validate an assignment instance (DESIGN.md §4) into solver-ready values.

Projects and experts are kept sorted by id, and every pair is named by the two
positions in that order. Sorting first is what makes the result independent of
the input order: the graph is always built the same way, so ties fall the same way.
"""

from dataclasses import dataclass
from datetime import date
from typing import Any, NamedTuple

import numpy as np

from . import fields as f
from .errors import InstanceError
from .pairs import Pairs, read_pairs, sorted_unique

OBJECTIVES = ("total", "fair")
MODALITIES = ("onsite", "remote", "hybrid")
# Modalities that put the expert in Rwanda, so their dates must meet the project's.
ONSITE = frozenset({"onsite", "hybrid"})

_TOP = {
    "objective",
    "min_score",
    "projects",
    "experts",
    "scores",
    "locked",
    "forbidden",
    "synonyms",
}
_PROJECT = {"id", "seats", "sector", "skills", "languages", "modality", "window", "text"}
_EXPERT = {
    "id",
    "capacity",
    "sectors",
    "skills",
    "languages",
    "modalities",
    "available",
    "conflicts",
    "text",
}
_PAIR = {"project", "expert"}
_SCORED_PAIR = {"project", "expert", "score"}


class Window(NamedTuple):
    """Days ``start`` to ``end`` (both included), as date ordinals."""

    start: int
    end: int

    @property
    def days(self) -> int:
        return self.end - self.start + 1

    def __str__(self) -> str:
        return f"{date.fromordinal(self.start)}..{date.fromordinal(self.end)}"


@dataclass(frozen=True, slots=True)
class Project:
    id: str
    seats: int
    sector: str | None
    skills: tuple[str, ...]
    languages: tuple[str, ...]
    modality: str | None
    window: Window | None
    text: str


@dataclass(frozen=True, slots=True)
class Expert:
    id: str
    capacity: int
    sectors: tuple[str, ...]
    skills: tuple[str, ...]
    languages: tuple[str, ...]
    modalities: tuple[str, ...]
    available: tuple[Window, ...]  # sorted, merged, never touching
    conflicts: tuple[str, ...]  # project ids, as given
    text: str


@dataclass(frozen=True, slots=True)
class Instance:
    objective: str
    min_score: float
    projects: tuple[Project, ...]  # sorted by id
    experts: tuple[Expert, ...]  # sorted by id
    seats: np.ndarray  # int64, per project
    capacity: np.ndarray  # int64, per expert
    scores: Pairs | None  # the given scores, sorted by (project, expert), no repeats
    locked: Pairs  # in input order, so messages can point at locked[i]
    excluded: np.ndarray  # sorted pair codes (project * n_experts + expert): forbidden or conflict

    def codes(self, project: np.ndarray, expert: np.ndarray) -> np.ndarray:
        """One int64 per pair, ordered like (project, expert)."""
        return project.astype(np.int64) * len(self.experts) + expert

    def pair_grid(self, codes: np.ndarray, project: np.ndarray) -> np.ndarray:
        """Projects ``project`` (rows) by every expert: True at the pairs ``codes`` (sorted)."""
        n_e = len(self.experts)
        grid = np.zeros((len(project), n_e), dtype=bool)
        start = project.astype(np.int64) * n_e
        lo = np.searchsorted(codes, start)
        counts = np.searchsorted(codes, start + n_e) - lo
        row = np.repeat(np.arange(len(project)), counts)
        at = np.repeat(lo - (np.cumsum(counts) - counts), counts) + np.arange(len(row))
        grid[row, codes[at] - start[row]] = True
        return grid


def parse_instance(data: Any, *, from_json: bool = False) -> Instance:
    """Check every field of ``data`` and return the :class:`Instance`, or raise InstanceError.

    ``from_json`` promises that ``data`` is just as a JSON reader returned it (only
    dict, list, str, int, float, bool and None), so the long pair lists skip the
    checks that only other Python types could fail; the messages stay the same.
    """
    f.read_object(data, "", required={"projects", "experts"}, allowed=_TOP)
    objective = "total" if data.get("objective") is None else data["objective"]
    if objective not in OBJECTIVES:
        raise InstanceError("objective", "must be one of " + ", ".join(OBJECTIVES))
    min_score = (
        0.0 if data.get("min_score") is None else f.read_fraction(data["min_score"], "min_score")
    )
    synonyms = _read_synonyms(data.get("synonyms"))

    projects = [
        _read_project(item, f"projects[{i}]", synonyms)
        for i, item in enumerate(f.read_list(data["projects"], "projects"))
    ]
    experts = [
        _read_expert(item, f"experts[{i}]", synonyms)
        for i, item in enumerate(f.read_list(data["experts"], "experts"))
    ]
    project_index = _index_by_id(projects, "projects")
    expert_index = _index_by_id(experts, "experts")
    projects.sort(key=lambda project: project.id)
    experts.sort(key=lambda expert: expert.id)
    n_experts = len(experts)

    def pairs_at(field: str, keys: set[str]) -> Pairs:
        items = f.read_list(data.get(field), field)
        return read_pairs(items, field, keys, project_index, expert_index, from_json=from_json)

    scores = None
    if data.get("scores") is not None:
        scores = sorted_unique(pairs_at("scores", _SCORED_PAIR), n_experts, projects, experts)
    locked = pairs_at("locked", _PAIR)
    forbidden = pairs_at("forbidden", _PAIR)

    instance = Instance(
        objective=objective,
        min_score=min_score,
        projects=tuple(projects),
        experts=tuple(experts),
        seats=np.array([p.seats for p in projects], dtype=np.int64),
        capacity=np.array([e.capacity for e in experts], dtype=np.int64),
        scores=scores,
        locked=locked,
        excluded=_excluded(forbidden, experts, project_index),
    )
    check_locks(instance, forbidden)
    return instance


def _excluded(forbidden: Pairs, experts: list[Expert], project_index: dict[str, int]) -> np.ndarray:
    """Sorted codes of the pairs never to use: forbidden, or in an expert's conflicts."""
    n_experts = len(experts)
    conflict_pairs = [
        (project_index[project_id], e)
        for e, expert in enumerate(experts)
        for project_id in expert.conflicts
        if project_id in project_index
    ]
    conflicts = np.array(conflict_pairs, dtype=np.int64).reshape(-1, 2)
    if not len(forbidden) and not len(conflicts):
        return np.zeros(0, dtype=np.int64)  # np.unique's first call imports numpy.ma (20 ms)
    return np.union1d(
        forbidden.project.astype(np.int64) * n_experts + forbidden.expert,
        conflicts[:, 0] * n_experts + conflicts[:, 1],
    )


def check_locks(instance: Instance, forbidden: Pairs) -> None:
    """Refuse locks that no assignment can honour (checked in input order)."""
    locked = instance.locked
    forbidden_codes = set(instance.codes(forbidden.project, forbidden.expert).tolist())
    scored = None
    if instance.scores is not None:
        scored = instance.codes(instance.scores.project, instance.scores.expert)
    seats_taken = np.zeros(len(instance.projects), dtype=np.int64)
    load = np.zeros(len(instance.experts), dtype=np.int64)
    seen: set[int] = set()
    codes = instance.codes(locked.project, locked.expert).tolist()
    for i, (p, e, code) in enumerate(
        zip(locked.project.tolist(), locked.expert.tolist(), codes, strict=True)
    ):
        seats_taken[p] += 1
        load[e] += 1
        problem = (
            ("repeats an earlier lock" if code in seen else None)
            or ("the same pair is forbidden" if code in forbidden_codes else None)
            or _lock_problem(instance, p, e, seats_taken[p], load[e])
            or _unscored_lock(instance, scored, code)
        )
        if problem:
            raise InstanceError(f"locked[{i}]", problem)
        seen.add(code)


def _lock_problem(instance: Instance, p: int, e: int, seats_taken: int, load: int) -> str | None:
    """Why locking project ``p`` to expert ``e`` is impossible, counting the earlier locks."""
    project, expert = instance.projects[p], instance.experts[e]
    if project.id in expert.conflicts:
        return f"expert {expert.id!r} has a conflict with {project.id!r}"
    if seats_taken > project.seats:
        return f"project {project.id!r} has only {project.seats} seat(s)"
    if load > expert.capacity:
        return f"expert {expert.id!r} has capacity {expert.capacity}"
    return None


def _unscored_lock(instance: Instance, scored: np.ndarray | None, code: int) -> str | None:
    """With given scores, a lock needs its pair listed, scoring at least ``min_score``."""
    if scored is None:
        return None
    at = int(np.searchsorted(scored, code))
    if at == len(scored) or scored[at] != code:
        return "the pair is not listed in scores"
    score = float(instance.scores.score[at])
    if score < instance.min_score:
        return f"score {score} is below min_score {instance.min_score}"
    return None


def _read_synonyms(value: Any) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise InstanceError("synonyms", "must be an object mapping a skill to its usual name")
    synonyms = {}
    for alias, skill in value.items():
        if not isinstance(skill, str) or not f.normalise(skill):
            raise InstanceError(f"synonyms.{alias}", "must be a non-empty string")
        synonyms[f.normalise(alias)] = f.normalise(skill)
    return synonyms


# Large instances list tens of thousands of people who leave most optional fields
# out, so each reader below skips an absent field before building its path; the
# checks, their order and their messages are those of the ``fields`` readers.


def _read_project(value: Any, field: str, synonyms: dict[str, str]) -> Project:
    f.read_object(value, field, required={"id"}, allowed=_PROJECT)
    get = value.get
    modality = None if (raw := get("modality")) is None else f.read_word(raw, f"{field}.modality")
    if modality is not None and modality not in MODALITIES:
        raise InstanceError(f"{field}.modality", "must be one of " + ", ".join(MODALITIES))
    window = get("window")
    return Project(
        id=f.read_id(value["id"], f"{field}.id"),
        seats=1 if (raw := get("seats")) is None else f.read_count(raw, f"{field}.seats"),
        sector=None if (raw := get("sector")) is None else f.read_word(raw, f"{field}.sector"),
        skills=() if (raw := get("skills")) is None else _skills(raw, f"{field}.skills", synonyms),
        languages=()
        if (raw := get("languages")) is None
        else f.read_words(raw, f"{field}.languages"),
        modality=modality,
        window=None if window is None else Window(*f.read_window(window, f"{field}.window")),
        text="" if (raw := get("text")) is None else f.read_text(raw, f"{field}.text"),
    )


def _read_expert(value: Any, field: str, synonyms: dict[str, str]) -> Expert:
    f.read_object(value, field, required={"id"}, allowed=_EXPERT)
    get = value.get
    modalities = (
        () if (raw := get("modalities")) is None else f.read_words(raw, f"{field}.modalities")
    )
    for position, modality in enumerate(modalities):
        if modality not in MODALITIES:
            raise InstanceError(
                f"{field}.modalities[{position}]", "must be one of " + ", ".join(MODALITIES)
            )
    available: tuple[Window, ...] = ()
    if (raw := get("available")) is not None:
        windows = sorted(
            f.read_window(item, f"{field}.available[{position}]")
            for position, item in enumerate(f.read_list(raw, f"{field}.available"))
        )
        available = _merge(windows)
    conflicts: tuple[str, ...] = ()
    if (raw := get("conflicts")) is not None:
        conflicts = tuple(
            f.read_id(item, f"{field}.conflicts[{position}]")
            for position, item in enumerate(f.read_list(raw, f"{field}.conflicts"))
        )
    return Expert(
        id=f.read_id(value["id"], f"{field}.id"),
        capacity=1 if (raw := get("capacity")) is None else f.read_count(raw, f"{field}.capacity"),
        sectors=() if (raw := get("sectors")) is None else f.read_words(raw, f"{field}.sectors"),
        skills=() if (raw := get("skills")) is None else _skills(raw, f"{field}.skills", synonyms),
        languages=()
        if (raw := get("languages")) is None
        else f.read_words(raw, f"{field}.languages"),
        modalities=modalities,
        available=available,
        conflicts=conflicts,
        text="" if (raw := get("text")) is None else f.read_text(raw, f"{field}.text"),
    )


def _skills(value: Any, field: str, synonyms: dict[str, str]) -> tuple[str, ...]:
    words = f.read_words(value, field)
    if not synonyms:  # already without repeats
        return words
    return tuple(dict.fromkeys(synonyms.get(skill, skill) for skill in words))


def _merge(windows: list[tuple[int, int]]) -> tuple[Window, ...]:
    """Join overlapping or adjacent periods, so no day is counted twice."""
    merged: list[list[int]] = []
    for start, end in windows:
        if merged and start <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return tuple(Window(start, end) for start, end in merged)


def _index_by_id(items: list[Project] | list[Expert], field: str) -> dict[str, int]:
    """Map each id to its position in id order; refuse repeated ids."""
    first_seen: dict[str, int] = {}
    for position, item in enumerate(items):
        if item.id in first_seen:
            raise InstanceError(f"{field}[{position}].id", f"repeats the id {item.id!r}")
        first_seen[item.id] = position
    return {item_id: rank for rank, item_id in enumerate(sorted(first_seen))}
