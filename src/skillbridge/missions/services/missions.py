"""A mission's life: planned, work plan agreed, approved, under way, completed, reported.

Each public function is one step in one transaction: it locks the mission,
checks what the step needs beyond the state, writes, records the step in the
audit log and queues its mail for after the commit. A change of state goes
through `mission_move`.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from skillbridge.common.services import audit_record
from skillbridge.common.transitions import locked
from skillbridge.experts.models import ExpertProfile
from skillbridge.missions.models import ChecklistItem, Mission, PlanDay
from skillbridge.missions.rules import is_mission_host, is_mission_professional
from skillbridge.missions.services.moves import RELATED, mail_people, mission_move
from skillbridge.missions.states import MISSION, PLAN_OPEN, SIGNING_OPEN
from skillbridge.pairing.models import Pairing, TrainingRequest
from skillbridge.pairing.states import ENGAGED
from skillbridge.people.models import User
from skillbridge.programmes.models import Programme

S = Mission.State
PLAN_FIELDS = (
    "title",
    "place",
    "starts_on",
    "ends_on",
    "objectives",
    "expected_participants",
    "deliverables",
    "host_resources",
)


def _check_fields(*, kind: str, starts_on, ends_on, objectives: str, expected_participants) -> None:
    errors = {}
    if kind not in Mission.Kind.values:
        errors["kind"] = _("Choose the type of mission.")
    if starts_on and ends_on and ends_on < starts_on:
        errors["ends_on"] = _("The last day cannot come before the first day.")
    if not objectives.strip():
        errors["objectives"] = _("Say what the mission should achieve.")
    if not expected_participants or expected_participants < 1:
        errors["expected_participants"] = _("Expect at least one participant.")
    if errors:
        raise ValidationError(errors)


def _from_pairing(*, programme: Programme, pairing: Pairing, title: str) -> tuple:
    """The professional, host college and title of a mission for an accepted pairing."""
    pairing = Pairing.objects.select_related("need", "expert").get(pk=pairing.pk)
    if pairing.programme_id != programme.pk or pairing.state not in ENGAGED:
        raise ValidationError(
            {"pairing": _("Only an accepted or active pairing of this programme.")}
        )
    return pairing.expert, pairing.need.college, title.strip() or pairing.need.owner_title


def _from_request(
    *,
    programme: Programme,
    training_request: TrainingRequest,
    expert: ExpertProfile | None,
    title: str,
) -> tuple:
    """The professional, host college and title of a mission for a college's training request."""
    if training_request.programme_id != programme.pk:
        raise ValidationError({"training_request": _("Not a request of this programme.")})
    if (
        expert is None
        or expert.programme_id != programme.pk
        or expert.state != ExpertProfile.State.APPROVED
    ):
        raise ValidationError({"expert": _("Choose an approved professional of this programme.")})
    return expert, training_request.college, title.strip() or training_request.title


def _open_checklist(mission: Mission) -> None:
    """An on-site mission gets its logistics checklist, every item open; a remote one none."""
    if mission.is_onsite:
        ChecklistItem.objects.bulk_create(
            ChecklistItem(mission=mission, item=item) for item in ChecklistItem.Item.values
        )


