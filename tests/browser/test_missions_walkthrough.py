"""Issue 8, tried as a new user would: from an accepted pairing to a mission report,
a certificate and an end-of-mission survey answered without an account."""

import datetime
import re
import subprocess
from pathlib import Path

from django.utils import timezone

from skillbridge.common.models import OutboxMessage
from skillbridge.missions.models import Mission, Survey
from skillbridge.missions.services import surveys_send_due
from tests.browser.conftest import DESKTOP, PHONE, SCREENSHOTS

TITLE = "Solar PV for trainers, second round"


def _day(offset: int) -> str:
    return (timezone.localdate() + datetime.timedelta(days=offset)).isoformat()


def _save_pdf(visitor, path: str, name: str) -> Path:
    """Fetch a PDF with the visitor's cookies, keep it, and render its pages to PNG."""
    response = visitor.page.request.get(visitor.base_url + path)
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    pdf = SCREENSHOTS / f"{name}.pdf"
    pdf.write_bytes(response.body())
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(SCREENSHOTS / name)], check=True)
    return pdf


def _pdf_text(pdf: Path) -> str:
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return " ".join(text.split())


def test_a_mission_goes_from_pairing_to_report_certificate_and_survey(demo_browser):
    # 1. The officer plans a mission for expert@example.org's accepted pairing.
    officer = demo_browser(DESKTOP)
    officer.sign_in("officer@example.org")
    page = officer.go("/missions/")
    page.get_by_role("link", name="Plan a mission").click()
    officer.screenshot("missions-walk-01-plan-form")
    pairing = page.get_by_label("Accepted pairing")
    options = pairing.locator("option").all_inner_texts()
    chosen = next(text for text in options if text.startswith("Training of Trainers: solar PV"))
    pairing.select_option(label=chosen)
    page.get_by_label("Type").select_option(label="on-site Training of Trainers")
    page.get_by_label("Title").fill(TITLE)
    page.get_by_label("First day").fill(_day(-2))
    page.get_by_label("Last day").fill(_day(1))
    page.get_by_label("Objectives").fill("Trainers install and maintain a hybrid PV system.")
    page.get_by_label("Expected participants").fill("10")
    page.get_by_role("button", name="Plan the mission").click()
    page.wait_for_load_state()
    # The demo's solar PV pairing already had its mission: the form asks before a second one.
    assert page.get_by_text("This pairing already has a mission:", exact=True).is_visible()
    assert not Mission.objects.filter(title=TITLE).exists()
    page.get_by_label("Yes, plan another mission for this pairing").check()
    page.get_by_role("button", name="Plan the mission").click()
    page.wait_for_load_state()
    assert page.get_by_text("The mission is planned. Now add the work plan.").is_visible()
    assert page.get_by_role("heading", name=TITLE, level=1).is_visible()
    mission_path = re.search(r"/missions/\d+/", page.url).group(0)
    mission = Mission.objects.get(title=TITLE)
    assert mission.state == Mission.State.PLANNED
    assert mission.expert.user.email == "expert@example.org"

    page.get_by_label("Day").fill(_day(-2))
    page.get_by_label("Activities").fill("Site survey and sizing; wiring on the rooftop.")
    page.get_by_role("button", name="Add the day").click()
    page.wait_for_load_state()
    officer.screenshot("missions-walk-02-planned")

    # 2. The professional and the coordinator of the host college sign off, on phones.
    for email in ("expert@example.org", "coordinator@example.org"):
        person = demo_browser(PHONE)
        person.sign_in(email)
        page = person.go(mission_path)
        page.get_by_role("button", name="Sign off the work plan").click()
        page.wait_for_load_state()
        assert page.get_by_text("You signed off the work plan.").is_visible()
        assert person.fits_width()
        person.screenshot(f"missions-walk-03-signed-{email.split('@')[0]}")
        assert person.csp_errors == []
    mission.refresh_from_db()
    assert mission.state == Mission.State.WORKPLAN_AGREED

    # 3. The officer approves it.
    page = officer.go(mission_path)
    page.get_by_role("button", name="Approve the mission").click()
    page.wait_for_load_state()
    assert page.get_by_text("The mission is approved.").is_visible()
    assert page.locator(".badge.mission-approved").inner_text() == "approved"
    officer.screenshot("missions-walk-04-approved")

    # 4. The professional starts it, logs two sessions and completes it, on a phone.
    expert = demo_browser(PHONE)
    expert.sign_in("expert@example.org")
    page = expert.go(mission_path)
    page.get_by_role("button", name="Mark under way").click()
    page.wait_for_load_state()
    for offset, topic, women, men in ((-2, "Sizing and site survey", 4, 5), (-1, "Wiring", 3, 6)):
        page.get_by_role("link", name="Log a session").click()
        page.get_by_label("Date").fill(_day(offset))
        page.get_by_label("Hours").fill("4")
        page.get_by_label("Topic").fill(topic)
        page.get_by_label("Trainers, female").fill(str(women))
        page.get_by_label("Trainers, male").fill(str(men))
        if offset == -2:
            assert expert.fits_width()
            expert.screenshot("missions-walk-05-session-form")
        page.get_by_role("button", name="Log the session").click()
        page.wait_for_load_state()
        assert page.get_by_text("The session is logged.").is_visible()
    page.get_by_role("button", name="Mark completed").click()
    page.wait_for_load_state()
    assert page.get_by_text("The mission is completed.").is_visible()
    # Nothing is left for the professional to do: the next step says who acts now.
    assert page.get_by_text("Completed: the programme officer files").is_visible()
    assert page.get_by_text("Trainers, female").count() == 0
    assert page.get_by_role("row", name=re.compile(r"^Trainer 7 11 18")).is_visible()
    assert expert.fits_width()
    expert.screenshot("missions-walk-06-completed")
    mission.refresh_from_db()
    assert mission.state == Mission.State.COMPLETED
    assert mission.sessions.count() == 2

    # 5. The officer issues the certificates; the report and the certificate open as PDFs.
    page = officer.go(mission_path)
    page.get_by_role("button", name="Issue the missing certificates").click()
    page.wait_for_load_state()
    officer.screenshot("missions-walk-07-certificates")
    report = _save_pdf(officer, f"{mission_path}report.pdf", "missions-walk-report")
    text = _pdf_text(report)
    assert TITLE in text
    assert "Sizing and site survey (4 h, 9 participants)" in text
    assert "Trainer 7 11 18" in text
    page = expert.go(mission_path)
    link = page.get_by_role("link", name="Certificate of contribution (PDF)")
    certificate = _save_pdf(expert, link.get_attribute("href"), "missions-walk-certificate")
    text = _pdf_text(certificate)
    assert "Certificate of contribution" in text
    assert "Didier Kayitare" in text
    assert f"“{TITLE}”, hosted by IPRC Kigali" in text

    # 6. The T1 survey goes out on the scheduled run; the coordinator answers by the link.
    surveys_send_due()
    survey = Survey.objects.get(
        mission=mission, wave=Survey.Wave.T1, email="coordinator@example.org"
    )
    message = OutboxMessage.objects.filter(to="coordinator@example.org").latest("created_at")
    link = re.search(r"https?://\S+/survey/\S+/", message.body).group(0)
    path = link.split("/missions/", 1)[1]
    visitor = demo_browser(PHONE)
    page = visitor.go(f"/missions/{path}")
    assert page.get_by_role("heading", name="A short survey").is_visible()
    visitor.screenshot("missions-walk-08-survey")
    page.get_by_label("yes, regularly").check()
    page.get_by_label("4", exact=True).check()
    page.get_by_label("What has changed").fill("We now teach PV sizing with real loads.")
    page.get_by_role("button", name="Send my answers").click()
    page.wait_for_load_state()
    assert visitor.fits_width()
    visitor.screenshot("missions-walk-09-survey-thanks")
    survey.refresh_from_db()
    assert survey.answered_at is not None
    assert survey.confidence == 4
    assert page.get_by_text("Your answers about").is_visible()
    page = visitor.go(f"/missions/{path}")
    assert page.get_by_role("heading", name="This survey link does not work").is_visible()
    visitor.screenshot("missions-walk-10-survey-used")
    assert officer.csp_errors == []
    assert expert.csp_errors == []
    assert visitor.csp_errors == []
