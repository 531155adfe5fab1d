"""The header and menu on a 360 x 780 phone: short, folded, and no page wider than the screen."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import _visitor

PHONE_780 = {"width": 360, "height": 780}
HEADER_MAX_PX = 160


def header_height(page) -> float:
    return page.evaluate("document.querySelector('.site-header').getBoundingClientRect().height")


@pytest.fixture
def phone_780(browser, accounts_site):
    context, visitor = _visitor(browser, accounts_site, PHONE_780)
    yield visitor
    context.close()


@pytest.mark.parametrize("path", ["/", "/accounts/login/", "/accounts/signup/", "/calls/"])
def test_signed_out_pages_keep_a_short_header_and_fit_the_phone(phone_780, path):
    page = phone_780.go(path)
    assert header_height(page) <= HEADER_MAX_PX
    assert phone_780.fits_width()
    assert phone_780.csp_errors == []


@pytest.mark.parametrize("email", ["officer@example.org", "applicant@example.org"])
def test_signed_in_pages_keep_a_short_header_and_fit_the_phone(phone_780, email):
    page = phone_780.sign_in(email)
    for path in ["/dashboard/", "/dashboard/account/", "/calls/"]:
        page = phone_780.go(path)
        assert header_height(page) <= HEADER_MAX_PX, path
        assert phone_780.fits_width(), path


def test_the_menu_opens_without_javascript_and_holds_the_language_switcher(browser, accounts_site):
    context = browser.new_context(viewport=PHONE_780, java_script_enabled=False)
    page = context.new_page()
    page.goto(accounts_site.url + "/")
    language = page.get_by_label("Language")
    expect(language).to_be_hidden()
    page.get_by_text("Menu", exact=True).click()
    expect(language).to_be_visible()
    expect(page.get_by_role("link", name="Create an account", exact=True)).to_be_visible()
    page.get_by_label("Language").select_option("fr")
    page.get_by_role("button", name="Change").click()
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    context.close()


def test_a_wide_screen_shows_the_menu_open(desktop):
    page = desktop.sign_in("applicant@example.org")
    expect(page.get_by_role("link", name="My proposals")).to_be_visible()
    expect(page.get_by_label("Language")).to_be_visible()
    assert header_height(page) <= HEADER_MAX_PX
