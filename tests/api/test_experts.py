"""`/api/v1/experts/me/` for professionals, `/api/v1/experts/` for officers only."""

import pytest
from rest_framework.test import APIClient

from skillbridge.experts.models import ExpertProfile
from tests.experts.factories import ExpertProfileFactory

LEAKS = ["Jeanne Secretariat", "jeanne.secret@example.org", "+4915112345678", "Hamburg"]


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def esther(expert, programme):
    return ExpertProfileFactory(user=expert, programme=programme)


@pytest.fixture
def pool_member(programme):
    return ExpertProfileFactory(
        programme=programme,
        user__email="jeanne.secret@example.org",
        user__full_name="Jeanne Secretariat",
        phone="+4915112345678",
        city="Hamburg",
        country="DE",
    )


def test_a_professional_reads_their_own_profile(api, esther):
    api.force_authenticate(esther.user)
    data = api.get("/api/v1/experts/me/").json()
    assert (data["country"], data["city"], data["phone"], data["state"]) == (
        "BE",
        "Brussels",
        "+32470123456",
        "approved",
    )
    assert data["languages"] == [
        {"code": "fr", "level": "fluent"},
        {"code": "rw", "level": "native"},
    ]
    assert data["modalities"] == ["onsite", "remote"]
    assert data["completeness"]["missing"] == ["a CV"]


def test_a_professional_replaces_their_profile_and_bad_input_changes_nothing(api, esther):
    api.force_authenticate(esther.user)
    body = api.get("/api/v1/experts/me/").json()
    body.update(city="Namur", phone="0471 23 45 67", skills=["Solar PV installation", "Biogas"])
    response = api.put("/api/v1/experts/me/", body, format="json")
    assert response.status_code == 200, response.json()
    assert (response.json()["city"], response.json()["phone"]) == ("Namur", "+32471234567")
    assert sorted(response.json()["skills"]) == ["Biogas", "Solar PV installation"]
    body["availability"] = [{"start": "2027-05-01", "end": "2027-04-01"}]
    body["city"] = "Ghent"
    response = api.put("/api/v1/experts/me/", body, format="json")
    assert response.status_code == 400
    assert response.json() == {"availability": ["A window cannot end before it starts."]}
    assert ExpertProfile.objects.get(pk=esther.pk).city == "Namur"


def test_an_officer_searches_the_pool_with_filters(api, officer, esther, pool_member):
    api.force_authenticate(officer)
    data = api.get("/api/v1/experts/").json()
    assert data["count"] == 2
    assert set(data) == {"count", "next", "previous", "results"}
    found = api.get("/api/v1/experts/?country=DE").json()["results"]
    assert [p["email"] for p in found] == ["jeanne.secret@example.org"]
    assert api.get("/api/v1/experts/?sector=unknown").json()["count"] == 0


@pytest.mark.parametrize("persona", ["donor", "coordinator", "applicant", "reviewer", "finance"])
def test_other_roles_get_403_and_no_personal_data(api, request, persona, pool_member):
    api.force_authenticate(request.getfixturevalue(persona))
    for url in ("/api/v1/experts/", "/api/v1/experts/me/"):
        response = api.get(url)
        assert response.status_code == 403, url
        assert not any(leak in response.content.decode() for leak in LEAKS)


def test_a_professional_cannot_list_the_pool(api, esther, pool_member):
    api.force_authenticate(esther.user)
    assert api.get("/api/v1/experts/").status_code == 403


def test_anonymous_callers_get_401(api, db):
    assert api.get("/api/v1/experts/").status_code == 401
    assert api.get("/api/v1/experts/me/").status_code == 401
    assert api.put("/api/v1/experts/me/", {}, format="json").status_code == 401


@pytest.mark.parametrize("persona", ["donor", "coordinator", "applicant", "reviewer", "expert"])
def test_filters_are_never_answered_before_the_permission_check(api, request, persona, programme):
    """An unknown sector or skill once answered an empty 200 to people who may not list at all."""
    api.force_authenticate(request.getfixturevalue(persona))
    for query in ("?sector=unknown", "?skill=unknown", "?sector=unknown&skill=unknown"):
        response = api.get(f"/api/v1/experts/{query}")
        assert response.status_code == 403, query
        assert "results" not in response.json()
