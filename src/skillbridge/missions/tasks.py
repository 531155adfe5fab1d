"""Scheduled work of the missions app (thin wrappers over services)."""

from skillbridge.common.scheduling import scheduled
from skillbridge.missions.services.surveys import surveys_send_due


@scheduled(minutes=15)
def send_survey_invitations() -> int:
    """Scheduled by `skillbridge run_scheduled`: mail the T0, T1 and T+12 surveys now due."""
    return surveys_send_due()
