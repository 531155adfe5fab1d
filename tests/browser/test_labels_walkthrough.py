"""An officer on a phone, in French, renames a sector and adds one, then finds it offered.

Sectors are data the officers keep: the labels page renames them in each
language and adds new ones to the programme, and a form that offers sectors
(here a need's form) shows the new one at once, in the reader's language.
"""

from playwright.sync_api import expect

from skillbridge.common.models import AuditEntry
from skillbridge.demo.programmes import DEMO_PROGRAMME_SLUG
from skillbridge.pairing.models import Need
from skillbridge.programmes.models import Programme, Sector
from tests.browser.conftest import PHONE

LABELS = f"/experts/{DEMO_PROGRAMME_SLUG}/labels/"


def in_french(visitor):
    visitor.page.context.add_cookies(
        [{"name": "django_language", "value": "fr", "url": visitor.base_url}]
    )
    visitor.page.reload()


def submit(page):
    page.locator("form.stack button[type=submit]").click()
    page.wait_for_load_state()


def test_an_officer_in_french_renames_and_adds_a_sector_on_a_phone(demo_browser):
    officer = demo_browser(PHONE)
    officer.sign_in("officer@example.org")
    in_french(officer)

    page = officer.go(LABELS)
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    assert officer.fits_width()
    officer.screenshot("labels-1-page-fr")

    energy = Sector.objects.get(slug="energy")
    page.locator(f"a[href$='/labels/sectors/{energy.pk}/']").click()
    page.locator("[name='name_fr']").fill("Énergies renouvelables")
    officer.screenshot("labels-2-rename-fr")
    submit(page)
    assert page.url.endswith(LABELS)
    expect(page.locator("#sectors + .table-wrap")).to_contain_text("Énergies renouvelables")

    page.locator(f"a[href='{LABELS}sectors/new/']").click()
    assert officer.fits_width()
    page.locator("[name='slug']").fill("health")
    page.locator("[name='name']").fill("Health")
    page.locator("[name='name_fr']").fill("Santé")
    page.locator("[name='name_rw']").fill("Ubuzima")
    officer.screenshot("labels-3-new-sector-fr")
    submit(page)
    assert page.url.endswith(LABELS)
    expect(page.locator("#sectors + .table-wrap")).to_contain_text("Santé")
    officer.screenshot("labels-4-added-fr")

    programme = Programme.objects.get(slug=DEMO_PROGRAMME_SLUG)
    health = programme.sectors.get(slug="health")
    assert (health.name, health.name_fr, health.name_rw) == ("Health", "Santé", "Ubuzima")
    assert Sector.objects.get(slug="energy").name_fr == "Énergies renouvelables"
    assert AuditEntry.objects.filter(
        action="reference.sector_added", object_id=str(health.pk)
    ).exists()

    need = Need.objects.filter(programme=programme).order_by("pk").first()
    page = officer.go(f"/pairing/{DEMO_PROGRAMME_SLUG}/needs/{need.pk}/edit/")
    sector = page.locator("select[name='sector']")
    expect(sector.locator("option", has_text="Santé")).to_have_count(1)
    expect(sector.locator("option", has_text="Énergies renouvelables")).to_have_count(1)
    sector.select_option(label="Santé")
    assert officer.fits_width()
    officer.screenshot("labels-5-need-form-fr")
    assert officer.csp_errors == []
