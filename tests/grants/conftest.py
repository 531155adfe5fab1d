import pytest

from skillbridge.grants.services import awards
from tests.grants.factories import award, selected_proposal


@pytest.fixture
def proposal(programme, college, applicant):
    return selected_proposal(programme=programme, college=college, lead=applicant)


@pytest.fixture
def grant(proposal, officer):
    """Awarded 10,000,000 RWF in 40/40/20, agreement not yet accepted."""
    return award(proposal, officer)


@pytest.fixture
def running_grant(grant, applicant):
    """Agreement accepted: tranche 1 payable."""
    return awards.grant_accept_agreement(actor=applicant, grant=grant)
