import json
from datetime import datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from skillbridge import urls
from skillbridge.api.views import server_error
from skillbridge.people.adapters import client_ip
from skillbridge.people.models import ApiToken, Role
from tests.factories import ProgrammeRoleFactory, UserFactory
from tests.people.mfa import enable_totp, recovery_code, totp_code
from tests.test_settings import PRODUCTION, run_skillbridge


@pytest.fixture
def api():
    return APIClient()


def issue_token(api, email, password):
    return api.post("/api/v1/auth/token/", {"email": email, "password": password}, format="json")


def issue_token_from(api, email, password, **extra):
    body = {"email": email, "password": password}
    return api.post("/api/v1/auth/token/", body, format="json", **extra)


def ask(api, email, password, code):
    body = {"email": email, "password": password, "code": code}
    return api.post("/api/v1/auth/token/", body, format="json")


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


# --- Every way in honours MFA -------------------------------------------------


def test_a_token_answers_with_its_expiry(api, officer, password, settings):
    settings.API_TOKEN_LIFETIME = timedelta(hours=5)
    body = issue_token(api, "alice@example.org", password).json()
    stored = ApiToken.objects.get(user=officer)
    assert stored.expires_at - stored.created_at == pytest.approx(
        timedelta(hours=5), abs=timedelta(seconds=2)
    )
    assert set(body) == {"token", "expires_at"}
    assert datetime.fromisoformat(body["expires_at"]) == stored.expires_at


def test_with_mfa_the_password_alone_gets_no_token(api, officer, password):
    enable_totp(officer)
    response = issue_token(api, "alice@example.org", password)
    assert response.status_code == 400
    assert list(response.json()) == ["code"]
    assert not ApiToken.objects.exists()


def test_with_mfa_a_wrong_code_gets_no_token(api, officer, password):
    enable_totp(officer)
    response = ask(api, "alice@example.org", password, code="000000")
    assert response.status_code == 400
    assert response.json() == {"code": ["Incorrect code."]}
    assert not ApiToken.objects.exists()


def test_with_mfa_the_current_totp_code_gets_a_token_once(api, officer, password):
    secret = enable_totp(officer)
    code = totp_code(secret)
    assert ask(api, "alice@example.org", password, code=code).status_code == 200
    replay = ask(api, "alice@example.org", password, code=code)
    assert replay.status_code == 400
    assert ApiToken.objects.filter(user=officer).count() == 1


def test_with_mfa_a_recovery_code_gets_a_token(api, officer, password):
    enable_totp(officer)
    response = ask(api, "alice@example.org", password, code=recovery_code(officer))
    assert response.status_code == 200
    assert ApiToken.objects.filter(user=officer).count() == 1


def test_staff_without_mfa_are_told_to_set_it_up(api, officer, password, settings):
    settings.MFA_EXEMPT_DEMO_ACCOUNTS = False
    response = issue_token(api, "alice@example.org", password)
    assert response.status_code == 400
    assert response.json() == {"code": ["Set up two-factor authentication before you continue."]}
    assert not ApiToken.objects.exists()


def test_applicants_without_mfa_still_get_tokens(api, applicant, password, settings):
    settings.MFA_EXEMPT_DEMO_ACCOUNTS = False
    assert issue_token(api, "amani@example.org", password).status_code == 200


def test_a_staff_token_stops_when_mfa_is_required_and_missing(api, password, programme, settings):
    settings.MFA_EXEMPT_DEMO_ACCOUNTS = False
    person = UserFactory(email="gaby@example.org")
    token = issue_token(api, "gaby@example.org", password).json()["token"]
    ProgrammeRoleFactory(user=person, programme=programme, role=Role.REVIEWER)
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    response = api.get("/api/v1/me/")
    assert response.status_code == 403
    assert response.json() == {"detail": "Set up two-factor authentication before you continue."}


# --- Only verified addresses get tokens ---------------------------------------


def test_an_unverified_address_gets_no_token(api, password, db):
    UserFactory(email="newcomer@example.be", verified=False).save()
    response = issue_token(api, "newcomer@example.be", password)
    assert response.status_code == 400
    assert list(response.json()) == ["email"]
    assert not ApiToken.objects.exists()


# --- One limiter for every way in ---------------------------------------------


def test_forty_wrong_passwords_from_changing_forwarded_addresses_are_refused(api, officer):
    statuses = [
        issue_token_from(
            api, "alice@example.org", "wrong", HTTP_X_FORWARDED_FOR=f"203.0.113.{i}"
        ).status_code
        for i in range(40)
    ]
    assert statuses == [400] * 5 + [429] * 35


