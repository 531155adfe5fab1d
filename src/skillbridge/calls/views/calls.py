"""Pages about calls: the public list with countdowns, and the officer's call editor."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from skillbridge.calls import selectors, services
from skillbridge.calls.forms import (
    CallForm,
    CriterionFormSet,
    NewCriterionFormSet,
    criteria_initial,
    other_languages,
)
from skillbridge.common.forms import show_errors
from skillbridge.common.permissions import require
from skillbridge.people.selectors import programme_for


def open_calls(request):
    """Anyone, signed in or not: the calls open now, each with the time left."""
    return render(request, "calls/open_calls.html", {"calls": selectors.calls_open()})


def call_detail(request, pk: int):
    """Anyone: a published call with its rubric. Officers of its programme also see drafts."""
    call = selectors.call_for(request.user, pk)
    # A newcomer's start button leads through sign-up and back to the start of a proposal.
    start_url = reverse("calls:proposal_start", args=[call.pk])
    return render(request, "calls/call_detail.html", {"call": call, "start_url": start_url})


@login_required
def calls_manage(request):
    """Programme officers: the calls of their programmes."""
    require(request.user, "calls.list_managed_calls")
    calls = selectors.calls_managed_by(request.user)
    return render(request, "calls/calls_manage.html", {"calls": calls})


def _save_call(request, *, programme, call=None):
    initial = CallForm.initial_for(call) if call else None
    form = CallForm(request.POST or None, programme=programme, initial=initial)
    formset = CriterionFormSet if call else NewCriterionFormSet
    criteria = formset(
        request.POST or None,
        prefix="criteria",
        initial=criteria_initial(call) if call else None,
        form_kwargs={"languages": other_languages(programme)},
    )
    if request.method == "POST" and form.is_valid() and criteria.is_valid():
        chosen = [
            f.as_criterion()
            for f in criteria.forms
            if f.cleaned_data and not f.cleaned_data.get("DELETE")
        ]
        arguments = {
            "actor": request.user,
            "values": form.cleaned_data,
            "sectors": list(form.cleaned_data["sectors"]),
            "colleges": list(form.cleaned_data["eligible_colleges"]),
            "required_documents": form.documents(),
            "criteria": chosen,
            "translations": form.translations(),
        }
        try:
            if call:
                call = services.call_update(call=call, **arguments)
            else:
                call = services.call_create(programme=programme, **arguments)
        except ValidationError as error:
            errors = error.message_dict
            criteria_errors = errors.pop("criteria", [])
            # The rubric's own errors are shown beside the rubric, the rest on the call's form.
            show_errors(form, ValidationError(errors))
        else:
            messages.success(request, _("The call is saved."))
            return redirect("calls:call_detail", call.pk)
    else:
        criteria_errors = []
    context = {
        "form": form,
        "criteria": criteria,
        "criteria_errors": criteria_errors,
        "call": call,
        "programme": programme,
    }
    return render(request, "calls/call_form.html", context)


@login_required
def call_translations(request, pk: int):
    """Programme officers of the call's programme: which texts still lack a translation."""
    call = selectors.call_for(request.user, pk, "calls.edit_call")
    context = {"call": call, "missing": selectors.call_missing_translations(call)}
    return render(request, "calls/call_translations.html", context)


@login_required
def call_create(request, slug: str):
    """Programme officers of the programme: open a new call."""
    programme = programme_for(request.user, slug, "calls.manage_calls")
    return _save_call(request, programme=programme)


@login_required
def call_edit(request, pk: int):
    """Programme officers of the call's programme: change the call and its rubric."""
    call = selectors.call_for(request.user, pk, "calls.edit_call")
    return _save_call(request, programme=call.programme, call=call)
