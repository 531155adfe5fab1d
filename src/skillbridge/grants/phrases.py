"""What each grant event is called on the grant's timeline."""

from django.utils.translation import gettext_lazy as _

from skillbridge.common.models import AuditEntry

# By audit action: `<noun>.<state reached>` for a move (grants.states), `<noun>.<event>` else.
EVENT_LABELS = {
    "grant.awarded": _("Grant awarded"),
    "grant.schedule_set": _("Schedule of tranches changed"),
    "grant.budget_set": _("Budget adjusted"),
    "grant.agreement_accepted": _("Agreement accepted by the team lead"),
    "tranche.payable": _("Tranche became payable"),
    "grant.active": _("Grant active"),
    "grant.payment_recorded": _("Payment recorded"),
    "grant.payment_reversed": _("Payment reversed"),
    "milestone.submitted": _("Milestone evidence submitted"),
    "milestone.approved": _("Milestone approved"),
    "milestone.returned": _("Milestone returned with comments"),
    "grant.expense_reported": _("Expense reported"),
    "financial_report.submitted": _("Financial report submitted"),
    "financial_report.approved": _("Financial report approved"),
    "financial_report.returned": _("Financial report returned"),
    "grant.suspended": _("Grant suspended"),
    "grant.terminated": _("Grant terminated"),
    "grant.closed": _("Grant closed"),
    "amendment.pending": _("Amendment asked"),
    "amendment.approved": _("Amendment approved"),
    "amendment.rejected": _("Amendment rejected"),
    "grant.amended": _("Agreement amended: new version"),
}
# A resumed grant reaches "active" or "agreement accepted" again: its entry says why.
RESUMED = _("Grant resumed")
RESUMING = {"resume", "resume_unpaid"}


def event_label(entry: AuditEntry) -> str:
    if entry.data.get("transition") in RESUMING:
        return RESUMED
    return EVENT_LABELS.get(entry.action, entry.action)
