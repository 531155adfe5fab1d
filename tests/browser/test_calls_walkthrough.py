"""Issue 3 as a new user tries it: a team lead applies to the open call on a 360 px phone.

Grace (applicant@example.org) starts a proposal, writes it (autosave), adds budget
lines, invites a colleague, signs out, comes back, sees what is still missing,
completes it and submits. The colleague joins through the emailed link.
"""

import re

from django.core import mail
from playwright.sync_api import expect

from tests.browser.conftest import PHONE

TITLE = "Solar dryers for maize cooperatives"
INVITEE = "aimable.ndayisaba@example.org"
ANSWERS = {
    "Summary": "Low-cost solar dryers built at IPRC Kigali for maize cooperatives in Bugesera.",
    "Problem": "Cooperatives lose up to a fifth of their maize to mould after harvest.",
    "Solution": "A dryer of local timber and polythene, with a small fan on a solar panel.",
    "What is innovative": "It is built and repaired by the college's own graduates.",
    "Market and users": "About 120 maize cooperatives in the Eastern Province.",
    "Implementation plan": "Months 1-3 prototype, 4-6 field trial, 7-12 ten dryers sold.",
}
BUDGET = [
    ("Polythene sheeting, 50 m rolls", "materials and supplies", "4", "85000"),
    ("Solar panel and fan kit", "equipment", "2", "240000"),
]


def assert_reads_well(visitor, name):
    """The page fits 360 px, shows no CSP error, and every visible label is on screen."""
    page = visitor.page
    visitor.screenshot(f"calls-walk-360-{name}")
    assert visitor.fits_width(), f"{name} is wider than the screen"
    overflowing = page.evaluate(
        """() => [...document.querySelectorAll('main *')].filter((el) => {
            const box = el.getBoundingClientRect();
            return box.width > 0 && (box.right > innerWidth + 1 || box.left < -1)
                && getComputedStyle(el).position !== 'absolute';
        }).map((el) => el.tagName + ' ' + (el.textContent || '').slice(0, 30))"""
    )
    assert overflowing == [], f"{name}: {overflowing}"
    hidden_labels = page.evaluate(
        """() => [...document.querySelectorAll('main label')].filter((label) => {
            if (label.closest('.visually-hidden')) return false;
            const box = label.getBoundingClientRect();
            return box.width === 0 || box.height === 0;
        }).map((label) => label.textContent.trim())"""
    )
    assert hidden_labels == [], f"{name}: labels not visible {hidden_labels}"
    assert visitor.csp_errors == []


def write(page, field, text):
    """Type an answer and leave the field, waiting for htmx to save it each time.

    (The test database is SQLite in memory, which refuses overlapping writes.)
    """
    if field.input_value() == text:
        return
    with page.expect_response(lambda response: "/autosave/" in response.url):
        field.fill(text)
        field.press("End")  # a key goes up: htmx saves 1.5 s later
    with page.expect_response(lambda response: "/autosave/" in response.url):
        field.blur()  # the answer changed: htmx saves again


def link_in_mail(to, pattern):
    for message in reversed(mail.outbox):
        if to in message.to:
            found = re.search(pattern, message.body)
            if found:
                return found.group(0)
    raise AssertionError(f"no mail to {to} with {pattern}")


