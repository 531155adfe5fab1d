"""Demo data of the pairing app: needs, one confirmed matching run, pairings in every state.

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

import datetime

from django.db.models import Case, IntegerField, Value, When

from skillbridge.calls.demo import demo_programme
from skillbridge.calls.models import Proposal
from skillbridge.experts.models import ExpertProfile, Skill
from skillbridge.pairing import services
from skillbridge.pairing.models import MatchingRun, Need, PairDecision, Pairing, TrainingRequest
from skillbridge.pairing.services.execution import run_execute
from skillbridge.people.demo import demo_user
from skillbridge.people.models import Organisation

DEMO_OBJECTIVE = MatchingRun.Objective.TOTAL
PROJECT_WINDOW = (datetime.date(2027, 2, 1), datetime.date(2027, 6, 30))
TOT_WINDOW = (datetime.date(2027, 3, 1), datetime.date(2027, 4, 15))
LEAD_EMAIL = "applicant@example.org"
ENERGY = ("energy", "electrical-engineering")
# How many funded projects the demo run pairs; the others stay open for the walkthrough.
PAIRED_PROJECTS = 5


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

    projects = list(_funded_projects(programme))
    needs = {
        project.pk: _project_need(officer, programme, project, i)
        for i, project in enumerate(projects)
    }
    tot, data_course = _training_requests(officer, programme)

    kigali_project = next((p for p in projects if p.lead.email == LEAD_EMAIL), None)
    energy_projects = [
        p for p in projects if p.sector and p.sector.slug in ENERGY and p is not kigali_project
    ]
    accepted_energy = energy_projects[0] if energy_projects else None
    invited_energy = energy_projects[1] if len(energy_projects) > 1 else None

    locks = [(tot, first)]
    if accepted_energy:
        locks.append((needs[accepted_energy.pk], first))
    if invited_energy:
        locks.append((needs[invited_energy.pk], first))
    if kigali_project:
        locks.append((needs[kigali_project.pk], second))
    for need, profile in locks:
        services.decision_set(actor=officer, need=need, expert=profile, kind=PairDecision.Kind.LOCK)

    chosen = [need for need, _profile in locks] + [data_course]
    for project in projects:
        if len(chosen) >= PAIRED_PROJECTS + 2:
            break
        if needs[project.pk] not in chosen:
            chosen.append(needs[project.pk])
    run = services.run_start(
        actor=officer, programme=programme, needs=chosen, objective=DEMO_OBJECTIVE
    )
    # Run now rather than wait for a worker: the queued task then finds it done and skips.
    run_execute(run_id=run.pk)
    run.refresh_from_db()
    if run.status != MatchingRun.Status.DONE:
        raise RuntimeError(f"The demo matching run failed: {run.error}")
    services.run_confirm(actor=officer, run=run)

    invited = {
        (p.need_id, p.expert_id): p
        for p in Pairing.objects.filter(run=run, state=Pairing.State.INVITED).select_related(
            "expert__user", "need"
        )
    }
    keep_waiting = needs[invited_energy.pk].pk if invited_energy else None
    declined_one = False
    for (need_pk, _expert_pk), pairing in sorted(invited.items()):
        user = pairing.expert.user
        if need_pk == keep_waiting:
            continue
        if pairing.expert_id in (first.pk, second.pk) or declined_one:
            services.pairing_accept(actor=user, pairing=pairing)
        else:
            # One professional declines, so the next alternate waits for the officer.
            services.pairing_decline(
                actor=user,
                pairing=pairing,
                reason="I am starting a new position in those months and cannot commit the time.",
            )
            declined_one = True
    # One pairing is already under way.
    started = (
        Pairing.objects.filter(run=run, state=Pairing.State.ACCEPTED)
        .exclude(expert__in=[first, second])
        .order_by("pk")
        .first()
    )
    if started:
        services.pairing_start(actor=officer, pairing=started)


def _funded_projects(programme):
    return (
        Proposal.objects.filter(call__programme=programme, state=Proposal.State.SELECTED)
        .select_related("sector", "college", "lead")
        .annotate(
            is_demo_lead=Case(
                When(lead__email=LEAD_EMAIL, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("is_demo_lead", "pk")
    )


def _skills(sector_slug: str | None, count: int = 2) -> list[Skill]:
    if not sector_slug:
        return []
    return list(
        Skill.objects.filter(sector__slug=sector_slug, in_taxonomy=True).order_by("name")[:count]
    )


def _project_need(officer, programme, project: Proposal, index: int) -> Need:
    existing = Need.objects.filter(proposal=project).first()
    if existing:
        return existing
    sector = project.sector
    return services.need_create(
        actor=officer,
        programme=programme,
        proposal=project,
        sector=sector if sector and programme.sectors.filter(pk=sector.pk).exists() else None,
        skills=_skills(sector.slug if sector else None),
        languages=["en", "rw"],
        modality=Need.Modality.REMOTE,
        starts_on=PROJECT_WINDOW[0],
        ends_on=PROJECT_WINDOW[1],
        seats=1,
        text=(
            "Monthly remote mentoring of the team: technical reviews of the design, "
            "advice on suppliers and on bringing the product to market."
        ),
    )


def _training_requests(officer, programme) -> tuple[Need, Need]:
    kigali = Organisation.objects.get(short_name="IPRC Kigali")
    huye = Organisation.objects.get(short_name="IPRC Huye")
    tot_request = TrainingRequest.objects.filter(programme=programme, college=kigali).first()
    if tot_request is None:
        tot_request = services.training_request_create(
            actor=officer,
            programme=programme,
            college=kigali,
            title="Training of Trainers: solar PV installation",
            text=(
                "Two weeks on site at IPRC Kigali (Kicukiro) for twelve trainers of the "
                "electrical department: design, installation and maintenance of solar PV."
            ),
        )
    data_request = TrainingRequest.objects.filter(programme=programme, college=huye).first()
    if data_request is None:
        data_request = services.training_request_create(
            actor=officer,
            programme=programme,
            college=huye,
            title="Data analysis for agro-processing trainers",
            text="A remote series of six sessions on collecting and analysing production data.",
        )
    energy = programme.sectors.filter(slug="energy").first()
    tot = tot_request.needs.first() or services.need_create(
        actor=officer,
        programme=programme,
        training_request=tot_request,
        sector=energy,
        skills=list(Skill.objects.filter(name__in=["Solar PV installation", "Mini-grid design"])),
        languages=["rw", "en"],
        modality=Need.Modality.ONSITE,
        starts_on=TOT_WINDOW[0],
        ends_on=TOT_WINDOW[1],
        seats=1,
        text="A Training of Trainers on site, with practical sessions on the college's rooftop.",
    )
    agriculture = programme.sectors.filter(slug="agriculture").first()
    data_course = data_request.needs.first() or services.need_create(
        actor=officer,
        programme=programme,
        training_request=data_request,
        sector=agriculture,
        skills=list(Skill.objects.filter(name__in=["Data analysis", "Food processing"])),
        languages=["en", "rw"],
        modality=Need.Modality.REMOTE,
        starts_on=PROJECT_WINDOW[0],
        ends_on=PROJECT_WINDOW[1],
        seats=1,
        text="Six remote sessions for the trainers of the food processing department.",
    )
    return tot, data_course
