"""The calls cast: an open call of the test programme, and Amani's complete draft.

Amani (applicant, IPRC Kigali) leads the draft; Mia is a member of the team
without the lead's rights; Colin coordinates IPRC Kigali; Hugo coordinates
IPRC Huye, another college of the same programme.
"""

import pytest

from skillbridge.calls.models import TeamMember
from skillbridge.people.models import Role
from tests.calls.factories import CallFactory, RubricCriterionFactory, complete_draft
from tests.factories import CollegeFactory, ProgrammeRoleFactory, SectorFactory, UserFactory

REQUIRED = ["Letter of support from the college"]


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def other_college(db):
    return CollegeFactory(short_name="IPRC Huye", name="IPRC Huye")


@pytest.fixture
def call(programme, college, other_college):
    energy = SectorFactory(slug="energy", name="Energy")
    programme.sectors.add(energy)
    programme.colleges.add(college, other_college)
    call = CallFactory(
        programme=programme,
        title="Innovation Call",
        required_documents=REQUIRED,
        sectors=[energy],
        max_grant_rwf=20_000_000,
    )
    RubricCriterionFactory(call=call, name="Innovation")
    return call


@pytest.fixture
def draft(call, applicant, college):
    return complete_draft(call=call, lead=applicant, college=college)


@pytest.fixture
def member(draft, college, programme):
    """Mia: a student of the same college who joined Amani's team."""
    user = UserFactory(email="mia@example.org", full_name="Mia Uwera")
    ProgrammeRoleFactory(user=user, programme=programme, role=Role.APPLICANT, organisation=college)
    TeamMember.objects.create(
        proposal=draft,
        user=user,
        email=user.email,
        full_name=user.full_name,
        kind=TeamMember.Kind.STUDENT,
        sex=TeamMember.Sex.FEMALE,
        status=TeamMember.Status.JOINED,
    )
    return user


@pytest.fixture
def other_coordinator(programme, other_college):
    user = UserFactory(email="hugo@example.org")
    ProgrammeRoleFactory(
        user=user, programme=programme, role=Role.COLLEGE_COORDINATOR, organisation=other_college
    )
    return user


@pytest.fixture
def other_applicant(programme, other_college):
    user = UserFactory(email="olive@example.org")
    ProgrammeRoleFactory(
        user=user, programme=programme, role=Role.APPLICANT, organisation=other_college
    )
    return user
