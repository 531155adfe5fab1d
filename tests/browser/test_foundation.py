"""The foundation as a person uses it, in a real browser."""

import re

import pytest
from playwright.sync_api import expect

from skillbridge.demo.people import DEMO_ACCOUNTS


def test_an_officer_signs_in_lands_on_the_dashboard_and_signs_out(desktop):
    page = desktop.sign_in("officer@example.org")
    expect(page).to_have_url(re.compile(r"/dashboard/$"))
    expect(page.get_by_role("heading", name="Welcome, Aline")).to_be_visible()
    expect(page.get_by_role("heading", name="Programme officer")).to_be_visible()
    desktop.screenshot("officer-dashboard")
    page.get_by_role("button", name="Sign out").click()
    expect(page).to_have_url(desktop.base_url + "/")
    expect(page.get_by_role("link", name="Sign in")).to_be_visible()
    assert desktop.csp_errors == []


def test_a_wrong_password_shows_a_clear_message(desktop):
    page = desktop.sign_in("officer@example.org", password="wrong-password")
    expect(
        page.get_by_text("The email address and/or password you specified are not correct.")
    ).to_be_visible()


@pytest.mark.parametrize("account", DEMO_ACCOUNTS[:: len(DEMO_ACCOUNTS) // 4 or 1])
def test_demo_accounts_reach_their_dashboard_on_a_phone(phone, account):
    page = phone.sign_in(account.email)
    expect(page).to_have_url(re.compile(r"/dashboard/$"))
    assert phone.fits_width()
    phone.screenshot(f"dashboard-360-{account.email.split('@')[0]}")
    assert phone.csp_errors == []


def test_choosing_a_language_translates_the_page_without_a_button(phone):
    page = phone.go("/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Ideas from Rwanda")
    phone.open_menu()
    page.get_by_label("Language").select_option("rw")
    expect(page.locator("html")).to_have_attribute("lang", "rw")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Ibitekerezo")
    phone.screenshot("home-360-rw")
    phone.open_menu()
    page.get_by_label("Ururimi").select_option("fr")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Des idées")
    assert phone.csp_errors == []


@pytest.mark.parametrize("path", ["/", "/accounts/login/", "/accounts/signup/"])
def test_public_pages_fit_a_360_pixel_screen(phone, path):
    phone.go(path)
    assert phone.fits_width()
    phone.screenshot("public-360" + path.replace("/", "-").rstrip("-"))
    assert phone.csp_errors == []


def test_the_api_docs_render_from_the_app(desktop):
    page = desktop.go("/api/v1/docs/")
    expect(page.get_by_text("SkillBridge API").first).to_be_visible(timeout=15000)
    desktop.screenshot("api-docs")
    # Swagger UI's one inline style is allowed by its hash; nothing else is.
    assert desktop.csp_errors == []
