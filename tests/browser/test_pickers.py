"""The searchable lists (common/pickers.js) and the profile's time zone (experts/timezone.js)
work on a phone, in French, on the pages that load them."""

from playwright.sync_api import expect

from skillbridge.demo.programmes import DEMO_PROGRAMME_SLUG
from skillbridge.pairing.models import Need
from tests.browser.conftest import PHONE

EDIT_PROFILE = f"/experts/{DEMO_PROGRAMME_SLUG}/me/edit/"


def in_french(visitor):
    visitor.page.context.add_cookies(
        [{"name": "django_language", "value": "fr", "url": visitor.base_url}]
    )


def visible_rows(page, list_id):
    return page.locator(f"#{list_id} label:visible")


def test_a_professional_searches_the_skills_and_the_time_zone_follows_the_country(
    demo_browser,
):
    expert = demo_browser(PHONE)
    expert.sign_in("expert@example.org")
    in_french(expert)
    page = expert.go(EDIT_PROFILE)
    expect(page.locator("html")).to_have_attribute("lang", "fr")

    search = page.locator("input.list-filter[aria-controls='id_skills']")
    expect(search).to_have_count(1)
    assert visible_rows(page, "id_skills").count() > 20
    # Accents and case do not matter: "PHOTOVOLTAIQUES" finds "photovoltaïques".
    search.fill("PHOTOVOLTAIQUES")
    expect(visible_rows(page, "id_skills")).to_have_text(
        ["Installation de systèmes photovoltaïques"]
    )
    search.fill("")
    assert visible_rows(page, "id_skills").count() > 20

    expect(page.locator("#id_timezone")).to_have_value("Europe/Brussels")
    page.locator("#id_country").select_option("CA")
    expect(page.locator("#id_timezone")).to_have_value("America/Toronto")
    assert expert.fits_width()
    expert.screenshot("pickers-1-profile-fr")
    assert expert.csp_errors == []


def test_an_officer_searches_a_needs_languages(demo_browser):
    officer = demo_browser(PHONE)
    officer.sign_in("officer@example.org")
    in_french(officer)
    need = Need.objects.order_by("pk").first()
    page = officer.go(f"/pairing/{DEMO_PROGRAMME_SLUG}/needs/{need.pk}/edit/")
    search = page.locator("input.list-filter[aria-controls='id_languages']")
    search.fill("kinyar")
    expect(visible_rows(page, "id_languages")).to_have_text(["Kinyarwanda"])
    officer.screenshot("pickers-2-need-languages-fr")
    assert officer.csp_errors == []
