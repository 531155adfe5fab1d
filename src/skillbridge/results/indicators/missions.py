"""Queries about missions: work done on site, people trained, and skills still used a year on."""

import datetime

from django.db.models import (
    Count,
    DurationField,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce, Greatest
from django.utils.translation import gettext_lazy as _

from skillbridge.missions.models import Mission, Participant, Session, Survey
from skillbridge.missions.models.work import COUNT_FIELDS
from skillbridge.results.indicators import labels
from skillbridge.results.indicators.base import (
    Group,
    Measure,
    cutoff,
    grouped,
    query,
    tally,
    tally_share,
)

# Answers that mean the person still applies what they learnt.
STILL_USING = (Survey.SkillsUsed.YES, Survey.SkillsUsed.PARTLY)
HOST = ("college", "country", "sex")
HOST_LABELS = {
    "college": (("host_college__short_name",), labels.college),
    "country": (("expert__country",), labels.country),
    "sex": (("expert__sex",), labels.sex),
}
SEXES = ("female", "male")


def _done_missions(programme, period):
    return (
        Mission.objects.filter(programme=programme, state__in=Mission.DONE_STATES)
        .annotate(done_at=Coalesce("completed_at", "reported_at"))
        .filter(done_at__lt=cutoff(period))
        .order_by()
    )


@query(
    "missions_completed",
    label=_("Missions completed"),
    unit="count",
    dimensions=HOST,
)
def missions_completed(programme, period) -> Measure:
    """Missions completed (or completed and reported) by the end of the period.

    On-site and remote missions both count; cancelled ones never do. By host
    college and the professional's country of residence and sex.
    """
    rows = (
        _done_missions(programme, period)
        .values("host_college__short_name", "expert__country", "expert__sex")
        .annotate(n=Count("pk"))
    )
    return tally(grouped(rows, HOST_LABELS), HOST)


@query(
    "person_days_on_site",
    label=_("Person-days of professionals on site"),
    unit="person_days",
    dimensions=HOST,
    sdg=("10.7",),
)
def person_days_on_site(programme, period) -> Measure:
    """Days professionals spent on site in Rwanda on completed on-site missions.

    Each completed Training of Trainers or coaching mission counts its calendar
    days, first and last day included (one professional per mission). `count`
    is the number of missions. By host college, country of residence and sex.
    """
    length = ExpressionWrapper(F("ends_on") - F("starts_on"), output_field=DurationField())
    rows = list(
        _done_missions(programme, period)
        .filter(kind__in=Mission.ONSITE_KINDS)
        .values("host_college__short_name", "expert__country", "expert__sex")
        .annotate(n=Count("pk"), span=Sum(length))
    )
    for row in rows:
        # Both ends are included: a mission from Monday to Friday lasts five days.
        row["days"] = (row["span"] or datetime.timedelta()).days + row["n"]
    return tally(grouped(rows, HOST_LABELS, value="days"), HOST)


def _trained(programme, period, category: str) -> list[Group]:
    """The people trained in `category` on completed missions, per host college and sex.

    Per mission and sex, the number trained is the larger of the named
    participants and the biggest head count of any one session, so people who
    attend every session of a mission are not counted once per session. The
    database works it out per mission and adds up per college.
    """
    per_sex = {}
    for sex in SEXES:
        named = (
            Participant.objects.filter(mission=OuterRef("pk"), category=category, sex=sex)
            .order_by()
            .values("mission")
            .annotate(n=Count("pk"))
            .values("n")
        )
        biggest = (
            Session.objects.filter(mission=OuterRef("pk"))
            .order_by(f"-{COUNT_FIELDS[(category, sex)]}")
            .values(COUNT_FIELDS[(category, sex)])[:1]
        )
        per_sex[sex] = Sum(
            Greatest(
                Coalesce(Subquery(named, output_field=IntegerField()), Value(0)),
                Coalesce(Subquery(biggest, output_field=IntegerField()), Value(0)),
            )
        )
    totals = (
        _done_missions(programme, period).values("host_college__short_name").annotate(**per_sex)
    )
    colleges = {"college": (("host_college__short_name",), labels.college)}
    groups = []
    for sex in SEXES:
        for group in grouped(totals, colleges, value=sex, count=sex):
            group.categories["sex"] = labels.sex(sex)
            groups.append(group)
    return groups


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
    return tally(_trained(programme, period, "trainer"), ("college", "sex"))


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
    return tally(_trained(programme, period, "student"), ("college", "sex"))


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
    rows = (
        Survey.objects.filter(
            mission__programme=programme,
            wave=Survey.Wave.T12,
            respondent__in=(Survey.Respondent.PARTICIPANT, Survey.Respondent.HOST),
            answered_at__isnull=False,
            answered_at__lt=cutoff(period),
        )
        .order_by()
        .values("mission__host_college__short_name")
        .annotate(n=Count("pk"), ok=Count("pk", filter=Q(skills_used__in=STILL_USING)))
    )
    colleges = {"college": (("mission__host_college__short_name",), labels.college)}
    return tally_share(grouped(rows, colleges, ok="ok"), ("college",))
