"""The officers' and coordinators' list of proposals, with filters and exports."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from skillbridge.calls import selectors
from skillbridge.calls.exports import filters_as_params, proposals_table
from skillbridge.calls.forms import ProposalFilterForm
from skillbridge.common.background import export_start
from skillbridge.common.permissions import require

PER_PAGE = 50


@login_required
def proposal_list(request):
    """Programme officers (all proposals of their programmes) and college coordinators
    (their college's only): filter by call, college, sector and state; export CSV at once,
    or XLSX built in the background (a progress page, then the download).
    """
    require(request.user, "calls.list_proposals")
    calls, colleges = selectors.proposal_filter_choices(request.user)
    form = ProposalFilterForm(request.GET or None, calls=calls, colleges=colleges)
    export = request.GET.get("export")
    if export == "csv":
        return proposals_table(user=request.user, filters=form.filters(), file_format="csv")
    if export == "xlsx":
        job = export_start(
            user=request.user,
            builder="skillbridge.calls.exports.proposals_file",
            params={
                "user": request.user.pk,
                "format": "xlsx",
                "filters": filters_as_params(form.filters()),
            },
            title=_("Proposals (XLSX)"),
        )
        return redirect(job.get_absolute_url())
    page = selectors.proposals_page(
        user=request.user, filters=form.filters(), number=request.GET.get("page"), size=PER_PAGE
    )
    query = request.GET.copy()
    query.pop("page", None)
    query.pop("export", None)
    context = {"form": form, "page": page, "query": query.urlencode()}
    return render(request, "calls/proposal_list.html", context)
