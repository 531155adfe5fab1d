"""Every write of the calls app: one function per step, each one transaction."""

from skillbridge.calls.services.calls import call_create, call_update
from skillbridge.calls.services.drafts import proposal_save_draft
from skillbridge.calls.services.eligibility import (
    proposal_mark_eligible,
    proposal_mark_ineligible,
)
from skillbridge.calls.services.languages import programme_main_language_set
from skillbridge.calls.services.moves import proposal_move
from skillbridge.calls.services.proposals import (
    attachment_add,
    attachment_remove,
    budget_line_add,
    budget_line_remove,
    budget_line_update,
    proposal_start,
    proposal_submit,
    proposal_withdraw,
)
from skillbridge.calls.services.reminders import deadline_reminders_send
from skillbridge.calls.services.teams import (
    invitation_accept,
    member_affiliation_confirm,
    member_affiliation_confirm_by_officer,
    member_affiliation_reject,
    member_invite,
    member_remove,
)

__all__ = [
    "attachment_add",
    "attachment_remove",
    "budget_line_add",
    "budget_line_remove",
    "budget_line_update",
    "call_create",
    "call_update",
    "deadline_reminders_send",
    "invitation_accept",
    "member_affiliation_confirm",
    "member_affiliation_confirm_by_officer",
    "member_affiliation_reject",
    "member_invite",
    "member_remove",
    "programme_main_language_set",
    "proposal_mark_eligible",
    "proposal_mark_ineligible",
    "proposal_move",
    "proposal_save_draft",
    "proposal_start",
    "proposal_submit",
    "proposal_withdraw",
]
