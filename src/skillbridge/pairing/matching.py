"""From the programme's data to an assignment-engine instance, and back.

`build_instance` reads the needs and the matchable professionals in a fixed
number of queries and writes the instance of DESIGN.md §4 (ids "N<need>" and
"E<profile>"). `summarise` stores what a run found; why a need went unfilled
comes from the engine's own report (`skillbridge.assignment.unfilled`), counted
with the constraints the solve used, and `diagnosis` only puts it in the codes
the run page words.
"""

from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np
from django.db.models import Count

from skillbridge.assignment import explain_unfilled
from skillbridge.calls.models import TeamMember
from skillbridge.experts.models import ExpertProfile
from skillbridge.experts.selectors import matchable_experts
from skillbridge.pairing.models import MatchingRun, Need, PairDecision, Pairing
from skillbridge.pairing.phrases import Reason, reason
from skillbridge.people.models import ProgrammeRole


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


# ---- What a run found -----------------------------------------------------------------


def diagnosis(project: dict, report: dict, n_experts: int) -> list[Reason]:
    """The engine's report on an unfilled need (`project`), as the codes of phrases.DIAGNOSES.

    Each constraint no professional meets is named; otherwise the need either
    had only excluded professionals, or professionals who went elsewhere, or
    nobody who meets every constraint at once.
    """
    if n_experts == 0:
        return [reason("nobody_free")]
    counts = {item["code"]: item["count"] for item in report["reasons"]}
    reasons = _nobody_meets(project, counts, n_experts)
    eligible = report["eligible"]
    usable = eligible - counts.get("excluded", 0) - counts.get("below_min_score", 0)
    if eligible and not usable:
        reasons.append(reason("all_excluded"))
    elif eligible and not reasons:
        reasons.append(reason("taken_elsewhere", count=usable))
    elif not eligible and not reasons:
        reasons.append(reason("no_single_match"))
    return reasons


def _nobody_meets(project: dict, counts: dict[str, int], n_experts: int) -> list[Reason]:
    """A reason for each engine code that counts every professional of the run."""
    window = project["window"]
    named = {
        "language": reason("no_language", languages=", ".join(project["languages"])),
        "modality": reason("no_onsite" if project["modality"] == "onsite" else "no_remote"),
        "dates": reason("no_dates", start=window["start"], end=window["end"]),
        "sector": reason("no_sector", sector=project["sector"]),
    }
    return [found for code, found in named.items() if counts.get(code) == n_experts]


def summarise(prepared: Prepared, result: dict) -> dict:
    """The run's summary as stored: engine stats, unfilled needs with reasons, loads."""
    projects = {project["id"]: project for project in prepared.instance["projects"]}
    n_experts = len(prepared.instance["experts"])
    reports = result["unfilled"]
    if reports and "reasons" not in reports[0]:  # the solve was not asked for them
        reports = explain_unfilled(prepared.instance, result)
    unfilled = [
        {
            "need": parse_id(item["project"]),
            "open_seats": item["open_seats"],
            "reasons": diagnosis(projects[item["project"]], item, n_experts),
        }
        for item in reports
    ]
    scores = np.array([a["score"] for a in result["assignments"]], dtype=np.float64)
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
