"""Programme officers: the ranking (a page of it, or all of it as a file), and one
proposal's reviews side by side."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from skillbridge.common.background import export_start
from skillbridge.review import exports, selectors
from skillbridge.review.forms import RankingFilterForm

PAGE_SIZE = 50


@login_required
def ranking(request, pk: int):
    """Programme officers: the proposals by score, raw and calibrated, sortable, filterable,
    a page at a time; each row leads to the proposal and to its reviews."""
    call = selectors.call_for(request.user, pk, perm="review.manage_call", rubric=False)
    form = RankingFilterForm(
        request.GET or None, call=call, colleges=selectors.ranking_colleges_of(call)
    )
    # Every proposal is ordered and filtered from a few columns; only the page's rows
    # are read whole.
    placed = selectors.ranking_order(call)
    shown = selectors.sort_and_filter(placed, **_filters(form))
    page = Paginator(shown, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "review/ranking.html",
        {
            "call": call,
            "form": form,
            "page": page,
            "rows": selectors.ranking_rows(call, page.object_list, leads=False),
            "shown": len(shown),
            "total": len(placed),
        },
    )


def _filters(form: RankingFilterForm) -> dict:
    """The filter form's choices, as `sort_and_filter` takes them; none unless valid."""
    if not form.is_valid():
        return {}
    return {k: v for k, v in form.cleaned_data.items() if k in exports.FILTERS and v}


@login_required
def ranking_export(request, pk: int, file_format: str):
    """Programme officers: the ranking as filtered and sorted on its page, as CSV or XLSX,
    built in the background; the officer watches its progress and downloads it."""
    call = selectors.call_for(request.user, pk, perm="review.manage_call")
    if file_format not in exports.FORMATS:
        raise Http404
    # Only the filters are read here; the task worker builds the ranking itself.
    form = RankingFilterForm(
        request.GET or None, call=call, colleges=selectors.ranking_colleges_of(call)
    )
    filters = _filters(form)
    job = export_start(
        user=request.user,
        builder="skillbridge.review.exports.ranking_file",
        params={"call": call.pk, "format": file_format, "filters": filters},
        title=_("Ranking of %(call)s (%(format)s)")
        % {"call": call.texts.title, "format": file_format.upper()},
    )
    return redirect(job.get_absolute_url())


@login_required
def proposal_reviews(request, pk: int, proposal_pk: int):
    """Programme officers: every submitted review of one proposal side by side, criterion by
    criterion, with the proposal's disagreement flag and each criterion's."""
    call = selectors.call_for(request.user, pk, perm="review.manage_call")
    row = selectors.ranking_row(call, proposal_pk)
    grid = selectors.review_grid(call, row.proposal)
    return render(request, "review/proposal_reviews.html", {"call": call, "row": row, "grid": grid})
