"""Demo data of the missions app: missions in every state, with sessions and survey answers.

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

from skillbridge.calls.demo import demo_programme
from skillbridge.experts.models import ExpertProfile
from skillbridge.missions import services
from skillbridge.missions.models import Mission, Survey
from skillbridge.missions.selectors import host_users
from skillbridge.pairing.models import Pairing, TrainingRequest
from skillbridge.people.demo import demo_user

TOT_OBJECTIVES = (
    "Twelve trainers of the electrical department can size, install and maintain a "
    "solar PV system, and teach it with the college's rooftop installation."
)
REMOTE_OBJECTIVES = (
    "Monthly reviews of the team's design and supplier choices; a tested prototype "
    "by the end of the series."
)
PARTICIPANTS = [
    ("Aline Mukamana", "trainer", "female"),
    ("Jean Bosco Habimana", "trainer", "male"),
    ("Claudine Uwimana", "trainer", "female"),
    ("Eric Nshimiyimana", "trainer", "male"),
    ("Diane Ingabire", "staff", "female"),
]
SESSIONS = [
    ("PV system sizing and site survey", 4, {"trainers_female": 5, "trainers_male": 7}),
    ("Mounting and wiring on the rooftop", 6, {"trainers_female": 5, "trainers_male": 6}),
    (
        "Inverters, protection and safety",
        5,
        {"trainers_female": 4, "trainers_male": 7, "staff_female": 1},
    ),
    ("Maintenance and fault finding; teaching plan", 4, {"trainers_female": 5, "trainers_male": 7}),
]


def _days(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


def _counts(**given) -> dict:
    names = ("trainers", "students", "staff")
    return {f"{n}_{s}": given.get(f"{n}_{s}", 0) for n in names for s in ("female", "male")}


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


def _agree(mission, officer, professional, host, days):
    for offset, activities in days:
        services.plan_day_add(
            actor=officer,
            mission=mission,
            day=mission.starts_on + datetime.timedelta(days=offset),
            activities=activities,
        )
    services.workplan_sign(actor=professional, mission=mission)
    return services.workplan_sign(actor=host, mission=mission)


def _completed_tot(officer, coordinator, expert, programme, pairing):
    mission = services.mission_plan(
        actor=officer,
        programme=programme,
        pairing=pairing,
        kind=Mission.Kind.TOT,
        title="Training of Trainers: solar PV installation",
        place="IPRC Kigali, Kicukiro — electrical workshop",
        starts_on=_days(-70),
        ends_on=_days(-59),
        objectives=TOT_OBJECTIVES,
        expected_participants=12,
    )
    services.mission_update(
        actor=officer,
        mission=mission,
        deliverables="A teaching plan for the PV module; a maintenance checklist; slides.",
        host_resources="The electrical workshop, the rooftop installation, a projector.",
    )
    _agree(
        mission,
        officer,
        expert,
        coordinator,
        [(0, "Sizing and site survey"), (1, "Mounting and wiring"), (7, "Teaching plan")],
    )
    for item in mission.checklist.all():
        services.checklist_item_update(actor=officer, item=item, done=True, note="Done")
    services.cost_line_add(
        actor=officer,
        mission=mission,
        category="travel",
        description="Return flight Brussels–Kigali",
        planned_rwf=1_200_000,
        actual_rwf=1_134_000,
    )
    services.cost_line_add(
        actor=officer,
        mission=mission,
        category="per_diem",
        description="Per diem, 12 days",
        planned_rwf=720_000,
        actual_rwf=720_000,
    )
    services.itinerary_leg_add(
        actor=officer,
        mission=mission,
        day=mission.starts_on - datetime.timedelta(days=1),
        description="Flight Brussels → Kigali, hotel in Kicukiro",
    )
    for name, category, sex in PARTICIPANTS:
        email = name.lower().split()[0] + ".tot@example.org"
        services.participant_add(
            actor=officer, mission=mission, full_name=name, email=email, category=category, sex=sex
        )
    services.mission_approve(actor=officer, mission=mission)
    services.surveys_invite(mission=mission, wave=Survey.Wave.T0)
    _answer(mission, Survey.Wave.T0, confidence=2, skills="no", experience=4)
    services.mission_start(actor=expert, mission=mission)
    for offset, (topic, hours, counts) in enumerate(SESSIONS):
        services.session_log(
            actor=expert,
            mission=mission,
            held_on=mission.starts_on + datetime.timedelta(days=offset * 2),
            hours=hours,
            topic=topic,
            modality="onsite",
            **_counts(**counts),
        )
    services.mission_complete(actor=expert, mission=mission)
    services.surveys_invite(mission=mission, wave=Survey.Wave.T1)
    _answer(mission, Survey.Wave.T1, confidence=4, skills="yes", experience=5)
    services.certificates_issue(actor=officer, mission=mission)


T1_CHANGES = [
    "I now teach the PV module with hands-on practice on the roof.",
    "My students size a system from real loads before they wire anything.",
    "We test every installation with the new checklist before handing it over.",
    "I use the fault-finding exercises in my second-year class.",
    "The workshop now keeps a maintenance log for the rooftop system.",
]
OBSTACLES = {
    Survey.Wave.T0: "The rooftop installation was still under repair when we agreed the plan.",
    Survey.Wave.T1: "Tools arrived late; the workshop has few PV panels to practise on.",
}


def _answer(mission, wave, *, confidence, skills, experience):
    """Most people answer; the last participant never does (believable response rates)."""
    surveys = list(mission.surveys.filter(wave=wave).order_by("pk"))
    changes = iter(T1_CHANGES * 2)
    for survey in surveys[:-2] + surveys[-1:]:
        if survey.respondent == Survey.Respondent.PROFESSIONAL:
            services.survey_answer(
                survey=survey,
                experience=experience,
                obstacles=OBSTACLES.get(wave, ""),
            )
        else:
            services.survey_answer(
                survey=survey,
                skills_used=skills,
                confidence=confidence,
                what_changed=next(changes) if wave == Survey.Wave.T1 else "",
            )


def _remote_under_way(officer, expert, programme, pairing):
    lead = pairing.need.proposal.lead
    mission = services.mission_plan(
        actor=officer,
        programme=programme,
        pairing=pairing,
        kind=Mission.Kind.REMOTE,
        starts_on=_days(-30),
        ends_on=_days(90),
        objectives=REMOTE_OBJECTIVES,
        expected_participants=4,
    )
    _agree(mission, officer, expert, lead, [(0, "Kick-off call"), (30, "Design review")])
    services.mission_approve(actor=officer, mission=mission)
    services.mission_start(actor=expert, mission=mission)
    for offset, topic in ((0, "Kick-off: goals and design"), (14, "Supplier choices")):
        services.session_log(
            actor=expert,
            mission=mission,
            held_on=mission.starts_on + datetime.timedelta(days=offset),
            hours=1.5,
            topic=topic,
            modality="remote",
            **_counts(students_female=2, students_male=1, trainers_male=1),
        )


def _other_states(officer, expert2, programme, coaching_pairing):
    profile = ExpertProfile.objects.filter(programme=programme, user=expert2).first()
    request = (
        TrainingRequest.objects.filter(programme=programme, college__short_name="IPRC Huye")
        .select_related("college")
        .first()
    )
    if profile is None or request is None:
        return
    kigali = TrainingRequest.objects.filter(
        programme=programme, college__short_name="IPRC Kigali"
    ).first()
    common = {
        "actor": officer,
        "programme": programme,
        "training_request": request,
        "expert": profile,
    }
    planned = services.mission_plan(
        **common,
        kind=Mission.Kind.REMOTE,
        title="Data analysis for agro-processing trainers (second cohort)",
        starts_on=_days(60),
        ends_on=_days(120),
        objectives="Six remote sessions on collecting and analysing production data.",
        expected_participants=10,
    )
    services.plan_day_add(actor=officer, mission=planned, day=planned.starts_on, activities="Intro")
    cancelled = services.mission_plan(
        **common,
        kind=Mission.Kind.COACHING,
        title="Coaching on food-safety lab practice",
        starts_on=_days(20),
        ends_on=_days(24),
        objectives="Coach the lab team on food-safety testing.",
        expected_participants=6,
    )
    services.mission_cancel(
        actor=officer, mission=cancelled, reason="The lab equipment will not arrive in time."
    )
    reported = services.mission_plan(
        **{**common, "training_request": kigali or request},
        kind=Mission.Kind.REMOTE,
        title="Data analysis for trainers: measuring PV yields",
        starts_on=_days(-200),
        ends_on=_days(-120),
        objectives="Six remote sessions on collecting and analysing production data.",
        expected_participants=8,
    )
    services.plan_day_add(
        actor=officer, mission=reported, day=reported.starts_on, activities="Spreadsheets"
    )
    services.workplan_sign(actor=expert2, mission=reported)
    hosts = [u for u in host_users(reported) if u.pk != expert2.pk]
    if hosts:
        services.workplan_sign(actor=hosts[0], mission=reported)
        services.mission_approve(actor=officer, mission=reported)
        services.mission_start(actor=officer, mission=reported)
        for week in range(3):
            services.session_log(
                actor=expert2,
                mission=reported,
                held_on=reported.starts_on + datetime.timedelta(days=week * 14),
                hours=2,
                topic=f"Production data, part {week + 1}",
                modality="remote",
                **_counts(trainers_female=3, trainers_male=4, staff_male=1),
            )
        services.mission_complete(actor=expert2, mission=reported)
        services.surveys_invite(mission=reported, wave=Survey.Wave.T1)
        _answer(reported, Survey.Wave.T1, confidence=4, skills="partly", experience=4)
        services.mission_report(actor=officer, mission=reported)
    if coaching_pairing is None:
        return
    hosts = host_users(
        Mission(
            programme=programme,
            pairing=coaching_pairing,
            host_college=coaching_pairing.need.college,
        )
    )
    if not hosts:
        return
    host = hosts[0]
    agreed = services.mission_plan(
        actor=officer,
        programme=programme,
        pairing=coaching_pairing,
        kind=Mission.Kind.COACHING,
        starts_on=_days(75),
        ends_on=_days(79),
        objectives="Coach the team through the first field test of their system.",
        expected_participants=5,
    )
    _agree(agreed, officer, expert2, host, [(0, "Field test preparation"), (2, "Field test")])
    approved = services.mission_plan(
        actor=officer,
        programme=programme,
        pairing=coaching_pairing,
        kind=Mission.Kind.COACHING,
        title="On-site coaching: preparing the market launch",
        starts_on=_days(12),
        ends_on=_days(15),
        objectives="Coach the team on pricing, packaging and the first customers.",
        expected_participants=5,
    )
    _agree(approved, officer, expert2, host, [(0, "Pricing workshop")])
    services.mission_approve(actor=officer, mission=approved)
    flight = approved.checklist.get(item="flight")
    services.checklist_item_update(actor=officer, item=flight, done=True, note="Booked")
