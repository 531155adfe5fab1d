"""The mission's transition table, and what may be done to a mission in which states.

An officer plans a mission; the host and the professional sign off its work
plan, and the second sign-off agrees it (a change to the plan reopens it);
an officer approves the agreed plan; the officer or the professional mark
the mission under way, then completed; an officer files its report. An
officer may cancel it until it is completed.

Some rights depend on the state without moving it (changing the plan,
logging sessions, naming participants, issuing certificates): each is a
`Window`, checked by the service that needs it and by the `rules` perm that
templates ask. Services move a mission only through
`missions.services.mission_move`.
"""

from django.utils.translation import gettext_lazy as _

from skillbridge.common.transitions import Machine, Transition, Window
from skillbridge.missions.models import Mission

State = Mission.State

MISSION = Machine(
    "mission",
    {
        "agree": Transition(
            {State.PLANNED},
            State.WORKPLAN_AGREED,
            _("This work plan is not waiting for sign-off."),
        ),
        # A change to an agreed plan voids its sign-offs: both sides must read it again.
        "reopen": Transition({State.WORKPLAN_AGREED}, State.PLANNED),
        "approve": Transition(
            {State.WORKPLAN_AGREED}, State.APPROVED, _("Only an agreed work plan can be approved.")
        ),
        "start": Transition(
            {State.APPROVED}, State.UNDER_WAY, _("Only an approved mission can start.")
        ),
        "complete": Transition(
            {State.UNDER_WAY}, State.COMPLETED, _("Only a mission under way can be completed.")
        ),
        "report": Transition(
            {State.COMPLETED}, State.REPORTED, _("Only a completed mission can be reported.")
        ),
        "cancel": Transition(
            {State.PLANNED, State.WORKPLAN_AGREED, State.APPROVED, State.UNDER_WAY},
            State.CANCELLED,
            _("This mission is already finished or cancelled."),
        ),
    },
)


# The work plan may change only before the mission is approved.
PLAN_OPEN = Window(
    "mission",
    "plan",
    frozenset(Mission.EDITABLE_STATES),
    _("The work plan can no longer change once the mission is approved."),
)
# The plan is signed off while it waits for agreement.
SIGNING_OPEN = Window("mission", "signing", MISSION["agree"].sources, MISSION["agree"].refusal)
# Sessions are logged while the work happens and until the report is filed.
SESSIONS_OPEN = Window(
    "mission",
    "sessions",
    frozenset(Mission.LOGGING_STATES),
    _("Sessions are logged once the mission is under way."),
)
EVIDENCE_OPEN = Window(
    "mission", "evidence", SESSIONS_OPEN.states, _("This mission no longer takes evidence.")
)
# Trainees are named from the plan on, until the report is filed.
PARTICIPANTS_OPEN = Window(
    "mission",
    "participants",
    frozenset({*Mission.EDITABLE_STATES, State.APPROVED, *Mission.LOGGING_STATES}),
    _("Participants can no longer be added to this mission."),
)
LOGISTICS_OPEN = Window(
    "mission",
    "logistics",
    PARTICIPANTS_OPEN.states,
    _("This mission's logistics are closed."),
)
CERTIFICATES_OPEN = Window(
    "mission",
    "certificates",
    frozenset(Mission.DONE_STATES),
    _("Certificates are issued once the mission is completed."),
)
