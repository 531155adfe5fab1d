"""A mission's life: planned, work plan agreed, approved, under way, completed, reported.

Each public function is one step in one transaction: it checks, writes,
records the step in the audit log and queues its mail for after the commit.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from skillbridge.common.services import audit_record
from skillbridge.experts.models import ExpertProfile
from skillbridge.missions.models import ChecklistItem, Mission, PlanDay
from skillbridge.missions.rules import is_mission_host, is_mission_professional
from skillbridge.missions.services._common import (
    audit_state,
    locked_mission,
    mail_people,
    refuse_unless,
)
from skillbridge.pairing.models import Pairing, TrainingRequest
from skillbridge.pairing.services import pairing_start
from skillbridge.people.models import User
from skillbridge.programmes.models import Programme

S = Mission.State
# Pairings a mission may be planned for: the professional has said yes.
PLANNABLE_PAIRINGS = (Pairing.State.ACCEPTED, Pairing.State.ACTIVE)
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
        pairing = Pairing.objects.select_related("need", "expert").get(pk=pairing.pk)
        if pairing.programme_id != programme.pk or pairing.state not in PLANNABLE_PAIRINGS:
            raise ValidationError(
                {"pairing": _("Only an accepted or active pairing of this programme.")}
            )
        expert = pairing.expert
        host_college = pairing.need.college
        title = title.strip() or pairing.need.owner_title
    else:
        if training_request.programme_id != programme.pk:
            raise ValidationError({"training_request": _("Not a request of this programme.")})
        if (
            expert is None
            or expert.programme_id != programme.pk
            or expert.state != ExpertProfile.State.APPROVED
        ):
            raise ValidationError(
                {"expert": _("Choose an approved professional of this programme.")}
            )
        host_college = training_request.college
        title = title.strip() or training_request.title
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
    if mission.is_onsite:
        ChecklistItem.objects.bulk_create(
            ChecklistItem(mission=mission, item=item) for item in ChecklistItem.Item.values
        )
    audit_record(actor=actor, action="mission.planned", target=mission, after=S.PLANNED)
    mail_people(mission=mission, template="missions/mail/planned", kind="mission_planned")
    return mission


def _clear_signoffs(mission: Mission) -> bool:
    """Editing an agreed or half-agreed plan voids the sign-offs: both must read it again."""
    if mission.host_signed_at is None and mission.expert_signed_at is None:
        return False
    mission.host_signed_at = None
    mission.host_signed_by = None
    mission.expert_signed_at = None
    mission.state = S.PLANNED
    mission.save(
        update_fields=[
            "host_signed_at",
            "host_signed_by",
            "expert_signed_at",
            "state",
            "updated_at",
        ]
    )
    return True


def _editable(mission: Mission) -> Mission:
    mission = locked_mission(mission)
    refuse_unless(
        mission,
        *Mission.EDITABLE_STATES,
        message=_("The work plan can no longer change once the mission is approved."),
    )
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
    cleared = _clear_signoffs(mission)
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
    cleared = _clear_signoffs(mission)
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
    cleared = _clear_signoffs(mission)
    audit_record(
        actor=actor,
        action="mission.plan_day_removed",
        target=mission,
        data={"day": day.isoformat(), "signoffs_cleared": cleared},
    )


@transaction.atomic
def workplan_sign(*, actor: User, mission: Mission) -> Mission:
    """The professional or a host signs off the work plan as it stands.

    When the second of the two sign-offs arrives, the plan is agreed: the
    mission moves to *workplan_agreed* and the officers are told. Audited.
    """
    mission = locked_mission(mission)
    refuse_unless(mission, S.PLANNED, message=_("This work plan is not waiting for sign-off."))
    if not mission.plan_days.exists():
        raise ValidationError({"__all__": _("Add the activities of at least one day first.")})
    now = timezone.now()
    if is_mission_professional(actor, mission):
        if mission.expert_signed_at is not None:
            raise ValidationError({"__all__": _("You have already signed off this work plan.")})
        mission.expert_signed_at = now
        side = "professional"
    elif is_mission_host(actor, mission):
        if mission.host_signed_at is not None:
            raise ValidationError({"__all__": _("The host has already signed off this work plan.")})
        mission.host_signed_at = now
        mission.host_signed_by = actor
        side = "host"
    else:
        raise ValidationError({"__all__": _("Only the host or the professional can sign off.")})
    if mission.is_signed_by_both:
        mission.state = S.WORKPLAN_AGREED
    mission.save(
        update_fields=[
            "expert_signed_at",
            "host_signed_at",
            "host_signed_by",
            "state",
            "updated_at",
        ]
    )
    audit_record(actor=actor, action="mission.plan_signed", target=mission, data={"by": side})
    if mission.state == S.WORKPLAN_AGREED:
        audit_state(actor=actor, mission=mission, before=S.PLANNED)
        mail_people(
            mission=mission,
            template="missions/mail/agreed",
            kind="mission_workplan_agreed",
            officers=True,
        )
    return mission


@transaction.atomic
def mission_approve(*, actor: User, mission: Mission) -> Mission:
    """An officer approves a mission whose work plan both sides signed off. Audited; mailed.

    Refused without both sign-offs, whatever the state says.
    """
    mission = locked_mission(mission)
    if not mission.is_signed_by_both:
        raise ValidationError(
            {"__all__": _("The host and the professional must both sign off the work plan first.")}
        )
    refuse_unless(
        mission, S.WORKPLAN_AGREED, message=_("Only an agreed work plan can be approved.")
    )
    mission.state = S.APPROVED
    mission.approved_at = timezone.now()
    mission.save(update_fields=["state", "approved_at", "updated_at"])
    audit_state(actor=actor, mission=mission, before=S.WORKPLAN_AGREED)
    mail_people(mission=mission, template="missions/mail/approved", kind="mission_approved")
    return mission


@transaction.atomic
def mission_start(*, actor: User, mission: Mission) -> Mission:
    """The officer or the professional marks an approved mission under way. Audited.

    An accepted pairing becomes active through the pairing app's own step.
    """
    mission = locked_mission(mission)
    refuse_unless(mission, S.APPROVED, message=_("Only an approved mission can start."))
    mission.state = S.UNDER_WAY
    mission.started_at = timezone.now()
    mission.save(update_fields=["state", "started_at", "updated_at"])
    audit_state(actor=actor, mission=mission, before=S.APPROVED)
    if mission.pairing_id and mission.pairing.state == Pairing.State.ACCEPTED:
        pairing_start(actor=actor, pairing=mission.pairing)
    return mission


@transaction.atomic
def mission_complete(*, actor: User, mission: Mission) -> Mission:
    """The officer or the professional marks a mission with logged sessions completed. Audited.

    The end-of-mission (T1) survey goes out on the next scheduled run.
    """
    mission = locked_mission(mission)
    refuse_unless(mission, S.UNDER_WAY, message=_("Only a mission under way can be completed."))
    if not mission.sessions.exists():
        raise ValidationError({"__all__": _("Log at least one session before completing.")})
    mission.state = S.COMPLETED
    mission.completed_at = timezone.now()
    mission.save(update_fields=["state", "completed_at", "updated_at"])
    audit_state(actor=actor, mission=mission, before=S.UNDER_WAY)
    return mission


@transaction.atomic
def mission_report(*, actor: User, mission: Mission) -> Mission:
    """An officer files the mission report of a completed mission. Audited."""
    mission = locked_mission(mission)
    refuse_unless(mission, S.COMPLETED, message=_("Only a completed mission can be reported."))
    mission.state = S.REPORTED
    mission.reported_at = timezone.now()
    mission.save(update_fields=["state", "reported_at", "updated_at"])
    audit_state(actor=actor, mission=mission, before=S.COMPLETED)
    return mission


@transaction.atomic
def mission_cancel(*, actor: User, mission: Mission, reason: str) -> Mission:
    """An officer cancels a mission not yet completed, saying why. Audited; people told."""
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reason for the record.")})
    mission = locked_mission(mission)
    refuse_unless(
        mission,
        S.PLANNED,
        S.WORKPLAN_AGREED,
        S.APPROVED,
        S.UNDER_WAY,
        message=_("This mission is already finished or cancelled."),
    )
    before = mission.state
    mission.state = S.CANCELLED
    mission.reason = reason.strip()
    mission.save(update_fields=["state", "reason", "updated_at"])
    audit_state(actor=actor, mission=mission, before=before, reason=mission.reason)
    mail_people(mission=mission, template="missions/mail/cancelled", kind="mission_cancelled")
    return mission
