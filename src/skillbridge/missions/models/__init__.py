"""Missions: skills-transfer work that grows out of a pairing or a college's training request.

A mission moves planned → workplan_agreed → approved → under_way → completed
→ reported, or is cancelled; only missions.services moves it, one audited
transaction per step.
"""

from skillbridge.missions.models.logistics import ChecklistItem, CostLine, ItineraryLeg
from skillbridge.missions.models.mission import Mission, PlanDay
from skillbridge.missions.models.surveys import Survey
from skillbridge.missions.models.work import Certificate, Evidence, Participant, Session

__all__ = [
    "Certificate",
    "ChecklistItem",
    "CostLine",
    "Evidence",
    "ItineraryLeg",
    "Mission",
    "Participant",
    "PlanDay",
    "Session",
    "Survey",
]
