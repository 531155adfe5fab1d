"""Esther (the `expert` persona) with a full, approved profile, and sectors to import into."""

import pytest

from tests.experts.factories import ExpertProfileFactory
from tests.factories import SectorFactory


@pytest.fixture
def sectors(db):
    return {
        slug: SectorFactory(slug=slug, name=name)
        for slug, name in [
            ("energy", "Energy"),
            ("ict", "ICT"),
            ("agriculture", "Agriculture"),
            ("mechanical-engineering", "Mechanical engineering"),
            ("electrical-engineering", "Electrical engineering"),
        ]
    }


@pytest.fixture
def esther(expert, programme):
    """The expert persona's own approved profile, with active consent."""
    return ExpertProfileFactory(user=expert, programme=programme)


@pytest.fixture
def pool_member(programme):
    """Another professional in the pool: the personal data that must not leak."""
    return ExpertProfileFactory(
        programme=programme,
        user__email="jeanne.secret@example.org",
        user__full_name="Jeanne Secretariat",
        phone="+4915112345678",
        city="Hamburg",
        country="DE",
    )
