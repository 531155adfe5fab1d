"""From sign-up to approval, as a professional living in Belgium would do it."""

import io
import re

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from skillbridge.common.models import AuditEntry, OutboxMessage
from skillbridge.experts.consent import CONSENT_TEXT_VERSION
from skillbridge.experts.models import ExpertProfile, Skill
from skillbridge.experts.selectors import matchable_experts
from skillbridge.experts.services.vetting import profile_reject
from skillbridge.people.models import Consent, ProgrammeRole, Role
from tests.experts.factories import ExpertProfileFactory, QualificationLevelFactory, SkillFactory
from tests.factories import UserFactory


def profile_post(sectors, **overrides):
    data = {
        "country": "BE",
        "city": "Liège",
        "timezone": "Europe/Brussels",
        "phone": "0470 12 34 56",
        "sex": "female",
        "profession": "Ingénieure en énergie solaire",
        "employer": "",
        "years_experience": "9",
        "qualification": str(QualificationLevelFactory().pk),
        "sectors": [str(sectors["energy"].pk)],
        "skills": [str(SkillFactory(name="Solar PV installation", sector=sectors["energy"]).pk)],
        "free_skills": "Micro-hydro; Battery recycling",
        "onsite": "on",
        "remote": "on",
        "capacity": "2",
        "bio": "Solar engineer.",
        "lang-TOTAL_FORMS": "2",
        "lang-INITIAL_FORMS": "0",
        "lang-0-code": "rw",
        "lang-0-level": "native",
        "lang-1-code": "fr",
        "lang-1-level": "fluent",
        "window-TOTAL_FORMS": "1",
        "window-INITIAL_FORMS": "0",
        "window-0-starts_on": "2027-02-01",
        "window-0-ends_on": "2027-03-15",
        "cv": SimpleUploadedFile("cv.pdf", b"%PDF-1.4 my CV", content_type="application/pdf"),
    }
    data.update(overrides)
    return data


