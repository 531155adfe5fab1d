"""Grants: the award, its tranches and milestones, the payment ledger and spending.

Money rules live in the database as well as in the services: a tranche's
running `paid_rwf` can never pass its amount, nor a grant's its award, and
ledger entries are never edited (a correction is a reversing entry).
"""

from skillbridge.grants.models.amendments import AgreementVersion, Amendment
from skillbridge.grants.models.grants import Grant, GrantBudgetLine, PaymentMethod
from skillbridge.grants.models.milestones import Milestone, Tranche
from skillbridge.grants.models.payments import Disbursement
from skillbridge.grants.models.spending import Expense, FinancialReport

__all__ = [
    "AgreementVersion",
    "Amendment",
    "Disbursement",
    "Expense",
    "FinancialReport",
    "Grant",
    "GrantBudgetLine",
    "Milestone",
    "PaymentMethod",
    "Tranche",
]
