"""After a professional erases their data, every page, document, mail, survey and API answer
that spoke of them says "former participant", and nothing breaks (GDPR art. 17, Law 058/2021)."""

import json

import pytest
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from skillbridge.common.models import OutboxMessage
from skillbridge.missions import documents, services
from skillbridge.missions.models import Certificate, Mission, Survey
from skillbridge.pairing import services as pairing_services
from skillbridge.pairing.models import Pairing
from tests.missions.conftest import log
from tests.pairing.factories import NeedFactory, PairingFactory

pytestmark = pytest.mark.django_db

NAME = "Esther Mukamana"
EMAIL = "esther@example.org"
FORMER = "former participant"


@pytest.fixture
def completed(under_way, expert, officer):
    """Esther's completed mission with certificates, surveys and mail naming her."""
    expert.full_name = NAME
    expert.save()
    log(under_way, expert, trainers_female=3, trainers_male=4)
    services.participant_add(
        actor=expert,
        mission=under_way,
        full_name="Grace Uwase",
        email="grace@example.org",
        category="trainer",
        sex="female",
    )
    mission = services.mission_complete(actor=expert, mission=under_way)
    services.certificates_issue(actor=officer, mission=mission)
    services.surveys_invite(mission=mission, wave=Survey.Wave.T1)
    Survey.objects.filter(mission=mission, respondent=Survey.Respondent.PROFESSIONAL).update(
        answered_at=timezone.now(), experience=4, obstacles="Esther Mukamana lost her visa."
    )
    services.surveys_invite(mission=mission, wave=Survey.Wave.T12)
    OutboxMessage.objects.create(
        to=officer.email,
        subject=f"{NAME} accepted",
        body=f"{NAME} ({EMAIL}) accepted the pairing.",
        language="en",
    )
    return mission


def erase(client, expert, programme):
    client.force_login(expert)
    response = client.post(reverse("experts:my_erase", args=[programme.slug]), {"confirm": "erase"})
    assert response.status_code == 302
    client.logout()


def test_the_certificate_verification_page_no_longer_names_the_professional(
    client, completed, expert, programme
):
    certificate = completed.certificates.get(kind=Certificate.Kind.CONTRIBUTION)
    assert certificate.full_name == NAME
    erase(client, expert, programme)
    page = client.get(reverse("missions:verify", args=[certificate.code]))
    assert page.status_code == 200
    text = page.content.decode()
    assert NAME not in text
    assert FORMER in text
    participation = completed.certificates.get(kind=Certificate.Kind.PARTICIPATION)
    assert participation.full_name == "Grace Uwase"


def test_surveys_keep_only_the_anonymous_rating(client, completed, expert, programme):
    erase(client, expert, programme)
    assert not Survey.objects.filter(email__iexact=EMAIL).exists()
    assert not Survey.objects.filter(name__icontains="Esther").exists()
    own = Survey.objects.filter(mission=completed, respondent=Survey.Respondent.PROFESSIONAL)
    assert list(own.values_list("wave", "experience", "obstacles", "name")) == [("t1", 4, "", "")]
    assert own.get().email.endswith("@erased.invalid")
    # The participant's surveys are theirs, untouched.
    assert Survey.objects.filter(email="grace@example.org").count() == 2


def test_mail_written_to_others_no_longer_names_the_professional(
    client, completed, expert, programme, officer
):
    erase(client, expert, programme)
    for message in OutboxMessage.objects.all():
        for text in (message.subject, message.body, message.html_body):
            assert NAME not in text
            assert EMAIL not in text
    message = OutboxMessage.objects.get(to=officer.email, subject__endswith="accepted")
    assert (message.subject, message.body) == (
        f"{FORMER} accepted",
        f"{FORMER} ({FORMER}) accepted the pairing.",
    )


def test_the_missions_api_answers_former_participant_instead_of_a_500(
    client, completed, expert, programme, officer, coordinator
):
    erase(client, expert, programme)
    for reader in (officer, coordinator):
        api = APIClient()
        api.force_authenticate(reader)
        listing = api.get("/api/v1/missions/")
        assert listing.status_code == 200
        assert [m["professional"] for m in listing.json()["results"]] == [FORMER]
        detail = api.get(f"/api/v1/missions/{completed.pk}/")
        assert detail.json()["professional"] == FORMER
    api = APIClient()
    api.force_authenticate(officer)
    pairings = api.get("/api/v1/pairings/").json()["results"]
    assert pairings
    assert {p["professional"]["name"] for p in pairings} == {FORMER}


def test_pages_and_the_report_say_former_participant(client, completed, expert, programme, officer):
    erase(client, expert, programme)
    client.force_login(officer)
    for url in (
        reverse("missions:list"),
        reverse("missions:detail", args=[completed.pk]),
        reverse("pairing:detail", args=[completed.pairing_id]),
    ):
        page = client.get(url)
        assert page.status_code == 200, url
        text = page.content.decode()
        assert FORMER in text, url
        assert NAME not in text, url
    mission = Mission.objects.get(pk=completed.pk)
    assert FORMER in documents.report_html(mission, language="en")
    assert client.get(reverse("missions:report", args=[completed.pk])).status_code == 200


def test_erasure_cancels_pending_offers_and_keeps_work_under_way(
    client, completed, expert, programme, profile, officer
):
    invited = PairingFactory.invited(
        need=NeedFactory(programme=programme), expert=profile, programme=programme
    )
    erase(client, expert, programme)
    invited.refresh_from_db()
    assert invited.state == Pairing.State.CANCELLED
    assert Pairing.objects.get(pk=completed.pairing_id).state == Pairing.State.ACTIVE
    # The officer can still close the active pairing: nobody to mail, nothing breaks.
    pairing_services.pairing_cancel(
        actor=officer, pairing=completed.pairing, reason="The professional left."
    )
    assert Pairing.objects.get(pk=completed.pairing_id).state == Pairing.State.CANCELLED


def test_the_data_download_holds_pairings_missions_surveys_and_certificates(
    client, completed, expert, programme, officer
):
    client.force_login(officer)
    client.get(reverse("experts:pool_profile", args=[programme.slug, completed.expert_id]))
    client.force_login(expert)
    data = json.loads(client.get(reverse("experts:my_data", args=[programme.slug])).content)
    assert [(p["id"], p["state"]) for p in data["pairings"]] == [(completed.pairing_id, "active")]
    assert [(m["id"], m["title"], m["state"]) for m in data["missions"]] == [
        (completed.pk, completed.title, completed.state)
    ]
    assert [(s["wave"], s["experience"]) for s in data["surveys"]] == [("t1", 4), ("t12", None)]
    [certificate] = data["certificates"]
    assert (certificate["kind"], certificate["name"]) == ("contribution", NAME)
    assert [(r["what"], r["via"], r["by"]) for r in data["read_by_staff"]] == [
        ("profile", "web", officer.get_full_name())
    ]
