"""The applicant's journeys on a 360 x 780 phone, counted in page loads (issue 14).

(a) A new student, from the home page to a confirmed account and a started
    draft: at most 8 page loads. Before this work: 10 (home, sign-up, "check
    your mail", the confirmation page, sign in again, dashboard, open calls,
    the call, the start form, the draft).
(b) From a started draft to a submitted proposal with two budget lines and one
    invited member: at most 8 of the lead's page loads. Before: 7 (each budget
    line and each document was a page load). The invited member's own loads
    are counted too: from the emailed link to the team, signed up on the way.

Each load is one `load` event of the page: a redirect chain counts once, an
htmx swap not at all.
"""

import re

from playwright.sync_api import expect

from skillbridge.calls.models import Proposal
from skillbridge.common.models import OutboxMessage
from tests.browser.test_calls_walkthrough import ANSWERS, BUDGET, write

PHONE = {"width": 360, "height": 780}
PASSWORD = "a-long-journey-password"
MATE = "mate.journey@example.org"
DOCUMENTS = ["Letter of support from the college", "CVs of the team members"]


class Counted:
    """A visitor on a phone whose page loads are counted."""

    def __init__(self, demo_browser):
        self.visitor = demo_browser(PHONE)
        self.page = self.visitor.page
        self.loads: list[str] = []
        self.page.on("load", lambda page: self.loads.append(page.url))

    def settle(self):
        self.page.wait_for_load_state()


def mailed_link(to, pattern):
    """The newest link matching `pattern` mailed to `to` (read from the outbox)."""
    for body in OutboxMessage.objects.filter(to=to).order_by("-pk").values_list("body", flat=True):
        found = re.search(pattern, body)
        if found:
            return found.group(0)
    raise AssertionError(f"no mail to {to} with {pattern}")


def sign_up(page, email):
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password:", exact=True).fill(PASSWORD)
    page.get_by_label(re.compile(r"Password \(again\)")).fill(PASSWORD)
    page.get_by_role("button", name=re.compile("Sign Up", re.I)).click()
    page.wait_for_load_state()


def confirm(person, email):
    """Open the confirmation link from the mail and confirm: this signs the person in."""
    person.visitor.go(mailed_link(email, r"/accounts/confirm-email/[^/\s]+/"))
    person.page.get_by_role("button", name="Confirm").click()
    person.settle()


def test_a_new_student_reaches_a_started_draft_in_at_most_8_page_loads(demo_browser):
    student = Counted(demo_browser)
    page = student.page
    student.visitor.go("/")
    page.get_by_role("link", name="Innovation Call 2027").first.click()
    # On the phone's first screen, before the call's long text.
    start = page.get_by_role("link", name="Start a proposal").first
    assert start.bounding_box()["y"] < PHONE["height"]
    start.click()
    sign_up(page, "nadia.journey@example.org")
    confirm(student, "nadia.journey@example.org")
    expect(page.get_by_role("heading", name="Start a proposal")).to_be_visible()
    page.get_by_label("Working title of your project").fill("Solar dryers for maize")
    page.get_by_label("Sector").select_option(label="Agriculture")
    page.get_by_role("group", name="You are a").get_by_label("Student").check()
    page.get_by_role("group", name="Sex").get_by_label("female", exact=True).check()
    page.get_by_label("Your college").select_option(label="IPRC Kigali")
    page.get_by_role("button", name="Start my proposal").click()
    expect(page.get_by_text("Your draft is started.")).to_be_visible()
    student.settle()
    print(f"\njourney (a): {len(student.loads)} page loads: {student.loads}")
    assert len(student.loads) <= 8
    assert Proposal.objects.filter(lead__email="nadia.journey@example.org").count() == 1


