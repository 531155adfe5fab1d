"""The calls app's models: calls and proposals."""

from skillbridge.calls.models.calls import Call, RubricCriterion
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
    "Proposal",
    "RubricCriterion",
    "TeamMember",
]
