"""Queries about diaspora professionals, their pairings and the partnerships they form."""

from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from skillbridge.experts.models import ExpertProfile
from skillbridge.pairing.models import Pairing
from skillbridge.results.indicators import labels
from skillbridge.results.indicators.base import Measure, count_rows, cutoff, query

# A pairing the professional accepted, whatever came after (work started or finished).
ACCEPTED_STATES = (Pairing.State.ACCEPTED, Pairing.State.ACTIVE, Pairing.State.COMPLETED)
PERSON = ("country", "sex")


def _person_rows(values) -> list[dict]:
    return [{"country": labels.country(c), "sex": labels.sex(s)} for c, s in values]


@query(
    "professionals_registered",
    label=_("Diaspora professionals registered"),
    unit="people",
    dimensions=PERSON,
    sdg=("10.7",),
)
def professionals_registered(programme, period) -> Measure:
    """Professionals' profiles created in the programme by the end of the period.

    Self-registered and imported profiles both count. Erased profiles do not:
    a person who asked to be erased leaves later reports (a closed period keeps
    its snapshot). By country of residence and sex.
    """
    values = ExpertProfile.objects.filter(
        programme=programme, created_at__lt=cutoff(period)
    ).exclude(state=ExpertProfile.State.ERASED)
    return count_rows(_person_rows(values.values_list("country", "sex")), PERSON)


@query(
    "professionals_approved",
    label=_("Diaspora professionals approved after vetting"),
    unit="people",
    dimensions=PERSON,
    sdg=("10.7",),
    within="professionals_registered",
)
def professionals_approved(programme, period) -> Measure:
    """Profiles whose current state is *approved*, approved by the end of the period.

    The approval date is `state_changed_at` (or the creation date for a profile
    created approved). By country of residence and sex.
    """
    values = (
        ExpertProfile.objects.filter(programme=programme, state=ExpertProfile.State.APPROVED)
        .annotate(since=Coalesce("state_changed_at", "created_at"))
        .filter(since__lt=cutoff(period))
        .values_list("country", "sex")
    )
    return count_rows(_person_rows(values), PERSON)


def _accepted_pairings(programme, period):
    return (
        Pairing.objects.filter(programme=programme, state__in=ACCEPTED_STATES)
        .annotate(since=Coalesce("answered_at", "created_at"))
        .filter(since__lt=cutoff(period))
    )


@query(
    "professionals_deployed",
    label=_("Diaspora professionals deployed"),
    unit="people",
    dimensions=PERSON,
    sdg=("10.7",),
    within="professionals_approved",
)
def professionals_deployed(programme, period) -> Measure:
    """Distinct professionals with at least one accepted pairing by the end of the period.

    A professional is deployed once they accepted to work with a project or a
    college (the pairing is accepted, active or completed), whether on site or
    remotely. Each person counts once. By country of residence and sex.
    """
    values = (
        _accepted_pairings(programme, period)
        .values_list("expert_id", "expert__country", "expert__sex")
        .distinct()
    )
    people = {expert: (country, sex) for expert, country, sex in values}
    return count_rows(_person_rows(people.values()), PERSON)


def _pairing_rows(programme, period) -> list[dict]:
    values = _accepted_pairings(programme, period).values_list(
        "expert_id",
        "need__proposal__college__short_name",
        "need__training_request__college__short_name",
        "need__sector__slug",
        "need__sector__name",
        "expert__country",
        "expert__sex",
    )
    return [
        {
            "expert": expert,
            "college": labels.college(project_college or request_college),
            "sector": labels.sector(slug, name),
            "country": labels.country(country),
            "sex": labels.sex(sex),
        }
        for expert, project_college, request_college, slug, name, country, sex in values
    ]


@query(
    "pairings_accepted",
    label=_("Pairings accepted by professionals"),
    unit="count",
    dimensions=("college", "sector", "country", "sex"),
)
def pairings_accepted(programme, period) -> Measure:
    """Pairings a professional accepted by the end of the period (accepted, active, completed).

    Dated by the answer (`answered_at`). By the college of the project or
    training request, the sector of the need, and the professional's country and sex.
    """
    return count_rows(_pairing_rows(programme, period), ("college", "sector", "country", "sex"))


@query(
    "partnerships_formed",
    label=_("Partnerships formed between colleges and diaspora professionals"),
    unit="count",
    dimensions=("college", "country"),
    sdg=("17.16",),
)
def partnerships_formed(programme, period) -> Measure:
    """Distinct college–professional partnerships: the SDG 17.16 contribution proxy.

    A partnership is a pair (Rwandan college, diaspora professional) joined by at
    least one accepted pairing, for a funded project of the college or for its
    training request, by the end of the period. Several pairings of the same
    professional with the same college make one partnership. By college and by
    the professional's country of residence.
    """
    pairs = {}
    for row in _pairing_rows(programme, period):
        pairs[(row["college"][0], row["expert"])] = row
    return count_rows(list(pairs.values()), ("college", "country"))
