"""Programme officers, after the release: disqualify a team, promote the reserve list."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from skillbridge.calls.models import Proposal
from skillbridge.review import selectors, services
from skillbridge.review.forms import DisqualifyForm, PromoteForm
from skillbridge.review.views._helpers import errors_to_form, officer_call


@login_required
def reserve(request, pk: int):
    """Programme officers: the reserve list in order, and a place left free to fill from it."""
    call = officer_call(request, pk)
    waiting = list(selectors.reserve_list(call))
    places = selectors.places_to_fill(call)
    form = PromoteForm(
        request.POST or None,
        reserve=waiting,
        initial={"proposal": str(waiting[0].proposal_id)} if waiting else {},
    )
    if request.method == "POST" and form.is_valid():
        proposal = get_object_or_404(Proposal, call=call, pk=form.cleaned_data["proposal"])
        try:
            services.reserve_promote(
                actor=request.user, proposal=proposal, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            errors_to_form(form, error)
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
    call = officer_call(request, pk)
    proposal = get_object_or_404(
        Proposal.objects.select_related("college", "decision"),
        call=call,
        pk=proposal_pk,
        decision__released_at__isnull=False,
    )
    form = DisqualifyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.selection_disqualify(
                actor=request.user, proposal=proposal, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            messages.success(request, _("%(title)s is disqualified.") % {"title": proposal.title})
            return redirect("review:reserve", pk=call.pk)
    return render(
        request, "review/disqualify.html", {"call": call, "proposal": proposal, "form": form}
    )
