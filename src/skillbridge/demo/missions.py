"""Missions in every state, with sessions and survey answers (data/missions.toml).

Runs after the pairing step. What the walkthroughs rely on:

- expert@example.org has one COMPLETED on-site Training of Trainers at IPRC
  Kigali (work plan agreed, sessions with head counts, named participants,
  T0 and T1 survey answers, costs) and one remote series UNDER WAY with the
  energy project they mentor;
- expert2@example.org's missions cover the other states: planned, work plan
  agreed, approved (departing soon with open logistics), reported, cancelled.

Dates are relative to the day the demo is loaded, so "completed" missions lie
in the past and "planned" ones in the future. Every write goes through the
services. Idempotent: once the programme has a mission, nothing is done again.
"""

import datetime

from django.utils import timezone

from skillbridge.demo.people import demo_user
from skillbridge.demo.programmes import demo_programme
from skillbridge.demo.texts import texts
from skillbridge.experts.models import ExpertProfile
from skillbridge.missions import services
from skillbridge.missions.models import Mission, Survey
from skillbridge.missions.selectors import host_users
from skillbridge.pairing.models import Pairing, TrainingRequest


def _days(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


def _counts(**given) -> dict:
    names = ("trainers", "students", "staff")
    return {f"{n}_{s}": given.get(f"{n}_{s}", 0) for n in names for s in ("female", "male")}


def _plan(officer, programme, row: dict, **source) -> Mission:
    """The officer plans the mission `row` describes, for a pairing or a training request."""
    return services.mission_plan(
        actor=officer,
        programme=programme,
        **source,
        kind=row["kind"],
        title=row.get("title", ""),
        place=row.get("place", ""),
        starts_on=_days(row["starts"]),
        ends_on=_days(row["ends"]),
        objectives=row["objectives"],
        expected_participants=row["expected_participants"],
    )


def _add_plan_days(mission: Mission, officer, row: dict) -> None:
    for offset, activities in row["plan"]:
        services.plan_day_add(
            actor=officer,
            mission=mission,
            day=mission.starts_on + datetime.timedelta(days=offset),
            activities=activities,
        )


def _agree(mission: Mission, officer, professional, host, row: dict):
    _add_plan_days(mission, officer, row)
    services.workplan_sign(actor=professional, mission=mission)
    return services.workplan_sign(actor=host, mission=mission)


def _answer(mission, wave, *, confidence, skills, experience):
    """Most people answer; the last participant never does (believable response rates)."""
    data = texts("missions")["surveys"]
    surveys = list(mission.surveys.filter(wave=wave).order_by("pk"))
    changes = iter(data["changes"] * 2)
    for survey in surveys[:-2] + surveys[-1:]:
        if survey.respondent == Survey.Respondent.PROFESSIONAL:
            services.survey_answer(
                survey=survey,
                experience=experience,
                obstacles=data["obstacles"].get(wave, ""),
            )
        else:
            services.survey_answer(
                survey=survey,
                skills_used=skills,
                confidence=confidence,
                what_changed=next(changes) if wave == Survey.Wave.T1 else "",
            )


def _prepare_tot(officer, coordinator, expert, programme, pairing) -> Mission:
    """The Training of Trainers up to its approval: plan, logistics, costs, participants."""
    row = texts("missions")["tot"]
    mission = _plan(officer, programme, row, pairing=pairing)
    services.mission_update(
        actor=officer,
        mission=mission,
        deliverables=row["deliverables"],
        host_resources=row["host_resources"],
    )
    _agree(mission, officer, expert, coordinator, row)
    for item in mission.checklist.all():
        services.checklist_item_update(
            actor=officer, item=item, done=True, note=row["checklist_note"]
        )
    for cost in row["costs"]:
        services.cost_line_add(actor=officer, mission=mission, **cost)
    services.itinerary_leg_add(
        actor=officer,
        mission=mission,
        day=mission.starts_on - datetime.timedelta(days=1),
        description=row["itinerary"],
    )
    for name, category, sex in row["participants"]:
        email = name.lower().split()[0] + ".tot@example.org"
        services.participant_add(
            actor=officer, mission=mission, full_name=name, email=email, category=category, sex=sex
        )
    return mission


def _completed_tot(officer, coordinator, expert, programme, pairing):
    mission = _prepare_tot(officer, coordinator, expert, programme, pairing)
    services.mission_approve(actor=officer, mission=mission)
    services.surveys_invite(mission=mission, wave=Survey.Wave.T0)
    _answer(mission, Survey.Wave.T0, confidence=2, skills="no", experience=4)
    services.mission_start(actor=expert, mission=mission)
    for offset, session in enumerate(texts("missions")["tot"]["sessions"]):
        services.session_log(
            actor=expert,
            mission=mission,
            held_on=mission.starts_on + datetime.timedelta(days=offset * 2),
            hours=session["hours"],
            topic=session["topic"],
            modality="onsite",
            **_counts(**session["counts"]),
        )
    services.mission_complete(actor=expert, mission=mission)
    services.surveys_invite(mission=mission, wave=Survey.Wave.T1)
    _answer(mission, Survey.Wave.T1, confidence=4, skills="yes", experience=5)
    services.certificates_issue(actor=officer, mission=mission)


def _remote_under_way(officer, expert, programme, pairing):
    row = texts("missions")["remote"]
    lead = pairing.need.proposal.lead
    mission = _plan(officer, programme, row, pairing=pairing)
    _agree(mission, officer, expert, lead, row)
    services.mission_approve(actor=officer, mission=mission)
    services.mission_start(actor=expert, mission=mission)
    for offset, topic in row["sessions"]:
        services.session_log(
            actor=expert,
            mission=mission,
            held_on=mission.starts_on + datetime.timedelta(days=offset),
            hours=row["session_hours"],
            topic=topic,
            modality="remote",
            **_counts(**row["session_counts"]),
        )


def _planned_and_cancelled(officer, programme, source: dict) -> None:
    data = texts("missions")
    planned = _plan(officer, programme, data["planned"], **source)
    _add_plan_days(planned, officer, data["planned"])
    cancelled = _plan(officer, programme, data["cancelled"], **source)
    services.mission_cancel(actor=officer, mission=cancelled, reason=data["cancelled"]["reason"])


def _reported(officer, expert2, programme, source: dict) -> None:
    """A remote series held months ago, completed, surveyed and reported."""
    row = texts("missions")["reported"]
    reported = _plan(officer, programme, row, **source)
    _add_plan_days(reported, officer, row)
    services.workplan_sign(actor=expert2, mission=reported)
    hosts = [u for u in host_users(reported) if u.pk != expert2.pk]
    if not hosts:
        return
    services.workplan_sign(actor=hosts[0], mission=reported)
    services.mission_approve(actor=officer, mission=reported)
    services.mission_start(actor=officer, mission=reported)
    for week in range(3):
        services.session_log(
            actor=expert2,
            mission=reported,
            held_on=reported.starts_on + datetime.timedelta(days=week * 14),
            hours=row["session_hours"],
            topic=row["session_topic"].format(part=week + 1),
            modality="remote",
            **_counts(**row["session_counts"]),
        )
    services.mission_complete(actor=expert2, mission=reported)
    services.surveys_invite(mission=reported, wave=Survey.Wave.T1)
    _answer(reported, Survey.Wave.T1, confidence=4, skills="partly", experience=4)
    services.mission_report(actor=officer, mission=reported)


def _coaching(officer, expert2, programme, pairing) -> None:
    """Two coaching missions of the project expert2 mentors: agreed, and approved."""
    hosts = host_users(
        Mission(programme=programme, pairing=pairing, host_college=pairing.need.college)
    )
    if not hosts:
        return
    data = texts("missions")
    agreed = _plan(officer, programme, data["agreed"], pairing=pairing)
    _agree(agreed, officer, expert2, hosts[0], data["agreed"])
    approved = _plan(officer, programme, data["approved"], pairing=pairing)
    _agree(approved, officer, expert2, hosts[0], data["approved"])
    services.mission_approve(actor=officer, mission=approved)
    flight = approved.checklist.get(item="flight")
    services.checklist_item_update(
        actor=officer, item=flight, done=True, note=data["approved"]["flight_note"]
    )


def _other_states(officer, expert2, programme, coaching_pairing):
    profile = ExpertProfile.objects.filter(programme=programme, user=expert2).first()
    requests = TrainingRequest.objects.filter(programme=programme)
    huye = requests.filter(college__short_name="IPRC Huye").select_related("college").first()
    if profile is None or huye is None:
        return
    kigali = requests.filter(college__short_name="IPRC Kigali").first()
    source = {"training_request": huye, "expert": profile}
    _planned_and_cancelled(officer, programme, source)
    _reported(officer, expert2, programme, {**source, "training_request": kigali or huye})
    if coaching_pairing is not None:
        _coaching(officer, expert2, programme, coaching_pairing)


def seed_missions() -> None:
    programme = demo_programme()
    if Mission.objects.filter(programme=programme).exists():
        return
    officer = demo_user("officer@example.org")
    coordinator = demo_user("coordinator@example.org")
    expert = demo_user("expert@example.org")
    expert2 = demo_user("expert2@example.org")
    accepted = Pairing.objects.filter(
        programme=programme, state__in=(Pairing.State.ACCEPTED, Pairing.State.ACTIVE)
    ).select_related("need__training_request", "need__proposal__lead", "expert__user")
    tot_pairing = accepted.filter(expert__user=expert, need__training_request__isnull=False).first()
    remote_pairing = accepted.filter(expert__user=expert, need__proposal__isnull=False).first()
    coaching_pairing = accepted.filter(expert__user=expert2).first()
    if not (tot_pairing and remote_pairing):
        # The pairing step did not leave expert@example.org's two accepted pairings.
        return
    _completed_tot(officer, coordinator, expert, programme, tot_pairing)
    _remote_under_way(officer, expert, programme, remote_pairing)
    _other_states(officer, expert2, programme, coaching_pairing)
