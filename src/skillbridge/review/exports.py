"""The ranking as a file, built in the background (skillbridge.common.background).

The view checks the officer's right and starts the export with the call and the
page's filters; the builder reads the ranking again in the task worker.
"""

from django.utils.translation import gettext as _

from skillbridge.calls.models import Call
from skillbridge.common.background import ExportFile, export_builder
from skillbridge.common.exports import table_response
from skillbridge.review.selectors import RankingRow, ranking_order, ranking_rows, sort_and_filter

FORMATS = ("csv", "xlsx")
FILTERS = ("sort", "sector", "college", "flagged", "outcome")


def ranking_headers() -> list[str]:
    return [
        _("Rank"),
        _("Proposal number"),
        _("Proposal"),
        _("College"),
        _("Sector"),
        _("Reviews"),
        _("Mean"),
        _("Median"),
        _("Spread"),
        _("Calibrated"),
        _("Reviews disagree"),
        _("Decision"),
        _("Released"),
    ]


def ranking_cells(row: RankingRow) -> list:
    s, decision = row.stats, row.decision
    return [
        row.rank,
        row.proposal.pk,
        row.proposal.title,
        row.proposal.college.short_name,
        row.proposal.sector.label if row.proposal.sector else "",
        s.count,
        s.mean,
        s.median,
        s.spread,
        s.calibrated,
        _("yes") if s.disagreement else "",
        decision.get_outcome_display() if decision else "",
        (_("released") if decision.is_released else _("staged")) if decision else "",
    ]


@export_builder
def ranking_file(*, params: dict, progress) -> ExportFile:
    """params: {"call": id, "format": "csv"|"xlsx", "filters": {sort, sector, college,
    flagged, outcome}} (the ranking page's cleaned filters)."""
    call = Call.objects.get(pk=params["call"])
    filters = {k: v for k, v in params.get("filters", {}).items() if k in FILTERS}
    rows = ranking_rows(call, sort_and_filter(ranking_order(call), **filters), leads=False)
    progress(0, len(rows))
    response = table_response(
        filename=f"ranking-call-{call.pk}",
        file_format=params["format"],
        headers=ranking_headers(),
        rows=(ranking_cells(row) for row in rows),
        sheet_title=_("Ranking"),
    )
    progress(len(rows), len(rows))
    return ExportFile(
        filename=f"ranking-call-{call.pk}.{params['format']}",
        content_type=response["Content-Type"],
        content=response.content,
    )
