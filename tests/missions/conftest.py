import datetime

import pytest

from skillbridge.missions import services
from skillbridge.missions.models import Mission
from tests.calls.factories import ProposalFactory
from tests.factories import SectorFactory
from tests.missions.factories import accepted_pairing
from tests.pairing.factories import ExpertProfileFactory, NeedFactory


@pytest.fixture
def energy(programme):
    sector = SectorFactory(slug="energy", name="Energy")
    programme.sectors.add(sector)
    return sector


@pytest.fixture
def project(programme, college, applicant, energy):
    """A funded project of IPRC Kigali; Amani (the applicant) leads it."""
    return ProposalFactory(
        call__programme=programme, college=college, lead=applicant, state="selected", sector=energy
    )


@pytest.fixture
def profile(programme, expert, energy):
    """Esther's approved profile."""
    return ExpertProfileFactory(programme=programme, user=expert, sectors=[energy])


@pytest.fixture
def pairing(programme, project, profile, energy):
    need = NeedFactory(programme=programme, proposal=project, sector=energy)
    return accepted_pairing(need=need, programme=programme, expert=profile)


@pytest.fixture
def today():
    return datetime.date.today()


@pytest.fixture
def mission(officer, programme, pairing, today) -> Mission:
    """An on-site ToT at IPRC Kigali for Esther's accepted pairing, planned by Alice."""
    return services.mission_plan(
        actor=officer,
        programme=programme,
        pairing=pairing,
        kind=Mission.Kind.TOT,
        starts_on=today - datetime.timedelta(days=2),
        ends_on=today + datetime.timedelta(days=4),
        objectives="Trainers design and install solar PV systems.",
        expected_participants=12,
    )


@pytest.fixture
def agreed(mission, expert, coordinator) -> Mission:
    """The mission with a day planned and the work plan signed off by both sides."""
    services.plan_day_add(
        actor=expert, mission=mission, day=mission.starts_on, activities="PV sizing."
    )
    services.workplan_sign(actor=expert, mission=mission)
    return services.workplan_sign(actor=coordinator, mission=mission)


@pytest.fixture
def under_way(agreed, officer, expert) -> Mission:
    services.mission_approve(actor=officer, mission=agreed)
    return services.mission_start(actor=expert, mission=agreed)


def log(mission, user, **counts):
    values = {
        "trainers_female": 0,
        "trainers_male": 0,
        "students_female": 0,
        "students_male": 0,
        "staff_female": 0,
        "staff_male": 0,
        **counts,
    }
    return services.session_log(
        actor=user,
        mission=mission,
        held_on=mission.starts_on,
        hours=3,
        topic="PV sizing",
        modality="onsite",
        **values,
    )
