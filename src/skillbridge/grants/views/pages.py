"""The programme's grants, awarding, the grant page, its agreement and its state."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from skillbridge.common.exports import table_response
from skillbridge.common.forms import show_errors
from skillbridge.grants import documents, selectors
from skillbridge.grants.forms import (
    AcceptForm,
    AwardForm,
    BudgetFormSet,
    ReasonForm,
    ScheduleFormSet,
)
from skillbridge.grants.models import Grant
from skillbridge.grants.services import awards
from skillbridge.people.selectors import programme_for

PER_PAGE = 50


@login_required
def home(request):
    """Anyone signed in: the grants they may see (their team's, or their programmes')."""
    page = Paginator(selectors.grant_list_for(request.user), PER_PAGE).get_page(
        request.GET.get("page")
    )
    page.object_list = selectors.with_state_labels(page.object_list)
    return render(
        request,
        "grants/home.html",
        {
            "page": page,
            "programmes": selectors.staff_programmes(request.user),
        },
    )


@login_required
def programme_grants(request, slug):
    """Programme officers and finance officers: every grant, the envelope, and the selected
    proposals still waiting for their grant."""
    programme = programme_for(request.user, slug, "grants.view_programme_grants")
    page = Paginator(selectors.programme_grants(programme), PER_PAGE).get_page(
        request.GET.get("page")
    )
    page.object_list = selectors.with_state_labels(page.object_list)
    return render(
        request,
        "grants/programme.html",
        {
            "programme": programme,
            "page": page,
            "awaiting": selectors.awaiting_grant_list(programme),
            "envelope": selectors.envelope_of(programme),
        },
    )


def _dashboard_rows(payable, overdue, upcoming):
    for tranche in payable:
        yield [
            _("Payable"),
            tranche.grant.proposal.title,
            tranche.number,
            tranche.amount_rwf,
            tranche.remaining_rwf,
            timezone.localdate(tranche.payable_since),
        ]
    for milestone in overdue:
        yield [
            _("Overdue milestone"),
            milestone.tranche.grant.proposal.title,
            milestone.tranche.number,
            milestone.tranche.amount_rwf,
            milestone.tranche.remaining_rwf,
            milestone.due_on,
        ]
    for tranche in upcoming:
        yield [
            _("Upcoming"),
            tranche.grant.proposal.title,
            tranche.number,
            tranche.amount_rwf,
            tranche.remaining_rwf,
            tranche.planned_on or "",
        ]


@login_required
def finance_dashboard(request, slug):
    """Programme officers and finance officers: payable tranches, overdue milestones and
    upcoming payments; `?format=xlsx` downloads them."""
    programme = programme_for(request.user, slug, "grants.view_programme_grants")
    today = timezone.localdate()
    payable = selectors.payable_tranches(programme)
    overdue = selectors.overdue_milestones(programme, today=today)
    upcoming = selectors.upcoming_tranches(programme, today=today)
    if request.GET.get("format") == "xlsx":
        return table_response(
            filename=f"payments-{programme.slug}-{today.isoformat()}",
            file_format="xlsx",
            headers=[
                _("List"),
                _("Grant"),
                _("Tranche"),
                _("Amount (RWF)"),
                _("Remaining (RWF)"),
                _("Date"),
            ],
            rows=_dashboard_rows(payable, overdue, upcoming),
            sheet_title=_("Payments"),
        )
    return render(
        request,
        "grants/finance.html",
        {
            "programme": programme,
            "payable": payable,
            "overdue": overdue,
            "upcoming": upcoming,
            "today": today,
        },
    )


@login_required
def award(request, slug, proposal_pk):
    """Programme officers: award a grant to a selected proposal."""
    programme = programme_for(request.user, slug, "grants.award_grant")
    proposal = get_object_or_404(selectors.proposals_awaiting_grant(programme), pk=proposal_pk)
    today = timezone.localdate()
    last = Grant.objects.filter(programme=programme).order_by("-awarded_at").first()
    form = AwardForm(
        request.POST or None,
        initial={
            "amount_rwf": proposal.requested_amount_rwf,
            "exchange_rate": last.exchange_rate if last else None,
            "starts_on": today,
            "ends_on": today + datetime.timedelta(days=365),
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            grant = awards.grant_award(actor=request.user, proposal=proposal, **form.cleaned_data)
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("The grant is awarded. Check its schedule and budget."))
            return redirect("grants:detail", pk=grant.pk)
    lines = proposal.budget_lines.all()
    return render(
        request,
        "grants/award.html",
        {
            "programme": programme,
            "proposal": proposal,
            "form": form,
            "lines": lines,
            "lines_total": sum(line.total_rwf for line in lines),
        },
    )


@login_required
def detail(request, pk):
    """Programme officers, finance officers and the grant's own team: the grant, its
    tranches, milestones, ledger, spending and timeline."""
    grant = selectors.grant_for(request.user, pk, "grants.view_grant", everything=True)
    user = request.user
    rows = selectors.budget_vs_actual(grant)
    budget_total = sum(r["budget_rwf"] for r in rows)
    spent_total = sum(r["spent_rwf"] for r in rows)
    return render(
        request,
        "grants/detail.html",
        {
            "grant": grant,
            "tranches": grant.tranches.all(),
            "budget_rows": rows,
            "budget_total": budget_total,
            "spent_total": spent_total,
            "budget_balance": budget_total - spent_total,
            # The budget carried over from the proposal may not add up to the award.
            "budget_over": max(budget_total - grant.amount_rwf, 0),
            "budget_short": max(grant.amount_rwf - budget_total, 0),
            "timeline": selectors.timeline_of(grant),
            "pending_amendment": selectors.pending_amendment(grant),
            "can_manage": user.has_perm("grants.manage_grant", grant),
            "can_pay": user.has_perm("grants.pay_grant", grant),
            "accept_form": AcceptForm(),
            "reason_form": ReasonForm(),
        },
    )


@login_required
def agreement_pdf(request, pk):
    """Programme officers, finance officers and the grant's own team: the agreement PDF as
    the grant stands, or `?version=N`, one of its stored versions."""
    grant = selectors.grant_for(request.user, pk, "grants.view_grant")
    number = request.GET.get("version", "")
    if number:
        # A frozen version: the terms as they stood then, stored when it was made.
        version = get_object_or_404(grant.versions, number=number if number.isdigit() else 0)
        pdf = version.pdf.read()
        filename = f"grant-agreement-{grant.pk}-v{version.number}.pdf"
    else:
        pdf = documents.agreement_pdf(grant, language=request.LANGUAGE_CODE)
        filename = f"grant-agreement-{grant.pk}.pdf"
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@login_required
@require_POST
def accept_agreement(request, pk):
    """The grant's team lead: accept the agreement online."""
    grant = selectors.grant_for(request.user, pk, "grants.accept_agreement")
    form = AcceptForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Tick the box to confirm that you accept the agreement."))
        return redirect("grants:detail", pk=grant.pk)
    try:
        awards.grant_accept_agreement(actor=request.user, grant=grant)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("You accepted the agreement. The first tranche can be paid."))
    return redirect("grants:detail", pk=grant.pk)


