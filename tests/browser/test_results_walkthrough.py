"""Issues 9 and 12 walked through as the donor: the results dashboard, the donor report as PDF and
XLSX, and the public impact page, on a desktop and on a 360 px phone.

The downloads are read back (openpyxl, pdftotext) and their headline figures are compared
with the dashboard and with plain ORM counts; no name or email may appear in them. Money
and programme totals are shown however small; a grant awarded after the quarter closed
shows on the dashboard but leaves the closed quarter's report as it was. The PDF
pages are also rendered to images (var/screenshots/results-report-N.png) to be looked at.
"""

import datetime
import re
import subprocess
from decimal import Decimal
from pathlib import Path

from django.db.models import Sum
from openpyxl import load_workbook
from playwright.sync_api import expect

from skillbridge.calls.models import Proposal, TeamMember
from skillbridge.demo.programmes import demo_programme
from skillbridge.experts.models import ExpertProfile
from skillbridge.grants.models import Disbursement, Grant
from skillbridge.pairing.models import Pairing
from skillbridge.people.models import User
from skillbridge.results.indicators.base import cutoff
from skillbridge.results.indicators.people import ACCEPTED_STATES
from skillbridge.results.models import ProjectStory, ReportingPeriod
from tests.browser.conftest import DESKTOP, PHONE, SCREENSHOTS

DONOR = "donor@example.org"


def personal_data() -> set[str]:
    """Every name and email the demo holds, of accounts and of invited team members."""
    found = set(User.objects.values_list("email", flat=True))
    found |= set(TeamMember.objects.values_list("email", flat=True))
    found |= {n for n in User.objects.values_list("full_name", flat=True) if n}
    found |= {n for n in TeamMember.objects.values_list("full_name", flat=True) if n}
    return found


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def pdf_page_images(path: Path, prefix: str) -> list[Path]:
    for old in SCREENSHOTS.glob(f"{prefix}-*.png"):
        old.unlink()
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", str(path), str(SCREENSHOTS / prefix)], check=True
    )
    return sorted(SCREENSHOTS.glob(f"{prefix}-*.png"))


def pdf_row(text: str, code: str) -> tuple[str, str, str]:
    """(baseline, target, actual) of an indicator in the PDF's indicator table."""
    match = re.search(
        rf"^\s*{re.escape(code)}\s+.*?\s(\S+)\s+(\S+)\s+(\S+)\s+(?:\d+ ?%|—)", text, re.MULTILINE
    )
    assert match, f"indicator {code} not found in the PDF:\n{text}"
    return match.groups()


def chart_value(page, chart: str, category: str) -> str:
    """The number a chart shows for a category, read from the table behind it."""
    figure = page.get_by_role("figure", name=chart)
    details = figure.locator("details")
    if details.get_attribute("open") is None:
        figure.get_by_text("The numbers behind this chart").click()
    row = figure.get_by_role("table", name=chart).get_by_role("row", name=category, exact=False)
    return row.get_by_role("cell").inner_text().strip()


def sheet_rows(workbook, title: str) -> list[tuple]:
    return list(workbook[title].iter_rows(values_only=True))


