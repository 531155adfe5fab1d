"""Playwright driving the system's Chromium against a live server.

No browser is downloaded: the Debian `chromium` package is used. Tests here
are marked `browser`; `make test` leaves them out only when Chromium is not
installed, and CI installs it.
"""

import os
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import sync_playwright

from skillbridge.demo.management.commands.seed_demo import SEED_STEPS

# Playwright's sync API runs an event loop in this thread; the ORM calls made by
# fixtures in the same thread are still plain synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    executable = shutil.which("chromium")
    if executable is None:
        pytest.fail("Chromium is not installed: apt-get install chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def demo_site(live_server, transactional_db):
    """The whole demo programme, as `make demo` serves it."""
    call_command("seed_demo", force=True, stdout=open(os.devnull, "w"))  # noqa: SIM115
    return live_server


@pytest.fixture
def accounts_site(live_server, transactional_db):
    """Only the organisations, the programme and the demo accounts: quicker to load."""
    for step in SEED_STEPS[:3]:
        step()
    return live_server


class Visitor:
    """A person at a browser, with the CSP errors the page reported."""

    def __init__(self, page, base_url):
        self.page = page
        self.base_url = base_url
        self.csp_errors: list[str] = []
        page.on("console", self._console)

    def _console(self, message):
        if "Content Security Policy" in message.text:
            self.csp_errors.append(message.text)

    def go(self, path):
        self.page.goto(self.base_url + path)
        return self.page

    def sign_in(self, email, password="skillbridge-demo", language="en"):
        """Sign in; the pages then read `language` (the walkthroughs are written in English,
        though applicant@ prefers rw and expert@ fr: tests/i18n checks the preference)."""
        page = self.go("/accounts/login/")
        page.get_by_label("Email").fill(email)
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="Sign In").click()
        page.wait_for_load_state()
        if language:
            cookie = {"name": "django_language", "value": language, "url": self.base_url}
            page.context.add_cookies([cookie])
            page.reload()
        return page

    def open_menu(self):
        """Unfold the site menu, folded away on a phone (a wide screen always shows it)."""
        menu = self.page.locator("details.menu")
        if menu.get_attribute("open") is None and menu.locator("summary").is_visible():
            menu.locator("summary").click()
        return self.page

    def screenshot(self, name):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=True)

    def fits_width(self) -> bool:
        return self.page.evaluate(
            "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
        )


def _visitor(browser, site, viewport):
    context = browser.new_context(viewport=viewport, locale="en-GB")
    return context, Visitor(context.new_page(), site.url)


PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture
def phone(browser, accounts_site):
    """A phone on the site with only the demo accounts."""
    context, visitor = _visitor(browser, accounts_site, PHONE)
    yield visitor
    context.close()


@pytest.fixture
def desktop(browser, accounts_site):
    """A desktop browser on the site with only the demo accounts."""
    context, visitor = _visitor(browser, accounts_site, DESKTOP)
    yield visitor
    context.close()


@pytest.fixture
def demo_browser(browser, demo_site):
    """Opens visitors on the full demo: `demo_browser(PHONE)` or `demo_browser(DESKTOP)`.

    Each visitor has its own cookies, so several people can take turns in one test.
    """
    contexts = []

    def open_visitor(viewport=DESKTOP):
        context, visitor = _visitor(browser, demo_site, viewport)
        contexts.append(context)
        return visitor

    yield open_visitor
    for context in contexts:
        context.close()
