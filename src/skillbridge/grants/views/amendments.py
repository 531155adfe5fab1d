"""Amendments of an accepted agreement: asked by the team lead or the officer, decided by the
officer; and the agreement's frozen versions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from skillbridge.common.forms import show_errors
from skillbridge.grants import selectors
from skillbridge.grants.forms import AMENDMENT_FORMS, DecisionForm
from skillbridge.grants.models import Amendment
from skillbridge.grants.services import amendments as service


def _page(request, grant, decision_form=None):
    return render(
        request,
        "grants/amendments.html",
        {
            "grant": grant,
            "amendments": selectors.amendments_of(grant),
            "pending": selectors.pending_amendment(grant),
            "versions": grant.versions.all(),
            "kinds": Amendment.Kind.choices,
            "decision_form": decision_form or DecisionForm(),
        },
    )


@login_required
def amendments(request, pk):
    """Programme officers, finance officers and the grant's own team: the amendments asked
    and decided, and the agreement's versions."""
    grant = selectors.grant_for(request.user, pk, "grants.view_grant")
    return _page(request, grant)


@login_required
def amendment_new(request, pk, kind):
    """The grant's team lead and programme officers: ask for an amendment of one kind."""
    form_class = AMENDMENT_FORMS.get(kind)
    if form_class is None:
        raise Http404
    grant = selectors.grant_for(request.user, pk, "grants.request_amendment")
    form = form_class(request.POST or None, grant=grant)
    if request.method == "POST" and form.is_valid():
        try:
            service.amendment_request(
                actor=request.user,
                grant=grant,
                kind=kind,
                reason=form.cleaned_data["reason"],
                changes=form.changes(),
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Your request is sent to the programme officer."))
            return redirect("grants:amendments", pk=grant.pk)
    title = Amendment.Kind(kind).label
    return render(
        request, "grants/amendment_new.html", {"grant": grant, "form": form, "title": title}
    )


@login_required
@require_POST
def amendment_decide(request, pk):
    """Programme officers: approve or reject the grant's pending amendment."""
    grant = selectors.grant_for(request.user, pk, "grants.decide_amendment")
    pending = selectors.pending_amendment(grant)
    if pending is None:
        messages.info(request, _("No amendment of this grant is waiting for a decision."))
        return redirect("grants:amendments", pk=grant.pk)
    form = DecisionForm(request.POST)
    if form.is_valid():
        decide = (
            service.amendment_approve
            if form.cleaned_data["decision"] == "approve"
            else service.amendment_reject
        )
        try:
            decide(actor=request.user, amendment=pending, comments=form.cleaned_data["comments"])
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Your decision is recorded."))
            return redirect("grants:amendments", pk=grant.pk)
    return _page(request, grant, decision_form=form)
