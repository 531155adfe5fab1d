"""Programme officers: the panel, the assignment, the ranking, the selection, the decisions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from skillbridge.calls.models import Call
from skillbridge.people.models import Organisation, Role
from skillbridge.people.selectors import roles_by_programme
from skillbridge.review import selectors, services
from skillbridge.review.forms import (
    AssignmentAddForm,
    DecisionForm,
    PoolMemberForm,
    RankingFilterForm,
    ReleaseForm,
    SelectionForm,
    StageSelectionForm,
)
from skillbridge.review.models import Decision, PoolMember, Review
from skillbridge.review.views._helpers import errors_to_form, officer_call


@login_required
def index(request):
    """Programme officers: the calls whose review they run. Reviewers go to their assignments."""
    programmes = [
        pid
        for pid, roles in roles_by_programme(request.user).items()
        if Role.PROGRAMME_OFFICER in roles
    ]
    if not programmes:
        if any(Role.REVIEWER in r for r in roles_by_programme(request.user).values()):
            return redirect("review:mine")
        raise PermissionDenied
    calls = Call.objects.filter(programme_id__in=programmes).select_related("programme")
    return render(request, "review/index.html", {"calls": calls})


@login_required
def pool(request, pk: int):
    """Programme officers: name the call's reviewers, their load limits and expertise."""
    call = officer_call(request, pk)
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
            errors_to_form(form, error)
        else:
            messages.success(request, _("The panel is updated."))
            return redirect("review:pool", pk=call.pk)
    members = selectors.pool_of(call)
    return render(request, "review/pool.html", {"call": call, "form": form, "members": members})


@require_POST
@login_required
def pool_remove(request, pk: int, member_pk: int):
    """Programme officers: take a reviewer off the panel."""
    call = officer_call(request, pk)
    member = get_object_or_404(PoolMember, call=call, pk=member_pk)
    try:
        services.pool_member_remove(actor=request.user, member=member)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("review:pool", pk=call.pk)


@login_required
def assignments(request, pk: int):
    """Programme officers: every assignment of the call; run the engine; adjust by hand."""
    call = officer_call(request, pk)
    form = AssignmentAddForm(request.POST or None, call=call)
    if request.method == "POST" and form.is_valid():
        try:
            services.assignment_add(
                actor=request.user,
                proposal=form.cleaned_data["proposal"],
                reviewer=form.cleaned_data["reviewer"],
            )
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            messages.success(request, _("The reviewer is assigned; the pair is locked."))
            return redirect("review:assignments", pk=call.pk)
    page = Paginator(selectors.assignments_of(call), 100).get_page(request.GET.get("page"))
    return render(
        request,
        "review/assignments.html",
        {"call": call, "form": form, "page": page, "pool": selectors.pool_of(call)},
    )


@require_POST
@login_required
def assignment_run(request, pk: int):
    """Programme officers: run the assignment engine for the call."""
    call = officer_call(request, pk)
    summary = services.assignment_run(actor=request.user, call=call)
    messages.success(
        request,
        _("%(created)s new assignments, %(kept)s kept, %(dropped)s untouched ones withdrawn.")
        % {"created": summary.created, "kept": summary.kept, "dropped": summary.dropped},
    )
    if summary.unfilled:
        messages.warning(
            request,
            _("%(count)s proposals still lack reviewers: add reviewers or raise load limits.")
            % {"count": len(summary.unfilled)},
        )
    return redirect("review:assignments", pk=call.pk)


@require_POST
@login_required
def assignment_remove(request, pk: int, review_pk: int):
    """Programme officers: remove one assignment; later runs will not use the pair."""
    call = officer_call(request, pk)
    review = get_object_or_404(Review, proposal__call=call, pk=review_pk)
    try:
        services.assignment_remove(actor=request.user, review=review)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("review:assignments", pk=call.pk)


@login_required
def ranking(request, pk: int):
    """Programme officers: the proposals by score, raw and calibrated, sortable and filterable."""
    call = officer_call(request, pk)
    rows = selectors.ranking(call)
    colleges = Organisation.objects.filter(pk__in={r.proposal.college_id for r in rows}).order_by(
        "short_name"
    )
    form = RankingFilterForm(request.GET or None, call=call, colleges=colleges)
    shown = rows
    if form.is_valid():
        shown = selectors.sort_and_filter(
            rows,
            sort=form.cleaned_data["sort"] or "calibrated",
            sector=form.cleaned_data["sector"],
            college=form.cleaned_data["college"],
            flagged=form.cleaned_data["flagged"],
            outcome=form.cleaned_data["outcome"],
        )
    return render(
        request,
        "review/ranking.html",
        {"call": call, "form": form, "rows": shown, "total": len(rows)},
    )


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


@login_required
def selection(request, pk: int):
    """Programme officers: the best set of N under quotas, the quotas that bound it; stage it.

    Once every reviewed proposal has a released decision, the set is computed
    among all of them, for comparison with the committee's choice, and nothing
    can be staged.
    """
    call = officer_call(request, pk)
    if request.method == "POST":
        form = StageSelectionForm(request.POST)
        if form.is_valid():
            found = _selection(call, form.cleaned_data)
            if not found.rows:
                messages.error(
                    request, _("Every reviewed proposal already has a decision: nothing is left.")
                )
                return redirect("review:selection", pk=call.pk)
            if not found.selection.feasible:
                form.add_error(None, _("No set of proposals meets these quotas."))
            else:
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
                    errors_to_form(form, error)
                else:
                    messages.success(
                        request, _("The decisions are staged; release them when ready.")
                    )
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
                    return redirect("review:decisions", pk=call.pk)
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
    """Programme officers: the staged and released decisions; release them together."""
    call = officer_call(request, pk)
    form = ReleaseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            count = services.decisions_release(
                actor=request.user, call=call, share_comments=form.cleaned_data["share_comments"]
            )
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            messages.success(request, _("%(count)s decisions released.") % {"count": count})
            return redirect("review:decisions", pk=call.pk)
    items = list(selectors.decisions_of(call))
    staged = [d for d in items if d.released_at is None]
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
    call = officer_call(request, pk)
    row = next((r for r in selectors.ranking(call) if r.proposal.pk == proposal_pk), None)
    if row is None:
        raise PermissionDenied
    existing = Decision.objects.filter(proposal=row.proposal).first()
    initial = {}
    if existing:
        initial = {"outcome": existing.outcome, "reason": existing.reason}
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
            errors_to_form(form, error)
        else:
            messages.success(request, _("The decision is staged."))
            return redirect("review:decisions", pk=call.pk)
    return render(request, "review/decide.html", {"call": call, "row": row, "form": form})
