"""A draft's budget lines, added, changed and removed in place.

With htmx (`request.htmx`) each step answers the budget section alone, plus
the list of what is still missing (out of band); without JavaScript the same
forms post to the same URLs and get the whole page back.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django_htmx.http import reswap, retarget

from skillbridge.calls import selectors, services
from skillbridge.calls.forms import BudgetLineForm
from skillbridge.calls.models import Proposal
from skillbridge.calls.views.proposals import (
    budget_context,
    edit_context,
    error_links,
    proposal_anchor,
    refusals_as_messages,
)
from skillbridge.common.forms import show_errors


def _answer(request, proposal: Proposal, status: str = "", **forms):
    """The budget section after a step: in place for htmx, else the page or a redirect."""
    if request.htmx:
        fresh = selectors.proposal_for(request.user, proposal.pk)
        context = budget_context(fresh, **forms)
        context["budget_status"] = status
        return render(request, "calls/partials/budget_swap.html", context)
    if forms:
        return render(request, "calls/proposal_edit.html", edit_context(proposal, **forms))
    if status:
        messages.success(request, status)
    return redirect(proposal_anchor(proposal, "budget"))


@login_required
@require_POST
def budget_line_add(request, pk: int):
    """Members of the team: add a line to the draft's budget."""
    proposal = selectors.proposal_for(request.user, pk, "calls.edit_proposal")
    form = BudgetLineForm(request.POST)
    if form.is_valid():
        try:
            services.budget_line_add(actor=request.user, proposal=proposal, **form.cleaned_data)
        except ValidationError as error:
            show_errors(form, error)
        else:
            return _answer(request, proposal, _("The budget line is added."))
    return _answer(request, proposal, budget_form=form)


def _line_form(request, line):
    if request.method == "POST":
        return BudgetLineForm(request.POST, prefix=f"line-{line.pk}")
    initial = {f: getattr(line, f) for f in ("item", "category", "quantity", "unit_cost_rwf")}
    return BudgetLineForm(prefix=f"line-{line.pk}", initial=initial)


@login_required
@require_http_methods(["GET", "POST"])
def budget_line_edit(request, pk: int, line_pk: int):
    """Members of the team: change a line of the draft's budget where it stands.

    With htmx the row turns into its form and back; without, a small page of its own.
    """
    line = selectors.budget_line_for(request.user, line_pk, "calls.edit_proposal", proposal_pk=pk)
    form = _line_form(request, line)
    if request.method == "POST" and form.is_valid():
        try:
            services.budget_line_update(actor=request.user, line=line, **form.cleaned_data)
        except ValidationError as error:
            show_errors(form, error)
        else:
            return _answer(request, line.proposal, _("The budget line is changed."))
    context = {
        "proposal": line.proposal,
        "line": line,
        "line_form": form,
        "page_errors": error_links(form),
    }
    if not request.htmx:
        return render(request, "calls/budget_line.html", context)
    row = render(request, "calls/partials/budget_line_row.html", context)
    # A refused change goes back into the row, not over the whole budget the form aims at.
    return reswap(retarget(row, f"#line-{line.pk}"), "outerHTML")


@login_required
@require_POST
def budget_line_delete(request, pk: int, line_pk: int):
    """Members of the team: remove a line from the draft's budget (the page asked first)."""
    line = selectors.budget_line_for(request.user, line_pk, "calls.edit_proposal", proposal_pk=pk)
    try:
        services.budget_line_remove(actor=request.user, line=line)
    except ValidationError as error:
        refusals_as_messages(request, error)
        return _answer(request, line.proposal)
    status = _("“%(item)s” is removed from the budget.") % {"item": line.item}
    return _answer(request, line.proposal, status)
