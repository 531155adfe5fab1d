"""The calls app's models: programmes, calls and proposals."""

from skillbridge.calls.models.calls import Call, RubricCriterion
from skillbridge.calls.models.programmes import Programme, Sector
from skillbridge.calls.models.proposals import (
    Attachment,
    BudgetLine,
    DeadlineReminder,
    Proposal,
    TeamMember,
)

__all__ = [
    "Attachment",
    "BudgetLine",
    "Call",
    "DeadlineReminder",
    "Programme",
    "Proposal",
    "RubricCriterion",
    "Sector",
    "TeamMember",
]
