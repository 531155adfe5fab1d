"""The list of proposals as a file: CSV at once, XLSX built in the background.

The view checks the right and starts the export with the reader's id and the
page's filters; the builder reads the list again in the task worker, through
the same selector, so the file holds exactly what the reader may see.
"""

from django.utils.translation import gettext as _

from skillbridge.calls.selectors import proposals_listed
from skillbridge.common.background import ExportFile, export_builder
from skillbridge.common.exports import table_response
from skillbridge.people.models import User

FILTERS = ("call", "college", "sector", "state")


def proposal_headers() -> list[str]:
    return [
        _("Number"),
        _("Title"),
        _("Call"),
        _("College"),
        _("Sector"),
        _("State"),
        _("Team lead"),
        _("Team size"),
        _("Women in the team"),
        _("Amount requested (RWF)"),
        _("Submitted (Africa/Kigali)"),
    ]


def proposal_rows(proposals):
    for p in proposals:
        yield [
            p.pk,
            p.title,
            p.call.texts.title,
            p.college.short_name,
            p.sector.label if p.sector else "",
            p.get_state_display(),
            p.lead.get_full_name(),
            p.team_size,
            p.women,
            p.requested_amount_rwf or 0,
            p.submitted_at or "",  # a date cell in XLSX, in the site's time (common.exports)
        ]


def filters_as_params(filters: dict) -> dict:
    """The page's cleaned filters as JSON: objects by their id, empty ones left out."""
    return {k: getattr(v, "pk", v) for k, v in filters.items() if k in FILTERS and v}


def proposals_table(*, user, filters: dict, file_format: str):
    """The list as a CSV or XLSX response."""
    return table_response(
        filename="proposals",
        file_format=file_format,
        headers=proposal_headers(),
        rows=proposal_rows(proposals_listed(user=user, filters=filters)),
        sheet_title=_("Proposals"),
    )


@export_builder
def proposals_file(*, params: dict, progress) -> ExportFile:
    """params: {"user": id of the reader, "format": "csv"|"xlsx", "filters": {call, college,
    sector, state}} (ids, as filters_as_params writes them)."""
    user = User.objects.get(pk=params["user"])
    filters = {k: v for k, v in params.get("filters", {}).items() if k in FILTERS}
    progress(0, 1)
    response = proposals_table(user=user, filters=filters, file_format=params["format"])
    progress(1, 1)
    return ExportFile(
        filename=f"proposals.{params['format']}",
        content_type=response["Content-Type"],
        content=response.content,
    )
