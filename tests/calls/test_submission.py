"""Submitting, withdrawing and the deadline: every step and every refusal."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from skillbridge.calls import services
from skillbridge.calls.models import Proposal, TeamMember
from skillbridge.common.models import AuditEntry, OutboxMessage
from tests.calls.factories import ProposalFactory


def audit_of(proposal):
    return list(
        AuditEntry.objects.filter(object_id=str(proposal.pk), action__startswith="proposal.")
        .order_by("id")
        .values_list("action", "before", "after", "actor__email")
    )


def test_the_lead_submits_a_complete_draft(draft, applicant, member):
    services.proposal_submit(actor=applicant, proposal=draft)

    draft.refresh_from_db()
    assert draft.state == Proposal.State.SUBMITTED
    assert draft.submitted_at is not None
    assert draft.snapshot["title"] == draft.title
    assert draft.snapshot["problem"] == "The problem."
    assert draft.snapshot["budget_total_rwf"] == 5_000_000
    assert [m["email"] for m in draft.snapshot["team"]] == ["amani@example.org", "mia@example.org"]
    assert [a["kind"] for a in draft.snapshot["attachments"]] == [
        "Letter of support from the college"
    ]
    assert audit_of(draft)[-1] == (
        "proposal.submitted",
        "draft",
        "submitted",
        "amani@example.org",
    )


def test_submission_mails_a_confirmation_to_each_member_in_their_language(draft, applicant, member):
    member.preferred_language = "fr"
    member.save()
    applicant.preferred_language = "rw"
    applicant.save()

    services.proposal_submit(actor=applicant, proposal=draft)

    sent = OutboxMessage.objects.filter(kind="proposal_submitted").order_by("to")
    assert [(m.to, m.language, m.programme_id) for m in sent] == [
        ("amani@example.org", "rw", draft.call.programme_id),
        ("mia@example.org", "fr", draft.call.programme_id),
    ]
    assert draft.title in sent[0].subject


def test_it_refuses_a_late_submission_and_keeps_the_draft(draft, applicant, call):
    call.opens_at = timezone.now() - datetime.timedelta(days=40)
    call.closes_at = timezone.now() - datetime.timedelta(minutes=1)
    call.save()

    with pytest.raises(ValidationError) as refused:
        services.proposal_submit(actor=applicant, proposal=draft)

    assert "deadline of this call passed" in refused.value.message_dict["__all__"][0]
    assert "can no longer be submitted" in refused.value.message_dict["__all__"][0]
    draft.refresh_from_db()
    assert draft.state == Proposal.State.DRAFT
    assert draft.snapshot is None
    assert draft.problem == "The problem."
    assert OutboxMessage.objects.count() == 0


def test_a_draft_stays_editable_after_the_deadline(draft, applicant, call):
    call.closes_at = timezone.now() - datetime.timedelta(hours=1)
    call.opens_at = timezone.now() - datetime.timedelta(days=40)
    call.save()

    services.proposal_save_draft(
        actor=applicant, proposal=draft, values={"problem": "Still writing."}
    )

    draft.refresh_from_db()
    assert draft.problem == "Still writing."


def test_it_lists_every_missing_part(call, applicant, college):
    empty = ProposalFactory(
        call=call,
        lead=applicant,
        college=college,
        sector=None,
        summary="",
        problem="",
        solution="",
        innovation="",
        market="",
        implementation_plan="",
        requested_amount_rwf=None,
    )

    with pytest.raises(ValidationError) as refused:
        services.proposal_submit(actor=applicant, proposal=empty)

    assert sorted(refused.value.message_dict) == [
        "attachments",
        "budget_lines",
        "implementation_plan",
        "innovation",
        "market",
        "problem",
        "requested_amount_rwf",
        "sector",
        "solution",
        "summary",
    ]
    assert refused.value.message_dict["attachments"] == [
        "Attach this document: Letter of support from the college."
    ]
    empty.refresh_from_db()
    assert empty.state == Proposal.State.DRAFT


def test_it_refuses_a_request_over_the_call_maximum(draft, applicant):
    with pytest.raises(ValidationError) as refused:
        services.proposal_save_draft(
            actor=applicant,
            proposal=draft,
            values={"requested_amount_rwf": 20_000_001, "problem": "Changed."},
        )

    assert refused.value.message_dict == {
        "requested_amount_rwf": [
            "The amount requested is more than the maximum grant of 20,000,000 RWF."
        ]
    }
    draft.refresh_from_db()
    assert (draft.requested_amount_rwf, draft.problem) == (5_000_000, "The problem.")


def test_it_refuses_a_request_above_the_budget_total(draft, applicant):
    draft.requested_amount_rwf = 6_000_000
    draft.save()

    with pytest.raises(ValidationError) as refused:
        services.proposal_submit(actor=applicant, proposal=draft)

    assert refused.value.message_dict == {
        "requested_amount_rwf": [
            "The amount requested is more than the budget total of 5,000,000 RWF."
        ]
    }


def test_an_unanswered_invitation_stops_submission(draft, applicant):
    TeamMember.objects.create(
        proposal=draft, email="late@example.org", kind=TeamMember.Kind.TRAINER
    )

    with pytest.raises(ValidationError) as refused:
        services.proposal_submit(actor=applicant, proposal=draft)

    assert list(refused.value.message_dict) == ["team"]


def test_a_submitted_proposal_can_no_longer_change(draft, applicant):
    services.proposal_submit(actor=applicant, proposal=draft)
    draft.refresh_from_db()
    frozen = draft.snapshot

    with pytest.raises(ValidationError):
        services.proposal_save_draft(actor=applicant, proposal=draft, values={"title": "New"})
    with pytest.raises(ValidationError):
        services.proposal_submit(actor=applicant, proposal=draft)

    draft.refresh_from_db()
    assert draft.title != "New"
    assert draft.snapshot == frozen


def test_the_lead_withdraws_a_submitted_proposal_and_the_snapshot_stays(draft, applicant):
    services.proposal_submit(actor=applicant, proposal=draft)
    draft.refresh_from_db()
    frozen = draft.snapshot

    services.proposal_withdraw(actor=applicant, proposal=draft, reason="We joined another team.")

    draft.refresh_from_db()
    assert draft.state == Proposal.State.WITHDRAWN
    assert draft.state_reason == "We joined another team."
    assert draft.snapshot == frozen
    assert audit_of(draft)[-1] == ("proposal.withdrawn", "submitted", "withdrawn", applicant.email)


@pytest.mark.parametrize(
    "state",
    # A selected or reserve team may still withdraw: tests/review/test_reserve.py.
    [Proposal.State.NOT_SELECTED, Proposal.State.INELIGIBLE, Proposal.State.WITHDRAWN],
)
def test_it_refuses_to_withdraw_after_a_decision(draft, applicant, state):
    draft.state = state
    draft.save()

    with pytest.raises(ValidationError):
        services.proposal_withdraw(actor=applicant, proposal=draft)

    draft.refresh_from_db()
    assert draft.state == state
