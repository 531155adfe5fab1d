"""Shared by the mission views: fetch a mission for a user, go back after a form."""

from django.shortcuts import redirect

from skillbridge.common.permissions import require
from skillbridge.missions import selectors
from skillbridge.missions.models import Mission


def mission_for(request, pk: int, perm: str) -> Mission:
    """The mission if the user may see it (else 404) and holds `perm` on it (else 403)."""
    mission = selectors.mission_for(request.user, pk)
    require(request.user, perm, mission)
    return mission


def to_mission(mission: Mission, anchor: str = ""):
    response = redirect("missions:detail", mission.pk)
    if anchor:
        response["Location"] += f"#{anchor}"
    return response
