"""Dates survive a French page: shown in the date pickers, kept by the next save.

A professional in French saved availability dates; on the next visit the date
fields were empty (the page wrote `01/03/2027` into an `<input type="date">`,
which only takes `2027-03-01`), and the next save wiped them: the profile fell
from 100 % to 92 %. A mission's dates were lost the same way.
"""

import datetime
import re

from playwright.sync_api import expect

from skillbridge.demo.programmes import DEMO_PROGRAMME_SLUG
from skillbridge.experts.models import ExpertProfile
from skillbridge.experts.selectors import profile_completeness
from skillbridge.missions.models import Mission
from tests.browser.conftest import PHONE
from tests.browser.test_experts_walkthrough import CV_PDF

EDIT_PROFILE = f"/experts/{DEMO_PROGRAMME_SLUG}/me/edit/"


def in_french(visitor):
    visitor.page.context.add_cookies(
        [{"name": "django_language", "value": "fr", "url": visitor.base_url}]
    )


def save(page, field_name):
    """Press the save button of the form that holds `field_name`."""
    page.locator(f"form:has([name='{field_name}']) button[type=submit]").click()
    page.wait_for_load_state()


def percent_complete(profile):
    profile.refresh_from_db()
    return profile_completeness(profile).percent


def windows(profile):
    return list(profile.availability.order_by("starts_on").values_list("starts_on", "ends_on"))


def test_a_professional_in_french_keeps_their_availability_dates(demo_browser, tmp_path):
    profile = ExpertProfile.objects.get(user__email="expert@example.org")
    assert profile_completeness(profile).missing == ["a CV"]
    cv = tmp_path / "cv.pdf"
    cv.write_bytes(CV_PDF)
    expert = demo_browser(PHONE)
    expert.sign_in("expert@example.org")
    in_french(expert)

    page = expert.go(EDIT_PROFILE)
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    start, end = (
        page.locator("[name='window-0-starts_on']"),
        page.locator("[name='window-0-ends_on']"),
    )
    expect(start).to_have_value("2027-02-01")
    start.fill("2027-03-01")
    end.fill("2027-05-31")
    page.locator("[name='cv']").set_input_files(cv)
    expert.screenshot("dates-profile-fr-filled-360")
    save(page, "window-0-starts_on")
    assert windows(profile) == [(datetime.date(2027, 3, 1), datetime.date(2027, 5, 31))]
    assert percent_complete(profile) == 100

    page = expert.go(EDIT_PROFILE)
    expect(page.locator("[name='window-0-starts_on']")).to_have_value("2027-03-01")
    expect(page.locator("[name='window-0-ends_on']")).to_have_value("2027-05-31")
    assert expert.fits_width()
    expert.screenshot("dates-profile-fr-reloaded-360")
    save(page, "window-0-starts_on")

    assert windows(profile) == [(datetime.date(2027, 3, 1), datetime.date(2027, 5, 31))]
    assert percent_complete(profile) == 100
    expect(expert.page.get_by_role("heading", name=re.compile(r"\b100\b"))).to_be_visible()
    assert expert.csp_errors == []


def test_a_missions_dates_edited_in_french_survive_a_reload_and_a_save(demo_browser):
    mission = Mission.objects.get(
        title="Data analysis for agro-processing trainers (second cohort)"
    )
    starts_on = mission.starts_on + datetime.timedelta(days=7)
    ends_on = mission.ends_on + datetime.timedelta(days=7)
    expert = demo_browser(PHONE)
    expert.sign_in("expert2@example.org")
    in_french(expert)

    page = expert.go(f"/missions/{mission.pk}/edit/")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.locator("[name='starts_on']")).to_have_value(mission.starts_on.isoformat())
    page.locator("[name='starts_on']").fill(starts_on.isoformat())
    page.locator("[name='ends_on']").fill(ends_on.isoformat())
    save(page, "starts_on")
    mission.refresh_from_db()
    assert (mission.starts_on, mission.ends_on) == (starts_on, ends_on)

    page = expert.go(f"/missions/{mission.pk}/edit/")
    expect(page.locator("[name='starts_on']")).to_have_value(starts_on.isoformat())
    expect(page.locator("[name='ends_on']")).to_have_value(ends_on.isoformat())
    assert expert.fits_width()
    expert.screenshot("dates-mission-fr-reloaded-360")
    save(page, "starts_on")

    mission.refresh_from_db()
    assert (mission.starts_on, mission.ends_on) == (starts_on, ends_on)
    assert expert.csp_errors == []
