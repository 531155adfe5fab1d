"""Matching never proposes, and an officer never invites, a professional without current consent."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from skillbridge.experts.services.privacy import expert_consent_withdraw
from skillbridge.pairing import services
from skillbridge.pairing.models import PairDecision, Pairing
from tests.pairing.factories import ExpertProfileFactory, PairingFactory

pytestmark = pytest.mark.django_db


def test_a_run_after_withdrawal_does_not_propose_the_professional(
    officer, programme, need, profile, django_capture_on_commit_callbacks
):
    other = ExpertProfileFactory(programme=programme, user__email="other@example.org")
    expert_consent_withdraw(profile=profile, actor=profile.user)
    with django_capture_on_commit_callbacks(execute=True):
        run = services.run_start(actor=officer, programme=programme)
    assert list(Pairing.objects.filter(run=run).values_list("expert", flat=True)) == [other.pk]
    assert not run.candidates.filter(expert=profile).exists()


def test_a_pairing_proposed_before_withdrawal_cannot_be_confirmed(
    officer, programme, need, profile
):
    proposed = PairingFactory(need=need, expert=profile, programme=programme)
    expert_consent_withdraw(profile=profile, actor=profile.user)
    with pytest.raises(ValidationError) as error:
        services.pairing_confirm(actor=officer, pairing=proposed)
    assert error.value.messages == [
        "This professional can no longer be matched (profile or consent)."
    ]
    proposed.refresh_from_db()
    assert proposed.state == Pairing.State.PROPOSED


def test_an_officer_cannot_lock_a_professional_without_current_consent(
    client, officer, programme, need, profile
):
    expert_consent_withdraw(profile=profile, actor=profile.user)
    client.force_login(officer)
    url = reverse("pairing:decide", args=[programme.slug, need.pk])
    response = client.post(url, {"expert": profile.pk, "kind": "lock"}, follow=True)
    assert response.status_code == 200
    assert [str(m) for m in response.context["messages"]] == [
        "This professional can no longer be matched (profile or consent)."
    ]
    assert not PairDecision.objects.exists()


def test_an_officer_may_still_forbid_a_pair_with_a_professional_who_withdrew(
    officer, programme, need, profile
):
    expert_consent_withdraw(profile=profile, actor=profile.user)
    decision = services.decision_set(actor=officer, need=need, expert=profile, kind="forbid")
    assert PairDecision.objects.get() == decision
