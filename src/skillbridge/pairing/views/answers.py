"""A pairing's own page and the professional's answers.

Whoever may see a pairing (officer, the professional once invited, the team
once accepted) opens it; anyone else gets 404. Answering is for the
professional alone (others who may see it get 403); moving it on is for officers.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from skillbridge.common.forms import show_errors
from skillbridge.common.permissions import require
from skillbridge.pairing import selectors, services
from skillbridge.pairing.forms import ReasonForm
from skillbridge.pairing.models import Pairing
from skillbridge.pairing.phrases import engine_reason
from skillbridge.pairing.states import PAIRING

OFFICER_ACTIONS = {
    "confirm": services.pairing_confirm,
    "start": services.pairing_start,
    "complete": services.pairing_complete,
}


def _detail(request, pairing, *, decline_form=None, cancel_form=None, status=200):
    user = request.user
    is_professional = user.has_perm("pairing.answer_pairing", pairing)
    is_officer = user.has_perm("pairing.manage_pairing", pairing)
    sharing = selectors.sharing_consents([pairing])
    return render(
        request,
        "pairing/pairing_detail.html",
        {
            "pairing": pairing,
            "need": pairing.need,
            "invitation": selectors.invitation_of(pairing) if is_professional else None,
            "is_professional": is_professional,
            "is_officer": is_officer,
            "awaiting_work": PAIRING.can(pairing, "start"),
            "mentor": selectors.mentor_card(pairing, sharing),
            "reasons": [engine_reason(text, pairing.need.sector) for text in pairing.reasons],
            "decline_form": decline_form or ReasonForm(),
            "cancel_form": cancel_form or ReasonForm(),
        },
        status=status,
    )


@login_required
def mine(request):
    """Diaspora professionals: their invitations and pairings, newest first."""
    require(request.user, "pairing.view_own_pairings")
    invitations = list(selectors.open_invitations(request.user))
    answered = selectors.own_pairings(request.user).exclude(state=Pairing.State.INVITED)
    return render(
        request,
        "pairing/mine.html",
        {"invitations": invitations, "pairings": answered, "decline_form": ReasonForm()},
    )


@login_required
def detail(request, pk: int):
    """Officers of the programme, the professional (once invited), the team (once accepted)."""
    return _detail(request, selectors.pairing_for(request.user, pk))


@require_POST
@login_required
def accept(request, pk: int):
    """The invited professional: accept before the deadline."""
    pairing = selectors.pairing_for(request.user, pk, "pairing.answer_pairing")
    try:
        services.pairing_accept(actor=request.user, pairing=pairing)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Thank you: you are paired with this project."))
    return redirect("pairing:detail", pk)


@require_POST
@login_required
def decline(request, pk: int):
    """The invited professional: decline, saying why."""
    pairing = selectors.pairing_for(request.user, pk, "pairing.answer_pairing")
    form = ReasonForm(request.POST)
    if form.is_valid():
        try:
            services.pairing_decline(
                actor=request.user, pairing=pairing, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Your answer is recorded. Thank you for telling us."))
            return redirect("pairing:detail", pk)
    return _detail(request, pairing, decline_form=form, status=400)


@require_POST
@login_required
def officer_action(request, pk: int, action: str):
    """Programme officers: confirm (invite), start or complete a pairing."""
    pairing = selectors.pairing_for(request.user, pk, "pairing.manage_pairing")
    service = OFFICER_ACTIONS.get(action)
    if service is None:
        return redirect("pairing:detail", pk)
    try:
        service(actor=request.user, pairing=pairing)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The pairing is updated."))
    target = request.POST.get("next", "")
    if target.startswith("/") and not target.startswith("//"):
        return redirect(target)
    return redirect("pairing:detail", pk)


@require_POST
@login_required
def cancel(request, pk: int):
    """Programme officers: cancel a pairing that is not finished, saying why."""
    pairing = selectors.pairing_for(request.user, pk, "pairing.manage_pairing")
    form = ReasonForm(request.POST)
    if form.is_valid():
        try:
            services.pairing_cancel(
                actor=request.user, pairing=pairing, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("The pairing is cancelled."))
            return redirect("pairing:detail", pk)
    return _detail(request, pairing, cancel_form=form, status=400)
