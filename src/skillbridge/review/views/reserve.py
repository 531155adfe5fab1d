"""Programme officers, after the release: disqualify a team, promote the reserve list."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from skillbridge.common.forms import show_errors
from skillbridge.review import selectors, services
from skillbridge.review.forms import DisqualifyForm, PromoteForm


@login_required
def reserve(request, pk: int):
    """Programme officers: the reserve list in order, and a place left free to fill from it."""
    call = selectors.call_for(request.user, pk, perm="review.manage_call")
    waiting = list(selectors.reserve_list(call))
    places = selectors.places_to_fill(call)
    form = PromoteForm(
        request.POST or None,
        reserve=waiting,
        initial={"proposal": str(waiting[0].proposal_id)} if waiting else {},
    )
    if request.method == "POST" and form.is_valid():
        proposal = form.chosen.proposal
        try:
            services.reserve_promote(
                actor=request.user, proposal=proposal, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(
                request,
                _("%(title)s is selected; its team is told by mail. It can now receive a grant.")
                % {"title": proposal.title},
            )
            return redirect("review:reserve", pk=call.pk)
    return render(
        request,
        "review/reserve.html",
        {"call": call, "reserve": waiting, "places": places, "form": form},
    )


@login_required
def disqualify(request, pk: int, proposal_pk: int):
    """Programme officers: disqualify a selected or reserve team after the release."""
    call = selectors.call_for(request.user, pk, perm="review.manage_call")
    decision = selectors.decision_for(
        request.user, proposal_pk, perm="review.disqualify", call_pk=call.pk
    )
    proposal = decision.proposal
    form = DisqualifyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.selection_disqualify(
                actor=request.user, proposal=proposal, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("%(title)s is disqualified.") % {"title": proposal.title})
            return redirect("review:reserve", pk=call.pk)
    return render(
        request,
        "review/disqualify.html",
        {"call": call, "proposal": proposal, "form": form},
    )
