"""From the programme's data to an assignment-engine instance, and back.

`build_instance` reads the needs and the matchable professionals in a fixed
number of queries and writes the instance of DESIGN.md §4 (ids "N<need>" and
"E<profile>"). `diagnose` explains the needs the engine left unfilled by
checking the hard constraints over the whole pool at once with NumPy: per
need, one vector operation per constraint, never a loop over pairs.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

import numpy as np
from django.db.models import Count

from skillbridge.calls.models import TeamMember
from skillbridge.experts.models import ExpertProfile
from skillbridge.experts.selectors import matchable_experts
from skillbridge.pairing.models import MatchingRun, Need, PairDecision, Pairing
from skillbridge.pairing.phrases import Reason, reason
from skillbridge.people.models import ProgrammeRole

# The engine asks on-site work to overlap the professional's availability by a week.
ONSITE_OVERLAP_DAYS = 7


def need_id(need_pk: int) -> str:
    return f"N{need_pk}"


def expert_id(profile_pk: int) -> str:
    return f"E{profile_pk}"


def parse_id(engine_id: str) -> int:
    return int(engine_id[1:])


@dataclass
class Prepared:
    """The engine instance and what the app needs to read its result."""

    instance: dict
    needs: dict[int, Need]
    experts: dict[int, ExpertProfile]
    free_places: dict[int, int]
    excluded: dict[int, set[int]] = field(default_factory=dict)  # need pk -> expert pks
    skipped_locks: list[str] = field(default_factory=list)


def open_seats_by_need(needs: list[Need]) -> dict[int, int]:
    """Seats not yet taken by an invited, accepted, active or completed pairing."""
    taken = dict(
        Pairing.objects.filter(need__in=needs, state__in=Pairing.SEAT_STATES)
        .values("need")
        .annotate(n=Count("pk"))
        .values_list("need", "n")
    )
    return {need.pk: need.seats - taken.get(need.pk, 0) for need in needs}


def load_by_expert(programme) -> dict[int, int]:
    """How many live pairings (invited, accepted, active) each professional holds."""
    return dict(
        Pairing.objects.filter(programme=programme, state__in=Pairing.LOAD_STATES)
        .values("expert")
        .annotate(n=Count("pk"))
        .values_list("expert", "n")
    )


def needs_of_run(run: MatchingRun) -> list[Need]:
    return list(
        run.needs.select_related(
            "sector", "proposal__college", "training_request__college"
        ).prefetch_related("skills")
    )


def build_instance(run: MatchingRun) -> Prepared:
    """The instance for `run`: its open needs and the professionals with a free place."""
    programme = run.programme
    needs = needs_of_run(run)
    open_seats = open_seats_by_need(needs)
    needs = [need for need in needs if open_seats[need.pk] > 0]
    load = load_by_expert(programme)
    pool = [
        profile
        for profile in matchable_experts(programme)
        if profile.capacity - load.get(profile.pk, 0) > 0
    ]
    free = {profile.pk: profile.capacity - load.get(profile.pk, 0) for profile in pool}
    excluded = _excluded_pairs(programme, needs, pool)
    conflicts = _conflicts(programme, needs, pool)
    decisions = PairDecision.objects.filter(need__in=needs, expert__in=pool).order_by("pk")
    locked, forbidden, skipped = [], [], []
    for decision in decisions:
        pair = {"project": need_id(decision.need_id), "expert": expert_id(decision.expert_id)}
        if decision.kind == PairDecision.Kind.FORBID:
            forbidden.append(pair)
        elif decision.expert_id in excluded.get(decision.need_id, set()):
            skipped.append(pair)
        else:
            locked.append(pair)
    for need_pk, experts in excluded.items():
        forbidden.extend(
            {"project": need_id(need_pk), "expert": expert_id(pk)} for pk in sorted(experts)
        )
    synonyms = {}
    for need in needs:
        for skill in need.skills.all():
            synonyms.update({alias: skill.name for alias in skill.synonyms if alias.strip()})
    for profile in pool:
        for skill in profile.skills.all():
            synonyms.update({alias: skill.name for alias in skill.synonyms if alias.strip()})
    instance = {
        "objective": run.objective,
        "projects": [_project(need, open_seats[need.pk]) for need in needs],
        "experts": [_expert(profile, free[profile.pk], conflicts) for profile in pool],
        "locked": locked,
        "forbidden": forbidden,
        "synonyms": synonyms,
    }
    return Prepared(
        instance=instance,
        needs={need.pk: need for need in needs},
        experts={profile.pk: profile for profile in pool},
        free_places=free,
        excluded={
            need_pk: excluded.get(need_pk, set()) | _conflicting(conflicts, need_pk)
            for need_pk in (need.pk for need in needs)
        },
        skipped_locks=[f"{pair['project']}/{pair['expert']}" for pair in skipped],
    )


def _project(need: Need, seats: int) -> dict:
    owner = need.proposal or need.training_request
    summary = getattr(owner, "summary", "") or getattr(owner, "text", "")
    return {
        "id": need_id(need.pk),
        "seats": seats,
        "sector": need.sector.slug if need.sector else None,
        "skills": [skill.name for skill in need.skills.all()],
        "languages": list(need.languages),
        "modality": need.modality,
        "window": {"start": need.starts_on.isoformat(), "end": need.ends_on.isoformat()},
        "text": " ".join(part for part in (owner.title, summary, need.text) if part),
    }


def _expert(profile: ExpertProfile, places: int, conflicts: dict[int, set[int]]) -> dict:
    return {
        "id": expert_id(profile.pk),
        "capacity": places,
        "sectors": [sector.slug for sector in profile.sectors.all()],
        "skills": [skill.name for skill in profile.skills.all()],
        "languages": [language.code for language in profile.languages.all()],
        "modalities": profile.modalities,
        "available": [
            {"start": w.starts_on.isoformat(), "end": w.ends_on.isoformat()}
            for w in profile.availability.all()
        ],
        "conflicts": [need_id(pk) for pk in sorted(conflicts.get(profile.pk, ()))],
        "text": " ".join(part for part in (profile.profession, profile.bio) if part),
    }


def _conflicting(conflicts: dict[int, set[int]], need_pk: int) -> set[int]:
    return {profile for profile, needs in conflicts.items() if need_pk in needs}


def _excluded_pairs(programme, needs: list[Need], pool: list[ExpertProfile]) -> dict:
    """Pairs never to propose again: the professional was asked for the need already.

    That is, invited (whatever came next: accepted, declined, expired, cancelled).
    A proposal cancelled before any invitation (replaced by a later run, or
    dropped by the officer) does not count, as in `alternate_offer`: otherwise
    every run would quietly forbid the pairs the previous run proposed, locked
    ones included. An officer who wants a pair never again forbids it.
    """
    excluded: dict[int, set[int]] = defaultdict(set)
    rows = (
        Pairing.objects.filter(need__in=needs, expert__in=pool)
        .exclude(state=Pairing.State.PROPOSED)
        .exclude(state=Pairing.State.CANCELLED, invited_at__isnull=True)
        .values_list("need", "expert")
    )
    for need_pk, profile_pk in rows:
        excluded[need_pk].add(profile_pk)
    return excluded


def _conflicts(programme, needs: list[Need], pool: list[ExpertProfile]) -> dict[int, set[int]]:
    """Profile pk -> need pks the professional may not serve.

    A professional may not mentor a project whose team they belong to, nor a
    project or training request of a college they hold a role for in the
    programme (staff or applicant there): they would be assessing their own.
    """
    by_user = {profile.user_id: profile.pk for profile in pool}
    conflicts: dict[int, set[int]] = defaultdict(set)
    proposal_needs: dict[int, list[int]] = defaultdict(list)
    college_needs: dict[int, list[int]] = defaultdict(list)
    for need in needs:
        if need.proposal_id:
            proposal_needs[need.proposal_id].append(need.pk)
        college_needs[need.college.pk].append(need.pk)
    members = TeamMember.objects.filter(
        proposal__in=list(proposal_needs), user__in=list(by_user)
    ).exclude(status=TeamMember.Status.REMOVED)
    for proposal_pk, user_pk in members.values_list("proposal", "user"):
        conflicts[by_user[user_pk]].update(proposal_needs[proposal_pk])
    roles = ProgrammeRole.objects.filter(
        programme=programme, user__in=list(by_user), organisation__in=list(college_needs)
    )
    for user_pk, college_pk in roles.values_list("user", "organisation"):
        conflicts[by_user[user_pk]].update(college_needs[college_pk])
    return conflicts


# ---- Diagnosis of unfilled needs -------------------------------------------------------


@dataclass(frozen=True)
class Pool:
    """The professionals of an instance as arrays, for whole-pool checks per need."""

    ids: np.ndarray  # profile pks
    languages: dict[str, np.ndarray]  # code -> bool per professional
    has_languages: np.ndarray
    sectors: dict[str, np.ndarray]
    onsite: np.ndarray
    remote: np.ndarray
    has_modality: np.ndarray
    window_owner: np.ndarray  # per availability window, the professional's position
    window_start: np.ndarray  # day ordinals
    window_end: np.ndarray
    has_windows: np.ndarray

    @classmethod
    def of(cls, experts: list[dict]) -> "Pool":
        n = len(experts)

        def indicator(key: str) -> dict[str, np.ndarray]:
            columns: dict[str, np.ndarray] = {}
            for position, expert in enumerate(experts):
                for value in expert[key]:
                    columns.setdefault(value, np.zeros(n, dtype=bool))[position] = True
            return columns

        owners, starts, ends = [], [], []
        for position, expert in enumerate(experts):
            for window in expert["available"]:
                owners.append(position)
                starts.append(date.fromisoformat(window["start"]).toordinal())
                ends.append(date.fromisoformat(window["end"]).toordinal())
        modalities = [set(expert["modalities"]) for expert in experts]
        return cls(
            ids=np.array([parse_id(expert["id"]) for expert in experts], dtype=np.int64),
            languages=indicator("languages"),
            has_languages=np.array([bool(e["languages"]) for e in experts], dtype=bool),
            sectors=indicator("sectors"),
            onsite=np.array(["onsite" in m for m in modalities], dtype=bool),
            remote=np.array(["remote" in m for m in modalities], dtype=bool),
            has_modality=np.array([bool(m) for m in modalities], dtype=bool),
            window_owner=np.array(owners, dtype=np.int64),
            window_start=np.array(starts, dtype=np.int64),
            window_end=np.array(ends, dtype=np.int64),
            has_windows=np.bincount(np.array(owners, dtype=np.int64), minlength=n) > 0,
        )

    def any_of(self, columns: dict[str, np.ndarray], keys) -> np.ndarray:
        found = np.zeros(len(self.ids), dtype=bool)
        for key in keys:
            if key in columns:
                found |= columns[key]
        return found


def diagnose(project: dict, pool: Pool, excluded: set[int]) -> list[Reason]:
    """Why nobody can take `project` (an instance project): each hard constraint checked."""
    n = len(pool.ids)
    if n == 0:
        return [reason("nobody_free")]
    languages = project["languages"]
    language_ok = np.ones(n, dtype=bool)
    if languages:
        language_ok = pool.any_of(pool.languages, languages) | ~pool.has_languages
    modality = project["modality"]
    modality_ok = (pool.onsite if modality == "onsite" else pool.remote) | ~pool.has_modality
    dates_ok = np.ones(n, dtype=bool)
    start = date.fromisoformat(project["window"]["start"]).toordinal()
    end = date.fromisoformat(project["window"]["end"]).toordinal()
    if modality == "onsite":
        overlap = np.minimum(pool.window_end, end) - np.maximum(pool.window_start, start) + 1
        best = np.zeros(n, dtype=np.int64)
        np.maximum.at(best, pool.window_owner, np.clip(overlap, 0, None))
        dates_ok = (best >= min(ONSITE_OVERLAP_DAYS, end - start + 1)) | ~pool.has_windows
    allowed = ~np.isin(pool.ids, np.array(sorted(excluded), dtype=np.int64))
    reasons = []
    if languages and not language_ok.any():
        reasons.append(reason("no_language", languages=", ".join(languages)))
    if not modality_ok.any():
        reasons.append(reason("no_onsite" if modality == "onsite" else "no_remote"))
    if not dates_ok.any():
        window = project["window"]
        reasons.append(reason("no_dates", start=window["start"], end=window["end"]))
    sector = project["sector"]
    if sector and not pool.any_of(pool.sectors, [sector]).any():
        reasons.append(reason("no_sector", sector=sector))
    eligible = language_ok & modality_ok & dates_ok
    if eligible.any() and not (eligible & allowed).any():
        reasons.append(reason("all_excluded"))
    elif eligible.any() and not reasons:
        reasons.append(reason("taken_elsewhere", count=int((eligible & allowed).sum())))
    elif not eligible.any() and not reasons:
        reasons.append(reason("no_single_match"))
    return reasons


def summarise(prepared: Prepared, result: dict) -> dict:
    """The run's summary as stored: engine stats, unfilled needs with reasons, loads."""
    projects = {project["id"]: project for project in prepared.instance["projects"]}
    pool = Pool.of(prepared.instance["experts"])
    scores = np.array([a["score"] for a in result["assignments"]], dtype=np.float64)
    unfilled = []
    for item in result["unfilled"]:
        pk = parse_id(item["project"])
        unfilled.append(
            {
                "need": pk,
                "open_seats": item["open_seats"],
                "reasons": diagnose(projects[item["project"]], pool, prepared.excluded[pk]),
            }
        )
    assigned = np.array([parse_id(a["expert"]) for a in result["assignments"]], dtype=np.int64)
    experts, counts = np.unique(assigned, return_counts=True)
    loads = [
        {
            "expert": int(pk),
            "assigned": int(count),
            "free_before": prepared.free_places[int(pk)],
        }
        for pk, count in zip(experts, counts, strict=True)
    ]
    return {
        "needs": len(projects),
        "professionals": len(prepared.experts),
        "filled_seats": result["stats"]["filled_seats"],
        "total_seats": result["stats"]["total_seats"],
        "mean_score": round(float(scores.mean()), 4) if len(scores) else None,
        "lowest_score": round(float(scores.min()), 4) if len(scores) else None,
        "seconds": result["stats"]["seconds"],
        "unfilled": unfilled,
        "loads": loads,
        "skipped_locks": prepared.skipped_locks,
    }