def test_the_donor_reads_the_dashboard_and_downloads_the_report(demo_browser, tmp_path):
    programme = demo_programme()
    closed = ReportingPeriod.objects.get(programme=programme, state="closed")
    # The dashboard counts everything up to today; the closed quarter what happened by its end
    # (the demo's records are dated the day it was seeded, after that quarter ended).
    by_end = cutoff(closed)
    received = Proposal.objects.filter(call__programme=programme, submitted_at__isnull=False)
    grants = Grant.objects.filter(programme=programme).count()
    closed_received = received.filter(submitted_at__lt=by_end).count()
    closed_grants = Grant.objects.filter(programme=programme, awarded_at__lt=by_end).count()
    closed_registered = (
        ExpertProfile.objects.filter(programme=programme, created_at__lt=by_end)
        .exclude(state=ExpertProfile.State.ERASED)
        .count()
    )
    registered = (
        ExpertProfile.objects.filter(programme=programme)
        .exclude(state=ExpertProfile.State.ERASED)
        .count()
    )
    paid = Disbursement.objects.filter(grant__programme=programme, paid_on__lte=closed.ends_on)
    closed_disbursed = paid.aggregate(total=Sum("amount_rwf"))["total"] or 0
    by_college = dict(
        paid.values_list("grant__proposal__college__short_name").annotate(total=Sum("amount_rwf"))
    )
    deployed = (
        Pairing.objects.filter(programme=programme, state__in=ACCEPTED_STATES)
        .values("expert")
        .distinct()
        .count()
    )
    assert (received.count(), grants, registered) == (35, 10, 60)
    assert 0 < deployed < 5  # a small programme total: shown all the same

    # 1. The donor opens the dashboard from their home page.
    donor = demo_browser(DESKTOP)
    page = donor.sign_in(DONOR)
    page.get_by_role("link", name="Follow the programme's results against its targets").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Results of {programme.name}")
    expect(page.get_by_text("Aggregates only.")).to_be_visible()
    dashboard_received = chart_value(page, "From proposals to missions", "Proposals received")
    dashboard_grants = chart_value(page, "From proposals to missions", "Grants awarded")
    dashboard_envelope = chart_value(page, "The donor envelope (EUR)", "Envelope")
    assert (dashboard_received, dashboard_grants) == (str(received.count()), str(grants))
    assert dashboard_envelope == f"{programme.envelope_eur:,.0f}"
    main_text = page.get_by_role("main").inner_text()
    donor.screenshot("results-donor-dashboard")

    # The closed quarter is the report sent to the donor; the open one says it may change.
    reports = page.get_by_role("region", name="Donor reports")
    expect(reports.get_by_text("figures may still change")).to_have_count(1)
    with page.expect_download() as pdf_download:
        page.get_by_role("link", name=f"PDF {closed.label}").click()
    pdf_path = tmp_path / pdf_download.value.suggested_filename
    pdf_download.value.save_as(pdf_path)
    with page.expect_download() as xlsx_download:
        page.get_by_role("link", name=f"XLSX {closed.label}").click()
    xlsx_path = tmp_path / xlsx_download.value.suggested_filename
    xlsx_download.value.save_as(xlsx_path)
    assert pdf_path.name == f"results-{programme.slug}-{closed.label.replace(' ', '-')}.pdf"
    assert xlsx_path.suffix == ".xlsx"

    # 2. The PDF: read as text, and every page rendered to an image to look at.
    text = pdf_text(pdf_path)
    pages = pdf_page_images(pdf_path, "results-report")
    assert 3 <= len(pages) <= 8
    assert f"Results report for {closed.label}" in text
    assert "figures frozen at closing" in text
    assert pdf_row(text, "1.1.1") == ("0", "120", str(closed_received))
    assert pdf_row(text, "1.1.2") == ("0", "10", str(closed_grants))
    assert pdf_row(text, "1.1.3") == ("0", "80,000,000", f"{closed_disbursed:,}")
    assert pdf_row(text, "2.1.1") == ("0", "100", str(closed_registered))
    assert f"{programme.envelope_eur:,.2f}" in text
    assert "(RWF) (RWF)" not in text
    stories = ProjectStory.objects.filter(proposal__call__programme=programme)
    told = stories.filter(approved_at__isnull=False, proposal__grant__awarded_at__lt=by_end)
    for story in told:
        assert story.proposal.title in text
    if not told:
        assert "No project was funded by the end of this period." in text

    # The XLSX: one sheet per table, the same figures as numbers.
    workbook = load_workbook(xlsx_path)
    assert workbook.sheetnames[:4] == ["Narrative", "Indicators", "Disaggregations", "Finance"]
    assert workbook.sheetnames[-1] == "Projects"
    assert all(len(name) <= 31 for name in workbook.sheetnames)
    indicators = {row[0]: row for row in sheet_rows(workbook, "Indicators")[1:]}
    assert sheet_rows(workbook, "Indicators")[0][-1] == "Status"
    assert indicators["1.1.1"][6] == closed_received
    assert indicators["1.1.2"][6] == closed_grants
    assert indicators["1.1.3"][6] == closed_disbursed
    assert indicators["2.1.1"][6] == closed_registered
    # Money is never hidden: every college's payments, to the franc, however few its grants.
    money = {
        row[2]: row[3]
        for row in sheet_rows(workbook, "Disaggregations")[1:]
        if (row[0], row[1]) == ("1.1.3", "College")
    }
    assert money == by_college
    assert indicators["1.1.1"][-1] in {"on track", "needs attention", "off track"}
    finance = dict(sheet_rows(workbook, "Finance")[1:])
    assert finance["Envelope"] == programme.envelope_eur
    pipeline = dict(sheet_rows(workbook, "From proposals to missions")[1:])
    assert pipeline["Proposals received"] == closed_received
    cells = " ".join(
        str(cell) for sheet in workbook for row in sheet.iter_rows(values_only=True) for cell in row
    )

    # Nobody's name or email in what the donor downloads or reads.
    for personal in personal_data():
        assert personal not in text, personal
        assert personal not in cells, personal
        assert personal not in main_text, personal
    assert "@" not in text
    assert "@" not in cells
    assert donor.csp_errors == []

    # On a phone the dashboard's charts stay readable and nothing overflows.
    phone = demo_browser(PHONE)
    phone.sign_in(DONOR)
    phone.go(f"/results/programme/{programme.slug}/")
    label = phone.page.locator("figure svg text.label").first
    assert label.evaluate("node => node.getBoundingClientRect().height") >= 11
    assert phone.fits_width()
    phone.screenshot("results-donor-dashboard-360")
    assert phone.csp_errors == []

    # A grant awarded after closing, inside the closed quarter: the dashboard (today) counts
    # it, the closed quarter's report does not.
    late = received.filter(grant__isnull=True).first()
    Grant.objects.create(
        proposal=late,
        programme=programme,
        amount_rwf=5_000_000,
        exchange_rate=Decimal(1500),
        starts_on=closed.ends_on,
        ends_on=closed.ends_on + datetime.timedelta(days=365),
        awarded_by=User.objects.get(email="officer@example.org"),
        state=Grant.State.ACTIVE,
    )
    page.reload()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Results of {programme.name}")
    assert chart_value(page, "From proposals to missions", "Grants awarded") == str(grants + 1)
    with page.expect_download() as again:
        page.get_by_role("link", name=f"XLSX {closed.label}").click()
    again_path = tmp_path / "again.xlsx"
    again.value.save_as(again_path)
    frozen = load_workbook(again_path)
    assert dict(sheet_rows(frozen, "From proposals to missions")[1:]) == pipeline
    assert dict(sheet_rows(frozen, "Finance")[1:]) == finance
    assert sheet_rows(frozen, "Indicators") == sheet_rows(workbook, "Indicators")
    # The closed quarter's page charts the same frozen figures, and reads on a phone.
    phone.go(f"/results/periods/{closed.pk}/")
    expect(phone.page.get_by_role("heading", name="Charts")).to_be_visible()
    assert chart_value(phone.page, "From proposals to missions", "Grants awarded") == str(
        closed_grants
    )
    assert chart_value(phone.page, "The donor envelope (EUR)", "Committed by grants") == (
        f"{finance['Committed by grants']:,.0f}"
    )
    assert phone.fits_width()
    phone.screenshot("results-closed-period-360")
    assert phone.csp_errors == []


def test_a_visitor_reads_the_public_impact_page_on_a_phone(demo_browser):
    programme = demo_programme()
    visitor = demo_browser(PHONE)
    page = visitor.go(f"/results/impact/{programme.slug}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Impact of {programme.name}")
    headlines = page.get_by_role("list").filter(has_text="projects funded")
    expect(headlines.get_by_role("listitem").filter(has_text="projects funded")).to_contain_text(
        str(Grant.objects.filter(programme=programme).count())
    )
    approved = ProjectStory.objects.filter(
        proposal__call__programme=programme, approved_at__isnull=False
    )
    expect(page.get_by_role("article")).to_have_count(approved.count())
    for story in approved:
        expect(page.get_by_role("heading", name=story.proposal.title)).to_be_visible()
    main_text = page.get_by_role("main").inner_text()
    for personal in personal_data():
        assert personal not in main_text, personal
    assert visitor.fits_width()
    visitor.screenshot("results-impact-360")
    assert visitor.csp_errors == []
