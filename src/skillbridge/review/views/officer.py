"""Programme officers: the panel and the assignment of a call."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from skillbridge.common.forms import show_errors
from skillbridge.common.permissions import require
from skillbridge.review import selectors, services
from skillbridge.review.forms import AssignmentAddForm, AssignmentFilterForm, PoolMemberForm

PAGE_SIZE = 50


@login_required
def index(request):
    """Programme officers: the calls whose review they run. Reviewers go to their assignments."""
    user = request.user
    if not user.has_perm("review.list_calls") and user.has_perm("review.list_own_reviews"):
        return redirect("review:mine")
    require(user, "review.list_calls")
    return render(request, "review/index.html", {"calls": selectors.calls_run_by(user)})


@login_required
def pool(request, pk: int):
    """Programme officers: name the call's reviewers, their load limits and expertise."""
    call = selectors.call_for(request.user, pk, perm="review.manage_call")
    form = PoolMemberForm(request.POST or None, call=call)
    if request.method == "POST" and form.is_valid():
        try:
            services.pool_member_save(
                actor=request.user,
                call=call,
                reviewer=form.cleaned_data["reviewer"],
                load_limit=form.cleaned_data["load_limit"],
                sectors=list(form.cleaned_data["sectors"]),
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("The panel is updated."))
            return redirect("review:pool", pk=call.pk)
    members = selectors.pool_of(call)
    return render(request, "review/pool.html", {"call": call, "form": form, "members": members})


@require_POST
@login_required
def pool_remove(request, pk: int, member_pk: int):
    """Programme officers: take a reviewer off the panel."""
    member = selectors.pool_member_for(
        request.user, member_pk, perm="review.manage_call", call_pk=pk
    )
    try:
        services.pool_member_remove(actor=request.user, member=member)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("review:pool", pk=pk)


@login_required
def assignments(request, pk: int):
    """Programme officers: every assignment of the call; run the engine; adjust by hand."""
    call = selectors.call_for(request.user, pk, perm="review.manage_call")
    form = AssignmentAddForm(request.POST or None, call=call)
    if request.method == "POST" and form.is_valid():
        try:
            services.assignment_add(
                actor=request.user,
                proposal=form.cleaned_data["proposal"],
                reviewer=form.cleaned_data["reviewer"],
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("The reviewer is assigned; the pair is locked."))
            return redirect("review:assignments", pk=call.pk)
    filters = AssignmentFilterForm(request.GET, call=call)
    found = filters.cleaned_data if filters.is_valid() else {}
    assignments = selectors.assignments_of(
        call,
        reviewer=found.get("reviewer"),
        proposal=found.get("proposal", ""),
        state=found.get("state", ""),
    )
    page = Paginator(assignments, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "review/assignments.html",
        {"call": call, "form": form, "filters": filters, "page": page},
    )


@require_POST
@login_required
def assignment_remove(request, pk: int, review_pk: int):
    """Programme officers: remove one assignment; later runs will not use the pair."""
    call = selectors.call_for(request.user, pk, perm="review.manage_call")
    review = selectors.review_for(
        request.user, review_pk, perm="review.remove_assignment", call_pk=call.pk
    )
    try:
        services.assignment_remove(actor=request.user, review=review)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("review:assignments", pk=pk)
