"""Invitations by signed link, joining, removal, affiliation and eligibility."""

import re
import time

import pytest
from django.core import signing
from django.core.exceptions import ValidationError

from skillbridge.calls import services
from skillbridge.calls.models import Proposal, TeamMember
from skillbridge.calls.tokens import (
    _SALT,
    INVITATION_MAX_AGE,
    InvalidInvitation,
    _state_hash,
    invitation_member,
    invitation_token,
)
from skillbridge.common.models import AuditEntry, OutboxMessage
from skillbridge.people.models import ProgrammeRole, Role
from tests.factories import UserFactory


def invite(draft, applicant, email="neza@example.org"):
    return services.member_invite(
        actor=applicant, proposal=draft, email=email, full_name="Neza", kind="trainer"
    )


def test_the_lead_invites_a_member_by_email_with_a_signed_link(draft, applicant):
    member = invite(draft, applicant, "Neza@Example.org")

    assert (member.email, member.status, member.kind) == ("neza@example.org", "invited", "trainer")
    message = OutboxMessage.objects.get(kind="team_invitation")
    assert message.to == "neza@example.org"
    assert message.programme_id == draft.call.programme_id
    link = re.search(r"http://\S+/calls/invitations/(\S+)/", message.body)
    assert invitation_member(link.group(1)) == member


def test_the_invitation_is_in_the_invitees_language_when_they_have_an_account(draft, applicant):
    UserFactory(email="neza@example.org", preferred_language="fr")

    invite(draft, applicant)

    assert OutboxMessage.objects.get(kind="team_invitation").language == "fr"


def test_an_invitee_of_the_same_college_joins_and_becomes_an_applicant(
    draft, applicant, programme, college
):
    member = invite(draft, applicant)
    neza = UserFactory(email="neza@example.org", full_name="Neza Ishimwe")

    services.invitation_accept(
        user=neza, member=invitation_member(invitation_token(member)), kind="trainer", sex="female"
    )

    member.refresh_from_db()
    assert (member.status, member.user, member.sex, member.full_name) == (
        "joined",
        neza,
        "female",
        "Neza Ishimwe",
    )
    role = ProgrammeRole.objects.get(user=neza, programme=programme)
    assert (role.role, role.organisation) == (Role.APPLICANT, college)


def test_a_used_link_no_longer_works(draft, applicant):
    member = invite(draft, applicant)
    token = invitation_token(member)
    services.invitation_accept(
        user=UserFactory(email="neza@example.org"), member=member, kind="student", sex="male"
    )

    with pytest.raises(InvalidInvitation):
        invitation_member(token)


def test_a_changed_link_is_refused(draft, applicant):
    token = invitation_token(invite(draft, applicant))

    with pytest.raises(InvalidInvitation):
        invitation_member(token[:-2] + ("aa" if not token.endswith("aa") else "bb"))


def test_an_expired_link_is_refused(draft, applicant):
    member = invite(draft, applicant)

    class FortnightAgo(signing.TimestampSigner):
        def timestamp(self):
            age = INVITATION_MAX_AGE.total_seconds() + 60
            return signing.b62_encode(int(time.time() - age))

    old = FortnightAgo(salt=_SALT).sign_object(
        {"m": member.pk, "h": _state_hash(member)}, compress=True
    )

    with pytest.raises(InvalidInvitation):
        invitation_member(old)
    assert invitation_member(invitation_token(member)) == member


def test_a_member_of_another_college_cannot_join(draft, applicant, other_applicant):
    with pytest.raises(ValidationError) as refused:
        invite(draft, applicant, other_applicant.email)

    assert "must all come from IPRC Kigali" in refused.value.message_dict["email"][0]
    assert not TeamMember.objects.filter(email=other_applicant.email).exists()
    assert OutboxMessage.objects.count() == 0


def test_someone_else_cannot_accept_an_invitation(draft, applicant, outsider):
    member = invite(draft, applicant)

    with pytest.raises(ValidationError):
        services.invitation_accept(user=outsider, member=member, kind="student", sex="male")

    member.refresh_from_db()
    assert member.status == "invited"
    assert not ProgrammeRole.objects.filter(user=outsider).exists()


