"""Issue 4, tried as a new user would: a reviewer, the programme officer, the applicant."""

import re

from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, PHONE


def test_a_reviewer_declares_scores_and_moves_on_then_the_officer_selects_and_the_team_reads_it(
    demo_browser,
):
    # --- reviewer1, on a phone -------------------------------------------------------
    reviewer = demo_browser(PHONE)
    page = reviewer.sign_in("reviewer1@example.org")
    reviewer.open_menu()
    page.get_by_role("link", name="My reviews").first.click()
    expect(page.get_by_role("heading", name="My reviews", level=1)).to_be_visible()
    expect(page.get_by_role("heading", name="Innovation Call 2027")).to_be_visible()
    to_declare = page.get_by_text("declare interests first")
    expect(to_declare).to_have_count(2)
    assert reviewer.fits_width()
    reviewer.screenshot("review-1-mine-phone")

    page.get_by_role("link", name="Next proposal to review").click()
    expect(page.get_by_role("heading", name="Declare your interests")).to_be_visible()
    first_title = page.locator("dl.card dd").first.inner_text()
    assert reviewer.fits_width()
    reviewer.screenshot("review-2-declare-phone")
    page.get_by_label("No, I have no conflict of interest").check()
    page.get_by_role("button", name="Declare").click()

    expect(page.get_by_role("heading", name=first_title, level=1)).to_be_visible()
    expect(page.get_by_role("heading", name="Your review")).to_be_visible()
    expect(page.get_by_role("heading", name="Other reviews")).to_have_count(0)
    reviewer.screenshot("review-3-form-phone")
    assert reviewer.fits_width()
    groups = page.locator("form.choices").get_by_role("group")
    assert groups.count() == 5
    for index in range(groups.count()):
        groups.nth(index).get_by_role("radio", name=re.compile(r"^4 ·")).check()
    page.get_by_label("Comment for the committee").fill(
        "A clear idea with a realistic plan; the budget needs a second look."
    )
    page.get_by_label("Recommendation").select_option("fund")
    page.get_by_role("button", name="Submit review").click()
    expect(page.get_by_text("Your review is submitted.")).to_be_visible()
    expect(page.get_by_text("Weighted score: 4")).to_be_visible()
    expect(page.get_by_role("heading", name="Other reviews")).to_be_visible()
    assert reviewer.fits_width()
    reviewer.screenshot("review-4-submitted-phone")

    page.get_by_role("link", name="Next proposal").click()
    expect(page.get_by_role("heading", name="Declare your interests")).to_be_visible()
    assert page.locator("dl.card dd").first.inner_text() != first_title
    reviewer.open_menu()
    page.get_by_role("link", name="My reviews").first.click()
    expect(page.get_by_text("declare interests first")).to_have_count(1)
    assert reviewer.csp_errors == []

    # --- the programme officer, at a desk ----------------------------------------------
    officer = demo_browser(DESKTOP)
    page = officer.sign_in("officer@example.org")
    page.get_by_role("link", name="Review", exact=True).click()
    card = page.get_by_role("listitem").filter(
        has=page.get_by_role("heading", name="Innovation Call 2027")
    )
    card.get_by_role("link", name="Assignments").click()
    expect(page.get_by_role("heading", name="Assignments", level=1)).to_be_visible()
    officer.screenshot("review-5-assignments")
    page.get_by_role("button", name="Preview the assignment").click()
    # Every demo proposal is decided: the run adds nobody and withdraws reviewer1's
    # untouched assignment to a decided proposal. The preview says so first.
    expect(page.get_by_role("heading", name="Preview the assignment", level=1)).to_be_visible()
    expect(page.get_by_text("1 untouched assignment replaced")).to_be_visible()
    page.get_by_role("button", name="Confirm the assignment").click()
    expect(
        page.get_by_text("0 new assignments, 77 kept, 1 untouched ones withdrawn.")
    ).to_be_visible()
    officer.screenshot("review-6-assignment-run")
    subnav = page.get_by_role("navigation", name="Review of this call")
    expect(subnav.get_by_role("link", name="Assignments")).to_have_attribute("aria-current", "page")

    subnav.get_by_role("link", name="Ranking").click()
    expect(page.get_by_role("heading", name="Ranking", level=1)).to_be_visible()
    expect(page.get_by_role("table")).to_contain_text("26 of 26 proposals")
    first = page.get_by_role("row").nth(1)
    expect(first).to_contain_text("SmartTike: buy event and bus tickets online")
    expect(first).to_contain_text("selected")
    officer.screenshot("review-7-ranking")

    subnav.get_by_role("link", name="Selection").click()
    expect(page.get_by_label("How many to select")).to_have_value("10")
    page.get_by_label("At least this many from each sector").fill("1")
    page.get_by_label("At most this many from one college").fill("2")
    page.get_by_role("button", name="Find the best set").click()
    expect(page.get_by_text("Every reviewed proposal already has a decision.")).to_be_visible()
    expect(page.get_by_role("heading", name=re.compile(r"The best set \(total"))).to_be_visible()
    chosen = page.get_by_role("table").first.locator("tbody tr")
    expect(chosen).to_have_count(10)
    expect(chosen.first).to_contain_text("SmartTike")
    expect(page.get_by_role("heading", name="Which quotas bound the choice")).to_be_visible()
    expect(page.get_by_role("heading", name="at most 2 from IPRC Ngoma")).to_be_visible()
    expect(page.get_by_text(re.compile(r"Without this quota the total would be \d"))).to_have_count(
        4
    )
    expect(page.get_by_role("button", name="Stage the decisions")).to_have_count(0)
    officer.screenshot("review-8-selection")

    subnav.get_by_role("link", name="Decisions").click()
    expect(page.get_by_role("heading", name="Decisions", level=1)).to_be_visible()
    expect(page.get_by_role("button", name="Release the decisions")).to_have_count(0)
    expect(page.get_by_text("staged", exact=True)).to_have_count(0)
    selected_rows = page.get_by_role("row").filter(
        has=page.get_by_role("cell", name="selected", exact=True)
    )
    expect(selected_rows).to_have_count(10)
    officer.screenshot("review-9-decisions")
    assert officer.csp_errors == []

    # --- the applicant, on a phone ------------------------------------------------------
    applicant = demo_browser(PHONE)
    page = applicant.sign_in("applicant@example.org")
    page.get_by_role("link", name="See the committee's decisions on your proposals").click()
    expect(page.get_by_role("heading", name="Decisions on my proposals")).to_be_visible()
    applicant.screenshot("review-10-outcomes-phone")
    assert applicant.fits_width()
    ticketing = page.get_by_role("listitem").filter(has_text="SmartTike")
    expect(ticketing.locator(".badge")).to_have_text("selected")
    ticketing.get_by_role("link").click()
    expect(page.get_by_role("heading", name="The committee's decision")).to_be_visible()
    expect(page.locator(".badge")).to_have_text("selected")
    expect(page.get_by_text("Among the ten most innovative proposals")).to_be_visible()
    expect(page.get_by_role("heading", name="Comments from the reviewers")).to_be_visible()
    applicant.screenshot("review-11-outcome-phone")
    assert applicant.fits_width()
    assert applicant.csp_errors == []
