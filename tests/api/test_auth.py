import pytest
from rest_framework.test import APIClient

from skillbridge.api.models import ApiToken
from skillbridge.people.models import Role


@pytest.fixture
def api():
    return APIClient()


def issue_token(api, email, password):
    return api.post("/api/v1/auth/token/", {"email": email, "password": password}, format="json")


def test_a_token_from_the_token_endpoint_works_on_me(api, officer, password, programme):
    response = issue_token(api, "alice@example.org", password)
    assert response.status_code == 200
    token = response.json()["token"]
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    me = api.get("/api/v1/me/")
    assert me.status_code == 200
    assert me.json() == {
        "email": "alice@example.org",
        "name": officer.full_name,
        "preferred_language": "en",
        "programmes": [
            {
                "programme": programme.slug,
                "programme_name": programme.name,
                "roles": [Role.PROGRAMME_OFFICER],
            }
        ],
    }


def test_only_a_digest_of_the_token_is_stored(api, officer, password):
    token = issue_token(api, "alice@example.org", password).json()["token"]
    stored = ApiToken.objects.get(user=officer)
    assert token not in stored.digest
    assert len(stored.digest) == 64


def test_a_wrong_password_answers_400_with_a_message_at_the_field(api, officer):
    response = issue_token(api, "alice@example.org", "wrong")
    assert response.status_code == 400
    assert response.json() == {"password": ["The email address or password is not correct."]}
    assert not ApiToken.objects.exists()


def test_missing_fields_are_named(api, db):
    response = api.post("/api/v1/auth/token/", {}, format="json")
    assert response.status_code == 400
    assert set(response.json()) == {"email", "password"}


def test_a_missing_token_answers_401_in_json(api, db):
    response = api.get("/api/v1/me/")
    assert response.status_code == 401
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": "Authentication credentials were not provided."}
    assert response["WWW-Authenticate"] == "Bearer"


def test_a_wrong_token_answers_401_in_json(api, db):
    api.credentials(HTTP_AUTHORIZATION="Bearer not-a-real-token")
    response = api.get("/api/v1/me/")
    assert response.status_code == 401
    assert response.json() == {"detail": "Invalid or expired token."}


def test_a_deactivated_users_token_stops_working(api, officer, password):
    token = issue_token(api, "alice@example.org", password).json()["token"]
    officer.is_active = False
    officer.save()
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    assert api.get("/api/v1/me/").status_code == 401


def test_lists_are_paginated_with_count_next_previous_results(settings):
    assert settings.REST_FRAMEWORK["DEFAULT_PAGINATION_CLASS"] == (
        "rest_framework.pagination.PageNumberPagination"
    )
