"""A mission's steps: planning, the two sign-offs, approval, running, completion, report."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from skillbridge.common.models import AuditEntry
from skillbridge.missions import services
from skillbridge.missions.models import ChecklistItem, Mission
from skillbridge.pairing.models import Pairing
from tests.missions.conftest import log
from tests.pairing.factories import TrainingRequestFactory

pytestmark = pytest.mark.django_db
S = Mission.State


def test_planning_for_a_pairing_takes_the_professional_and_host_from_it(
    mission, pairing, college, profile
):
    assert mission.state == S.PLANNED
    assert mission.expert == profile
    assert mission.host_college == college
    assert mission.title == pairing.need.owner_title
    assert sorted(mission.checklist.values_list("item", flat=True)) == sorted(
        ChecklistItem.Item.values
    )
    assert (
        AuditEntry.objects.filter(action="mission.planned", object_id=str(mission.pk)).count() == 1
    )


def test_it_refuses_a_pairing_not_yet_accepted(officer, programme, pairing, today):
    Pairing.objects.filter(pk=pairing.pk).update(state=Pairing.State.INVITED)
    with pytest.raises(ValidationError) as caught:
        services.mission_plan(
            actor=officer,
            programme=programme,
            pairing=pairing,
            kind="tot",
            starts_on=today,
            ends_on=today,
            objectives="x",
            expected_participants=3,
        )
    assert "pairing" in caught.value.message_dict
    assert Mission.objects.count() == 0


def test_it_plans_for_a_training_request_with_a_named_professional(
    officer, programme, college, profile, today
):
    request = TrainingRequestFactory(programme=programme, college=college)
    mission = services.mission_plan(
        actor=officer,
        programme=programme,
        training_request=request,
        expert=profile,
        kind="remote",
        starts_on=today,
        ends_on=today + datetime.timedelta(days=60),
        objectives="Six sessions on data.",
        expected_participants=8,
    )
    assert mission.host_college == college
    assert mission.checklist.count() == 0  # a remote series has no travel


def test_bad_dates_are_refused_at_the_field_and_nothing_is_written(
    officer, programme, pairing, today
):
    with pytest.raises(ValidationError) as caught:
        services.mission_plan(
            actor=officer,
            programme=programme,
            pairing=pairing,
            kind="tot",
            starts_on=today,
            ends_on=today - datetime.timedelta(days=1),
            objectives="x",
            expected_participants=3,
        )
    assert list(caught.value.message_dict) == ["ends_on"]
    assert Mission.objects.count() == 0


def test_a_mission_cannot_be_approved_with_only_the_professionals_sign_off(
    mission, expert, officer
):
    services.plan_day_add(actor=expert, mission=mission, day=mission.starts_on, activities="a")
    services.workplan_sign(actor=expert, mission=mission)
    with pytest.raises(ValidationError, match="both sign off"):
        services.mission_approve(actor=officer, mission=mission)
    mission.refresh_from_db()
    assert mission.state == S.PLANNED
    assert mission.approved_at is None


def test_a_mission_cannot_be_approved_without_sign_offs_even_if_its_state_says_agreed(
    mission, officer
):
    Mission.objects.filter(pk=mission.pk).update(state=S.WORKPLAN_AGREED)
    with pytest.raises(ValidationError, match="both sign off"):
        services.mission_approve(actor=officer, mission=mission)
    assert Mission.objects.get(pk=mission.pk).state == S.WORKPLAN_AGREED


def test_the_second_sign_off_agrees_the_plan_and_the_officer_approves(agreed, officer):
    assert agreed.state == S.WORKPLAN_AGREED
    assert agreed.is_signed_by_both
    approved = services.mission_approve(actor=officer, mission=agreed)
    assert approved.state == S.APPROVED
    actions = list(
        AuditEntry.objects.filter(object_id=str(agreed.pk), action__startswith="mission.")
        .order_by("pk")
        .values_list("action", flat=True)
    )
    assert actions == [
        "mission.planned",
        "mission.plan_day_added",
        "mission.plan_signed",
        "mission.plan_signed",
        "mission.workplan_agreed",
        "mission.approved",
    ]


def test_the_team_lead_may_sign_as_host(mission, expert, applicant):
    services.plan_day_add(actor=expert, mission=mission, day=mission.starts_on, activities="a")
    services.workplan_sign(actor=applicant, mission=mission)
    mission.refresh_from_db()
    assert mission.host_signed_by == applicant


def test_someone_else_cannot_sign(mission, expert, reviewer):
    services.plan_day_add(actor=expert, mission=mission, day=mission.starts_on, activities="a")
    with pytest.raises(ValidationError):
        services.workplan_sign(actor=reviewer, mission=mission)
    mission.refresh_from_db()
    assert mission.host_signed_at is None
    assert mission.expert_signed_at is None


def test_editing_an_agreed_plan_clears_both_sign_offs(agreed, officer):
    services.mission_update(actor=officer, mission=agreed, deliverables="A lab manual.")
    agreed.refresh_from_db()
    assert agreed.state == S.PLANNED
    assert agreed.host_signed_at is None
    assert agreed.expert_signed_at is None
    entry = AuditEntry.objects.get(action="mission.plan_changed")
    assert entry.data == {"fields": ["deliverables"], "signoffs_cleared": True}


def test_adding_a_day_after_a_sign_off_clears_it(mission, expert):
    services.plan_day_add(actor=expert, mission=mission, day=mission.starts_on, activities="a")
    services.workplan_sign(actor=expert, mission=mission)
    services.plan_day_add(actor=expert, mission=mission, day=mission.ends_on, activities="b")
    mission.refresh_from_db()
    assert mission.expert_signed_at is None


def test_an_approved_plan_no_longer_changes(agreed, officer):
    services.mission_approve(actor=officer, mission=agreed)
    with pytest.raises(ValidationError, match="no longer change"):
        services.mission_update(actor=officer, mission=agreed, deliverables="x")


def test_starting_makes_the_accepted_pairing_active_through_its_own_step(under_way, pairing):
    pairing.refresh_from_db()
    assert under_way.state == S.UNDER_WAY
    assert pairing.state == Pairing.State.ACTIVE
    assert AuditEntry.objects.filter(action="pairing.active").count() == 1


def test_completion_needs_a_logged_session(under_way, expert, officer):
    with pytest.raises(ValidationError, match="at least one session"):
        services.mission_complete(actor=expert, mission=under_way)
    log(under_way, expert, trainers_female=2)
    services.mission_complete(actor=expert, mission=under_way)
    reported = services.mission_report(actor=officer, mission=under_way)
    assert reported.state == S.REPORTED


def test_a_session_with_nobody_or_in_the_future_is_refused_and_not_written(under_way, expert):
    with pytest.raises(ValidationError, match="at least one participant"):
        log(under_way, expert)
    with pytest.raises(ValidationError) as caught:
        services.session_log(
            actor=expert,
            mission=under_way,
            held_on=under_way.ends_on,
            hours=2,
            topic="x",
            modality="onsite",
            trainers_female=1,
        )
    assert list(caught.value.message_dict) == ["held_on"]
    assert under_way.sessions.count() == 0


def test_cancelling_needs_a_reason_and_tells_the_people(mission, officer, expert):
    with pytest.raises(ValidationError):
        services.mission_cancel(actor=officer, mission=mission, reason=" ")
    mail.outbox.clear()
    services.mission_cancel(actor=officer, mission=mission, reason="The college is closed.")
    mission.refresh_from_db()
    assert mission.state == S.CANCELLED
    assert mission.reason == "The college is closed."


def test_certificates_are_issued_once_each(under_way, expert, officer):
    log(under_way, expert, trainers_female=1)
    services.participant_add(
        actor=expert, mission=under_way, full_name="Grace U.", category="trainer", sex="female"
    )
    services.mission_complete(actor=expert, mission=under_way)
    assert services.certificates_issue(actor=officer, mission=under_way) == 2
    assert services.certificates_issue(actor=officer, mission=under_way) == 0
    assert sorted(under_way.certificates.values_list("kind", "full_name")) == [
        ("contribution", expert.get_full_name()),
        ("participation", "Grace U."),
    ]
