"""Small steps shared by the mission services: row locks, state checks, audit and mail."""

from django.core.exceptions import ValidationError

from skillbridge.common.services import audit_record, mail_queue
from skillbridge.missions.models import Mission
from skillbridge.missions.selectors import host_users
from skillbridge.people.selectors import programme_officers


def locked_mission(mission: Mission) -> Mission:
    """The mission re-read under a row lock, so a double click cannot move it twice."""
    return (
        Mission.objects.select_for_update(of=("self",))
        .select_related(
            "programme", "expert__user", "host_college", "pairing__need__proposal__lead"
        )
        .get(pk=mission.pk)
    )


def refuse_unless(mission: Mission, *states: str, message: str) -> None:
    if mission.state not in states:
        raise ValidationError({"__all__": message})


def audit_state(*, actor, mission: Mission, before: str, **data) -> None:
    audit_record(
        actor=actor,
        action=f"mission.{mission.state}",
        target=mission,
        before=before,
        after=mission.state,
        data=data,
    )


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
