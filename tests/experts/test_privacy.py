"""Consent, the data download and erasure (DESIGN §5, GDPR and Law 058/2021)."""

import json

from django.core.files.base import ContentFile
from django.urls import reverse

from skillbridge.common.models import AuditEntry, OutboxMessage
from skillbridge.experts.models import AvailabilityWindow, ExpertLanguage, ExpertProfile
from skillbridge.experts.selectors import matchable_experts
from skillbridge.experts.services.privacy import KEPT_AFTER_ERASURE
from skillbridge.people.models import Consent, ProgrammeRole, Role, User
from tests.experts.factories import ExpertProfileFactory
from tests.factories import ProgrammeRoleFactory


def test_an_approved_profile_with_consent_is_matchable(esther, programme):
    assert list(matchable_experts(programme)) == [esther]


def test_withdrawing_consent_removes_the_professional_from_matching_at_once(
    client, esther, programme
):
    client.force_login(esther.user)
    response = client.post(
        reverse("experts:my_consent", args=[programme.slug]), {"action": "withdraw"}
    )
    assert response.status_code == 302
    assert list(matchable_experts(programme)) == []
    consent = Consent.objects.get(user=esther.user)
    assert consent.withdrawn_at is not None
    assert AuditEntry.objects.filter(action="consent.withdrawn").count() == 1


def test_giving_consent_again_makes_the_professional_matchable_again(client, esther, programme):
    client.force_login(esther.user)
    client.post(reverse("experts:my_consent", args=[programme.slug]), {"action": "withdraw"})
    client.post(
        reverse("experts:my_consent", args=[programme.slug]),
        {"for_pool": "on", "for_contact": "on"},
    )
    assert list(matchable_experts(programme)) == [esther]
    assert Consent.objects.filter(user=esther.user).count() == 2


def test_consent_without_the_pool_is_refused_at_the_field(client, esther, programme):
    client.force_login(esther.user)
    client.post(reverse("experts:my_consent", args=[programme.slug]), {"action": "withdraw"})
    response = client.post(
        reverse("experts:my_consent", args=[programme.slug]), {"for_contact": "on"}
    )
    assert response.status_code == 200
    assert "Without this consent the programme cannot keep your profile." in (
        response.content.decode()
    )
    assert not Consent.objects.filter(user=esther.user, withdrawn_at__isnull=True).exists()


def test_suspended_unclaimed_or_inactive_profiles_are_not_matchable(programme):
    ExpertProfileFactory(programme=programme, state=ExpertProfile.State.SUSPENDED)
    ExpertProfileFactory(programme=programme, state=ExpertProfile.State.SUBMITTED)
    ExpertProfileFactory(programme=programme, claimed_at=None)
    ExpertProfileFactory(programme=programme, user__is_active=False)
    ExpertProfileFactory(programme=programme, consent=False)
    assert list(matchable_experts(programme)) == []


def test_the_download_holds_all_the_professionals_data(client, esther, programme):
    client.force_login(esther.user)
    response = client.get(reverse("experts:my_data", args=[programme.slug]))
    data = json.loads(response.content)
    assert response["Content-Disposition"] == 'attachment; filename="my-skillbridge-data.json"'
    assert data["account"]["email"] == "esther@example.org"
    assert data["profile"]["phone"] == "+32470123456"
    assert data["profile"]["languages"] == [
        {"code": "fr", "level": "fluent"},
        {"code": "rw", "level": "native"},
    ]
    assert data["profile"]["availability"] == [{"start": "2027-02-01", "end": "2027-04-30"}]
    assert [c["pool"] for c in data["consents"]] == [True]


def test_erasure_leaves_no_personal_data_behind(client, esther, programme, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    esther.cv.save("esther-cv.pdf", ContentFile(b"%PDF-1.4 CV"))
    cv_path = esther.cv.path
    OutboxMessage.objects.create(
        to="esther@example.org", subject="Hello", body="Dear Esther", language="en"
    )
    user_pk, email = esther.user.pk, esther.user.email
    client.force_login(esther.user)
    response = client.post(reverse("experts:my_erase", args=[programme.slug]), {"confirm": "erase"})
    assert response.status_code == 302
    profile = ExpertProfile.objects.get(pk=esther.pk)
    # Every field is empty except the anonymous ones kept for results.
    for field in ExpertProfile._meta.concrete_fields:
        if field.name in KEPT_AFTER_ERASURE or field.name == "updated_at":
            continue
        value = getattr(profile, field.attname)
        assert value in (None, "", False, 1) or (field.name == "source"), (field.name, value)
    assert profile.user_id is None
    assert (profile.phone, profile.city, profile.profession, profile.employer, profile.bio) == (
        "",
        "",
        "",
        "",
        "",
    )
    assert profile.state == ExpertProfile.State.ERASED
    assert (str(profile.country), profile.sex) == ("BE", "female")
    assert list(profile.sectors.values_list("slug", flat=True)) == ["energy"]
    assert not profile.skills.exists()
    assert not ExpertLanguage.objects.filter(profile=profile).exists()
    assert not AvailabilityWindow.objects.filter(profile=profile).exists()
    assert not profile.cv
    assert not tmp_path.joinpath(cv_path).exists()
    assert not User.objects.filter(pk=user_pk).exists()
    assert not User.objects.filter(email__iexact=email).exists()
    assert not Consent.objects.filter(user_id=user_pk).exists()
    assert not OutboxMessage.objects.filter(to__iexact=email).exists()
    assert not ProgrammeRole.objects.filter(user_id=user_pk).exists()
    # The log names no one.
    for entry in AuditEntry.objects.all():
        assert email not in json.dumps(entry.data)
    assert list(matchable_experts(programme)) == []


def test_erasure_keeps_an_account_that_holds_another_role(client, esther, programme):
    ProgrammeRoleFactory(user=esther.user, programme=programme, role=Role.REVIEWER)
    client.force_login(esther.user)
    client.post(reverse("experts:my_erase", args=[programme.slug]), {"confirm": "erase"})
    esther.user.refresh_from_db()
    assert list(esther.user.programme_roles.values_list("role", flat=True)) == [Role.REVIEWER]
    assert ExpertProfile.objects.get(pk=esther.pk).user_id is None


def test_an_erased_profile_disappears_from_the_pool(client, esther, officer, programme):
    client.force_login(esther.user)
    client.post(reverse("experts:my_erase", args=[programme.slug]), {"confirm": "erase"})
    client.force_login(officer)
    page = client.get(reverse("experts:pool", args=[programme.slug])).content.decode()
    assert "0 professionals" in page