def test_a_team_lead_applies_on_a_phone_and_submits_after_coming_back(demo_browser):
    lead = demo_browser(PHONE)
    page = lead.sign_in("applicant@example.org")

    # The open call, from the menu.
    lead.open_menu()
    page.get_by_role("link", name="Open calls").first.click()
    expect(page.get_by_role("heading", name="Open calls for proposals")).to_be_visible()
    expect(page.locator(".countdown").first).to_have_text(
        re.compile(r"^\d+ days? and \d+ hours? left$|^\d+ days? left$")
    )
    assert_reads_well(lead, "01-open-calls")
    page.get_by_role("link", name="Read the call").first.click()
    expect(page.get_by_role("heading", name="Innovation Call 2027", level=1)).to_be_visible()
    assert_reads_well(lead, "02-call")

    # Start a proposal.
    page.get_by_role("link", name="Start a proposal").click()
    expect(page.get_by_role("heading", name="Start a proposal")).to_be_visible()
    expect(page.get_by_text("You apply for IPRC Kigali.")).to_be_visible()
    assert_reads_well(lead, "03-start")
    page.get_by_label("Working title of your project").fill(TITLE)
    page.get_by_label("Sector").select_option(label="Agriculture")
    page.get_by_role("group", name="You are a").get_by_label("Student").check()
    page.get_by_role("group", name="Sex").get_by_label("female", exact=True).check()
    page.get_by_role("button", name="Start my proposal").click()
    expect(page.get_by_text("Your draft is started. It is saved as you write.")).to_be_visible()
    expect(page.get_by_role("heading", name=TITLE, level=1)).to_be_visible()
    edit_url = page.url
    assert_reads_well(lead, "04-edit-new")

    # Write two answers: htmx saves them as she types, and the count follows.
    write(page, page.get_by_label("Summary", exact=True), ANSWERS["Summary"])
    expect(page.locator("#autosave-status")).to_have_text(re.compile(r"^Saved at \d\d:\d\d\s*$"))
    expect(page.locator("[data-count-for=id_summary]")).to_contain_text(
        f"{len(ANSWERS['Summary'])} / 600 characters"
    )
    write(page, page.get_by_label("Problem", exact=True), ANSWERS["Problem"])
    # The list of what is still missing follows the autosave.
    still_missing = page.locator("#missing-parts")
    expect(still_missing).not_to_contain_text("Answer this question: Problem.")
    expect(
        still_missing.get_by_role("link", name="Answer this question: Solution.")
    ).to_be_visible()
    assert_reads_well(lead, "05-autosaved")

    # Budget lines, without JavaScript needed.
    for item, category, quantity, unit_cost in BUDGET:
        form = page.locator("form", has=page.get_by_role("heading", name="Add a budget line"))
        form.get_by_label("Item").fill(item)
        form.get_by_label("Category").select_option(label=category)
        form.get_by_label("Quantity").fill(quantity)
        form.get_by_label("Unit cost (RWF)").fill(unit_cost)
        form.get_by_role("button", name="Add the line").click()
        expect(page.get_by_text("The budget line is added.")).to_be_visible()
    budget = page.get_by_role("table", name="Budget lines")
    expect(budget.get_by_role("row", name=re.compile("Solar panel and fan kit"))).to_contain_text(
        "480,000"
    )
    expect(budget.get_by_role("row", name=re.compile("Budget total"))).to_contain_text("820,000")
    assert_reads_well(lead, "06-budget")

    # Invite a colleague.
    invite = page.locator("form", has=page.get_by_role("heading", name="Invite a team member"))
    invite.get_by_label("Email address").fill(INVITEE)
    invite.get_by_label("Name").fill("Aimable Ndayisaba")
    invite.get_by_role("group", name="Student or trainer").get_by_label("Trainer").check()
    invite.get_by_role("button", name="Send the invitation").click()
    expect(page.get_by_text(f"An invitation is sent to {INVITEE}.")).to_be_visible()
    expect(page.locator("#team").get_by_text("invited, not yet answered")).to_be_visible()
    assert_reads_well(lead, "07-invited")

    # Leave.
    lead.open_menu()
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("link", name="Sign in")).to_be_visible()

    # The colleague opens the link, creates an account and joins.
    invitation = link_in_mail(INVITEE, r"/calls/invitations/[^/\s]+/")
    member = demo_browser(PHONE)
    page_m = member.page
    member.go(invitation)
    page_m.get_by_role("link", name=re.compile("sign up", re.I)).first.click()
    page_m.get_by_label("Email").fill(INVITEE)
    page_m.get_by_label("Password:", exact=True).fill("a-long-walkthrough-password")
    page_m.get_by_label(re.compile("Password \\(again\\)")).fill("a-long-walkthrough-password")
    page_m.get_by_role("button", name=re.compile("Sign Up", re.I)).click()
    confirm = link_in_mail(INVITEE, r"/accounts/confirm-email/[^/\s]+/")
    member.go(confirm)
    # Confirming signs the member in and returns them to the invitation (next).
    page_m.get_by_role("button", name="Confirm").click()
    expect(page_m.get_by_role("heading", name="Join a team")).to_be_visible()
    assert_reads_well(member, "08-invitation")
    page_m.get_by_role("group", name="You are a").get_by_label("Trainer").check()
    page_m.get_by_role("group", name="Sex").get_by_label("male", exact=True).check()
    page_m.get_by_role("button", name="Join the team").click()
    expect(page_m.get_by_text("You joined the team.")).to_be_visible()

    # Come back: the draft is as she left it, and the page says what is missing.
    page = lead.sign_in("applicant@example.org")
    lead.open_menu()
    page.get_by_role("link", name="My proposals").first.click()
    assert_reads_well(lead, "09-my-proposals")
    page.get_by_role("link", name=TITLE).click()
    assert page.url == edit_url
    expect(page.get_by_label("Summary", exact=True)).to_have_value(ANSWERS["Summary"])
    expect(page.locator("#team")).to_contain_text("Aimable Ndayisaba")
    missing = page.locator("#missing-parts")
    expect(missing).to_contain_text("Answer this question: Solution.")
    expect(missing).to_contain_text("Enter the amount you request.")
    expect(missing).to_contain_text("Attach this document: Letter of support from the college.")
    page.get_by_role("button", name="Submit the proposal").click()
    expect(page.get_by_text("Answer this question: Solution.").first).to_be_visible()
    assert_reads_well(lead, "10-still-missing")

    # Complete it: answers, amount, documents.
    for label, text in ANSWERS.items():
        write(page, page.get_by_label(label, exact=True), text)
    expect(page.locator("#missing-parts")).not_to_contain_text("Answer this question")
    write(page, page.get_by_label("Amount requested (RWF)"), "16000000")
    expect(page.locator("#autosave-status")).to_contain_text(
        "Not saved: The amount requested is more than the maximum grant of 15,000,000 RWF."
    )
    page.get_by_role("button", name="Save", exact=True).click()
    expect(
        page.get_by_text("The amount requested is more than the maximum grant").first
    ).to_be_visible()
    write(page, page.get_by_label("Amount requested (RWF)"), "820000")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("Your draft is saved.")).to_be_visible()
    for document in ["Letter of support from the college", "CVs of the team members"]:
        form = page.locator("form", has=page.get_by_role("heading", name="Attach a document"))
        form.get_by_label("Document").select_option(label=document)
        form.get_by_label("File").set_input_files(
            {"name": "document.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4\n%%EOF\n"}
        )
        form.get_by_role("button", name="Upload").click()
        expect(page.get_by_text("The document is attached.")).to_be_visible()
    expect(page.get_by_text("Everything required is there.")).to_be_visible()
    assert_reads_well(lead, "11-complete")

    page.get_by_role("button", name="Submit the proposal").click()
    expect(page.get_by_text("Your proposal is submitted.")).to_be_visible()
    expect(
        page.get_by_text(
            re.compile(r"^Submitted on .* \(Africa/Kigali\)\. This is the version as submitted\.$")
        )
    ).to_be_visible()
    expect(page.get_by_text("820,000").first).to_be_visible()
    assert_reads_well(lead, "12-submitted")
