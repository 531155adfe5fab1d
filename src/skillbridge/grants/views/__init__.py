"""Grant pages. Every view names the roles that may use it; outsiders get 404."""

from skillbridge.grants.views.money import (
    expense_new,
    expense_receipt,
    milestone_evidence,
    milestone_file,
    milestone_review,
    pay,
    report_detail,
    report_new,
    report_review,
    reverse_payment,
)
from skillbridge.grants.views.pages import (
    accept_agreement,
    agreement_pdf,
    award,
    budget,
    change_state,
    detail,
    finance_dashboard,
    home,
    programme_grants,
    schedule,
)

__all__ = [
    "accept_agreement",
    "agreement_pdf",
    "award",
    "budget",
    "change_state",
    "detail",
    "expense_new",
    "expense_receipt",
    "finance_dashboard",
    "home",
    "milestone_evidence",
    "milestone_file",
    "milestone_review",
    "pay",
    "programme_grants",
    "report_detail",
    "report_new",
    "report_review",
    "reverse_payment",
    "schedule",
]
