"""The test cast: one persona per role in one programme, plus an outsider.

Alice runs the programme (officer), Fiona pays (finance), Colin coordinates
a college, Rita reviews, Amani applies, Esther is a diaspora professional,
Dora reads results for the donor, and Oscar is signed in but holds no role
in the programme.
"""

import hypothesis
import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils import translation

from skillbridge.people.models import Role
from tests.factories import (
    PASSWORD,
    CollegeFactory,
    ProgrammeFactory,
    ProgrammeRoleFactory,
    UserFactory,
)

# Tests check what is computed, not how fast: a property test must not fail because the
# machine is busy (Hypothesis' default allows 200 ms an example).
hypothesis.settings.register_profile("skillbridge", deadline=None)
hypothesis.settings.load_profile("skillbridge")


def pytest_report_header(config):
    return f"database: {settings.DATABASES['default']['ENGINE']}"


@pytest.fixture(autouse=True)
def _language_of_the_site():
    # A test that renders in rw or fr must not leave that language active for the next
    # one, which may call a view without the middleware that would choose it.
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _fresh_cache():
    # Rate limits live in the cache; each test starts with none used.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def password():
    return PASSWORD


@pytest.fixture
def programme(db):
    return ProgrammeFactory()


@pytest.fixture
def college(db):
    return CollegeFactory(short_name="IPRC Kigali", name="IPRC Kigali")


def _persona(programme, role, email, organisation=None):
    user = UserFactory(email=email)
    ProgrammeRoleFactory(user=user, programme=programme, role=role, organisation=organisation)
    return user


@pytest.fixture
def officer(programme):
    return _persona(programme, Role.PROGRAMME_OFFICER, "alice@example.org")


@pytest.fixture
def finance(programme):
    return _persona(programme, Role.FINANCE_OFFICER, "fiona@example.org")


@pytest.fixture
def coordinator(programme, college):
    return _persona(programme, Role.COLLEGE_COORDINATOR, "colin@example.org", college)


@pytest.fixture
def reviewer(programme):
    return _persona(programme, Role.REVIEWER, "rita@example.org")


@pytest.fixture
def applicant(programme, college):
    return _persona(programme, Role.APPLICANT, "amani@example.org", college)


@pytest.fixture
def expert(programme):
    return _persona(programme, Role.EXPERT, "esther@example.org")


@pytest.fixture
def donor(programme):
    return _persona(programme, Role.DONOR_VIEWER, "dora@example.org")


@pytest.fixture
def outsider(db):
    return UserFactory(email="oscar@example.org")


@pytest.fixture
def on_postgresql():
    return connection.vendor == "postgresql"


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # The production hasher is slow on purpose; tests only need it to work.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