@pytest.mark.django_db(transaction=True)
def test_a_professional_in_belgium_registers_fills_submits_and_is_approved(
    client, programme, officer, sectors, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    # Signed up through allauth (no Rwandan ID or phone asked), email verified.
    person = UserFactory(email="aline.mukeshimana@example.be", preferred_language="fr")
    client.force_login(person)
    response = client.post(
        reverse("experts:register"),
        {
            "full_name": "Aline Mukeshimana",
            "programme": programme.pk,
            "country": "BE",
            "phone": "+32 470 12 34 56",
            "sex": "female",
            "for_pool": "on",
            "for_contact": "on",
            "for_sharing_with_host": "on",
        },
    )
    assert response.status_code == 302
    profile = ExpertProfile.objects.get(user=person)
    assert (profile.phone, str(profile.country), profile.state) == (
        "+32470123456",
        "BE",
        "registered",
    )
    person.refresh_from_db()
    assert person.full_name == "Aline Mukeshimana"
    assert ProgrammeRole.objects.filter(user=person, role=Role.EXPERT).count() == 1
    consent = Consent.objects.get(user=person)
    assert (consent.text_version, consent.for_pool, consent.for_sharing_with_host) == (
        CONSENT_TEXT_VERSION,
        True,
        True,
    )

    response = client.post(
        reverse("experts:my_profile_edit", args=[programme.slug]), profile_post(sectors)
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    profile.refresh_from_db()
    assert profile.phone == "+32470123456"
    assert sorted(profile.skills.values_list("name", "in_taxonomy")) == [
        ("Battery recycling", False),
        ("Micro-hydro", False),
        ("Solar PV installation", True),
    ]
    page = client.get(reverse("experts:my_profile", args=[programme.slug])).content.decode()
    assert "Profile 100% complete" in page

    client.post(reverse("experts:my_profile_submit", args=[programme.slug]))
    profile.refresh_from_db()
    assert profile.state == "submitted"

    client.force_login(officer)
    response = client.post(
        reverse("experts:pool_vet", args=[programme.slug, profile.pk]), {"action": "approve"}
    )
    assert response.status_code == 302
    profile.refresh_from_db()
    assert profile.state == "approved"
    assert list(matchable_experts(programme)) == [profile]
    # Mailed in the professional's own language (French).
    approved_mail = [m for m in mail.outbox if m.subject.endswith("Votre profil est approuvé")]
    assert [m.to for m in approved_mail] == [["aline.mukeshimana@example.be"]]
    assert sorted(
        AuditEntry.objects.filter(action__startswith="expert.").values_list("action", flat=True)
    ) == ["expert.approved", "expert.profile_updated", "expert.registered", "expert.submitted"]


def test_registration_asks_only_for_a_name_residence_an_optional_phone_and_sex(
    client, outsider, programme
):
    client.force_login(outsider)
    page = client.get(reverse("experts:register")).content.decode()
    form = page[page.index('<form method="post" class="stack"') :]
    form = form[: form.index("</form>")]
    assert set(re.findall(r'name="([^"]+)"', form)) == {
        "csrfmiddlewaretoken",
        "full_name",
        "programme",
        "country",
        "phone",
        "sex",
        "for_pool",
        "for_contact",
        "for_sharing_with_host",
    }
    phone_input = re.search(r'<input[^>]*name="phone"[^>]*>', form).group(0)
    assert "required" not in phone_input


def test_a_bad_phone_is_refused_at_the_field_and_nothing_is_written(client, outsider, programme):
    client.force_login(outsider)
    response = client.post(
        reverse("experts:register"),
        {
            "full_name": "Eric Mugabo",
            "programme": programme.pk,
            "country": "BE",
            "phone": "12",
            "for_pool": "on",
        },
    )
    assert response.status_code == 200
    assert "This is not a valid phone number" in response.content.decode()
    assert not ExpertProfile.objects.exists()
    assert not Consent.objects.exists()


def test_registration_asks_for_a_name_and_writes_nothing_without_one(client, outsider, programme):
    outsider.full_name = ""
    outsider.save(update_fields=["full_name"])
    client.force_login(outsider)
    response = client.post(
        reverse("experts:register"),
        {"full_name": "  ", "programme": programme.pk, "country": "BE", "for_pool": "on"},
    )
    assert response.status_code == 200
    assert re.search(
        r'id="id_full_name_error".*This field is required', response.content.decode(), re.S
    )
    assert not ExpertProfile.objects.exists()
    outsider.refresh_from_db()
    assert outsider.full_name == ""


def test_a_bad_profile_edit_changes_nothing(client, esther, programme, sectors):
    client.force_login(esther.user)
    response = client.post(
        reverse("experts:my_profile_edit", args=[programme.slug]),
        profile_post(
            sectors,
            **{"window-0-starts_on": "2027-03-15", "window-0-ends_on": "2027-02-01"},
            cv=SimpleUploadedFile("cv.pdf", b"not a pdf"),
        ),
    )
    assert response.status_code == 200
    assert "The window cannot end before it starts." in response.content.decode()
    esther.refresh_from_db()
    assert (esther.city, esther.profession) == ("Brussels", "Electrical engineer")
    assert not Skill.objects.filter(name="Micro-hydro").exists()


def test_a_reject_without_a_reason_is_refused(client, officer, programme):
    profile = ExpertProfileFactory(programme=programme, state="submitted")
    client.force_login(officer)
    response = client.post(
        reverse("experts:pool_vet", args=[programme.slug, profile.pk]), {"action": "reject"}
    )
    assert response.status_code == 400
    assert "Give the reason" in response.content.decode()
    profile.refresh_from_db()
    assert profile.state == "submitted"


def test_rejection_and_suspension_are_mailed_in_the_professionals_language(officer, programme):
    profile = ExpertProfileFactory(
        programme=programme, state="submitted", user__preferred_language="fr"
    )
    profile_reject(profile=profile, officer=officer, reason="Diplôme illisible.")
    profile.refresh_from_db()
    assert (profile.state, profile.state_reason) == ("rejected", "Diplôme illisible.")
    entry = AuditEntry.objects.get(action="expert.rejected")
    assert (entry.before, entry.after, entry.actor) == ("submitted", "rejected", officer)
    message = profile.user.email
    assert message  # the mail went to the professional

    sent = OutboxMessage.objects.get(kind="experts:rejected")
    assert (sent.to, sent.language) == (profile.user.email, "fr")
    assert "Diplôme illisible." in sent.body


def test_only_an_approved_profile_can_be_suspended(client, officer, programme):
    profile = ExpertProfileFactory(programme=programme, state="submitted")
    client.force_login(officer)
    response = client.post(
        reverse("experts:pool_vet", args=[programme.slug, profile.pk]),
        {"action": "suspend", "reason": "x"},
    )
    assert response.status_code == 400
    profile.refresh_from_db()
    assert profile.state == "submitted"


@pytest.mark.django_db(transaction=True)
def test_an_imported_professional_claims_the_account_from_the_invitation(
    client, programme, sectors, tmp_path
):
    path = tmp_path / "one.csv"
    path.write_text(
        "email,first_name,last_name,country,city,profession,employer,years_experience,sectors,"
        "skills,languages,available_from,available_to,modalities,capacity,consent\n"
        "olivier.ntwali@example.org,Olivier,Ntwali,NL,Delft,Engineer,,6,energy,,rw,,,remote,1,yes\n",
        encoding="utf-8",
    )
    call_command("import_experts", str(path), stdout=io.StringIO())
    invitation = next(m for m in mail.outbox if "claim" in m.subject)
    link = re.search(r"http\S+/experts/claim/\S+/", invitation.body).group(0)
    path_only = link.split("8000", 1)[-1] if "8000" in link else link
    response = client.post(
        path_only,
        {
            "password1": "a long enough passphrase 42",
            "password2": "a long enough passphrase 42",
            "for_pool": "on",
            "for_contact": "on",
            "for_sharing_with_host": "on",
        },
    )
    assert response.status_code == 302
    profile = ExpertProfile.objects.get()
    assert profile.claimed_at is not None
    assert profile.user.check_password("a long enough passphrase 42")
    # The link works once.
    assert client.get(path_only).status_code == 404


def test_the_phone_is_shown_as_people_write_it(programme):
    profile = ExpertProfileFactory.build(programme=programme, phone="+32470123456")
    assert profile.phone_display == "+32 470 12 34 56"
    assert ExpertProfileFactory.build(programme=programme, phone="").phone_display == ""
