"""Grant pages. Every view names the roles that may use it; outsiders get 404."""

from skillbridge.grants.views.amendments import amendment_decide, amendment_new, amendments
from skillbridge.grants.views.documents import programme_documents
from skillbridge.grants.views.money import (
    expense_new,
    expense_receipt,
    milestone_evidence,
    milestone_file,
    milestone_review,
    pay,
    payment_batch,
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
    "amendment_decide",
    "amendment_new",
    "amendments",
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
    "payment_batch",
    "programme_documents",
    "programme_grants",
    "report_detail",
    "report_new",
    "report_review",
    "reverse_payment",
    "schedule",
]
