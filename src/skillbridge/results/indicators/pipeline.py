"""Queries about proposals and grants: what the calls received and what they funded."""

from django.utils.translation import gettext_lazy as _

from skillbridge.calls.models import Proposal, TeamMember
from skillbridge.grants.models import Grant
from skillbridge.results.indicators import labels
from skillbridge.results.indicators.base import Measure, count_rows, cutoff, query


def _lead_sexes(proposal_ids) -> dict[int, str]:
    return dict(
        TeamMember.objects.filter(proposal_id__in=proposal_ids, is_lead=True).values_list(
            "proposal_id", "sex"
        )
    )


def _project_rows(values: list[tuple]) -> list[dict]:
    """Rows of (proposal id, college, sector slug, sector name) with the lead's sex."""
    sexes = _lead_sexes([v[0] for v in values])
    return [
        {
            "college": labels.college(college),
            "sector": labels.sector(slug, name),
            "sex": labels.sex(sexes.get(pk)),
        }
        for pk, college, slug, name in values
    ]


@query(
    "proposals_received",
    label=_("Proposals received"),
    unit="count",
    dimensions=("college", "sector", "sex"),
)
def proposals_received(programme, period) -> Measure:
    """Proposals submitted to any call of the programme by the end of the period.

    A proposal counts once it has been submitted (`submitted_at` is set), whatever
    happened to it afterwards (also ineligible or withdrawn ones). Disaggregated by
    college, sector and the sex of the team lead.
    """
    values = list(
        Proposal.objects.filter(
            call__programme=programme, submitted_at__isnull=False, submitted_at__lt=cutoff(period)
        ).values_list("pk", "college__short_name", "sector__slug", "sector__name")
    )
    return count_rows(_project_rows(values), ("college", "sector", "sex"))


@query(
    "grants_awarded",
    label=_("Grants awarded"),
    unit="count",
    dimensions=("college", "sector", "sex"),
    within="proposals_received",
)
def grants_awarded(programme, period) -> Measure:
    """Grants awarded by the programme by the end of the period (`awarded_at`).

    Every award counts, also a grant later suspended or terminated: it was awarded.
    Disaggregated by the project's college, sector and the sex of its team lead.
    """
    values = list(
        Grant.objects.filter(programme=programme, awarded_at__lt=cutoff(period)).values_list(
            "proposal_id",
            "proposal__college__short_name",
            "proposal__sector__slug",
            "proposal__sector__name",
        )
    )
    return count_rows(_project_rows(values), ("college", "sector", "sex"))


@query(
    "projects_selected",
    label=_("Projects selected for funding"),
    unit="count",
    dimensions=("college", "sector", "sex"),
    within="proposals_received",
)
def projects_selected(programme, period) -> Measure:
    """Proposals of the programme whose current state is *selected*.

    Selection has no date of its own, so this counts the state as it is now,
    limited to proposals submitted by the end of the period.
    """
    values = list(
        Proposal.objects.filter(
            call__programme=programme,
            state=Proposal.State.SELECTED,
            submitted_at__lt=cutoff(period),
        ).values_list("pk", "college__short_name", "sector__slug", "sector__name")
    )
    return count_rows(_project_rows(values), ("college", "sector", "sex"))
