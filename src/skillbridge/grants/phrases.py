"""What each grant event is called on the grant's timeline."""

from django.utils.translation import gettext_lazy as _

EVENT_LABELS = {
    "grants.awarded": _("Grant awarded"),
    "grants.schedule_set": _("Schedule of tranches changed"),
    "grants.budget_set": _("Budget adjusted"),
    "grants.agreement_accepted": _("Agreement accepted by the team lead"),
    "grants.tranche_payable": _("Tranche became payable"),
    "grants.activated": _("Grant active"),
    "grants.payment_recorded": _("Payment recorded"),
    "grants.payment_reversed": _("Payment reversed"),
    "grants.evidence_submitted": _("Milestone evidence submitted"),
    "grants.milestone_approved": _("Milestone approved"),
    "grants.milestone_returned": _("Milestone returned with comments"),
    "grants.expense_reported": _("Expense reported"),
    "grants.report_submitted": _("Financial report submitted"),
    "grants.report_approved": _("Financial report approved"),
    "grants.report_returned": _("Financial report returned"),
    "grants.suspended": _("Grant suspended"),
    "grants.resumed": _("Grant resumed"),
    "grants.terminated": _("Grant terminated"),
    "grants.closed": _("Grant closed"),
}
