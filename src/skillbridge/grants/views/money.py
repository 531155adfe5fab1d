"""Payments, milestones, expenses and financial reports of one grant."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from skillbridge.common.exports import table_response
from skillbridge.common.forms import show_errors
from skillbridge.common.uploads import private_file_response
from skillbridge.grants import exports, selectors
from skillbridge.grants.forms import (
    EvidenceForm,
    ExpenseForm,
    PaymentForm,
    ReportForm,
    ReverseForm,
    ReviewForm,
)
from skillbridge.grants.services import milestones, payments, spending
from skillbridge.people.selectors import programme_for


def _payment_initial(grant, tranche) -> dict:
    """The form filled in for `tranche`: what remains, the payee, the channel, the batch
    reference (so a payment sent in a batch is recorded under the batch's reference)."""
    initial = {"paid_on": timezone.localdate(), **exports.payee_of(grant)}
    if tranche is not None:
        payments_so_far = selectors.tranche_payments(tranche)
        initial |= {
            "tranche": tranche.pk,
            "amount": tranche.remaining_rwf,
            "reference": exports.batch_reference(tranche, payments=payments_so_far),
        }
    return initial


def _chosen_tranche(request, payable):
    """The payable tranche named by `?tranche=` (the queue's Pay link), else the oldest."""
    wanted = request.GET.get("tranche", "")
    chosen = next((t for t in payable if str(t.pk) == wanted), None)
    return chosen or (payable[0] if payable else None)


@login_required
def pay(request, pk):
    """Finance officers: record a payment of a payable tranche."""
    grant = selectors.grant_for(request.user, pk, "grants.pay_grant")
    tranches = list(grant.tranches.order_by("number"))
    payable = [t for t in tranches if t.payable_since and t.remaining_rwf > 0]
    form = PaymentForm(
        request.POST or None,
        tranches=tranches,
        initial=_payment_initial(grant, _chosen_tranche(request, payable)),
    )
    if request.method == "POST" and form.is_valid():
        try:
            _entry, created = payments.disbursement_record(
                actor=request.user, grant=grant, **_payment_arguments(form.cleaned_data)
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            if created:
                messages.success(request, _("The payment is recorded."))
            else:
                messages.info(
                    request, _("This payment was already recorded: nothing was paid twice.")
                )
            return redirect("grants:detail", pk=grant.pk)
    return render(request, "grants/pay.html", {"grant": grant, "form": form, "payable": payable})


def _payment_arguments(data: dict) -> dict:
    return {
        "tranche_id": data["tranche"],
        "amount_rwf": data["amount"],
        "paid_on": data["paid_on"],
        "method": data["method"],
        "reference": data["reference"],
        "note": data["note"],
        "payee_name": data["payee_name"],
        "payee_account": data["payee_account"],
    }


@login_required
def payment_batch(request, slug):
    """Finance officers: the payable tranches as a CSV for a bank or mobile-money bulk upload."""
    programme = programme_for(request.user, slug, "grants.pay_programme")
    today = timezone.localdate()
    return table_response(
        filename=f"payment-batch-{programme.slug}-{today.isoformat()}",
        file_format="csv",
        headers=exports.BATCH_HEADERS,
        rows=(exports.batch_row(tranche) for tranche in selectors.payable_tranches(programme)),
    )


@login_required
def reverse_payment(request, pk):
    """Finance officers: correct a payment with a reversing entry."""
    entry = selectors.disbursement_for(request.user, pk, "grants.reverse_payment")
    form = ReverseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            payments.disbursement_reverse(actor=request.user, entry=entry, **form.cleaned_data)
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("The payment is reversed."))
            return redirect("grants:detail", pk=entry.grant_id)
    return render(request, "grants/reverse.html", {"entry": entry, "form": form})


@login_required
def milestone_evidence(request, pk):
    """The grant's own team: submit the evidence of a milestone."""
    milestone = selectors.milestone_for(request.user, pk, "grants.submit_evidence")
    grant = milestone.tranche.grant
    form = EvidenceForm(
        request.POST or None, request.FILES or None, initial={"text": milestone.evidence_text}
    )
    if request.method == "POST" and form.is_valid():
        try:
            milestones.milestone_submit_evidence(
                actor=request.user,
                milestone=milestone,
                text=form.cleaned_data["text"],
                upload=form.cleaned_data["file"],
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Your evidence is sent to the programme officer."))
            return redirect("grants:detail", pk=grant.pk)
    return render(request, "grants/evidence.html", {"milestone": milestone, "form": form})


@login_required
def milestone_review(request, pk):
    """Programme officers: approve a milestone's evidence or return it with comments."""
    milestone = selectors.milestone_for(request.user, pk, "grants.review_milestone")
    grant = milestone.tranche.grant
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        decision = form.cleaned_data["decision"]
        comments = form.cleaned_data["comments"]
        try:
            if decision == "approve":
                milestones.milestone_approve(
                    actor=request.user, milestone=milestone, comments=comments
                )
            else:
                milestones.milestone_return(
                    actor=request.user, milestone=milestone, comments=comments
                )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Your decision is recorded."))
            return redirect("grants:detail", pk=grant.pk)
    return render(request, "grants/milestone_review.html", {"milestone": milestone, "form": form})


@login_required
def milestone_file(request, pk):
    """Programme officers, finance officers and the grant's own team: the evidence file."""
    milestone = selectors.milestone_for(request.user, pk, "grants.view_evidence")
    if not milestone.evidence_file:
        raise Http404
    return private_file_response(milestone.evidence_file, filename=milestone.evidence_name)


@login_required
def expense_new(request, pk):
    """The grant's own team: report an expense with its receipt."""
    grant = selectors.grant_for(request.user, pk, "grants.report_on_grant")
    form = ExpenseForm(request.POST or None, request.FILES or None, lines=grant.budget_lines.all())
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            spending.expense_report(
                actor=request.user,
                grant=grant,
                budget_line_id=data["budget_line"],
                spent_on=data["spent_on"],
                description=data["description"],
                amount_rwf=data["amount_rwf"],
                receipt=data["receipt"],
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("The expense is reported."))
            return redirect("grants:detail", pk=grant.pk)
    return render(request, "grants/expense.html", {"grant": grant, "form": form})


@login_required
def expense_receipt(request, pk):
    """Programme officers, finance officers and the grant's own team: a receipt."""
    expense = selectors.expense_for(request.user, pk, "grants.view_receipt")
    return private_file_response(expense.receipt, filename=expense.receipt_name)


@login_required
def report_new(request, pk):
    """The grant's own team: submit an interim or final financial report."""
    grant = selectors.grant_for(request.user, pk, "grants.report_on_grant")
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            report = spending.report_submit(actor=request.user, grant=grant, **form.cleaned_data)
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("The report is submitted."))
            return redirect("grants:report", pk=report.pk)
    preview = spending.report_figures(grant)
    return render(
        request, "grants/report_new.html", {"grant": grant, "form": form, "preview": preview}
    )


def _report_xlsx(report):
    figures = report.figures
    rows = [
        [
            line["item"],
            line["category"],
            line["budget_rwf"],
            line["spent_rwf"],
            line["balance_rwf"],
            _("yes") if line["overspent"] else "",
        ]
        for line in figures["lines"]
    ]
    rows.append(
        [
            _("Total"),
            "",
            figures["budget_rwf"],
            figures["spent_rwf"],
            figures["budget_rwf"] - figures["spent_rwf"],
            "",
        ]
    )
    rows.append([_("Received"), "", figures["received_rwf"], "", "", ""])
    return table_response(
        filename=f"financial-report-{report.grant_id}-{report.pk}",
        file_format="xlsx",
        headers=[
            _("Item"),
            _("Category"),
            _("Budget (RWF)"),
            _("Spent (RWF)"),
            _("Balance (RWF)"),
            _("Overspent"),
        ],
        rows=rows,
        sheet_title=report.get_kind_display(),
    )


def _report_page(request, report, form):
    return render(
        request,
        "grants/report.html",
        {"report": report, "grant": report.grant, "figures": report.figures, "form": form},
    )


@login_required
def report_detail(request, pk):
    """Programme officers, finance officers and the grant's own team: a financial report;
    `?format=xlsx` downloads its figures."""
    report = selectors.report_for(request.user, pk, "grants.view_report")
    if request.GET.get("format") == "xlsx":
        return _report_xlsx(report)
    return _report_page(request, report, ReviewForm())


@login_required
def report_review(request, pk):
    """Programme officers: approve a financial report or return it with comments."""
    report = selectors.report_for(request.user, pk, "grants.review_report")
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        comments = form.cleaned_data["comments"]
        try:
            if form.cleaned_data["decision"] == "approve":
                spending.report_approve(actor=request.user, report=report, comments=comments)
            else:
                spending.report_return(actor=request.user, report=report, comments=comments)
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Your decision is recorded."))
            return redirect("grants:report", pk=report.pk)
    return _report_page(request, report, form)
