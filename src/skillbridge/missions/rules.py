"""Who may do what with a mission.

Officers of the programme plan, approve and run logistics; the professional
and the host (the team lead of the project, or a coordinator of the host
college) agree the work plan; the professional logs sessions, and for a
remote series the host and the project team may log them too.
"""

import rules

from skillbridge.calls.models import TeamMember
from skillbridge.people.models import ProgrammeRole, Role
from skillbridge.people.rules import is_programme_officer


def _lead_id(mission) -> int | None:
    project = mission.project
    return project.lead_id if project is not None else None


@rules.predicate
def is_mission_officer(user, mission) -> bool:
    return mission is not None and is_programme_officer(user, mission.programme)


@rules.predicate
def is_mission_professional(user, mission) -> bool:
    return mission is not None and user.is_authenticated and mission.expert.user_id == user.pk


@rules.predicate
def is_mission_host(user, mission) -> bool:
    """The project's team lead, or a coordinator of the host college in the programme."""
    if mission is None or not user.is_authenticated:
        return False
    if _lead_id(mission) == user.pk:
        return True
    return ProgrammeRole.objects.filter(
        user=user,
        programme_id=mission.programme_id,
        role=Role.COLLEGE_COORDINATOR,
        organisation_id=mission.host_college_id,
    ).exists()


@rules.predicate
def is_mission_team_member(user, mission) -> bool:
    project = mission.project if mission is not None else None
    if project is None or not user.is_authenticated:
        return False
    return TeamMember.objects.filter(
        proposal=project, user=user, status=TeamMember.Status.JOINED
    ).exists()


@rules.predicate
def is_remote_mission(user, mission) -> bool:
    return mission is not None and mission.kind == "remote"


is_mission_insider = is_mission_officer | is_mission_professional | is_mission_host

# On a programme:
rules.add_perm("missions.plan", is_programme_officer)
# On a mission:
rules.add_perm("missions.view_mission", is_mission_insider | is_mission_team_member)
rules.add_perm("missions.manage_mission", is_mission_officer)
rules.add_perm("missions.edit_plan", is_mission_insider)
rules.add_perm("missions.sign_plan", is_mission_professional | is_mission_host)
rules.add_perm("missions.run_mission", is_mission_officer | is_mission_professional)
rules.add_perm(
    "missions.log_session",
    is_mission_officer
    | is_mission_professional
    | (is_remote_mission & (is_mission_host | is_mission_team_member)),
)
rules.add_perm("missions.view_report", is_mission_insider)
rules.add_perm("missions.view_participants", is_mission_insider)
