"""Hypothesis strategies for small instances (up to 5 projects x 6 experts)."""

from datetime import date, timedelta

from hypothesis import strategies as st

# A few repeated values make ties, which is where fairness and determinism bite.
SCORE = st.one_of(
    st.sampled_from([0.0, 0.25, 0.5, 0.75, 1.0]),
    st.floats(min_value=0.0, max_value=1.0, allow_nan=False),
    st.integers(0, 100).map(lambda n: n / 100),
)

# Mostly 1, so that projects compete for experts and the objectives disagree.
COUNT = st.sampled_from([1, 1, 1, 2, 3])


@st.composite
def scored_instances(draw: st.DrawFn, objective: str) -> dict:
    """Any small instance: gaps in the scores, forbidden pairs, conflicts, a floor, locks."""
    n_p = draw(st.integers(1, 5))
    n_e = draw(st.integers(1, 6))
    projects = [{"id": f"P{p}", "seats": draw(COUNT)} for p in range(n_p)]
    experts = [{"id": f"E{e}", "capacity": draw(COUNT)} for e in range(n_e)]
    pairs = [(p["id"], e["id"]) for p in projects for e in experts]
    listed = [pair for pair in pairs if draw(st.booleans()) or draw(st.booleans())]
    scores = {pair: draw(SCORE) for pair in listed}
    forbidden = [pair for pair in listed if draw(st.integers(0, 9)) == 0]
    for expert in experts:
        conflicts = [p["id"] for p in projects if draw(st.integers(0, 9)) == 0]
        if conflicts:
            expert["conflicts"] = conflicts
    min_score = draw(st.sampled_from([0.0, 0.0, 0.3, 0.5]))
    return draw(_with_locks(objective, projects, experts, scores, forbidden, min_score))


@st.composite
def contested_instances(draw: st.DrawFn, objective: str) -> dict:
    """One seat and one place each, every pair scored on a coarse grid: the objectives
    disagree here far more often than on loose instances."""
    n_p = draw(st.integers(2, 5))
    n_e = draw(st.integers(2, 6))
    projects = [{"id": f"P{p}"} for p in range(n_p)]
    experts = [{"id": f"E{e}"} for e in range(n_e)]
    scores = {(p["id"], e["id"]): draw(st.integers(0, 20)) / 20 for p in projects for e in experts}
    return draw(_with_locks(objective, projects, experts, scores, [], 0.0))


@st.composite
def _with_locks(
    draw: st.DrawFn,
    objective: str,
    projects: list,
    experts: list,
    scores: dict,
    forbidden: list,
    min_score: float,
) -> dict:
    data = {
        "objective": objective,
        "min_score": min_score,
        "projects": projects,
        "experts": experts,
        "scores": [{"project": p, "expert": e, "score": s} for (p, e), s in scores.items()],
        "forbidden": [{"project": p, "expert": e} for p, e in forbidden],
    }
    data["locked"] = draw(_possible_locks(data, scores))
    return data


@st.composite
def _possible_locks(draw: st.DrawFn, data: dict, scores: dict) -> list[dict]:
    """Locks on usable pairs that fit the seats and capacities."""
    forbidden = {(f["project"], f["expert"]) for f in data["forbidden"]}
    conflicts = {(p, e["id"]) for e in data["experts"] for p in e.get("conflicts", [])}
    seats = {p["id"]: p.get("seats", 1) for p in data["projects"]}
    room = {e["id"]: e.get("capacity", 1) for e in data["experts"]}
    locks = []
    for (p, e), score in scores.items():
        usable = score >= data["min_score"] and (p, e) not in forbidden | conflicts
        if usable and seats[p] and room[e] and draw(st.integers(0, 9)) == 0:
            seats[p] -= 1
            room[e] -= 1
            locks.append({"project": p, "expert": e})
    return locks


SKILLS = ["Solar PV", "solar  pv", "Python", "networking", "irrigation", "welding", "CAD"]
SECTORS = ["energy", "ict", "agriculture"]
LANGUAGES = ["rw", "en", "fr"]
WORDS = ["solar", "grid", "network", "python", "irrigation", "greenhouse", "the", "and"]


@st.composite
def _period(draw: st.DrawFn) -> dict:
    start = draw(st.integers(0, 50))
    end = start + draw(st.integers(0, 20))
    return {"start": _day(start), "end": _day(end)}


def _day(offset: int) -> str:
    return (date(2027, 3, 1) + timedelta(days=offset)).isoformat()


@st.composite
def profiled_instances(draw: st.DrawFn, objective: str) -> dict:
    """Small instances scored from profiles, with any field left out now and then."""

    def some(options: list, low: int = 0, high: int = 3) -> list:
        return draw(st.lists(st.sampled_from(options), min_size=low, max_size=high, unique=True))

    def optional(item: dict, key: str, value: st.SearchStrategy) -> None:
        if draw(st.integers(0, 4)):
            item[key] = draw(value)

    projects = []
    for p in range(draw(st.integers(1, 5))):
        project = {"id": f"P{p}", "seats": draw(COUNT)}
        optional(project, "sector", st.sampled_from(SECTORS))
        optional(project, "skills", st.just(some(SKILLS)))
        optional(project, "languages", st.just(some(LANGUAGES, 1, 2)))
        optional(project, "modality", st.sampled_from(["onsite", "remote", "hybrid"]))
        optional(project, "window", _period())
        optional(project, "text", st.just(" ".join(some(WORDS, 0, 5))))
        projects.append(project)
    experts = []
    for e in range(draw(st.integers(1, 6))):
        expert = {"id": f"E{e}", "capacity": draw(COUNT)}
        optional(expert, "sectors", st.just(some(SECTORS, 0, 2)))
        optional(expert, "skills", st.just(some(SKILLS)))
        optional(expert, "languages", st.just(some(LANGUAGES, 1, 3)))
        optional(expert, "modalities", st.just(some(["onsite", "remote", "hybrid"], 1, 3)))
        optional(expert, "available", st.lists(_period(), max_size=2))
        optional(expert, "text", st.just(" ".join(some(WORDS, 0, 5))))
        experts.append(expert)
    data = {
        "objective": objective,
        "min_score": draw(st.sampled_from([0.0, 0.0, 0.2])),
        "projects": projects,
        "experts": experts,
    }
    if draw(st.booleans()):
        data["forbidden"] = [
            {"project": p["id"], "expert": e["id"]}
            for p in projects
            for e in experts
            if draw(st.integers(0, 9)) == 0
        ]
    return data
