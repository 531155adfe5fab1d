"""The one function that moves a mission from one state to another, and what follows a move."""

from collections.abc import Callable

from django.utils import timezone

from skillbridge.common.services import mail_queue
from skillbridge.missions.models import Mission
from skillbridge.missions.selectors import host_users
from skillbridge.missions.states import MISSION
from skillbridge.pairing.services import pairing_start
from skillbridge.pairing.states import PAIRING
from skillbridge.people.models import User
from skillbridge.people.selectors import programme_officers

# What the steps and their mails read of a mission, joined when it is locked.
RELATED = ("programme", "expert__user", "host_college", "pairing__need__proposal__lead")

# The moment each move stamps on the mission.
STAMPS = {
    "approve": "approved_at",
    "start": "started_at",
    "complete": "completed_at",
    "report": "reported_at",
}


def mission_move(
    *,
    actor: User | None,
    mission: Mission,
    action: str,
    reason: str | None = None,
    update_fields: tuple[str, ...] = (),
    **data,
) -> str:
    """Move `mission` (locked by the caller, in its transaction) by `action`; return the old state.

    Refuses with the action's message when the state does not allow it (see
    `missions.states.MISSION`); stamps the moment (approved, started,
    completed, reported) and the reason when one is given; audits it as
    `mission.<state reached>` with `data`, saving the caller's other changed
    `update_fields` in the same write; then does what the move calls
    for: tell the officers of an agreed plan, the professional and the hosts
    of an approval or a cancellation, and start an accepted pairing with
    its mission.
    """
    MISSION.refuse_unless_can(mission, action)
    fields = ["updated_at", *update_fields]
    if action in STAMPS:
        setattr(mission, STAMPS[action], timezone.now())
        fields.append(STAMPS[action])
    if reason is not None:
        mission.reason = reason.strip()
        fields.append("reason")
        data["reason"] = mission.reason
    before = MISSION.move(mission, action, actor=actor, data=data, update_fields=tuple(fields))
    if action in AFTER:
        AFTER[action](actor=actor, mission=mission)
    return before


def mail_people(*, mission: Mission, template: str, kind: str, officers: bool = False) -> None:
    """Mail the professional and the hosts (or the officers) in their own language."""
    if officers:
        people = programme_officers(mission.programme)
    else:
        people = [mission.expert.user, *host_users(mission)]
    seen = set()
    for user in people:
        if user is None or user.pk in seen:
            continue
        seen.add(user.pk)
        mail_queue(
            to=user.email,
            template=template,
            context={"mission": mission, "person": user},
            language=user.preferred_language,
            programme=mission.programme,
            kind=kind,
        )


def _agreed(*, mission: Mission, **_ignored) -> None:
    mail_people(
        mission=mission,
        template="missions/mail/agreed",
        kind="mission_workplan_agreed",
        officers=True,
    )


def _approved(*, mission: Mission, **_ignored) -> None:
    mail_people(mission=mission, template="missions/mail/approved", kind="mission_approved")


def _cancelled(*, mission: Mission, **_ignored) -> None:
    mail_people(mission=mission, template="missions/mail/cancelled", kind="mission_cancelled")


def _started(*, actor: User | None, mission: Mission) -> None:
    """An accepted pairing becomes active with its mission, through the pairing app's own step."""
    if mission.pairing_id and PAIRING.can(mission.pairing, "start"):
        pairing_start(actor=actor, pairing=mission.pairing)


# What follows each move, once it is written and audited.
AFTER: dict[str, Callable[..., None]] = {
    "agree": _agreed,
    "approve": _approved,
    "start": _started,
    "cancel": _cancelled,
}
