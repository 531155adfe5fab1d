"""Every write of the missions app: one function per step, each one transaction."""

from skillbridge.missions.services.logistics import (
    checklist_item_update,
    cost_line_add,
    cost_line_remove,
    cost_line_update,
    itinerary_leg_add,
    itinerary_leg_remove,
)
from skillbridge.missions.services.missions import (
    mission_approve,
    mission_cancel,
    mission_complete,
    mission_plan,
    mission_report,
    mission_start,
    mission_update,
    plan_day_add,
    plan_day_remove,
    workplan_sign,
)
from skillbridge.missions.services.sessions import (
    certificates_issue,
    evidence_add,
    participant_add,
    participant_remove,
    session_log,
)
from skillbridge.missions.services.surveys import survey_answer, surveys_invite, surveys_send_due

__all__ = [
    "certificates_issue",
    "checklist_item_update",
    "cost_line_add",
    "cost_line_remove",
    "cost_line_update",
    "evidence_add",
    "itinerary_leg_add",
    "itinerary_leg_remove",
    "mission_approve",
    "mission_cancel",
    "mission_complete",
    "mission_plan",
    "mission_report",
    "mission_start",
    "mission_update",
    "participant_add",
    "participant_remove",
    "plan_day_add",
    "plan_day_remove",
    "session_log",
    "survey_answer",
    "surveys_invite",
    "surveys_send_due",
    "workplan_sign",
]