def test_forty_guesses_at_many_accounts_from_one_address_are_refused(api, db):
    statuses = [
        issue_token_from(
            api, f"guess{i}@example.org", "wrong", HTTP_X_FORWARDED_FOR=f"198.51.100.{i}"
        ).status_code
        for i in range(40)
    ]
    assert statuses == [400] * 10 + [429] * 30


def test_an_account_is_locked_across_addresses_even_for_the_right_password(api, officer, password):
    for i in range(5):
        wrong = issue_token_from(api, "alice@example.org", "wrong", REMOTE_ADDR=f"192.0.2.{i}")
        assert wrong.status_code == 400
    locked = issue_token_from(api, "alice@example.org", password, REMOTE_ADDR="192.0.2.99")
    assert locked.status_code == 429
    assert locked.json() == {"detail": "Too many failed login attempts. Try again later."}
    assert not ApiToken.objects.exists()


def test_a_web_lock_out_stops_the_api(api, client, officer, password):
    for i in range(5):
        client.post(
            reverse("account_login"),
            {"login": "alice@example.org", "password": "wrong"},
            REMOTE_ADDR=f"192.0.2.{i}",
        )
    assert issue_token(api, "alice@example.org", password).status_code == 429


def test_the_forwarded_address_counts_only_behind_a_trusted_proxy(rf, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    direct = rf.get("/", REMOTE_ADDR="203.0.113.9", HTTP_X_FORWARDED_FOR="198.51.100.1")
    proxied = rf.get(
        "/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.1, 203.0.113.7, 10.0.0.3"
    )
    assert client_ip(direct) == "203.0.113.9"
    assert client_ip(proxied) == "203.0.113.7"
    settings.TRUSTED_PROXIES = []
    assert client_ip(proxied) == "10.0.0.2"


# --- Tokens die ---------------------------------------------------------------


def use(api, token):
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    return api.get("/api/v1/me/")


def test_an_expired_token_answers_401(api, officer, password):
    token = issue_token(api, "alice@example.org", password).json()["token"]
    ApiToken.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert use(api, token).status_code == 401


def test_a_password_change_revokes_tokens(api, officer, password):
    token = issue_token(api, "alice@example.org", password).json()["token"]
    officer.set_password("an entirely new passphrase")
    officer.save()
    assert use(api, token).json() == {"detail": "Invalid or expired token."}
    assert ApiToken.objects.get(user=officer).revoked_at is not None


def test_an_mfa_change_revokes_tokens(api, applicant, password):
    token = issue_token(api, "amani@example.org", password).json()["token"]
    assert use(api, token).status_code == 200
    enable_totp(applicant)
    assert use(api, token).status_code == 401


def test_a_revoked_token_answers_401(api, officer, password):
    token = issue_token(api, "alice@example.org", password).json()["token"]
    ApiToken.objects.update(revoked_at=timezone.now())
    assert use(api, token).status_code == 401


# --- Answers are JSON and headers are set --------------------------------------


def test_an_unknown_api_path_answers_json_404(client, db):
    response = client.get("/api/v1/no-such-thing/")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


def test_a_server_error_under_the_api_answers_json(rf):
    response = server_error(rf.get("/api/v1/missions/"))
    assert response.status_code == 500
    assert json.loads(response.content) == {"detail": "A server error occurred."}
    assert urls.handler500 == "skillbridge.api.views.server_error"
    assert urls.handler404 == "skillbridge.api.views.not_found"


def test_every_response_carries_a_permissions_policy(client, api, db, settings):
    settings.WHITENOISE_USE_FINDERS = True  # WhiteNoise answers static files itself
    static = client.get("/static/skillbridge/favicon.svg")
    assert static.status_code == 200
    for response in (
        client.get("/"),
        api.get("/api/v1/"),
        client.get("/api/v1/nothing/"),
        static,
    ):
        assert "camera=()" in response["Permissions-Policy"]
        assert "geolocation=()" in response["Permissions-Policy"]


def test_production_switches_the_browsable_api_off():
    shown = run_skillbridge(
        "shell",
        "-c",
        "from django.conf import settings; "
        "print(settings.REST_FRAMEWORK['DEFAULT_RENDERER_CLASSES'])",
        **PRODUCTION,
    )
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.strip().splitlines()[-1] == "['rest_framework.renderers.JSONRenderer']"


def test_the_schema_documents_the_code_field_and_the_expiry(client, db):
    schemas = client.get("/api/v1/schema/?format=json").json()["components"]["schemas"]
    assert set(schemas["TokenRequest"]["properties"]) == {"email", "password", "code"}
    assert schemas["TokenRequest"]["required"] == ["email", "password"]
    assert set(schemas["Token"]["properties"]) == {"token", "expires_at"}
    token_answers = client.get("/api/v1/schema/?format=json").json()["paths"]["/api/v1/auth/token/"]
    assert set(token_answers["post"]["responses"]) == {"200", "400", "429"}
