import pytest

from tests.calls.factories import ProposalFactory
from tests.factories import SectorFactory
from tests.pairing.factories import ExpertProfileFactory, NeedFactory


@pytest.fixture
def energy(programme):
    sector = SectorFactory(slug="energy", name="Energy")
    programme.sectors.add(sector)
    return sector


@pytest.fixture
def project(programme, college, applicant, energy):
    """A funded project of the applicant's college, the applicant on its team."""
    return ProposalFactory(
        call__programme=programme, college=college, lead=applicant, state="selected", sector=energy
    )


@pytest.fixture
def need(programme, project, energy):
    return NeedFactory(programme=programme, proposal=project, sector=energy)


@pytest.fixture
def profile(programme, expert, energy):
    """Esther's approved profile: matchable, energy, speaks en and rw."""
    return ExpertProfileFactory(programme=programme, user=expert, sectors=[energy])
