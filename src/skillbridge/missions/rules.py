"""Who may do what with a mission.

Officers of the programme plan, approve and run logistics; the professional
and the host (the team lead of the project, or a coordinator of the host
college) agree the work plan; the professional logs sessions, and for a
remote series the host and the project team may log them too. "Team lead"
and "team member" are the project's, as `calls.rules` defines them.

Two kinds of permissions on a mission: who may take a step at all (views
and the API answer 403 without it; the service then refuses, with its
message, a step the state does not allow), and, ending in `_now`, who may
take it in the mission's present state (templates show a button only then).
"""

import rules

from skillbridge.calls.rules import is_team_lead, is_team_member
from skillbridge.calls.selectors import coordinated_colleges
from skillbridge.common.permissions import via
from skillbridge.missions.models import Mission
from skillbridge.missions.states import (
    CERTIFICATES_OPEN,
    LOGISTICS_OPEN,
    MISSION,
    PARTICIPANTS_OPEN,
    PLAN_OPEN,
    SESSIONS_OPEN,
    SIGNING_OPEN,
)
from skillbridge.people.rules import is_programme_officer

is_project_lead = via("project", is_team_lead)
is_mission_team_member = via("project", is_team_member)


@rules.predicate
def is_mission_officer(user, mission) -> bool:
    return mission is not None and is_programme_officer(user, mission.programme)


@rules.predicate
def is_mission_professional(user, mission) -> bool:
    return mission is not None and user.is_authenticated and mission.expert.user_id == user.pk


@rules.predicate
def is_host_coordinator(user, mission) -> bool:
    """A coordinator of the host college, in the mission's programme."""
    if mission is None:
        return False
    return mission.host_college_id in coordinated_colleges(user).get(mission.programme_id, ())


@rules.predicate
def is_remote_mission(user, mission) -> bool:
    return mission is not None and mission.kind == Mission.Kind.REMOTE


# The host: the project's team lead, or a coordinator of the host college in the programme.
is_mission_host = is_project_lead | is_host_coordinator
is_mission_insider = is_mission_officer | is_mission_professional | is_mission_host
may_edit_plan = is_mission_insider
may_sign_plan = is_mission_professional | is_mission_host
may_run = is_mission_officer | is_mission_professional
may_log_sessions = (
    is_mission_officer
    | is_mission_professional
    | (is_remote_mission & (is_mission_host | is_mission_team_member))
)

# On a programme:
rules.add_perm("missions.plan", is_programme_officer)
# On a mission:
rules.add_perm("missions.view_mission", is_mission_insider | is_mission_team_member)
rules.add_perm("missions.manage_mission", is_mission_officer)
rules.add_perm("missions.edit_plan", may_edit_plan)
rules.add_perm("missions.sign_plan", may_sign_plan)
rules.add_perm("missions.run_mission", may_run)
rules.add_perm("missions.log_session", may_log_sessions)
rules.add_perm("missions.view_report", is_mission_insider)
rules.add_perm("missions.view_participants", is_mission_insider)

# On a mission, in its present state:
rules.add_perm("missions.edit_plan_now", may_edit_plan & PLAN_OPEN.allows())
rules.add_perm("missions.sign_plan_now", may_sign_plan & SIGNING_OPEN.allows())
rules.add_perm("missions.approve_mission_now", is_mission_officer & MISSION.allows("approve"))
rules.add_perm("missions.start_mission_now", may_run & MISSION.allows("start"))
rules.add_perm("missions.complete_mission_now", may_run & MISSION.allows("complete"))
rules.add_perm("missions.report_mission_now", is_mission_officer & MISSION.allows("report"))
rules.add_perm("missions.cancel_mission_now", is_mission_officer & MISSION.allows("cancel"))
rules.add_perm("missions.log_session_now", may_log_sessions & SESSIONS_OPEN.allows())
rules.add_perm("missions.add_participant_now", may_log_sessions & PARTICIPANTS_OPEN.allows())
rules.add_perm("missions.manage_logistics_now", is_mission_officer & LOGISTICS_OPEN.allows())
rules.add_perm("missions.issue_certificates_now", is_mission_officer & CERTIFICATES_OPEN.allows())