@login_required
def schedule(request, pk):
    """Programme officers: set the tranches and milestones before the agreement is accepted."""
    grant = selectors.grant_for(request.user, pk, "grants.manage_grant")
    initial = [
        {
            "share": round(t.amount_rwf * 100 / grant.amount_rwf, 2),
            "deliverable": getattr(getattr(t, "milestone", None), "deliverable", ""),
            "due_on": getattr(getattr(t, "milestone", None), "due_on", None),
            "evidence_expected": getattr(getattr(t, "milestone", None), "evidence_expected", ""),
        }
        for t in grant.tranches.select_related("milestone").order_by("number")
    ]
    formset = ScheduleFormSet(request.POST or None, initial=initial, prefix="tranche")
    error_message = ""
    if request.method == "POST" and formset.is_valid():
        plans = [
            awards.TranchePlan(
                share=row["share"],
                deliverable=row.get("deliverable", ""),
                due_on=row.get("due_on"),
                evidence_expected=row.get("evidence_expected", ""),
            )
            for row in formset.cleaned_data
            if row
        ]
        try:
            awards.grant_set_schedule(actor=request.user, grant=grant, schedule=plans)
        except ValidationError as error:
            error_message = " ".join(error.messages)
        else:
            messages.success(request, _("The schedule is saved."))
            return redirect("grants:detail", pk=grant.pk)
    return render(
        request,
        "grants/schedule.html",
        {"grant": grant, "formset": formset, "error_message": error_message},
    )


@login_required
def budget(request, pk):
    """Programme officers: adjust the budget lines before the agreement is accepted."""
    grant = selectors.grant_for(request.user, pk, "grants.manage_grant")
    initial = [
        {"item": line.item, "category": line.category, "amount_rwf": line.amount_rwf}
        for line in grant.budget_lines.all()
    ]
    formset = BudgetFormSet(request.POST or None, initial=initial, prefix="line")
    error_message = ""
    if request.method == "POST" and formset.is_valid():
        lines = [
            {key: row[key] for key in ("item", "category", "amount_rwf")}
            for row in formset.cleaned_data
            if row and not row.get("DELETE")
        ]
        try:
            awards.grant_set_budget(actor=request.user, grant=grant, lines=lines)
        except ValidationError as error:
            error_message = " ".join(error.messages)
        else:
            messages.success(request, _("The budget is saved."))
            return redirect("grants:detail", pk=grant.pk)
    return render(
        request,
        "grants/budget.html",
        {"grant": grant, "formset": formset, "error_message": error_message},
    )


STATE_ACTIONS = {
    "suspend": (awards.grant_suspend, gettext_lazy("Suspend the grant")),
    "resume": (awards.grant_resume, gettext_lazy("Resume the grant")),
    "terminate": (awards.grant_terminate, gettext_lazy("Terminate the grant")),
    "close": (awards.grant_close, gettext_lazy("Close the grant")),
}


@login_required
def change_state(request, pk, action):
    """Programme officers: suspend, resume, terminate or close a grant, with a reason.

    A refusal (no reason, a state that does not allow the step) is shown at the
    reason field of the step's own page, with what was typed kept.
    """
    if action not in STATE_ACTIONS:
        raise Http404
    service, title = STATE_ACTIONS[action]
    grant = selectors.grant_for(request.user, pk, "grants.manage_grant")
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            service(actor=request.user, grant=grant, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            # The step has one field: every refusal of it is shown there.
            form.add_error("reason", error.messages)
        else:
            messages.success(request, _("The grant's state is changed."))
            return redirect("grants:detail", pk=grant.pk)
    return render(request, "grants/state.html", {"grant": grant, "form": form, "title": title})