def test_the_lead_removes_a_member_before_submitting(draft, applicant, member):
    mia = draft.members.get(user=member)

    services.member_remove(actor=applicant, member=mia)

    mia.refresh_from_db()
    assert mia.status == TeamMember.Status.REMOVED
    assert AuditEntry.objects.filter(action="team.member_removed").count() == 1


def test_the_lead_cannot_be_removed(draft, applicant):
    with pytest.raises(ValidationError):
        services.member_remove(actor=applicant, member=draft.members.get(is_lead=True))


def test_nobody_is_removed_after_submission(draft, applicant, member):
    services.proposal_submit(actor=applicant, proposal=draft)

    with pytest.raises(ValidationError):
        services.member_remove(actor=applicant, member=draft.members.get(user=member))


def test_the_coordinator_confirms_and_rejects_affiliations(draft, coordinator, member):
    lead = draft.members.get(is_lead=True)
    mia = draft.members.get(user=member)

    services.member_affiliation_confirm(actor=coordinator, member=lead)
    services.member_affiliation_reject(actor=coordinator, member=mia, note="Not enrolled.")

    lead.refresh_from_db()
    mia.refresh_from_db()
    assert lead.affiliation == "confirmed"
    assert (mia.affiliation, mia.affiliation_note) == ("rejected", "Not enrolled.")
    assert list(AuditEntry.objects.order_by("id").values_list("action", "before", "after")) == [
        ("team.affiliation_confirmed", "pending", "confirmed"),
        ("team.affiliation_rejected", "pending", "rejected"),
    ]


def test_a_rejection_needs_a_reason(draft, coordinator):
    with pytest.raises(ValidationError):
        services.member_affiliation_reject(
            actor=coordinator, member=draft.members.get(is_lead=True), note=" "
        )
    assert draft.members.get(is_lead=True).affiliation == "pending"


def test_a_rejected_member_must_leave_before_submission(draft, applicant, coordinator, member):
    services.member_affiliation_reject(
        actor=coordinator, member=draft.members.get(user=member), note="Not enrolled."
    )

    with pytest.raises(ValidationError) as refused:
        services.proposal_submit(actor=applicant, proposal=draft)

    assert list(refused.value.message_dict) == ["team"]


def submitted(draft, applicant):
    services.proposal_submit(actor=applicant, proposal=draft)
    draft.refresh_from_db()
    return draft


def test_eligibility_waits_for_every_affiliation(draft, applicant, officer, coordinator):
    proposal = submitted(draft, applicant)

    with pytest.raises(ValidationError):
        services.proposal_mark_eligible(actor=officer, proposal=proposal)
    proposal.refresh_from_db()
    assert proposal.state == Proposal.State.SUBMITTED

    services.member_affiliation_confirm(actor=coordinator, member=proposal.members.get())
    services.proposal_mark_eligible(actor=officer, proposal=proposal)

    proposal.refresh_from_db()
    assert proposal.state == Proposal.State.ELIGIBLE
    entry = AuditEntry.objects.filter(action="proposal.eligible").get()
    assert (entry.actor, entry.before, entry.after) == (officer, "submitted", "eligible")


def test_the_officer_finds_a_proposal_ineligible_with_a_reason_the_team_reads(
    draft, applicant, officer
):
    proposal = submitted(draft, applicant)

    services.proposal_mark_ineligible(
        actor=officer, proposal=proposal, reason="The college letter is unsigned."
    )

    proposal.refresh_from_db()
    assert (proposal.state, proposal.state_reason) == (
        "ineligible",
        "The college letter is unsigned.",
    )
    message = OutboxMessage.objects.get(kind="proposal_ineligible")
    assert message.to == applicant.email
    assert "The college letter is unsigned." in message.body


def test_ineligibility_needs_a_reason(draft, applicant, officer):
    proposal = submitted(draft, applicant)

    with pytest.raises(ValidationError) as refused:
        services.proposal_mark_ineligible(actor=officer, proposal=proposal, reason="")

    assert list(refused.value.message_dict) == ["reason"]
    proposal.refresh_from_db()
    assert proposal.state == "submitted"


def test_a_draft_cannot_be_found_eligible(draft, officer, coordinator):
    services.member_affiliation_confirm(actor=coordinator, member=draft.members.get())

    with pytest.raises(ValidationError):
        services.proposal_mark_eligible(actor=officer, proposal=draft)
    draft.refresh_from_db()
    assert draft.state == "draft"
