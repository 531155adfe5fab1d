"""Pairing states: each change, its refusals, the alternates and the expiry job."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from skillbridge.common.models import AuditEntry
from skillbridge.pairing import services
from skillbridge.pairing.models import Pairing
from skillbridge.pairing.tasks import expire_invitations
from tests.pairing.factories import ExpertProfileFactory, PairingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def run_with_alternates(officer, programme, need, profile, django_capture_on_commit_callbacks):
    """A done run proposing Esther, with two alternates; the officer has confirmed it."""
    ExpertProfileFactory(programme=programme, user__email="second@example.org", languages=["en"])
    ExpertProfileFactory(programme=programme, user__email="third@example.org", languages=["en"])
    need.skills.set([])
    profile.bio = need.text
    profile.save()
    with django_capture_on_commit_callbacks(execute=True):
        run = services.run_start(actor=officer, programme=programme)
    run.refresh_from_db()
    assert Pairing.objects.get(run=run).expert == profile
    with django_capture_on_commit_callbacks(execute=True):
        services.run_confirm(actor=officer, run=run)
    return run


def test_confirming_invites_the_professional_in_their_language_with_a_deadline(
    run_with_alternates, expert
):
    pairing = Pairing.objects.get(run=run_with_alternates, state=Pairing.State.INVITED)
    assert pairing.respond_by - pairing.invited_at == datetime.timedelta(days=14)
    invitation = [m for m in mail.outbox if m.to == [expert.email]]
    assert len(invitation) == 1
    assert "Invitation to mentor" in invitation[0].subject
    assert f"/pairing/pairings/{pairing.pk}/" in invitation[0].body
    assert AuditEntry.objects.filter(action="pairing.invited", object_id=str(pairing.pk)).exists()


def test_a_run_is_confirmed_once(run_with_alternates, officer):
    with pytest.raises(ValidationError) as error:
        services.run_confirm(actor=officer, run=run_with_alternates)
    assert error.value.messages == [
        "This run has nothing left to confirm (a later run replaced it)."
    ]


def test_the_professional_accepts_and_officers_are_told(run_with_alternates, expert, officer):
    pairing = Pairing.objects.get(run=run_with_alternates)
    mail.outbox.clear()
    services.pairing_accept(actor=expert, pairing=pairing)
    pairing.refresh_from_db()
    assert pairing.state == Pairing.State.ACCEPTED
    assert pairing.answered_at is not None
    assert AuditEntry.objects.filter(action="pairing.accepted", before="invited").count() == 1


def test_accepting_twice_or_after_the_deadline_is_refused(run_with_alternates, expert):
    pairing = Pairing.objects.get(run=run_with_alternates)
    Pairing.objects.filter(pk=pairing.pk).update(respond_by=timezone.now() - datetime.timedelta(1))
    with pytest.raises(ValidationError) as error:
        services.pairing_accept(actor=expert, pairing=pairing)
    assert error.value.messages == ["The deadline to answer this invitation has passed."]
    pairing.refresh_from_db()
    assert pairing.state == Pairing.State.INVITED


def test_a_decline_needs_a_reason_and_offers_the_next_alternate(
    run_with_alternates, expert, officer
):
    pairing = Pairing.objects.get(run=run_with_alternates)
    with pytest.raises(ValidationError) as error:
        services.pairing_decline(actor=expert, pairing=pairing, reason="  ")
    assert error.value.message_dict == {"reason": ["Tell the programme why, in a few words."]}
    assert Pairing.objects.count() == 1
    services.pairing_decline(actor=expert, pairing=pairing, reason="Not available after all.")
    pairing.refresh_from_db()
    assert pairing.state == Pairing.State.DECLINED
    assert pairing.reason == "Not available after all."
    offer = Pairing.objects.get(state=Pairing.State.PROPOSED)
    first_alternate = run_with_alternates.candidates.get(rank=1)
    assert offer.expert_id == first_alternate.expert_id
    assert offer.is_alternate
    # One click invites the alternate.
    services.pairing_confirm(actor=officer, pairing=offer)
    offer.refresh_from_db()
    assert offer.state == Pairing.State.INVITED


def test_an_expired_invitation_is_closed_and_the_next_alternate_offered(run_with_alternates):
    pairing = Pairing.objects.get(run=run_with_alternates)
    assert expire_invitations() == 0
    Pairing.objects.filter(pk=pairing.pk).update(respond_by=timezone.now() - datetime.timedelta(1))
    assert expire_invitations() == 1
    pairing.refresh_from_db()
    assert pairing.state == Pairing.State.DECLINED
    assert pairing.expired is True
    assert Pairing.objects.filter(state=Pairing.State.PROPOSED, is_alternate=True).count() == 1
    assert expire_invitations() == 0  # idempotent


def test_active_and_completed_follow_acceptance_only(officer, programme, need, profile):
    pairing = PairingFactory.invited(need=need, expert=profile, programme=programme)
    with pytest.raises(ValidationError):
        services.pairing_start(actor=officer, pairing=pairing)
    with pytest.raises(ValidationError):
        services.pairing_complete(actor=officer, pairing=pairing)
    Pairing.objects.filter(pk=pairing.pk).update(state=Pairing.State.ACCEPTED)
    services.pairing_start(actor=officer, pairing=pairing)
    services.pairing_complete(actor=officer, pairing=pairing)
    pairing.refresh_from_db()
    assert pairing.state == Pairing.State.COMPLETED
    assert list(
        AuditEntry.objects.filter(object_id=str(pairing.pk))
        .order_by("pk")
        .values_list("before", "after")
    ) == [("accepted", "active"), ("active", "completed")]


def test_confirming_is_refused_when_the_seat_is_taken(officer, programme, need, profile):
    PairingFactory.invited(need=need, programme=programme)
    proposed = PairingFactory(need=need, expert=profile, programme=programme)
    with pytest.raises(ValidationError) as error:
        services.pairing_confirm(actor=officer, pairing=proposed)
    assert error.value.messages == ["Every seat of this need is already taken."]
    proposed.refresh_from_db()
    assert proposed.state == Pairing.State.PROPOSED


def test_cancelling_an_invitation_tells_the_professional(officer, programme, need, profile, expert):
    pairing = PairingFactory.invited(need=need, expert=profile, programme=programme)
    with pytest.raises(ValidationError):
        services.pairing_cancel(actor=officer, pairing=pairing, reason="")
    services.pairing_cancel(actor=officer, pairing=pairing, reason="The project was paused.")
    pairing.refresh_from_db()
    assert pairing.state == Pairing.State.CANCELLED
    with pytest.raises(ValidationError):
        services.pairing_cancel(actor=officer, pairing=pairing, reason="Again.")
