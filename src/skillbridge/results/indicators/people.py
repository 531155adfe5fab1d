"""Queries about diaspora professionals, their pairings and the partnerships they form."""

from django.db.models import Count, Exists, OuterRef
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from skillbridge.experts.models import ExpertProfile
from skillbridge.pairing.models import Pairing
from skillbridge.results.indicators import labels
from skillbridge.results.indicators.base import Measure, cutoff, grouped, query, tally

# A pairing the professional accepted, whatever came after (work started or finished).
ACCEPTED_STATES = (Pairing.State.ACCEPTED, Pairing.State.ACTIVE, Pairing.State.COMPLETED)
PERSON = ("country", "sex")
PROFILE_LABELS = {"country": (("country",), labels.country), "sex": (("sex",), labels.sex)}
PAIRING_LABELS = {
    "college": (("college",), labels.college),
    "sector": (labels.sector_fields("need__sector"), labels.sector),
    "country": (("expert__country",), labels.country),
    "sex": (("expert__sex",), labels.sex),
}


def _people(profiles) -> Measure:
    """Profiles counted by the database per country and sex."""
    rows = profiles.order_by().values("country", "sex").annotate(n=Count("pk"))
    return tally(grouped(rows, PROFILE_LABELS), PERSON)


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
    return _people(
        ExpertProfile.objects.filter(programme=programme, created_at__lt=cutoff(period)).exclude(
            state=ExpertProfile.State.ERASED
        )
    )


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
    return _people(
        ExpertProfile.objects.filter(programme=programme, state=ExpertProfile.State.APPROVED)
        .annotate(since=Coalesce("state_changed_at", "created_at"))
        .filter(since__lt=cutoff(period))
    )


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
    accepted = _accepted_pairings(programme, period).filter(expert=OuterRef("pk"))
    return _people(ExpertProfile.objects.filter(Exists(accepted)))


def _pairings(programme, period):
    """Accepted pairings with the college of the project or of the training request."""
    return _accepted_pairings(programme, period).annotate(
        college=Coalesce(
            "need__proposal__college__short_name", "need__training_request__college__short_name"
        )
    )


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
    rows = (
        _pairings(programme, period)
        .order_by()
        .values(*(field for fields, _label in PAIRING_LABELS.values() for field in fields))
        .annotate(n=Count("pk"))
    )
    return tally(grouped(rows, PAIRING_LABELS), ("college", "sector", "country", "sex"))


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
    rows = (
        _pairings(programme, period)
        .order_by()
        .values("college", "expert__country")
        .annotate(n=Count("expert", distinct=True))
    )
    dimensions = {key: PAIRING_LABELS[key] for key in ("college", "country")}
    return tally(grouped(rows, dimensions), ("college", "country"))
