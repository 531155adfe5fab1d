"""Shared by the mission views: go back to the mission's page after a form."""

from django.shortcuts import redirect

from skillbridge.missions.models import Mission


def to_mission(mission: Mission, anchor: str = ""):
    response = redirect("missions:detail", mission.pk)
    if anchor:
        response["Location"] += f"#{anchor}"
    return response
