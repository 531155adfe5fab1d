"""The officers' and coordinators' list of proposals, with filters and exports."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from skillbridge.calls import selectors
from skillbridge.calls.forms import ProposalFilterForm
from skillbridge.common.exports import table_response
from skillbridge.common.permissions import require


def _rows(proposals):
    for p in proposals:
        yield [
            p.pk,
            p.title,
            p.call.title,
            p.college.short_name,
            p.sector.name if p.sector else "",
            p.get_state_display(),
            p.lead.get_full_name(),
            p.team_size,
            p.women,
            p.requested_amount_rwf or 0,
            timezone.localtime(p.submitted_at).strftime("%Y-%m-%d %H:%M") if p.submitted_at else "",
        ]


@login_required
def proposal_list(request):
    """Programme officers (all proposals of their programmes) and college coordinators
    (their college's only): filter by call, college, sector and state; export CSV or XLSX.
    """
    require(request.user, "calls.list_proposals")
    calls, colleges = selectors.proposal_filter_choices(request.user)
    form = ProposalFilterForm(request.GET or None, calls=calls, colleges=colleges)
    proposals = selectors.proposals_listed(user=request.user, filters=form.filters())
    export = request.GET.get("export")
    if export in ("csv", "xlsx"):
        headers = [
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
        return table_response(
            filename="proposals",
            file_format=export,
            headers=headers,
            rows=_rows(proposals),
            sheet_title=_("Proposals"),
        )
    page = Paginator(proposals, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    query.pop("export", None)
    context = {"form": form, "page": page, "query": query.urlencode()}
    return render(request, "calls/proposal_list.html", context)
