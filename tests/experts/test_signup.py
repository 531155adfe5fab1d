"""Signing up from the outreach page leads to the professionals' registration."""

import re

import pytest
from django.core import mail
from django.urls import reverse


@pytest.mark.django_db(transaction=True)
def test_sign_up_then_verification_brings_the_person_to_registration(client, programme):
    register = reverse("experts:register")
    response = client.post(
        reverse("account_signup") + f"?next={register}",
        {
            "email": "kalisa.expert@example.be",
            "password1": "a long enough passphrase 42",
            "password2": "a long enough passphrase 42",
            "next": register,
        },
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse("account_email_verification_sent")
    link = re.search(r"https?://[^/\s]+(/accounts/confirm-email/\S+)", mail.outbox[-1].body)
    response = client.post(link.group(1), follow=True)
    # Confirming signs the person in and brings them back to where they were going.
    assert response.redirect_chain[-1][0] == register
    assert "Register as a professional" in response.content.decode()
