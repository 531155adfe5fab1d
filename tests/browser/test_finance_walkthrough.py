"""Issue 15, finance: from the queue of tranches to pay, a payment batch for the bank or
mobile money, then the payment recorded from the Pay button with its form filled in."""

import csv
import io

from playwright.sync_api import expect

from skillbridge.grants.models import Disbursement
from skillbridge.grants.selectors import payable_tranches
from skillbridge.programmes.models import Programme
from tests.browser.conftest import PHONE


def test_finance_pays_from_the_queue_and_exports_a_batch(demo_browser):
    programme = Programme.objects.get()
    payable = list(payable_tranches(programme))
    assert payable, "the demo has tranches waiting for payment"
    first = payable[0]
    ledger_before = Disbursement.objects.count()

    finance = demo_browser(PHONE)
    finance.sign_in("finance@example.org")
    page = finance.go(f"/grants/programme/{programme.slug}/finance/")
    expect(page.get_by_role("heading", name="Tranches to pay")).to_be_visible()
    assert finance.fits_width()

    # The batch: one line per payable tranche, with what a bulk upload needs.
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Payment batch for bank or mobile money (CSV)").click()
    download = download_info.value
    text = open(download.path(), encoding="utf-8-sig").read()  # noqa: SIM115
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:6] == ["reference", "payee_name", "account", "amount", "currency", "narrative"]
    assert len(rows) == len(payable) + 1
    assert rows[1][0] == f"SB-{first.grant_id}-T{first.number}"
    assert rows[1][3] == str(first.remaining_rwf)

    # Pay: the form comes filled in with what remains, the payee and the channel.
    page.get_by_role(
        "link", name=f"Pay tranche {first.number} of {first.grant.proposal.title}"
    ).click()
    expect(page.get_by_role("heading", name="Record a payment")).to_be_visible()
    assert page.get_by_label("Amount (RWF)").input_value() == str(first.remaining_rwf)
    assert page.get_by_label("Payee").input_value() == first.grant.proposal.lead.get_full_name()
    assert page.get_by_label("Channel").input_value() == "mobile_money"
    assert page.get_by_label("Payment reference").input_value() == rows[1][0]
    page.get_by_label("Account or phone number").fill("+250 788 000 111")
    assert finance.fits_width()
    finance.screenshot("finance-walk-01-pay-form")
    page.get_by_role("button", name="Record the payment").click()
    expect(page.get_by_text("The payment is recorded.")).to_be_visible()

    entry = Disbursement.objects.order_by("-pk").first()
    assert Disbursement.objects.count() == ledger_before + 1
    assert (entry.reference, entry.amount_rwf) == (rows[1][0], first.remaining_rwf)
    assert entry.payee_account == "+250 788 000 111"

    # The tranche left the queue.
    page = finance.go(f"/grants/programme/{programme.slug}/finance/")
    expect(
        page.get_by_role("link", name=f"Pay tranche {first.number} of {first.grant.proposal.title}")
    ).to_have_count(0)
    finance.screenshot("finance-walk-02-queue-after")
