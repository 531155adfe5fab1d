"""Issue 5 as people live it: a professional in Belgium signs up, and IOM vets them.

A new visitor reads the outreach page, creates an account, confirms the email
from the mail the site wrote, registers from Brussels with a Belgian phone,
fills the profile, gives consent and submits it; the programme officer then
approves the profile. The officer also previews a messy import file.
"""

import re

from playwright.sync_api import expect

from skillbridge.common.models import OutboxMessage
from skillbridge.demo.programmes import DEMO_PROGRAMME_SLUG
from skillbridge.experts.models import ExpertProfile
from tests.browser.conftest import DESKTOP, PHONE

EMAIL = "claudine.uwase@example.be"
PASSWORD = "Kigali-Bruxelles 2026"
POOL = f"/experts/{DEMO_PROGRAMME_SLUG}/pool/"
MY_PROFILE = f"/experts/{DEMO_PROGRAMME_SLUG}/me/"

# A one-page PDF, enough for the upload check.
CV_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)

MESSY_CSV = (
    "\ufeffemail;first_name;last_name;country;city;profession;employer;years_experience;"
    "sectors;skills;languages;available_from;available_to;modalities;capacity;consent\n"
    "jean-francois.habimana@example.fr;Jean-François;Habimana;FR;Besançon;Ingénieur;;12;"
    "Energy;Solar PV installation;fr;2026-09-01;2026-10-31;onsite;1;yes\n"
    "\n"
    "JEAN-FRANCOIS.HABIMANA@EXAMPLE.FR;Jean-François;Habimana;FR;Besançon;Ingénieur;;12;"
    "Energy;;fr;;;remote;1;yes\n"
    "not-an-email;Eric;Mugabo;BE;Liège;Welder;;5;Mechanical engineering;;fr;;;onsite;1;yes\n"
    "aimee.ingabire@example.de;Aimée;Ingabire;DE;Köln;Farmer;;8;Aquaculture;;de;;;remote;1;yes\n"
    "patrick.nkurunziza@example.nl;Patrick;Nkurunziza;NL;Delft;Engineer;;9;ICT;;en;"
    "2026-12-01;2026-11-01;remote;1;yes\n"
    '=HYPERLINK("http://x");Evil;Cell;BE;Gent;Hacker;;1;ICT;;en;;;remote;1;yes\n'
)


def _confirmation_path(email: str) -> str:
    message = OutboxMessage.objects.filter(to=email).order_by("-created_at").first()
    assert message is not None, "no confirmation mail was written"
    return re.search(r"(/accounts/confirm-email/\S+)", message.body).group(1)


