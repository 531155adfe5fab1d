"""Issue 7, tried as a new user would: the officer awards a grant and approves a
milestone, the finance officer pays the tranche, the team lead sees the money arrive
and reports an expense with its receipt. The agreement PDF is saved next to the
screenshots so people can look at it."""

import re

from playwright.sync_api import expect

from skillbridge.calls.models import Proposal
from skillbridge.demo.documents import pdf_page
from skillbridge.grants.models import Grant, Tranche
from tests.browser.conftest import DESKTOP, PHONE, SCREENSHOTS

TEAM = "SmartTike: buy event and bus tickets online"  # applicant@example.org's team


def _rwf(amount: int) -> str:
    return f"RWF\u00a0{amount:,}"


def test_a_grant_goes_from_award_to_payment_to_spending(demo_browser, tmp_path):
    # The selection committee takes a team from the reserve list: a selected proposal
    # without a grant, as the officer finds it after a late selection.
    reserve = Proposal.objects.filter(state=Proposal.State.RESERVE).order_by("id").first()
    reserve.state = Proposal.State.SELECTED
    reserve.save(update_fields=["state"])
    smarttike = Grant.objects.get(proposal__title=TEAM)
    tranche_2 = Tranche.objects.get(grant=smarttike, number=2)
    received_before = smarttike.paid_rwf

    # 1. The programme officer awards the grant ...
    officer = demo_browser(DESKTOP)
    officer.sign_in("officer@example.org")
    page = officer.go("/grants/")
    page.get_by_role("link", name=re.compile("Grants and envelope of")).click()
    expect(page.get_by_role("heading", name="Donor envelope")).to_be_visible()
    officer.screenshot("grants-walk-01-programme")
    page.get_by_role("link", name=f"Award a grant to “{reserve.title}”").click()
    expect(page.get_by_role("heading", name="Award a grant", exact=True)).to_be_visible()
    assert page.get_by_label("Awarded amount (RWF)").input_value() == str(
        reserve.requested_amount_rwf
    )
    officer.screenshot("grants-walk-02-award-form")
    page.get_by_label("Awarded amount (RWF)").fill(str(reserve.requested_amount_rwf - 100_000))
    page.get_by_role("button", name="Award the grant").click()
    expect(
        page.get_by_text("The award differs from the amount requested: say why.")
    ).to_be_visible()
    page.get_by_label("Why the amount differs from the request").fill(
        "The committee kept the equipment line within the call's ceiling."
    )
    page.get_by_role("button", name="Award the grant").click()
    expect(page.get_by_text("The grant is awarded.")).to_be_visible()
    expect(page.get_by_role("heading", name=reserve.title)).to_be_visible()
    expect(
        page.get_by_text(_rwf(reserve.requested_amount_rwf - 100_000), exact=True)
    ).to_be_visible()
    # The budget came over from the proposal: 100,000 RWF more than the award.
    expect(
        page.get_by_text(
            f"The budget adds up to {reserve.requested_amount_rwf:,} RWF, 100,000 RWF more "
            "than the award."
        )
    ).to_be_visible()
    officer.screenshot("grants-walk-03-awarded")
    new_grant = Grant.objects.get(proposal=reserve)
    assert new_grant.state == Grant.State.AWARDED
    assert sum(t.amount_rwf for t in new_grant.tranches.all()) == new_grant.amount_rwf
    page.get_by_role("link", name="Adjust the budget").click()
    first_line = page.get_by_role("group", name="Line 1").get_by_label("Budget (RWF)")
    first_line.fill(str(int(first_line.input_value()) - 100_000))
    page.get_by_role("button", name="Save the budget").click()
    expect(page.get_by_text("The budget is saved.")).to_be_visible()
    expect(page.get_by_text("The budget adds up to")).to_have_count(0)
    assert sum(line.amount_rwf for line in new_grant.budget_lines.all()) == new_grant.amount_rwf

    # ... whose agreement opens as a PDF,
    response = page.request.get(officer.base_url + f"/grants/{new_grant.pk}/agreement.pdf")
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF")
    (SCREENSHOTS / "grants-walk-agreement.pdf").write_bytes(response.body())

    # ... and approves the milestone SmartTike's team sent.
    officer.go(f"/grants/{smarttike.pk}/")
    page.get_by_role("link", name="Review the evidence").click()
    expect(page.get_by_role("heading", name="Review milestone evidence")).to_be_visible()
    expect(page.get_by_text("The ticketing system runs at the college gate")).to_be_visible()
    expect(page.get_by_role("link", name="rdb-registration-certificate.pdf")).to_be_visible()
    officer.screenshot("grants-walk-04-review")
    page.get_by_label("Approve").check()
    page.get_by_role("textbox", name="Comments").fill(
        "The gate system works; the RDB certificate is valid."
    )
    page.get_by_role("button", name="Record the decision").click()
    expect(page.get_by_text("Your decision is recorded.")).to_be_visible()
    tranche_2.refresh_from_db()
    assert tranche_2.milestone.state == "approved"
    assert tranche_2.payable_since is not None
    officer.screenshot("grants-walk-05-approved")
    assert officer.csp_errors == []

    # 2. The finance officer pays the tranche from the payments dashboard.
    finance = demo_browser(DESKTOP)
    finance.sign_in("finance@example.org")
    page = finance.go("/grants/")
    page.get_by_role("link", name="Payments").first.click()
    finance.screenshot("grants-walk-06-dashboard")
    page.get_by_role("link", name=TEAM).first.click()
    page.get_by_role("link", name="Record a payment").click()
    expect(
        page.get_by_text(f"Tranche 2 is payable: {tranche_2.amount_rwf:,} RWF remain.")
    ).to_be_visible()
    assert page.get_by_label("Amount (RWF)").input_value() == str(tranche_2.amount_rwf)
    page.get_by_label("Channel").select_option(label="mobile money")
    page.get_by_label("Payment reference").fill("MM-2026-0042")
    finance.screenshot("grants-walk-07-pay")
    page.get_by_role("button", name="Record the payment").click()
    expect(page.get_by_text("The payment is recorded.")).to_be_visible()
    expect(page.get_by_role("cell", name="MM-2026-0042")).to_be_visible()
    finance.screenshot("grants-walk-08-paid")
    assert finance.csp_errors == []

    # 3. The team lead, on a phone, sees the money arrive and reports an expense.
    lead = demo_browser(PHONE)
    lead.sign_in("applicant@example.org")
    page = lead.go("/grants/")
    assert lead.fits_width()
    lead.screenshot("grants-walk-09-lead-home")
    page.get_by_role("link", name=TEAM).click()
    received = received_before + tranche_2.amount_rwf
    expect(page.get_by_text(_rwf(received)).first).to_be_visible()
    assert lead.fits_width()
    lead.screenshot("grants-walk-10-lead-grant")
    page.get_by_role("link", name="Report an expense").click()
    assert lead.fits_width()
    page.get_by_label("Budget line").select_option(label="Android test phones")
    page.get_by_label("Date").fill(smarttike.starts_on.isoformat())
    page.get_by_label("What was bought").fill("Two Android phones for gate scanning")
    page.get_by_label("Amount (RWF)").fill("240000")
    receipt = tmp_path / "phones-receipt.pdf"
    receipt.write_bytes(pdf_page("Kigali Phone Centre: 2 phones, 240000 RWF"))
    page.get_by_label("Receipt").set_input_files(str(receipt))
    lead.screenshot("grants-walk-11-expense-form")
    page.get_by_role("button", name="Report the expense").click()
    expect(page.get_by_text("The expense is reported.")).to_be_visible()
    expect(
        page.get_by_role("rowheader", name="Two Android phones for gate scanning")
    ).to_be_visible()
    expect(page.get_by_role("link", name="phones-receipt.pdf")).to_be_visible()
    assert lead.fits_width()
    lead.screenshot("grants-walk-12-expense-reported")
    assert lead.csp_errors == []
