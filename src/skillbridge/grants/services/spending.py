"""Spending: expenses against budget lines, and financial reports made from them."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from skillbridge.common.services import audit_record
from skillbridge.common.transitions import locked
from skillbridge.common.uploads import IMAGES_AND_PDF, validate_upload
from skillbridge.grants.models import Expense, FinancialReport, Grant, GrantBudgetLine
from skillbridge.grants.selectors import budget_vs_actual
from skillbridge.grants.services.common import grant_audit
from skillbridge.grants.services.moves import report_move

RECEIPT_MAX_MB = 5


@transaction.atomic
def expense_report(
    *,
    actor,
    grant: Grant,
    budget_line_id: int,
    spent_on: datetime.date,
    description: str,
    amount_rwf: int,
    receipt,
) -> Expense:
    """The team reports money spent against one of the grant's budget lines, with a
    receipt (PDF or image, at most 5 MB). Overspending is allowed but flagged to the
    officer: the money is already spent, and hiding it would help nobody."""
    grant = locked(grant, "programme")
    errors: dict[str, str] = {}
    if grant.state not in Grant.PAYABLE_STATES:
        raise ValidationError({"description": _("Spending is reported while the grant runs.")})
    line = GrantBudgetLine.objects.filter(grant=grant, pk=budget_line_id).first()
    if line is None:
        errors["budget_line"] = _("Choose one of this grant's budget lines.")
    if not description.strip():
        errors["description"] = _("Say what was bought.")
    if amount_rwf <= 0:
        errors["amount_rwf"] = _("The amount must be more than 0 RWF.")
    if spent_on > timezone.localdate():
        errors["spent_on"] = _("An expense cannot be dated in the future.")
    elif spent_on < grant.starts_on:
        errors["spent_on"] = _("Only spending from the grant's start date counts.")
    if receipt is None:
        errors["receipt"] = _("Attach the receipt.")
    else:
        try:
            validate_upload(receipt, extensions=IMAGES_AND_PDF, max_megabytes=RECEIPT_MAX_MB)
        except ValidationError as error:
            errors["receipt"] = error.messages[0]
    if errors:
        raise ValidationError(errors)
    expense = Expense.objects.create(
        grant=grant,
        budget_line=line,
        spent_on=spent_on,
        description=description.strip(),
        amount_rwf=amount_rwf,
        receipt=receipt,
        receipt_name=receipt.name[:255],
        reported_by=actor,
    )
    grant_audit(
        actor=actor,
        grant=grant,
        event="expense_reported",
        expense=expense.pk,
        budget_line=line.item,
        amount_rwf=amount_rwf,
    )
    return expense


def report_figures(grant: Grant) -> dict:
    """Budget against actual per line, totals and money received, as of today."""
    rows = budget_vs_actual(grant)
    return {
        "as_of": timezone.localdate().isoformat(),
        "lines": [
            {
                "item": row["line"].item,
                "category": row["line"].get_category_display(),
                "budget_rwf": row["budget_rwf"],
                "spent_rwf": row["spent_rwf"],
                "balance_rwf": row["balance_rwf"],
                "overspent": row["overspent"],
            }
            for row in rows
        ],
        "budget_rwf": sum(row["budget_rwf"] for row in rows),
        "spent_rwf": sum(row["spent_rwf"] for row in rows),
        "awarded_rwf": grant.amount_rwf,
        "received_rwf": grant.paid_rwf,
        "expenses": grant.expenses.count(),
    }


@transaction.atomic
def report_submit(*, actor, grant: Grant, kind: str, narrative: str = "") -> FinancialReport:
    """The team submits an interim or final financial report, generated from the data
    and frozen at submission. One report of a kind waits for review at a time."""
    grant = locked(grant, "programme")
    if grant.state not in Grant.PAYABLE_STATES:
        raise ValidationError({"kind": _("Reports are submitted while the grant runs.")})
    if kind not in FinancialReport.Kind.values:
        raise ValidationError({"kind": _("Choose an interim or a final report.")})
    reports = FinancialReport.objects.filter(grant=grant, kind=kind)
    if reports.filter(state=FinancialReport.State.SUBMITTED).exists():
        raise ValidationError({"kind": _("A report of this kind is already waiting for review.")})
    if (
        kind == FinancialReport.Kind.FINAL
        and reports.filter(state=FinancialReport.State.APPROVED).exists()
    ):
        raise ValidationError({"kind": _("The final report is already approved.")})
    report = FinancialReport.objects.create(
        grant=grant,
        kind=kind,
        narrative=narrative.strip(),
        figures=report_figures(grant),
        submitted_by=actor,
    )
    audit_record(
        actor=actor,
        action="financial_report.submitted",
        target=report,
        after=FinancialReport.State.SUBMITTED,
        data={"kind": kind},
    )
    return report


def _lock(report: FinancialReport) -> FinancialReport:
    # The grant first, as every money step locks it.
    Grant.objects.select_for_update(of=("self",)).get(pk=report.grant_id)
    return locked(report, "grant")


@transaction.atomic
def report_approve(*, actor, report: FinancialReport, comments: str = "") -> FinancialReport:
    """The officer approves a submitted financial report."""
    report = _lock(report)
    report_move(actor=actor, report=report, action="approve", comments=comments)
    return report


@transaction.atomic
def report_return(*, actor, report: FinancialReport, comments: str) -> FinancialReport:
    """The officer sends a financial report back with comments."""
    if not comments.strip():
        raise ValidationError({"comments": _("Tell the team what to correct.")})
    report = _lock(report)
    report_move(actor=actor, report=report, action="return", comments=comments)
    return report
