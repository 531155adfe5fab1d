"""The mission report adds up; certificates are verifiable with minimal data; the calendar."""

import subprocess

import pytest
from django.urls import reverse

from skillbridge.missions import documents, services
from skillbridge.missions.calendar import fold, missions_ical
from skillbridge.missions.selectors import head_counts
from skillbridge.programmes import services as programme_services
from tests.missions.conftest import log

pytestmark = pytest.mark.django_db


@pytest.fixture
def completed(under_way, expert):
    log(under_way, expert, trainers_female=3, trainers_male=4, staff_female=1)
    log(under_way, expert, students_female=5, students_male=6, staff_male=2)
    services.participant_add(
        actor=expert,
        mission=under_way,
        full_name="Grace Uwase",
        email="grace@example.org",
        category="trainer",
        sex="female",
    )
    return services.mission_complete(actor=expert, mission=under_way)


def test_participant_counts_add_up_by_category_sex_and_total(completed):
    counts = head_counts(completed.sessions.all())
    assert [(r["category"], r["female"], r["male"], r["total"]) for r in counts["rows"]] == [
        ("trainer", 3, 4, 7),
        ("student", 5, 6, 11),
        ("staff", 1, 2, 3),
    ]
    assert (counts["female"], counts["male"], counts["total"]) == (9, 12, 21)
    assert counts["total"] == sum(s.participants for s in completed.sessions.all())
    assert counts["sessions"] == 2


def test_the_report_shows_the_same_totals_and_is_a_pdf(completed):
    html = documents.report_html(completed, language="en")
    assert '<td class="number">9</td><td class="number">12</td><td class="number">21</td>' in html
    assert "PV sizing" in html
    assert documents.report_pdf(completed, language="en").startswith(b"%PDF-")


def test_the_verification_page_shows_only_name_mission_and_dates(client, completed, officer):
    services.certificates_issue(actor=officer, mission=completed)
    certificate = completed.certificates.get(kind="participation")
    page = client.get(reverse("missions:verify", args=[certificate.code.lower()]))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Grace Uwase" in text
    assert completed.title in text
    assert "grace@example.org" not in text
    assert "trainer" not in text.lower().replace("training of trainers", "")
    assert client.get(reverse("missions:verify", args=["NOSUCHCODE"])).status_code == 404


def test_certificate_pdfs_for_the_professional(client, completed, officer, expert):
    services.certificates_issue(actor=officer, mission=completed)
    code = completed.certificates.get(kind="contribution").code
    client.force_login(expert)
    response = client.get(reverse("missions:certificate", args=[completed.pk, code]))
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF-")


def test_the_calendar_is_rfc_5545_all_day_with_crlf_and_escaping(mission):
    mission.title = "ToT; solar, PV\\basics"
    text = missions_ical([mission])
    lines = text.split("\r\n")
    assert lines[0] == "BEGIN:VCALENDAR"
    assert lines[-2] == "END:VCALENDAR"
    assert lines[-1] == ""
    assert "\n" not in text.replace("\r\n", "")
    assert f"UID:mission-{mission.pk}@127.0.0.1" in lines
    assert f"DTSTART;VALUE=DATE:{mission.starts_on:%Y%m%d}" in lines
    end = mission.ends_on.toordinal() + 1
    assert f"DTEND;VALUE=DATE:{type(mission.ends_on).fromordinal(end):%Y%m%d}" in lines
    assert "SUMMARY:ToT\\; solar\\, PV\\\\basics" in lines
    assert any(line.startswith("DTSTAMP:") and line.endswith("Z") for line in lines)
    assert all(len(line.encode()) <= 75 for line in lines)


def test_folding_never_splits_a_character():
    line = "DESCRIPTION:" + "é" * 100
    folded = fold(line)
    parts = folded.split("\r\n ")
    assert "".join(parts) == line
    assert all(len(part.encode()) <= 74 for part in parts[1:])
    assert len(parts[0].encode()) <= 75


def test_the_report_names_the_participants_of_each_session_held_on_a_planned_day(under_way, expert):
    log(under_way, expert, trainers_female=1)
    log(under_way, expert, trainers_male=2, staff_female=1)
    html = documents.report_html(under_way, language="en")
    assert "PV sizing (3 h, 1 participant); PV sizing (3 h, 3 participants)" in html
    assert "No participant is named for a certificate." in html


def test_the_certificate_carries_the_programmes_partners_and_signatory_on_one_page(
    completed, officer, tmp_path
):
    programme = completed.programme
    programme_services.partner_add(actor=officer, programme=programme, name="Enabel Rwanda")
    programme_services.signatory_set(
        actor=officer, programme=programme, name="Aline Uwase", title="Programme Manager"
    )
    services.certificates_issue(actor=officer, mission=completed)
    certificate = completed.certificates.get(kind="contribution")
    pdf = tmp_path / "certificate.pdf"
    pdf.write_bytes(documents.certificate_pdf(certificate, language="en"))

    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout

    assert "Enabel Rwanda" in text
    assert "Aline Uwase" in text
    assert documents.verification_url(certificate) in text
    assert text.count("\f") == 1  # one page: the blocks fit the landscape certificate
