"""Signing in, out and up with django-allauth."""

import re

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from skillbridge.common.models import OutboxMessage
from skillbridge.demo.people import DEMO_ACCOUNTS, DEMO_PASSWORD
from skillbridge.people.models import User


@pytest.fixture
def demo(db):
    call_command("seed_demo", force=True)


def sign_in(client, email, password):
    return client.post(
        reverse("account_login"), {"login": email, "password": password}, follow=True
    )


@pytest.mark.parametrize("account", DEMO_ACCOUNTS, ids=lambda a: a.email)
def test_each_demo_account_lands_on_its_own_dashboard(client, demo, account):
    response = sign_in(client, account.email, DEMO_PASSWORD)
    assert response.redirect_chain[-1][0] == reverse("dashboard")
    page = response.content.decode()
    # Signing in brings back the account's own language (applicant@ rw, expert@ fr).
    with translation.override(account.language):
        welcome = translation.gettext("Welcome, %(name)s") % {"name": account.full_name.split()[0]}
        assert welcome in page
        if account.role:
            user = User.objects.get(email=account.email)
            role_label = str(user.programme_roles.get().get_role_display())
            assert f">{role_label.capitalize()}</h2>" in page


def test_demo_accounts_see_their_own_role_card(client, demo):
    sign_in(client, "finance@example.org", DEMO_PASSWORD)
    page = client.get(reverse("dashboard")).content.decode()
    assert "Finance officer" in page
    assert "Pay the tranches whose milestones are approved" in page
    assert "Programme officer" not in page


def test_a_wrong_password_gets_a_clear_message(client, demo):
    response = sign_in(client, "officer@example.org", "not-the-password")
    assert response.status_code == 200
    assert "The email address and/or password you specified are not correct." in (
        response.content.decode()
    )
    assert "_auth_user_id" not in client.session


def test_signing_out_ends_the_session(client, demo):
    sign_in(client, "officer@example.org", DEMO_PASSWORD)
    response = client.post(reverse("account_logout"), follow=True)
    assert response.redirect_chain[-1][0] == reverse("home")
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("dashboard")).status_code == 302


@pytest.mark.django_db(transaction=True)
def test_sign_up_requires_a_verified_email_address(client):
    response = client.post(
        reverse("account_signup"),
        {
            "email": "Kalisa@Example.be",
            "password1": "a long enough passphrase 42",
            "password2": "a long enough passphrase 42",
        },
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse("account_email_verification_sent")
    assert User.objects.filter(email="kalisa@example.be").exists()
    assert "_auth_user_id" not in client.session

    sent = OutboxMessage.objects.get(to="kalisa@example.be")
    assert sent.status == OutboxMessage.Status.SENT
    link = re.search(
        re.escape(settings.SITE_URL) + r"(/accounts/confirm-email/\S+)", mail.outbox[0].body
    )
    assert link, mail.outbox[0].body
    client.post(link.group(1), follow=True)
    response = sign_in(client, "kalisa@example.be", "a long enough passphrase 42")
    assert response.redirect_chain[-1][0] == reverse("dashboard")


@pytest.mark.django_db(transaction=True)
def test_password_reset_mails_a_working_link(client):
    call_command("seed_demo", force=True)
    mail.outbox.clear()
    client.post(reverse("account_reset_password"), {"email": "applicant@example.org"})
    assert [m.to for m in mail.outbox] == [["applicant@example.org"]]
    link = re.search(
        re.escape(settings.SITE_URL) + r"(/accounts/password/reset/key/\S+)", mail.outbox[0].body
    )
    response = client.get(link.group(1), follow=True)
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else link.group(1)
    response = client.post(
        form_url,
        {"password1": "a brand new passphrase 7", "password2": "a brand new passphrase 7"},
        follow=True,
    )
    assert response.status_code == 200
    client.logout()
    assert sign_in(client, "applicant@example.org", "a brand new passphrase 7").redirect_chain[-1][
        0
    ] == reverse("dashboard")
