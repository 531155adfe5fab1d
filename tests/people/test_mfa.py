"""MFA on every way in: the web, the admin site and the API (see tests/api/test_auth.py)."""

import pytest
from allauth.usersessions.models import UserSession
from django.contrib.sessions.models import Session
from django.core.checks import Error
from django.urls import reverse
from rest_framework.test import APIClient

from skillbridge.people.checks import demo_accounts_need_mfa_in_production
from skillbridge.people.models import ApiToken
from tests.factories import UserFactory
from tests.people.mfa import enable_totp


def sign_in(client, email, password):
    return client.post(
        reverse("account_login"), {"login": email, "password": password}, follow=True
    )


def token_for(user, password):
    body = {"email": user.email, "password": password}
    return APIClient().post("/api/v1/auth/token/", body, format="json").json()["token"]


@pytest.fixture
def admin_user(db):
    return UserFactory(email="admin@example.org", is_staff=True, is_superuser=True)


def test_with_mfa_the_web_sign_in_stops_at_the_code(client, officer, password):
    enable_totp(officer)
    response = sign_in(client, "alice@example.org", password)
    assert response.redirect_chain[-1][0] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session


def test_the_admin_login_sends_people_to_the_site_sign_in(client, db):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=%2Fadmin%2F"


def test_the_admin_login_takes_no_password_itself(client, admin_user, password):
    enable_totp(admin_user)
    response = client.post("/admin/login/", {"username": "admin@example.org", "password": password})
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302


def test_with_mfa_the_admin_is_reached_only_past_the_code(client, admin_user, password):
    enable_totp(admin_user)
    response = sign_in(client, "admin@example.org", password)
    assert response.redirect_chain[-1][0] == reverse("mfa_authenticate")
    assert client.get("/admin/").status_code == 302


@pytest.mark.parametrize("persona", ["officer", "finance", "reviewer", "coordinator"])
def test_staff_without_mfa_are_led_to_set_it_up(client, request, persona, settings):
    settings.MFA_EXEMPT_DEMO_ACCOUNTS = False
    client.force_login(request.getfixturevalue(persona))
    response = client.get(reverse("dashboard"))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")
    api = client.get("/api/v1/me/")
    assert api.status_code == 403
    assert api.json() == {"detail": "Set up two-factor authentication before you continue."}


def test_the_admin_without_mfa_is_led_to_set_it_up(client, admin_user, settings):
    settings.MFA_EXEMPT_DEMO_ACCOUNTS = False
    client.force_login(admin_user)
    assert client.get("/admin/")["Location"] == reverse("mfa_activate_totp")


def test_staff_with_mfa_go_on(client, officer, settings):
    settings.MFA_EXEMPT_DEMO_ACCOUNTS = False
    enable_totp(officer)
    client.force_login(officer)
    assert client.get(reverse("dashboard")).status_code == 200


@pytest.mark.parametrize("persona", ["applicant", "expert", "donor"])
def test_other_roles_need_no_mfa(client, request, persona, settings):
    settings.MFA_EXEMPT_DEMO_ACCOUNTS = False
    client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse("dashboard")).status_code == 200


def test_demo_accounts_may_skip_mfa_only_where_the_setting_allows(client, officer, settings):
    settings.MFA_EXEMPT_DEMO_ACCOUNTS = True
    client.force_login(officer)
    assert client.get(reverse("dashboard")).status_code == 200


def test_production_refuses_the_demo_exemption(settings):
    settings.DEBUG = False
    settings.MFA_EXEMPT_DEMO_ACCOUNTS = True
    [error] = demo_accounts_need_mfa_in_production(None)
    assert isinstance(error, Error)
    assert error.id == "people.E001"
    settings.MFA_EXEMPT_DEMO_ACCOUNTS = False
    assert demo_accounts_need_mfa_in_production(None) == []


# --- Tokens on the account page ------------------------------------------------


def test_the_account_page_lists_only_ones_own_live_tokens(client, applicant, officer, password):
    token_for(applicant, password)
    token_for(officer, password)
    client.force_login(applicant)
    page = client.get(reverse("people:account"))
    assert [t.user for t in page.context["tokens"]] == [applicant]


def test_a_person_revokes_their_own_token(client, applicant, password):
    secret = token_for(applicant, password)
    token = ApiToken.objects.get(user=applicant)
    client.force_login(applicant)
    response = client.post(reverse("people:token_revoke", args=[token.pk]))
    assert response["Location"] == reverse("people:account")
    token.refresh_from_db()
    assert token.revoked_at is not None
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert api.get("/api/v1/me/").status_code == 401


def test_nobody_revokes_someone_elses_token(client, applicant, officer, password):
    token_for(officer, password)
    token = ApiToken.objects.get(user=officer)
    client.force_login(applicant)
    assert client.post(reverse("people:token_revoke", args=[token.pk])).status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_signing_out_everywhere_ends_sessions_and_tokens(client, applicant, password):
    other_device = type(client)()
    sign_in(other_device, applicant.email, password)
    sign_in(client, applicant.email, password)
    token_for(applicant, password)
    assert UserSession.objects.filter(user=applicant).count() == 2
    response = client.post(reverse("people:sign_out_everywhere"))
    assert response["Location"] == reverse("account_login")
    assert not UserSession.objects.filter(user=applicant).exists()
    assert not Session.objects.exists()
    assert other_device.get(reverse("dashboard")).status_code == 302
    assert not ApiToken.objects.live().filter(user=applicant).exists()


def test_staff_tokens_are_visible_in_the_admin(client, admin_user, officer, password):
    token_for(officer, password)
    client.force_login(admin_user)
    page = client.get("/admin/people/apitoken/?user__is_staff__exact=0")
    assert page.status_code == 200
    assert officer.full_name in page.content.decode()
