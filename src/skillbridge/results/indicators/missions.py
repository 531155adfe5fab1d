"""Queries about missions: work done on site, people trained, and skills still used a year on."""

from collections import defaultdict

from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from skillbridge.missions.models import Mission, Participant, Session, Survey
from skillbridge.missions.models.work import COUNT_FIELDS
from skillbridge.results.indicators import labels
from skillbridge.results.indicators.base import (
    Measure,
    count_rows,
    cutoff,
    query,
    share_rows,
    sum_rows,
)

# Answers that mean the person still applies what they learnt.
STILL_USING = (Survey.SkillsUsed.YES, Survey.SkillsUsed.PARTLY)


def _done_missions(programme, period):
    return (
        Mission.objects.filter(programme=programme, state__in=Mission.DONE_STATES)
        .annotate(done_at=Coalesce("completed_at", "reported_at"))
        .filter(done_at__lt=cutoff(period))
    )


@query(
    "missions_completed",
    label=_("Missions completed"),
    unit="count",
    dimensions=("college", "country", "sex"),
)
def missions_completed(programme, period) -> Measure:
    """Missions completed (or completed and reported) by the end of the period.

    On-site and remote missions both count; cancelled ones never do. By host
    college and the professional's country of residence and sex.
    """
    values = _done_missions(programme, period).values_list(
        "host_college__short_name", "expert__country", "expert__sex"
    )
    rows = [
        {
            "college": labels.college(college),
            "country": labels.country(country),
            "sex": labels.sex(sex),
        }
        for college, country, sex in values
    ]
    return count_rows(rows, ("college", "country", "sex"))


@query(
    "person_days_on_site",
    label=_("Person-days of professionals on site"),
    unit="person_days",
    dimensions=("college", "country", "sex"),
    sdg=("10.7",),
)
def person_days_on_site(programme, period) -> Measure:
    """Days professionals spent on site in Rwanda on completed on-site missions.

    Each completed Training of Trainers or coaching mission counts its calendar
    days, first and last day included (one professional per mission). `count`
    is the number of missions. By host college, country of residence and sex.
    """
    values = (
        _done_missions(programme, period)
        .filter(kind__in=Mission.ONSITE_KINDS)
        .values_list(
            "starts_on", "ends_on", "host_college__short_name", "expert__country", "expert__sex"
        )
    )
    rows = [
        {
            "_value": (ends_on - starts_on).days + 1,
            "college": labels.college(college),
            "country": labels.country(country),
            "sex": labels.sex(sex),
        }
        for starts_on, ends_on, college, country, sex in values
    ]
    return sum_rows(rows, ("college", "country", "sex"))


def _trained(programme, period, category: str) -> list[dict]:
    """One row per person trained in `category` on completed missions.

    Per mission and sex, the number trained is the larger of the named
    participants and the biggest head count of any one session, so people who
    attend every session of a mission are not counted once per session.
    """
    missions = dict(_done_missions(programme, period).values_list("pk", "host_college__short_name"))
    named: dict[tuple[int, str], int] = defaultdict(int)
    for mission_id, sex in Participant.objects.filter(
        mission_id__in=missions, category=category
    ).values_list("mission_id", "sex"):
        named[(mission_id, sex)] += 1
    fields = {sex: COUNT_FIELDS[(category, sex)] for sex in ("female", "male")}
    counted: dict[tuple[int, str], int] = defaultdict(int)
    for session in Session.objects.filter(mission_id__in=missions).values(
        "mission_id", *fields.values()
    ):
        for sex, field_name in fields.items():
            key = (session["mission_id"], sex)
            counted[key] = max(counted[key], session[field_name])
    rows = []
    for mission_id, college in missions.items():
        for sex in fields:
            people = max(named[(mission_id, sex)], counted[(mission_id, sex)])
            rows += [{"college": labels.college(college), "sex": labels.sex(sex)}] * people
    return rows


@query(
    "trainers_trained",
    label=_("TVET trainers trained"),
    unit="people",
    dimensions=("college", "sex"),
    sdg=("4.4",),
)
def trainers_trained(programme, period) -> Measure:
    """Trainers trained on missions completed by the end of the period.

    Per mission and sex: the larger of the named trainer participants and the
    biggest trainer head count of any one session. A trainer on two missions
    counts twice (people are not identified across missions). By host college and sex.
    """
    return count_rows(_trained(programme, period, "trainer"), ("college", "sex"))


@query(
    "students_trained",
    label=_("Students trained"),
    unit="people",
    dimensions=("college", "sex"),
    sdg=("4.4",),
)
def students_trained(programme, period) -> Measure:
    """Students trained on missions completed by the end of the period.

    Counted as for trainers: per mission and sex, the larger of the named student
    participants and the biggest student head count of any one session. By host
    college and sex.
    """
    return count_rows(_trained(programme, period, "student"), ("college", "sex"))


@query(
    "skills_still_used_t12",
    label=_("Share of T+12 respondents still using the skills"),
    unit="percent",
    dimensions=("college",),
    sdg=("4.4",),
)
def skills_still_used_t12(programme, period) -> Measure:
    """The percentage of answered twelve-month surveys saying the skills are still used.

    Respondents are participants and hosts who answered the T+12 survey by the
    end of the period; "yes, regularly" and "partly" both count as still using
    the skills, "not yet" does not. `count` is the number of respondents. By
    host college.
    """
    values = Survey.objects.filter(
        mission__programme=programme,
        wave=Survey.Wave.T12,
        respondent__in=(Survey.Respondent.PARTICIPANT, Survey.Respondent.HOST),
        answered_at__isnull=False,
        answered_at__lt=cutoff(period),
    ).values_list("skills_used", "mission__host_college__short_name")
    rows = [
        {"_ok": used in STILL_USING, "college": labels.college(college)} for used, college in values
    ]
    return share_rows(rows, ("college",))
