"""A professional's capacity holds when officers confirm pairings at the same moment."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from skillbridge.pairing import services
from skillbridge.pairing.models import Pairing
from tests.pairing.factories import ExpertProfileFactory, NeedFactory, PairingFactory


def test_confirming_beyond_the_professionals_capacity_is_refused(db, officer, programme):
    profile = ExpertProfileFactory(programme=programme, capacity=1)
    first, second = (
        PairingFactory(need=NeedFactory(programme=programme), expert=profile, programme=programme)
        for _ in range(2)
    )
    services.pairing_confirm(actor=officer, pairing=first)
    with pytest.raises(ValidationError) as error:
        services.pairing_confirm(actor=officer, pairing=second)
    assert error.value.messages == [
        "This professional has no free place: they said how many they can take."
    ]
    second.refresh_from_db()
    assert second.state == Pairing.State.PROPOSED


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Row locks need PostgreSQL; SQLite serialises writers. CI runs this on PostgreSQL.",
)
@pytest.mark.django_db(transaction=True)
def test_concurrent_confirmations_never_over_commit_a_professional(officer, programme):
    """Six officers confirm one professional (two places) for six needs at the same moment."""
    profile = ExpertProfileFactory(programme=programme, capacity=2)
    pairings = [
        PairingFactory(need=NeedFactory(programme=programme), expert=profile, programme=programme)
        for _ in range(6)
    ]
    start = threading.Barrier(6)
    outcomes: list[str] = []

    def attempt(pairing: Pairing) -> None:
        try:
            start.wait()
            services.pairing_confirm(actor=officer, pairing=pairing)
            outcomes.append("invited")
        except ValidationError as error:
            outcomes.append(error.messages[0])
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt, args=(p,)) for p in pairings]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    refused = "This professional has no free place: they said how many they can take."
    assert sorted(outcomes) == sorted(["invited"] * 2 + [refused] * 4)
    assert Pairing.objects.filter(expert=profile, state=Pairing.State.INVITED).count() == 2