def add_budget_lines(page):
    """In place (htmx): no page load, the total and the missing list follow."""
    for item, category, quantity, unit_cost in BUDGET:
        form = page.locator("form", has=page.get_by_role("heading", name="Add a budget line"))
        form.get_by_label("Item").fill(item)
        form.get_by_label("Category").select_option(label=category)
        form.get_by_label("Quantity").fill(quantity)
        form.get_by_label("Unit cost (RWF)").fill(unit_cost)
        form.get_by_role("button", name="Add the line").click()
        expect(page.get_by_role("row", name=re.compile(re.escape(item)))).to_be_visible()
    budget = page.get_by_role("table", name="Budget lines")
    expect(budget.get_by_role("row", name=re.compile("Budget total"))).to_contain_text("820,000")


def attach_documents(page):
    for document in DOCUMENTS:
        form = page.locator("form", has=page.get_by_role("heading", name="Attach a document"))
        form.get_by_label("Document").select_option(label=document)
        form.get_by_label("File").set_input_files(
            {"name": "document.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4\n%%EOF\n"}
        )
        form.get_by_role("button", name="Upload").click()
        expect(page.get_by_text("The document is attached.")).to_be_visible()


def start_draft(lead):
    page = lead.visitor.sign_in("applicant@example.org")
    lead.visitor.go("/calls/")
    page.get_by_role("link", name="Read the call").first.click()
    page.get_by_role("link", name="Start a proposal").first.click()
    page.get_by_label("Working title of your project").fill("Solar dryers for maize")
    page.get_by_label("Sector").select_option(label="Agriculture")
    page.get_by_role("group", name="You are a").get_by_label("Student").check()
    page.get_by_role("group", name="Sex").get_by_label("female", exact=True).check()
    page.get_by_role("button", name="Start my proposal").click()
    expect(page.get_by_text("Your draft is started.")).to_be_visible()
    lead.settle()
    return page


def join_team(demo_browser):
    """The invited member: from the mailed link, through sign-up, to the team."""
    mate = Counted(demo_browser)
    page = mate.page
    mate.visitor.go(mailed_link(MATE, r"/calls/invitations/[^/\s]+/"))
    page.get_by_role("link", name=re.compile("sign up", re.I)).first.click()
    sign_up(page, MATE)
    confirm(mate, MATE)
    expect(page.get_by_role("heading", name="Join a team")).to_be_visible()
    page.get_by_role("group", name="You are a").get_by_label("Trainer").check()
    page.get_by_role("group", name="Sex").get_by_label("male", exact=True).check()
    page.get_by_role("button", name="Join the team").click()
    expect(page.get_by_text("You joined the team.")).to_be_visible()
    mate.settle()
    return mate.loads


def test_a_started_draft_is_submitted_in_at_most_8_page_loads(demo_browser):
    lead = Counted(demo_browser)
    page = start_draft(lead)
    lead.loads[:] = [page.url]  # the journey starts on the draft just started
    for label, text in ANSWERS.items():
        write(page, page.get_by_label(label, exact=True), text)
    write(page, page.get_by_label("Amount requested (RWF)"), "820000")
    add_budget_lines(page)
    invite = page.locator("form", has=page.get_by_role("heading", name="Invite a team member"))
    invite.get_by_label("Email address").fill(MATE)
    invite.get_by_role("group", name="Student or trainer").get_by_label("Trainer").check()
    invite.get_by_role("button", name="Send the invitation").click()
    expect(page.get_by_text(f"An invitation is sent to {MATE}.")).to_be_visible()
    attach_documents(page)
    mate_loads = join_team(demo_browser)
    page.get_by_role("button", name="Submit the proposal").click()
    expect(page.get_by_text("Your proposal is submitted.")).to_be_visible()
    lead.settle()
    print(f"\njourney (b): {len(lead.loads)} page loads: {lead.loads}")
    print(f"the invited member: {len(mate_loads)} page loads: {mate_loads}")
    assert len(lead.loads) <= 8
    assert len(mate_loads) <= 6
    # The receipt is one link away.
    page.get_by_role("link", name="Receipt and what happens next").click()
    expect(page.get_by_role("heading", name="Your proposal is received")).to_be_visible()
    expect(page.get_by_text(re.compile(r"^SB-\d{4}-\d{5}$"))).to_be_visible()
