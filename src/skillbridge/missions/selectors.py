"""Reads about missions, already limited to what the asker may see."""

import datetime

from django.db.models import Avg, Count, Exists, OuterRef, Q, QuerySet, Sum

from skillbridge.calls.models import TeamMember
from skillbridge.calls.selectors import coordinated_colleges
from skillbridge.common.accessors import object_for
from skillbridge.common.choices import COUNTED_SEXES
from skillbridge.missions.models import Mission, Session, Survey
from skillbridge.missions.models.work import COUNT_FIELDS, Category
from skillbridge.people.models import Role, User
from skillbridge.people.selectors import programmes_where
from skillbridge.programmes.models import Programme

MISSION_RELATIONS = (
    "programme",
    "expert__user",
    "host_college",
    "pairing__need__proposal",
    "training_request",
)
DEPARTURE_DAYS = 30


def _coordinated_colleges(user: User) -> Q:
    """Missions hosted by a college `user` coordinates, in the programme they coordinate it for."""
    visible = Q(pk__in=[])
    for programme_id, colleges in coordinated_colleges(user).items():
        visible |= Q(programme_id=programme_id, host_college_id__in=colleges)
    return visible


def missions_visible_to(user: User) -> QuerySet[Mission]:
    """Every mission `user` may see.

    Officers: all of their programmes' missions. The professional: their own.
    Hosts: the missions of the project they lead or of the college they
    coordinate. A project team member: their project's missions.
    """
    if not user.is_authenticated:
        return Mission.objects.none()
    team = TeamMember.objects.filter(
        proposal=OuterRef("pairing__need__proposal"), user=user, status=TeamMember.Status.JOINED
    )
    visible = Q(programme__in=programmes_where(user, Role.PROGRAMME_OFFICER))
    visible |= Q(expert__user=user)
    visible |= Q(pairing__need__proposal__lead=user)
    visible |= _coordinated_colleges(user)
    visible |= Q(Exists(team))
    return (
        Mission.objects.filter(visible)
        .select_related(*MISSION_RELATIONS)
        .order_by("-starts_on", "-pk")
    )


def mission_for(user: User, pk: int, perm: str | None = None) -> Mission:
    """A mission `user` may see (else 404) and on which they hold `perm` (else 403)."""
    # The project's team answers "team member" for the rules without a query per question.
    visible = missions_visible_to(user).prefetch_related("pairing__need__proposal__members")
    return object_for(user, visible, perm=perm, pk=pk)


def programme_missions(programme: Programme, state: str = "") -> QuerySet[Mission]:
    queryset = Mission.objects.filter(programme=programme).select_related(*MISSION_RELATIONS)
    if state:
        queryset = queryset.filter(state=state)
    return queryset.order_by("-starts_on", "-pk")


def departures(programme: Programme, *, today: datetime.date) -> QuerySet[Mission]:
    """On-site missions starting within DEPARTURE_DAYS with logistics still open."""
    return (
        programme_missions(programme)
        .filter(
            kind__in=Mission.ONSITE_KINDS,
            starts_on__gte=today,
            starts_on__lte=today + datetime.timedelta(days=DEPARTURE_DAYS),
        )
        .exclude(state__in=(*Mission.DONE_STATES, Mission.State.CANCELLED))
        .annotate(open_items=Count("checklist", filter=Q(checklist__done=False)))
        .filter(open_items__gt=0)
        .order_by("starts_on", "pk")
    )


def sessions_of(mission: Mission) -> QuerySet[Session]:
    return mission.sessions.select_related("logged_by").prefetch_related("evidence")


def head_counts(sessions: QuerySet[Session]) -> dict:
    """Participants summed over sessions, by category and sex, with every total.

    {"rows": [{"category", "label", "female", "male", "total"}], "female",
    "male", "total", "hours", "sessions"} — the totals are sums of the cells,
    so the table always adds up.
    """
    sums = sessions.aggregate(
        hours=Sum("hours"), sessions=Count("pk"), **{f: Sum(f) for f in COUNT_FIELDS.values()}
    )
    rows = []
    for category, label in Category.choices:
        cells = {sex: sums[COUNT_FIELDS[(category, sex)]] or 0 for sex in COUNTED_SEXES}
        rows.append({"category": category, "label": label, **cells, "total": sum(cells.values())})
    female = sum(row["female"] for row in rows)
    male = sum(row["male"] for row in rows)
    return {
        "rows": rows,
        "female": female,
        "male": male,
        "total": female + male,
        "hours": sums["hours"] or 0,
        "sessions": sums["sessions"],
    }


def survey_summary(surveys: QuerySet[Survey]) -> list[dict]:
    """Per point in time: invitations, answers, mean confidence and experience, skills used.

    Aggregates only: no answer is tied to a person here.
    """
    by_wave = {
        row["wave"]: row
        for row in surveys.values("wave").annotate(
            invited=Count("pk"),
            answered=Count("pk", filter=Q(answered_at__isnull=False)),
            confidence=Avg("confidence", filter=Q(answered_at__isnull=False)),
            experience=Avg("experience", filter=Q(answered_at__isnull=False)),
            skills_yes=Count("pk", filter=Q(skills_used=Survey.SkillsUsed.YES)),
            skills_partly=Count("pk", filter=Q(skills_used=Survey.SkillsUsed.PARTLY)),
            skills_no=Count("pk", filter=Q(skills_used=Survey.SkillsUsed.NO)),
        )
    }
    empty = {
        "invited": 0,
        "answered": 0,
        "confidence": None,
        "experience": None,
        "skills_yes": 0,
        "skills_partly": 0,
        "skills_no": 0,
    }
    return [
        {"wave": wave, "label": label, **{**empty, **by_wave.get(wave, {})}}
        for wave, label in Survey.Wave.choices
    ]


def answered_comments(surveys: QuerySet[Survey]) -> QuerySet[Survey]:
    """Answered surveys with something written, for the report (no names, no addresses)."""
    return (
        surveys.filter(answered_at__isnull=False)
        .exclude(what_changed="", obstacles="")
        .only("wave", "respondent", "what_changed", "obstacles")
        .order_by("wave", "respondent", "pk")
    )


def cost_totals(mission: Mission) -> dict:
    sums = mission.costs.aggregate(planned=Sum("planned_rwf"), actual=Sum("actual_rwf"))
    return {"planned": sums["planned"] or 0, "actual": sums["actual"] or 0}


def host_users(mission: Mission) -> list[User]:
    """Who hosts the mission: the project's team lead and the host college's coordinators."""
    hosts = list(
        User.objects.filter(
            programme_roles__programme_id=mission.programme_id,
            programme_roles__role=Role.COLLEGE_COORDINATOR,
            programme_roles__organisation_id=mission.host_college_id,
            is_active=True,
        ).order_by("pk")
    )
    project = mission.project
    if project is not None and project.lead not in hosts:
        hosts.insert(0, project.lead)
    return hosts


def officer_programme_list(user: User) -> QuerySet[Programme]:
    return Programme.objects.filter(pk__in=programmes_where(user, Role.PROGRAMME_OFFICER)).order_by(
        "name"
    )


def pairing_missions(programme: Programme, *, pairing_id: int) -> list[Mission]:
    """The missions of `programme` already planned for a pairing and not cancelled, oldest
    first: planning another one for the same pairing asks the officer to confirm."""
    return list(
        Mission.objects.filter(programme=programme, pairing_id=pairing_id)
        .exclude(state=Mission.State.CANCELLED)
        .order_by("starts_on", "pk")
    )
