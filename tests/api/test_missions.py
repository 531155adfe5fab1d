# ruff: noqa: F811 (the mission fixtures are imported from tests.missions.conftest and used by name)
"""API of missions: who lists, reads and logs sessions; nobody sees another's missions."""

import pytest
from rest_framework.test import APIClient

from skillbridge.missions.models import Session
from tests.factories import UserFactory
from tests.missions.conftest import (  # noqa: F401 (fixtures)
    agreed,
    energy,
    mission,
    pairing,
    profile,
    project,
    today,
    under_way,
)
from tests.missions.factories import MissionFactory
from tests.pairing.factories import ExpertProfileFactory

pytestmark = pytest.mark.django_db

SESSION = {
    "hours": "2.5",
    "topic": "Inverters",
    "modality": "onsite",
    "trainers_female": 2,
    "trainers_male": 3,
    "students_female": 0,
    "students_male": 0,
    "staff_female": 0,
    "staff_male": 1,
}


def api(user=None) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def test_the_professional_lists_and_reads_their_missions(under_way, expert):
    body = api(expert).get("/api/v1/missions/").json()
    assert body["count"] == 1
    assert body["results"][0]["id"] == under_way.pk
    assert body["results"][0]["state"] == "under_way"
    detail = api(expert).get(f"/api/v1/missions/{under_way.pk}/").json()
    assert detail["sessions"] == []
    assert detail["host_college"] == "IPRC Kigali"


def test_a_professional_cannot_see_another_professionals_missions(under_way, programme):
    eric = ExpertProfileFactory(programme=programme, user=UserFactory()).user
    assert api(eric).get("/api/v1/missions/").json()["count"] == 0
    assert api(eric).get(f"/api/v1/missions/{under_way.pk}/").status_code == 404
    response = api(eric).post(
        f"/api/v1/missions/{under_way.pk}/sessions/",
        {**SESSION, "held_on": under_way.starts_on.isoformat()},
        format="json",
    )
    assert response.status_code == 404
    assert Session.objects.count() == 0


def test_the_professional_logs_a_session(under_way, expert):
    response = api(expert).post(
        f"/api/v1/missions/{under_way.pk}/sessions/",
        {**SESSION, "held_on": under_way.starts_on.isoformat()},
        format="json",
    )
    assert response.status_code == 201, response.json()
    assert response.json()["participants"] == 6
    assert under_way.sessions.get().logged_by == expert


def test_a_host_may_read_but_not_log_an_on_site_session(under_way, coordinator):
    assert api(coordinator).get(f"/api/v1/missions/{under_way.pk}/").status_code == 200
    response = api(coordinator).post(
        f"/api/v1/missions/{under_way.pk}/sessions/",
        {**SESSION, "held_on": under_way.starts_on.isoformat()},
        format="json",
    )
    assert response.status_code == 403


def test_a_host_may_log_a_remote_session(under_way, applicant):
    type(under_way).objects.filter(pk=under_way.pk).update(kind="remote")
    response = api(applicant).post(
        f"/api/v1/missions/{under_way.pk}/sessions/",
        {**SESSION, "modality": "remote", "held_on": under_way.starts_on.isoformat()},
        format="json",
    )
    assert response.status_code == 201


def test_bad_input_answers_400_per_field(under_way, expert):
    response = api(expert).post(
        f"/api/v1/missions/{under_way.pk}/sessions/",
        {**SESSION, "held_on": under_way.ends_on.isoformat(), "topic": ""},
        format="json",
    )
    assert response.status_code == 400
    assert "topic" in response.json()
    assert Session.objects.count() == 0


def test_officers_see_every_mission_of_their_programme_and_anonymous_get_401(
    under_way, officer, programme
):
    MissionFactory(programme=programme, pairing__need__programme=programme)
    assert api(officer).get("/api/v1/missions/").json()["count"] == 2
    assert api().get("/api/v1/missions/").status_code == 401


def test_outsiders_see_nothing(under_way, outsider, donor):
    for user in (outsider, donor):
        assert api(user).get("/api/v1/missions/").json()["count"] == 0
        assert api(user).get(f"/api/v1/missions/{under_way.pk}/").status_code == 404


def test_an_unknown_modality_is_refused_at_its_field(under_way, expert):
    response = api(expert).post(
        f"/api/v1/missions/{under_way.pk}/sessions/",
        {**SESSION, "modality": "telepathy", "held_on": under_way.starts_on.isoformat()},
        format="json",
    )
    assert response.status_code == 400
    assert list(response.json()) == ["modality"]
    assert Session.objects.count() == 0