@transaction.atomic
def mission_plan(
    *,
    actor: User,
    programme: Programme,
    kind: str,
    starts_on: datetime.date,
    ends_on: datetime.date,
    objectives: str,
    expected_participants: int,
    pairing: Pairing | None = None,
    training_request: TrainingRequest | None = None,
    expert: ExpertProfile | None = None,
    title: str = "",
    place: str = "",
) -> Mission:
    """An officer plans a mission for an accepted pairing or a college's training request.

    For a pairing, the professional and the host college come from it; for a
    training request the officer names an approved professional of the
    programme. An on-site mission gets its logistics checklist, all open.
    The professional and the hosts are mailed to agree the work plan. Audited.
    """
    if (pairing is None) == (training_request is None):
        raise ValidationError(
            {"pairing": _("Choose either an accepted pairing or a training request.")}
        )
    _check_fields(
        kind=kind,
        starts_on=starts_on,
        ends_on=ends_on,
        objectives=objectives,
        expected_participants=expected_participants,
    )
    if pairing is not None:
        origin = _from_pairing(programme=programme, pairing=pairing, title=title)
    else:
        origin = _from_request(
            programme=programme, training_request=training_request, expert=expert, title=title
        )
    expert, host_college, title = origin
    mission = Mission.objects.create(
        programme=programme,
        pairing=pairing,
        training_request=training_request,
        expert=expert,
        kind=kind,
        title=title[:150],
        host_college=host_college,
        place=place.strip() or host_college.location or host_college.name,
        starts_on=starts_on,
        ends_on=ends_on,
        objectives=objectives.strip(),
        expected_participants=expected_participants,
        created_by=actor,
    )
    _open_checklist(mission)
    audit_record(actor=actor, action="mission.planned", target=mission, after=S.PLANNED)
    mail_people(mission=mission, template="missions/mail/planned", kind="mission_planned")
    return mission


def _clear_signoffs(mission: Mission, *, actor: User) -> bool:
    """Editing an agreed or half-agreed plan voids the sign-offs: both must read it again."""
    if mission.host_signed_at is None and mission.expert_signed_at is None:
        return False
    mission.host_signed_at = None
    mission.host_signed_by = None
    mission.expert_signed_at = None
    signoffs = ("host_signed_at", "host_signed_by", "expert_signed_at")
    if MISSION.can(mission, "reopen"):
        mission_move(actor=actor, mission=mission, action="reopen", update_fields=signoffs)
    else:
        mission.save(update_fields=[*signoffs, "updated_at"])
    return True


def _editable(mission: Mission) -> Mission:
    mission = locked(mission, *RELATED)
    PLAN_OPEN.refuse_unless_open(mission)
    return mission


@transaction.atomic
def mission_update(*, actor: User, mission: Mission, **fields) -> Mission:
    """Change the mission's plan (title, place, dates, objectives, participants expected,
    deliverables, host resources) before approval.

    Any change clears both sign-offs and returns an agreed plan to *planned*:
    the host and the professional must agree the new version. Audited with
    the fields that changed.
    """
    unknown = set(fields) - set(PLAN_FIELDS)
    if unknown:
        raise TypeError(f"Not plan fields: {sorted(unknown)}")
    mission = _editable(mission)
    merged = {name: fields.get(name, getattr(mission, name)) for name in PLAN_FIELDS}
    _check_fields(
        kind=mission.kind,
        starts_on=merged["starts_on"],
        ends_on=merged["ends_on"],
        objectives=merged["objectives"],
        expected_participants=merged["expected_participants"],
    )
    if not merged["title"].strip():
        raise ValidationError({"title": _("Give the mission a title.")})
    changed = [name for name in PLAN_FIELDS if merged[name] != getattr(mission, name)]
    if not changed:
        return mission
    before = mission.state
    for name in changed:
        setattr(mission, name, merged[name])
    mission.save(update_fields=[*changed, "updated_at"])
    cleared = _clear_signoffs(mission, actor=actor)
    audit_record(
        actor=actor,
        action="mission.plan_changed",
        target=mission,
        before=before,
        after=mission.state,
        data={"fields": changed, "signoffs_cleared": cleared},
    )
    return mission


@transaction.atomic
def plan_day_add(*, actor: User, mission: Mission, day: datetime.date, activities: str) -> PlanDay:
    """Add a day's activities to the work plan (within the mission's dates). Clears sign-offs."""
    mission = _editable(mission)
    if not activities.strip():
        raise ValidationError({"activities": _("Describe the day's activities.")})
    if not mission.starts_on <= day <= mission.ends_on:
        raise ValidationError({"day": _("Choose a day between the mission's first and last day.")})
    plan_day = PlanDay.objects.create(mission=mission, day=day, activities=activities.strip())
    cleared = _clear_signoffs(mission, actor=actor)
    audit_record(
        actor=actor,
        action="mission.plan_day_added",
        target=mission,
        data={"day": day.isoformat(), "signoffs_cleared": cleared},
    )
    return plan_day


