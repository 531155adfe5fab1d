"""Every page is served by the app, under a CSP with no inline code."""

import re

import pytest
from django.urls import reverse

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
INLINE_STYLE = re.compile(r"<style\b|\sstyle=", re.IGNORECASE)
EXTERNAL_ASSET = re.compile(r"""(?:src|href)=["']https?://""", re.IGNORECASE)

PUBLIC_PAGES = ["home", "account_login", "account_signup", "account_reset_password"]
SIGNED_IN_PAGES = ["dashboard", "people:account", "portal:outbox", "account_change_password"]


def assert_clean(response):
    assert response.status_code == 200
    page = response.content.decode()
    assert not INLINE_SCRIPT.findall(page)
    assert not INLINE_STYLE.findall(page)
    assert not EXTERNAL_ASSET.findall(page)
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "style-src 'self'" in csp
    assert "unsafe-inline" not in csp


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_public_pages_have_no_inline_code(client, db, name):
    assert_clean(client.get(reverse(name)))


@pytest.mark.parametrize("name", SIGNED_IN_PAGES)
def test_signed_in_pages_have_no_inline_code(client, officer, name):
    client.force_login(officer)
    assert_clean(client.get(reverse(name)))


def test_the_home_page_invites_students_and_professionals(client, db):
    page = client.get(reverse("home")).content.decode()
    assert "Students and trainers" in page
    assert "Diaspora professionals" in page
    assert "no Rwandan ID or phone number" in page


def test_pages_declare_their_language_and_a_mobile_viewport(client, db):
    page = client.get(reverse("home")).content.decode()
    assert '<html lang="en">' in page
    assert 'name="viewport" content="width=device-width, initial-scale=1"' in page


def test_an_unknown_page_answers_a_friendly_404(client, db):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "We could not find this page" in response.content.decode()
