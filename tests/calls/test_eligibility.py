"""Eligibility never waits forever on an absent coordinator.

The coordinators of the team's college are mailed when the team submits; if
they still do not act, a programme officer confirms the affiliation, with a
reason kept in the audit log.
"""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from skillbridge.calls import services
from skillbridge.calls.models import Proposal, TeamMember
from skillbridge.common.models import AuditEntry, OutboxMessage
from skillbridge.people.models import Role
from tests.factories import ProgrammeRoleFactory, UserFactory


@pytest.fixture
def submitted(draft, applicant, member):
    services.proposal_submit(actor=applicant, proposal=draft)
    draft.refresh_from_db()
    return draft


def confirm_url(proposal, member):
    return reverse("calls:affiliation_confirm_by_officer", args=[proposal.pk, member.pk])


# Mail to the coordinators --------------------------------------------------------------


def test_submission_mails_each_coordinator_of_the_college_in_their_language(
    draft, applicant, coordinator, other_coordinator, programme, college
):
    coordinator.preferred_language = "fr"
    coordinator.save()
    deputy = UserFactory(email="deputy@example.org", preferred_language="en")
    ProgrammeRoleFactory(
        user=deputy, programme=programme, role=Role.COLLEGE_COORDINATOR, organisation=college
    )

    services.proposal_submit(actor=applicant, proposal=draft)

    sent = OutboxMessage.objects.filter(kind="affiliation_request").order_by("to")
    # Hugo coordinates another college: he is not asked.
    assert [(m.to, m.language, m.programme_id) for m in sent] == [
        ("colin@example.org", "fr", programme.pk),
        ("deputy@example.org", "en", programme.pk),
    ]
    link = f"/calls/proposals/{draft.pk}/#team"
    assert link in sent[0].body
    assert draft.title in sent[1].subject
    assert college.short_name in sent[1].subject


def test_a_refused_submission_mails_no_coordinator(draft, applicant, coordinator):
    draft.problem = ""
    draft.save()
    with pytest.raises(ValidationError):
        services.proposal_submit(actor=applicant, proposal=draft)
    assert not OutboxMessage.objects.filter(kind="affiliation_request").exists()


# The officer confirms instead -------------------------------------------------------


def test_an_officer_confirms_a_pending_member_with_a_reason_and_can_then_decide(
    submitted, officer, member
):
    with pytest.raises(ValidationError) as waiting:
        services.proposal_mark_eligible(actor=officer, proposal=submitted)
    assert "has not confirmed every member" in waiting.value.messages[0]

    for team_member in submitted.members.all():
        services.member_affiliation_confirm_by_officer(
            actor=officer, member=team_member, reason="Checked the college's enrolment list."
        )
    services.proposal_mark_eligible(actor=officer, proposal=submitted)

    submitted.refresh_from_db()
    assert submitted.state == Proposal.State.ELIGIBLE
    assert sorted(submitted.members.values_list("affiliation", "affiliation_note")) == [
        ("confirmed", "Checked the college's enrolment list."),
        ("confirmed", "Checked the college's enrolment list."),
    ]
    entry = AuditEntry.objects.get(
        action="team.affiliation_confirmed_by_officer",
        object_id=str(submitted.members.get(user=member).pk),
    )
    assert (entry.actor, entry.before, entry.after) == (officer, "pending", "confirmed")
    assert entry.data == {
        "proposal": submitted.pk,
        "reason": "Checked the college's enrolment list.",
    }


def test_the_officer_must_give_a_reason_and_nothing_changes_without(submitted, officer):
    lead = submitted.members.get(is_lead=True)
    with pytest.raises(ValidationError) as refused:
        services.member_affiliation_confirm_by_officer(actor=officer, member=lead, reason="  ")
    assert list(refused.value.message_dict) == ["reason"]
    lead.refresh_from_db()
    assert lead.affiliation == TeamMember.Affiliation.PENDING
    assert not AuditEntry.objects.filter(action="team.affiliation_confirmed_by_officer").exists()


def test_the_officer_does_not_overrule_a_coordinator_or_confirm_a_draft(
    submitted, draft, officer, coordinator
):
    lead = submitted.members.get(is_lead=True)
    services.member_affiliation_reject(actor=coordinator, member=lead, note="Left in 2025.")
    with pytest.raises(ValidationError) as refused:
        services.member_affiliation_confirm_by_officer(actor=officer, member=lead, reason="Sure.")
    assert "already decided" in refused.value.messages[0]
    lead.refresh_from_db()
    assert lead.affiliation == TeamMember.Affiliation.REJECTED

    Proposal.objects.filter(pk=submitted.pk).update(state=Proposal.State.DRAFT)
    member = submitted.members.exclude(is_lead=True).get()
    with pytest.raises(ValidationError):
        services.member_affiliation_confirm_by_officer(actor=officer, member=member, reason="Ok.")
    member.refresh_from_db()
    assert member.affiliation == TeamMember.Affiliation.PENDING


# The page ------------------------------------------------------------------------------


def test_the_officer_sees_the_form_and_confirms_from_the_proposal_page(client, submitted, officer):
    lead = submitted.members.get(is_lead=True)
    client.force_login(officer)
    page = client.get(reverse("calls:proposal_detail", args=[submitted.pk])).content.decode()
    assert f'action="{confirm_url(submitted, lead)}"' in page

    response = client.post(confirm_url(submitted, lead), {"reason": "Phoned the registrar."})

    assert response.status_code == 302
    assert response["Location"] == reverse("calls:proposal_detail", args=[submitted.pk]) + "#team"
    lead.refresh_from_db()
    assert (lead.affiliation, lead.affiliation_note) == ("confirmed", "Phoned the registrar.")


def test_an_empty_reason_is_refused_at_the_field(client, submitted, officer):
    lead = submitted.members.get(is_lead=True)
    client.force_login(officer)
    response = client.post(confirm_url(submitted, lead), {"reason": ""})
    assert response.status_code == 200
    page = response.content.decode()
    assert 'aria-invalid="true"' in page
    assert "This field is required." in page
    lead.refresh_from_db()
    assert lead.affiliation == TeamMember.Affiliation.PENDING


def test_the_coordinator_does_not_see_the_officers_form(client, submitted, coordinator):
    client.force_login(coordinator)
    page = client.get(reverse("calls:proposal_detail", args=[submitted.pk])).content.decode()
    assert "/affiliation/officer/" not in page


def test_members_without_the_right_get_403_and_outsiders_404(
    client, submitted, applicant, coordinator, other_coordinator, outsider
):
    lead = submitted.members.get(is_lead=True)
    for person, status in [
        (applicant, 403),
        (coordinator, 403),
        (other_coordinator, 404),
        (outsider, 404),
    ]:
        client.force_login(person)
        response = client.post(confirm_url(submitted, lead), {"reason": "I say so."})
        assert response.status_code == status, person
    lead.refresh_from_db()
    assert lead.affiliation == TeamMember.Affiliation.PENDING
