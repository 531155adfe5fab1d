"""Pages about calls: the public list with countdowns, and the officer's call editor."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from skillbridge.calls import selectors, services
from skillbridge.calls.forms import (
    CallForm,
    CriterionFormSet,
    NewCriterionFormSet,
    add_service_errors,
    criteria_initial,
)
from skillbridge.common.permissions import require
from skillbridge.people.models import Role
from skillbridge.people.selectors import all_roles, programme_for_member


def open_calls(request):
    """Anyone, signed in or not: the calls open now, each with the time left."""
    return render(request, "calls/open_calls.html", {"calls": selectors.calls_open()})


def call_detail(request, pk: int):
    """Anyone: a published call with its rubric. Officers of its programme also see drafts."""
    if request.user.is_authenticated:
        call = selectors.call_for(user=request.user, pk=pk)
    else:
        call = selectors.call_public(pk=pk)
    can_manage = request.user.has_perm("calls.manage_calls", call.programme)
    return render(request, "calls/call_detail.html", {"call": call, "can_manage": can_manage})


@login_required
def calls_manage(request):
    """Programme officers: the calls of their programmes."""
    if Role.PROGRAMME_OFFICER not in all_roles(request.user):
        raise PermissionDenied
    calls = selectors.calls_managed_by(request.user)
    return render(request, "calls/calls_manage.html", {"calls": calls})


def _save_call(request, *, programme, call=None):
    initial = CallForm.initial_for(call) if call else None
    form = CallForm(request.POST or None, programme=programme, initial=initial)
    formset = CriterionFormSet if call else NewCriterionFormSet
    criteria = formset(
        request.POST or None, prefix="criteria", initial=criteria_initial(call) if call else None
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
        }
        try:
            if call:
                call = services.call_update(call=call, **arguments)
            else:
                call = services.call_create(programme=programme, **arguments)
        except ValidationError as error:
            add_service_errors(form, error, elsewhere=("criteria",))
            criteria_errors = error.message_dict.get("criteria", [])
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
def call_create(request, slug: str):
    """Programme officers of the programme: open a new call."""
    programme = programme_for_member(request.user, slug)
    require(request.user, "calls.manage_calls", programme)
    return _save_call(request, programme=programme)


@login_required
def call_edit(request, pk: int):
    """Programme officers of the call's programme: change the call and its rubric."""
    call = selectors.call_for(user=request.user, pk=pk)
    require(request.user, "calls.manage_calls", call.programme)
    return _save_call(request, programme=call.programme, call=call)
