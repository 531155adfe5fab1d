"""Two officers adding the same sector or level at the same moment: one is added, the other
is told at the field, and no unique constraint turns it into a server error."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from skillbridge.experts.models import QualificationLevel
from skillbridge.experts.services.labels import level_add, sector_add
from skillbridge.programmes.models import Sector
from tests.experts.factories import QualificationLevelFactory
from tests.factories import SectorFactory, UserFactory
from tests.markers import needs_postgresql

pytestmark = [needs_postgresql, pytest.mark.django_db(transaction=True)]


def _at_once(step, times: int = 4) -> list[str]:
    start = threading.Barrier(times)
    outcomes: list[str] = []

    def attempt() -> None:
        try:
            start.wait()
            step()
            outcomes.append("added")
        except ValidationError as error:
            outcomes.extend(f"{field}: {message}" for field, message in error.message_dict.items())
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt) for _ in range(times)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sorted(outcomes)


def test_officers_adding_one_sector_at_once_add_it_once(programme):
    officer = UserFactory()
    programme.sectors.add(SectorFactory(slug="energy", name="Energy"))

    def add():
        sector_add(
            programme=programme,
            officer=officer,
            slug="health",
            name="Health",
            name_fr="",
            name_rw="",
        )

    taken = "slug: ['Another sector has this code already.']"
    assert _at_once(add) == ["added", taken, taken, taken]
    assert Sector.objects.filter(slug="health").count() == 1


def test_officers_adding_a_level_at_one_rank_at_once_add_one(db):
    officer = UserFactory()
    QualificationLevelFactory(name="Master's degree", rank=50)
    names = iter(["Doctorate", "PhD", "Doctorat", "DPhil"])

    def add():
        level_add(officer=officer, rank=60, name=next(names), name_fr="", name_rw="")

    taken = "rank: ['Another level has this rank already.']"
    assert _at_once(add) == ["added", taken, taken, taken]
    assert QualificationLevel.objects.filter(rank=60).count() == 1
