"""Needs, one confirmed matching run, and pairings in every state (data/pairing.toml).

Runs after the review and grants steps, which leave the demo call's ten
winners selected. What the walkthroughs rely on:

- expert@example.org has accepted two pairings, an on-site Training of
  Trainers at IPRC Kigali (a college training request) and a remote series
  with an energy/electrical project, and has one invitation waiting;
- expert2@example.org has accepted to mentor applicant@example.org's IPRC
  Kigali project, so that team sees its mentor;
- some funded projects' needs stay open, so an officer can run a matching,
  lock a pair, run again and confirm.

Idempotent: once the demo run exists, nothing is done again.
"""

from skillbridge.calls.models import Proposal
from skillbridge.demo.people import demo_user
from skillbridge.demo.programmes import demo_programme
from skillbridge.demo.proposals import LEAD_EMAIL, selected_proposals
from skillbridge.demo.texts import texts
from skillbridge.experts.models import ExpertProfile, Skill
from skillbridge.pairing import services
from skillbridge.pairing.models import MatchingRun, Need, PairDecision, Pairing, TrainingRequest
from skillbridge.pairing.services.execution import run_execute
from skillbridge.people.models import Organisation, User

DEMO_OBJECTIVE = MatchingRun.Objective.TOTAL
ENERGY = ("energy", "electrical-engineering")
# How many funded projects the demo run pairs; the others stay open for the walkthrough.
PAIRED_PROJECTS = 5


def _skills(sector_slug: str | None, count: int = 2) -> list[Skill]:
    if not sector_slug:
        return []
    return list(
        Skill.objects.filter(sector__slug=sector_slug, in_taxonomy=True).order_by("name")[:count]
    )


def _project_need(officer: User, programme, project: Proposal) -> Need:
    existing = Need.objects.filter(proposal=project).first()
    if existing:
        return existing
    sector = project.sector
    need = texts("pairing")["project_need"]
    return services.need_create(
        actor=officer,
        programme=programme,
        proposal=project,
        sector=sector if sector and programme.sectors.filter(pk=sector.pk).exists() else None,
        skills=_skills(sector.slug if sector else None),
        languages=list(need["languages"]),
        modality=Need.Modality.REMOTE,
        starts_on=need["starts_on"],
        ends_on=need["ends_on"],
        seats=1,
        text=need["text"],
    )


def _training_requests(officer: User, programme) -> list[Need]:
    """The colleges' requests, then one need for each: the ToT's and the data course's."""
    rows = texts("pairing")["training_requests"]
    requests = []
    for row in rows:
        college = Organisation.objects.get(short_name=row["college"])
        found = TrainingRequest.objects.filter(programme=programme, college=college).first()
        requests.append(
            found
            or services.training_request_create(
                actor=officer,
                programme=programme,
                college=college,
                title=row["title"],
                text=row["text"],
            )
        )
    return [
        request.needs.first()
        or services.need_create(
            actor=officer,
            programme=programme,
            training_request=request,
            sector=programme.sectors.filter(slug=row["need"]["sector"]).first(),
            skills=list(Skill.objects.filter(name__in=row["need"]["skills"])),
            languages=list(row["need"]["languages"]),
            modality=row["need"]["modality"],
            starts_on=row["need"]["starts_on"],
            ends_on=row["need"]["ends_on"],
            seats=1,
            text=row["need"]["text"],
        )
        for request, row in zip(requests, rows, strict=True)
    ]


def _walkthrough_projects(projects: list[Proposal]):
    """The demo lead's project, and the energy projects expert@ accepts and is invited to."""
    kigali = next((p for p in projects if p.lead.email == LEAD_EMAIL), None)
    energy = [p for p in projects if p.sector and p.sector.slug in ENERGY and p is not kigali]
    accepted = energy[0] if energy else None
    invited = energy[1] if len(energy) > 1 else None
    return kigali, accepted, invited


def _confirmed_run(officer: User, programme, needs: list[Need]) -> MatchingRun:
    run = services.run_start(
        actor=officer, programme=programme, needs=needs, objective=DEMO_OBJECTIVE
    )
    # Run now rather than wait for a worker: the queued task then finds it done and skips.
    run_execute(run_id=run.pk)
    run.refresh_from_db()
    if run.status != MatchingRun.Status.DONE:
        raise RuntimeError(f"The demo matching run failed: {run.error}")
    services.run_confirm(actor=officer, run=run)
    return run


def _answer_invitations(run: MatchingRun, demo_profiles, keep_waiting: int | None) -> None:
    """The demo professionals accept; one other declines, the rest accept; one waits."""
    invited = {
        (p.need_id, p.expert_id): p
        for p in Pairing.objects.filter(run=run, state=Pairing.State.INVITED).select_related(
            "expert__user", "need"
        )
    }
    declined_one = False
    for (need_pk, _expert_pk), pairing in sorted(invited.items()):
        user = pairing.expert.user
        if need_pk == keep_waiting:
            continue
        if pairing.expert_id in demo_profiles or declined_one:
            services.pairing_accept(actor=user, pairing=pairing)
        else:
            # One professional declines, so the next alternate waits for the officer.
            services.pairing_decline(
                actor=user, pairing=pairing, reason=texts("pairing")["decline_reason"]
            )
            declined_one = True


def seed_pairing() -> None:
    programme = demo_programme()
    if MatchingRun.objects.filter(programme=programme).exists():
        return
    officer = demo_user("officer@example.org")
    first = ExpertProfile.objects.get(programme=programme, user=demo_user("expert@example.org"))
    second = ExpertProfile.objects.get(programme=programme, user=demo_user("expert2@example.org"))
    # Two accepted pairings and one open invitation need three places.
    if first.capacity < 3:
        first.capacity = 3
        first.save(update_fields=["capacity"])

    projects = list(selected_proposals(programme))
    needs = {project.pk: _project_need(officer, programme, project) for project in projects}
    tot, data_course = _training_requests(officer, programme)
    kigali, accepted_energy, invited_energy = _walkthrough_projects(projects)
    locks = [(tot, first)]
    locks += [(needs[p.pk], first) for p in (accepted_energy, invited_energy) if p]
    locks += [(needs[kigali.pk], second)] if kigali else []
    for need, profile in locks:
        services.decision_set(actor=officer, need=need, expert=profile, kind=PairDecision.Kind.LOCK)

    chosen = [need for need, _profile in locks] + [data_course]
    for project in projects:
        if len(chosen) >= PAIRED_PROJECTS + 2:
            break
        if needs[project.pk] not in chosen:
            chosen.append(needs[project.pk])
    run = _confirmed_run(officer, programme, chosen)
    keep_waiting = needs[invited_energy.pk].pk if invited_energy else None
    _answer_invitations(run, (first.pk, second.pk), keep_waiting)
    # One pairing is already under way.
    started = (
        Pairing.objects.filter(run=run, state=Pairing.State.ACCEPTED)
        .exclude(expert__in=[first, second])
        .order_by("pk")
        .first()
    )
    if started:
        services.pairing_start(actor=officer, pairing=started)
