"""Issue 14's reviewer journey, counted: from "My reviews" to a submitted review on a phone.

Page loads are counted from the moment "My reviews" is on screen: opening the next
proposal (its declaration of interests), the proposal with the rubric, and the page
that confirms the submission.
"""

import re

from playwright.sync_api import expect

PHONE = {"width": 360, "height": 780}
MOST_LOADS = 3


def test_a_reviewer_scores_one_proposal_from_my_reviews_in_three_page_loads(demo_browser):
    visitor = demo_browser(PHONE)
    page = visitor.sign_in("reviewer1@example.org")
    visitor.go("/review/mine/")
    expect(page.get_by_role("heading", name="My reviews", level=1)).to_be_visible()
    expect(page.get_by_text(re.compile(r"\d+ of \d+ done"))).to_be_visible()
    loads = []
    page.on("load", lambda loaded: loads.append(loaded.url))

    page.get_by_role("link", name="Next proposal to review").click()
    expect(page.get_by_role("heading", name="Declare your interests")).to_be_visible()
    page.get_by_label("No, I have no conflict of interest").check()
    page.get_by_role("button", name="Declare").click()

    expect(page.get_by_role("heading", name="Your review")).to_be_visible()
    for part in ("The team", "The budget", "Documents"):
        expect(page.get_by_role("heading", name=part, level=2)).to_be_visible()
    expect(page.get_by_text("team lead", exact=False).first).to_be_visible()
    assert visitor.fits_width()
    fours = page.locator("form.choices").get_by_role("radio", name=re.compile(r"^4 ·"))
    expect(fours).to_have_count(5)  # one per criterion of the demo rubric
    for index in range(fours.count()):
        fours.nth(index).check()
    page.get_by_label("Comment for the committee").fill("Clear and feasible.")
    page.get_by_label("Recommendation").select_option("fund")
    page.get_by_role("button", name="Submit review").click()
    expect(page.get_by_text("Your review is submitted.")).to_be_visible()

    print(f"reviewer journey: {len(loads)} page loads after My reviews: {loads}")
    assert len(loads) <= MOST_LOADS, loads
    assert visitor.csp_errors == []
