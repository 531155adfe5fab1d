"""Issue 6, tried as a new user would: an officer runs a matching, reads the reasons,
locks a pair, runs again, confirms; the professional accepts; the team sees its mentor."""

import re

from playwright.sync_api import expect

from skillbridge.people.models import User
from tests.browser.conftest import DESKTOP, PHONE


def test_officer_matches_locks_reruns_and_confirms_then_the_expert_accepts(demo_browser):
    officer = demo_browser(DESKTOP)
    officer.sign_in("officer@example.org")
    page = officer.go("/pairing/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Pairing")
    officer.screenshot("pairing-1-overview")

    # 1. Run a matching over every need with an open seat.
    page.get_by_role("button", name="Start the matching run").click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Matching run #")
    expect(page.locator("#run-progress")).to_contain_text(re.compile("done", re.I))
    officer.screenshot("pairing-2-run")

    # 2. Every proposed pair says why it was chosen.
    pairs = page.locator(".pair")
    assert pairs.count() >= 1
    expect(page.locator("dl.facts")).to_contain_text(f"{pairs.count()} / {pairs.count()}")
    for index in range(pairs.count()):
        reasons = pairs.nth(index).locator(".reasons li")
        assert reasons.count() >= 1
        expect(reasons.filter(has_text="speaks")).to_have_text("speaks English, Kinyarwanda")

    # 3. Lock the first proposed pair.
    first = pairs.first
    first_title = first.locator("xpath=ancestor::section[1]//h3").inner_text()
    first_expert = first.locator("strong").first.inner_text()
    first.get_by_role("button", name=re.compile(r"^Lock")).click()
    page.wait_for_load_state()
    expect(page.get_by_text("Locked: every later run keeps this pair.")).to_be_visible()
    officer.screenshot("pairing-3-locked")

    # 4. Run again: the locked pair is kept.
    page.get_by_role("button", name="Run again with the locks and forbids").click()
    page.wait_for_load_state()
    officer.screenshot("pairing-4-rerun")
    need_card = page.locator("section.card", has=page.get_by_role("heading", name=first_title))
    kept = need_card.locator(".pair", has_text=first_expert)
    expect(kept.get_by_text("locked", exact=True)).to_be_visible()

    # 5. Confirm: the professionals are invited.
    page.get_by_role("link", name="Review the invitations, then confirm").click()
    page.wait_for_load_state()
    expect(page.get_by_text("Nothing has changed yet.")).to_be_visible()
    officer.screenshot("pairing-5a-preview")
    page.get_by_role("button", name="Confirm and invite the professionals").click()
    page.wait_for_load_state()
    expect(page.get_by_text(re.compile(r"professionals? (is|are) invited"))).to_be_visible()
    officer.screenshot("pairing-5-confirmed")

    # The need of the locked pair: invited, and the lock still standing.
    page.get_by_role("link", name=first_title).click()
    page.wait_for_load_state()
    officer.screenshot("pairing-5b-need")
    pairings = page.locator("section", has=page.get_by_role("heading", name="Pairings", exact=True))
    expect(pairings.get_by_role("listitem").filter(has_text=first_expert)).to_contain_text(
        "invited"
    )
    locks = page.locator("section", has=page.get_by_role("heading", name="Locks and forbids"))
    expect(locks.get_by_role("listitem").filter(has_text=first_expert)).to_contain_text("locked")
    assert officer.csp_errors == []

    # The professional accepts the invitation the demo left waiting, on a phone.
    expert = demo_browser(PHONE)
    expert.sign_in("expert@example.org")
    page = expert.go("/pairing/mine/")
    expert.screenshot("pairing-6-mine")
    assert expert.fits_width()
    card = page.get_by_role("region", name="You are invited to mentor this project").first
    card.get_by_role("link").first.click()
    page.wait_for_load_state()
    expert.screenshot("pairing-7-invitation")
    assert expert.fits_width()
    page.get_by_role("button", name="Accept").click()
    page.wait_for_load_state()
    expect(page.get_by_text("Thank you: you are paired with this project.")).to_be_visible()
    expect(page.locator(".badge.accepted")).to_be_visible()
    expert.screenshot("pairing-8-accepted")
    assert expert.fits_width()
    assert expert.csp_errors == []

    accepted_url = page.url

    # The officer can now plan the work: the pairing offers a mission.
    page = officer.go(accepted_url.removeprefix(officer.base_url))
    officer.screenshot("pairing-9-officer-pairing")
    page.get_by_role("link", name="Plan a mission").click()
    page.wait_for_load_state()
    assert re.search(r"/missions/[\w-]+/new/\?pairing=\d+$", page.url)
    officer.screenshot("pairing-10-plan-mission")
    assert officer.csp_errors == []

    # The team of applicant@example.org sees its mentor.
    mentor = User.objects.get(email="expert2@example.org").full_name
    team = demo_browser(PHONE)
    team.sign_in("applicant@example.org")
    page = team.page
    page.get_by_role("link", name="See who mentors your project").click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", level=1)).to_have_text("Our mentors")
    expect(page.get_by_text(mentor, exact=True)).to_be_visible()
    team.screenshot("pairing-11-mentors")
    assert team.fits_width()
    assert team.csp_errors == []
