"""Programme officers: the best selection, the decisions one by one, and their release."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from skillbridge.common.forms import show_errors
from skillbridge.review import selectors, services
from skillbridge.review.forms import DecisionForm, ReleaseForm, SelectionForm, StageSelectionForm


def _selection(call, data, *, released=False):
    return selectors.selection_for(
        call,
        size=data["size"],
        reserve=data["reserve"] or 0,
        min_per_sector=data["min_per_sector"] or 0,
        max_per_college=data["max_per_college"],
        min_per_sex=data["min_per_sex"] or 0,
        released=released,
    )


def _warn_of_unreviewed(request, call) -> None:
    left = selectors.unreviewed_undecided(call)
    if left:
        messages.warning(
            request,
            ngettext(
                "%(count)s proposal has no review yet and is left undecided: "
                "decide it from the ranking if the committee must.",
                "%(count)s proposals have no review yet and are left undecided: "
                "decide each one from the ranking if the committee must.",
                left,
            )
            % {"count": left},
        )


def _stage_selection(request, call, form):
    """Stage the best set `form` describes: a redirect, or None to show the form's errors."""
    found = _selection(call, form.cleaned_data)
    if not found.rows:
        messages.error(
            request, _("Every reviewed proposal already has a decision: nothing is left.")
        )
        return redirect("review:selection", pk=call.pk)
    if not found.selection.feasible:
        form.add_error(None, _("No set of proposals meets these quotas."))
        return None
    try:
        services.decisions_stage_selection(
            actor=request.user,
            call=call,
            selected=list(found.selection.chosen),
            reserve=list(found.reserve),
            reason_selected=form.cleaned_data["reason_selected"],
            reason_reserve=form.cleaned_data["reason_reserve"],
            reason_not_selected=form.cleaned_data["reason_not_selected"],
        )
    except ValidationError as error:
        show_errors(form, error)
        return None
    messages.success(request, _("The decisions are staged; release them when ready."))
    _warn_of_unreviewed(request, call)
    return redirect("review:decisions", pk=call.pk)


@login_required
def selection(request, pk: int):
    """Programme officers: the best set of N under quotas, the quotas that bound it; stage it.

    Once every reviewed proposal has a released decision, the set is computed
    among all of them, for comparison with the committee's choice, and nothing
    can be staged.
    """
    call = selectors.call_for(request.user, pk, perm="review.manage_call")
    if request.method == "POST":
        form = StageSelectionForm(request.POST)
        staged = _stage_selection(request, call, form) if form.is_valid() else None
        if staged is not None:
            return staged
        query = SelectionForm(request.POST)
    else:
        query = SelectionForm(request.GET or None, initial={"size": call.awards_planned})
        form = StageSelectionForm(initial={**query.initial, **request.GET.dict()})
    found, comparison = None, False
    if query.is_valid():
        found = _selection(call, query.cleaned_data)
        if not found.rows:
            found, comparison = _selection(call, query.cleaned_data, released=True), True
    return render(
        request,
        "review/selection.html",
        {"call": call, "query": query, "form": form, "found": found, "comparison": comparison},
    )


@login_required
def decisions(request, pk: int):
    """Programme officers: the staged and released decisions; preview their release."""
    call = selectors.call_for(request.user, pk, perm="review.manage_call")
    form = ReleaseForm()
    items = list(selectors.decisions_of(call))
    staged = [d for d in items if not d.is_released]
    return render(
        request,
        "review/decisions.html",
        {
            "call": call,
            "form": form,
            "decisions": items,
            "staged": staged,
            "places": selectors.places_to_fill(call),
        },
    )


@login_required
def decide(request, pk: int, proposal_pk: int):
    """Programme officers: stage the committee's decision on one proposal, with its reason."""
    call = selectors.call_for(request.user, pk, perm="review.manage_call")
    row = selectors.ranking_row(call, proposal_pk)
    initial = {}
    if row.decision is not None:
        initial = {"outcome": row.decision.outcome, "reason": row.decision.reason}
    form = DecisionForm(request.POST or None, initial=initial, reviewed=row.stats.count > 0)
    if request.method == "POST" and form.is_valid():
        try:
            services.decision_stage(
                actor=request.user,
                proposal=row.proposal,
                outcome=form.cleaned_data["outcome"],
                reason=form.cleaned_data["reason"],
                reserve_rank=form.cleaned_data["reserve_rank"],
                without_reviews_reason=form.cleaned_data.get("without_reviews_reason", ""),
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("The decision is staged."))
            return redirect("review:decisions", pk=call.pk)
    return render(request, "review/decide.html", {"call": call, "row": row, "form": form})
