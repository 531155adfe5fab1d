"""Queries about proposals and grants: what the calls received and what they funded."""

from django.db.models import Count, OuterRef, Subquery
from django.utils.translation import gettext_lazy as _

from skillbridge.calls.models import Proposal, TeamMember
from skillbridge.grants.models import Grant
from skillbridge.results.indicators import labels
from skillbridge.results.indicators.base import Measure, cutoff, grouped, query, tally

PROJECT = ("college", "sector", "sex")


def _projects(queryset, proposal: str = "") -> Measure:
    """Proposals (or grants, through `proposal`) counted by the database per college,
    sector and the sex of the team lead, read by a subquery rather than a list of ids."""
    prefix = f"{proposal}__" if proposal else ""
    lead = TeamMember.objects.filter(
        proposal=OuterRef(f"{proposal}_id" if proposal else "pk"), is_lead=True
    ).values("sex")[:1]
    fields = {
        "college": ((f"{prefix}college__short_name",), labels.college),
        "sector": (labels.sector_fields(f"{prefix}sector"), labels.sector),
        "sex": (("lead_sex",), labels.sex),
    }
    rows = (
        queryset.order_by()
        .annotate(lead_sex=Subquery(lead))
        .values(*(field for names, _label in fields.values() for field in names))
        .annotate(n=Count("pk"))
    )
    return tally(grouped(rows, fields), PROJECT)


@query(
    "proposals_received",
    label=_("Proposals received"),
    unit="count",
    dimensions=PROJECT,
)
def proposals_received(programme, period) -> Measure:
    """Proposals submitted to any call of the programme by the end of the period.

    A proposal counts once it has been submitted (`submitted_at` is set), whatever
    happened to it afterwards (also ineligible or withdrawn ones). Disaggregated by
    college, sector and the sex of the team lead.
    """
    return _projects(
        Proposal.objects.filter(
            call__programme=programme, submitted_at__isnull=False, submitted_at__lt=cutoff(period)
        )
    )


@query(
    "grants_awarded",
    label=_("Grants awarded"),
    unit="count",
    dimensions=PROJECT,
    within="proposals_received",
)
def grants_awarded(programme, period) -> Measure:
    """Grants awarded by the programme by the end of the period (`awarded_at`).

    Every award counts, also a grant later suspended or terminated: it was awarded.
    Disaggregated by the project's college, sector and the sex of its team lead.
    """
    return _projects(
        Grant.objects.filter(programme=programme, awarded_at__lt=cutoff(period)), "proposal"
    )


@query(
    "projects_selected",
    label=_("Projects selected for funding"),
    unit="count",
    dimensions=PROJECT,
    within="proposals_received",
)
def projects_selected(programme, period) -> Measure:
    """Proposals of the programme whose current state is *selected*.

    Selection has no date of its own, so this counts the state as it is now,
    limited to proposals submitted by the end of the period.
    """
    return _projects(
        Proposal.objects.filter(
            call__programme=programme,
            state=Proposal.State.SELECTED,
            submitted_at__lt=cutoff(period),
        )
    )
