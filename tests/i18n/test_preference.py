"""The language is the person's: kept at sign-up, brought back at sign-in, changed by the
switcher, and used for every mail they get, whose links start with SITE_URL."""

import re

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse

from skillbridge.common.models import OutboxMessage
from skillbridge.demo.management.commands.seed_demo import SEED_STEPS
from skillbridge.demo.people import DEMO_PASSWORD
from skillbridge.people.models import User

SITE = re.escape(settings.SITE_URL)


def seed_accounts():
    """The organisations, the programme and the demo accounts: all these tests need."""
    for step in SEED_STEPS[:3]:
        step()


@pytest.fixture
def demo(db):
    seed_accounts()


def sign_in(client, email, password=DEMO_PASSWORD):
    return client.post(
        reverse("account_login"), {"login": email, "password": password}, follow=True
    )


def switch(client, language):
    return client.post(reverse("set_language"), {"language": language, "next": "/"})


def test_the_demo_accounts_prefer_their_languages(demo):
    assert User.objects.get(email="applicant@example.org").preferred_language == "rw"
    assert User.objects.get(email="expert@example.org").preferred_language == "fr"


@pytest.mark.parametrize(
    ("email", "language", "greeting"),
    [("applicant@example.org", "rw", 'lang="rw"'), ("expert@example.org", "fr", 'lang="fr"')],
)
def test_signing_in_brings_back_the_stored_language(client, demo, email, language, greeting):
    switch(client, "en")
    response = sign_in(client, email)
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == language
    assert greeting in response.content.decode()


@pytest.mark.django_db(transaction=True)
def test_signing_up_keeps_the_language_of_the_page_and_mails_in_it(client):
    switch(client, "fr")
    client.post(
        reverse("account_signup"),
        {
            "email": "chantal@example.be",
            "password1": "une phrase de passe assez longue",
            "password2": "une phrase de passe assez longue",
        },
    )
    user = User.objects.get(email="chantal@example.be")
    assert user.preferred_language == "fr"
    sent = OutboxMessage.objects.get(to="chantal@example.be")
    assert sent.language == "fr"
    assert "Veuillez confirmer" in sent.subject
    assert re.search(SITE + r"/accounts/confirm-email/\S+", sent.body), sent.body
    assert "testserver" not in sent.body


def test_the_switcher_stores_a_signed_in_persons_choice(client, demo):
    sign_in(client, "officer@example.org")
    switch(client, "fr")
    assert User.objects.get(email="officer@example.org").preferred_language == "fr"
    switch(client, "xx")
    assert User.objects.get(email="officer@example.org").preferred_language == "fr"


def test_the_switcher_changes_the_page_only_for_a_visitor(client, demo):
    response = switch(client, "rw")
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "rw"
    assert User.objects.filter(preferred_language="rw").count() == 1  # applicant@ only


@pytest.mark.django_db(transaction=True)
def test_a_password_reset_mail_is_in_the_account_holders_language(client):
    seed_accounts()
    mail.outbox.clear()
    switch(client, "en")
    client.post(reverse("account_reset_password"), {"email": "expert@example.org"})
    sent = OutboxMessage.objects.get(to="expert@example.org", kind__startswith="account:")
    assert sent.language == "fr"
    assert "mot de passe" in (sent.subject + sent.body).lower()
    assert re.search(SITE + r"/accounts/password/reset/key/\S+", sent.body), sent.body
    assert "testserver" not in sent.body
