"""The donor report's project stories come from each grant's own data, not boilerplate."""

import datetime

import pytest

from skillbridge.grants.models import Milestone
from skillbridge.results import services
from skillbridge.results.indicators import Horizon
from skillbridge.results.reports import report_html
from skillbridge.results.selectors import project_stories
from tests.factories import UserFactory
from tests.grants.factories import award, selected_proposal
from tests.missions.factories import SessionFactory, accepted_pairing
from tests.pairing.factories import NeedFactory

END = Horizon(ends_on=datetime.date.today() + datetime.timedelta(days=30))


@pytest.fixture
def two_grants(programme, college, officer, applicant):
    solar = selected_proposal(
        programme=programme,
        college=college,
        lead=applicant,
        title="Solar dryers for maize",
        summary="Dry maize with the sun, not with firewood.",
    )
    other_lead = UserFactory()
    coding = selected_proposal(
        programme=programme,
        college=college,
        lead=other_lead,
        title="A coding club for girls",
        summary="Weekly coding sessions for young women.",
    )
    solar_grant, coding_grant = award(solar, officer), award(coding, officer)
    # The milestone of the second tranche was reached (approved).
    Milestone.objects.filter(tranche__grant=solar_grant, tranche__number=2).update(state="approved")
    need = NeedFactory(programme=programme, proposal=coding)
    mission = SessionFactory(
        mission__pairing=accepted_pairing(need=need, programme=programme),
        students_female=9,
        students_male=6,
        trainers_female=0,
        trainers_male=0,
        hours=4,
    ).mission
    SessionFactory(mission=mission, students_female=7, students_male=2, hours=2)
    return solar_grant, coding_grant


def test_two_grants_tell_two_stories_from_their_own_data(programme, two_grants):
    coding, solar = project_stories(programme, END)
    assert (solar.title, solar.summary) == (
        "Solar dryers for maize",
        "Dry maize with the sun, not with firewood.",
    )
    assert (solar.milestones_reached, solar.sessions, solar.women, solar.men) == (1, 0, 0, 0)
    assert coding.milestones_reached == 0
    # Two sessions of one mission: students 9+6 in the first, trainers 2+3 in the second; each
    # category is counted by its biggest session, as the indicators count people.
    assert (coding.sessions, coding.hours, coding.women, coding.men) == (2, 6, 11, 9)
    assert coding.milestones == solar.milestones >= 1
    assert solar.facts != coding.facts
    assert f"Milestones reached: 1 of {solar.milestones}." in solar.facts
    assert "People trained: 11 women and 9 men." in coding.facts


def test_small_groups_of_people_are_not_shown(programme, two_grants):
    coding, _solar = project_stories(programme, END)
    coding.men = 3
    assert "People trained: 11 women and <5 men." in coding.facts


def test_the_donor_report_carries_both_stories(programme, two_grants, officer):
    period = services.period_open(
        actor=officer, programme=programme, kind="year", year=datetime.date.today().year
    )
    html = report_html(period, language="en")
    assert "Dry maize with the sun" in html
    assert "Weekly coding sessions for young women." in html