def test_a_professional_in_belgium_registers_and_the_officer_approves(demo_browser, tmp_path):
    # --- The outreach page, on a phone, in the three languages.
    expert = demo_browser(PHONE)
    page = expert.go("/experts/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Share your skills with Rwanda")
    expect(page.get_by_text("IOM pays your travel and lodging for missions.")).to_be_visible()
    expect(page.get_by_role("heading", name="How we use your data")).to_be_visible()
    assert expert.fits_width()
    expert.screenshot("experts-outreach-360-en")
    expert.open_menu()
    page.get_by_label("Language").select_option("fr")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Partagez vos compétences avec le Rwanda"
    )
    assert expert.fits_width()
    expert.screenshot("experts-outreach-360-fr")
    expert.open_menu()
    page.get_by_label("Langue").select_option("rw")
    expect(page.locator("html")).to_have_attribute("lang", "rw")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sangiza u Rwanda ubumenyi bwawe")
    assert expert.fits_width()
    expert.screenshot("experts-outreach-360-rw")
    expert.open_menu()
    page.get_by_label("Ururimi").select_option("en")
    expect(page.locator("html")).to_have_attribute("lang", "en")

    # --- Sign up with an email address: nothing Rwandan is asked for.
    page.get_by_role("link", name="Sign up as a professional").click()
    expect(page).to_have_url(re.compile(r"/accounts/signup/"))
    page.get_by_label(re.compile(r"^Email")).fill(EMAIL)
    page.get_by_label(re.compile(r"^Password:?$")).fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD)
    assert expert.fits_width()
    expert.screenshot("experts-signup-360")
    page.get_by_role("button", name="Sign Up").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Verify")
    expert.screenshot("experts-signup-sent-360")

    # --- The confirmation mail, opened in the same browser.
    expert.go(_confirmation_path(EMAIL))
    expert.screenshot("experts-confirm-360")
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_text(f"You have confirmed {EMAIL}.")).to_be_visible()
    expert.screenshot("experts-after-confirm-360")
    # Confirming signs the person in and brings them back where they were going:
    # the professional's registration, which the sign-up link carried as `next`.
    expect(page.get_by_role("heading", name="Register as a professional")).to_be_visible()

    # --- Register from Brussels with a Belgian mobile number, and consent.
    page.get_by_label("Your full name").fill("Claudine Uwase")
    page.get_by_label("Country of residence").select_option("BE")
    page.get_by_label("Phone").fill("0470 12 34 56")
    page.get_by_label("Keep my profile in the programme's pool of professionals.").check()
    page.get_by_label("Contact me about projects and missions that need my skills.").check()
    page.get_by_label("When I am paired, share my profile with the host college.").check()
    assert expert.fits_width()
    expert.screenshot("experts-register-360")
    page.get_by_role("button", name="Register", exact=True).click()
    expect(page.get_by_text("You are registered. Now complete your profile.")).to_be_visible()
    expert.screenshot("experts-edit-empty-360")
    assert expert.fits_width()

    # --- Fill the profile.
    page.get_by_label("City").fill("Brussels")
    page.get_by_role("combobox", name=re.compile(r"^Time zone")).select_option("Europe/Brussels")
    page.get_by_label("Profession").fill("Electrical engineer")
    page.get_by_label("Employer").fill("Sibelga")
    page.get_by_label("Years of experience").fill("11")
    page.get_by_label("Highest qualification").select_option(label="Master's degree")
    page.get_by_label("Energy", exact=True).check()
    page.get_by_label("Solar PV installation").check()
    page.get_by_label("Other skills").fill("Battery storage sizing")
    page.get_by_label("Short bio").fill(
        "Eleven years designing solar and storage systems in Belgium; "
        "I trained installers in Rwanda in 2019."
    )
    cv = tmp_path / "cv-claudine.pdf"
    cv.write_bytes(CV_PDF)
    page.get_by_label("CV").set_input_files(cv)
    page.get_by_label(re.compile(r"^Language 1")).select_option("fr")
    page.get_by_label("Level of language 1").select_option("fluent")
    page.get_by_label("Period 1: available from").fill("2026-09-01")
    page.get_by_label("Period 1: available until").fill("2026-10-15")
    page.get_by_label("On site in Rwanda").check()
    page.get_by_label("Remotely").check()
    page.get_by_label("Projects at once").fill("2")
    expert.screenshot("experts-edit-filled-360")
    page.get_by_role("button", name="Save my profile").click()
    expect(page.get_by_text("Your profile is saved.")).to_be_visible()
    expect(page.get_by_role("heading", name="Profile 100% complete")).to_be_visible()
    expect(page.get_by_text("+32 470 12 34 56", exact=True)).to_be_visible()
    assert expert.fits_width()
    expert.screenshot("experts-profile-360")

    # --- Submit for vetting.
    page.get_by_role("button", name="Submit my profile for vetting").click()
    expect(page.get_by_text("Your profile is submitted. We will write to you.")).to_be_visible()
    expert.screenshot("experts-submitted-360")
    profile = ExpertProfile.objects.get(user__email=EMAIL)
    assert profile.state == "submitted"
    assert profile.phone == "+32470123456"
    assert profile.country.code == "BE"
    assert expert.csp_errors == []

    # --- The officer finds the new profile and approves it.
    officer = demo_browser(DESKTOP)
    officer.sign_in("officer@example.org")
    page = officer.go(POOL + "?state=submitted&country=BE")
    officer.screenshot("experts-pool-submitted")
    expect(page.get_by_text("1 professional", exact=True)).to_be_visible()
    row = page.get_by_role("row", name=re.compile("Claudine Uwase"))
    expect(row).to_contain_text("Belgium, Brussels")
    expect(row).to_contain_text("French")
    expect(row).to_contain_text("on site, remote")
    row.get_by_role("link", name="Claudine Uwase").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Claudine Uwase")
    expect(page.get_by_text("+32 470 12 34 56", exact=True)).to_be_visible()
    officer.screenshot("experts-officer-profile")
    page.get_by_role("button", name="Approve").click()
    expect(page.locator(".badge").first).to_have_text("approved")
    officer.screenshot("experts-officer-approved")
    profile.refresh_from_db()
    assert profile.state == "approved"
    assert OutboxMessage.objects.filter(to=EMAIL).count() >= 2
    assert officer.csp_errors == []

    # --- The professional sees the approval.
    page = expert.go(MY_PROFILE)
    expect(page.locator(".badge")).to_have_text("approved")
    expert.screenshot("experts-approved-360")

    # --- The officer previews a messy import.
    page = officer.go(f"/experts/{DEMO_PROGRAMME_SLUG}/imports/")
    officer.screenshot("experts-import-list")
    messy = tmp_path / "diaspora-contacts.csv"
    messy.write_text(MESSY_CSV, encoding="utf-8")
    page.get_by_label("File").set_input_files(messy)
    page.get_by_role("button", name="Check the file").click()
    expect(page.get_by_role("heading", name="Waiting for confirmation")).to_be_visible()
    expect(page.get_by_text("6 rows read: 1 good, 5 rejected.")).to_be_visible()
    reasons = {
        "4": "email: the same address is already on line 2",
        "5": "email: not a valid email address",
        "6": "sectors: unknown sector Aquaculture",
        "7": "available_to: ends before available_from",
        "8": "email: not a valid email address",
    }
    rows = page.get_by_role("table").get_by_role("row")
    expect(rows).to_have_count(1 + len(reasons))
    for line, reason in reasons.items():
        expect(page.get_by_role("row", name=f"{line} {reason}")).to_be_visible()
    expect(page.get_by_role("button", name="Import the good rows")).to_be_visible()
    officer.screenshot("experts-import-preview")
    # A preview writes nothing.
    assert not ExpertProfile.objects.filter(
        user__email__iexact="jean-francois.habimana@example.fr"
    ).exists()
    assert officer.csp_errors == []