@transaction.atomic
def plan_day_remove(*, actor: User, plan_day: PlanDay) -> None:
    """Remove a day from the work plan. Clears sign-offs."""
    mission = _editable(plan_day.mission)
    day = plan_day.day
    plan_day.delete()
    cleared = _clear_signoffs(mission, actor=actor)
    audit_record(
        actor=actor,
        action="mission.plan_day_removed",
        target=mission,
        data={"day": day.isoformat(), "signoffs_cleared": cleared},
    )


def _sign(mission: Mission, actor: User) -> str:
    """Stamp `actor`'s sign-off on the plan (unsaved); say on which side they signed."""
    now = timezone.now()
    if is_mission_professional(actor, mission):
        if mission.expert_signed_at is not None:
            raise ValidationError({"__all__": _("You have already signed off this work plan.")})
        mission.expert_signed_at = now
        return "professional"
    if is_mission_host(actor, mission):
        if mission.host_signed_at is not None:
            raise ValidationError({"__all__": _("The host has already signed off this work plan.")})
        mission.host_signed_at = now
        mission.host_signed_by = actor
        return "host"
    raise ValidationError({"__all__": _("Only the host or the professional can sign off.")})


@transaction.atomic
def workplan_sign(*, actor: User, mission: Mission) -> Mission:
    """The professional or a host signs off the work plan as it stands.

    When the second of the two sign-offs arrives, the plan is agreed: the
    mission moves to *workplan_agreed* and the officers are told. Audited.
    """
    mission = locked(mission, *RELATED)
    SIGNING_OPEN.refuse_unless_open(mission)
    if not mission.plan_days.exists():
        raise ValidationError({"__all__": _("Add the activities of at least one day first.")})
    side = _sign(mission, actor)
    mission.save(
        update_fields=["expert_signed_at", "host_signed_at", "host_signed_by", "updated_at"]
    )
    audit_record(actor=actor, action="mission.plan_signed", target=mission, data={"by": side})
    if mission.is_signed_by_both:
        mission_move(actor=actor, mission=mission, action="agree")
    return mission


@transaction.atomic
def mission_approve(*, actor: User, mission: Mission) -> Mission:
    """An officer approves a mission whose work plan both sides signed off. Audited; mailed.

    Refused without both sign-offs, whatever the state says.
    """
    mission = locked(mission, *RELATED)
    if not mission.is_signed_by_both:
        raise ValidationError(
            {"__all__": _("The host and the professional must both sign off the work plan first.")}
        )
    mission_move(actor=actor, mission=mission, action="approve")
    return mission


@transaction.atomic
def mission_start(*, actor: User, mission: Mission) -> Mission:
    """The officer or the professional marks an approved mission under way. Audited.

    An accepted pairing becomes active through the pairing app's own step.
    """
    mission = locked(mission, *RELATED)
    mission_move(actor=actor, mission=mission, action="start")
    return mission


@transaction.atomic
def mission_complete(*, actor: User, mission: Mission) -> Mission:
    """The officer or the professional marks a mission with logged sessions completed. Audited.

    The end-of-mission (T1) survey goes out on the next scheduled run.
    """
    mission = locked(mission, *RELATED)
    MISSION.refuse_unless_can(mission, "complete")
    if not mission.sessions.exists():
        raise ValidationError({"__all__": _("Log at least one session before completing.")})
    mission_move(actor=actor, mission=mission, action="complete")
    return mission


@transaction.atomic
def mission_report(*, actor: User, mission: Mission) -> Mission:
    """An officer files the mission report of a completed mission. Audited."""
    mission = locked(mission, *RELATED)
    mission_move(actor=actor, mission=mission, action="report")
    return mission


@transaction.atomic
def mission_cancel(*, actor: User, mission: Mission, reason: str) -> Mission:
    """An officer cancels a mission not yet completed, saying why. Audited; people told."""
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reason for the record.")})
    mission = locked(mission, *RELATED)
    mission_move(actor=actor, mission=mission, action="cancel", reason=reason)
    return mission
