"""A professional's capacity holds when officers confirm pairings at the same moment."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from skillbridge.pairing import services
from skillbridge.pairing.models import MatchingRun, Pairing
from tests.markers import needs_postgresql
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


@needs_postgresql
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


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_two_runs_crossing_the_same_needs_and_professionals_both_confirm_without_deadlock(
    officer, programme
):
    """Run A pairs (need 1, Anna) and (need 2, Ben); run B (need 2, Anna) and (need 1, Ben).

    Locking pairing by pairing would let A hold need 1 and Anna while B holds
    need 2 and Ben: a deadlock. One lock order for all makes them wait instead.
    """
    outcomes: list[str] = []
    for _ in range(4):
        anna = ExpertProfileFactory(programme=programme, capacity=5)
        ben = ExpertProfileFactory(programme=programme, capacity=5)
        one = NeedFactory(programme=programme, seats=2)
        two = NeedFactory(programme=programme, seats=2)
        runs = []
        for pairs in ([(one, anna), (two, ben)], [(two, anna), (one, ben)]):
            run = MatchingRun.objects.create(
                programme=programme, status=MatchingRun.Status.DONE, created_by=officer
            )
            for need, expert in pairs:
                PairingFactory(need=need, expert=expert, programme=programme, run=run)
            runs.append(run)
        start = threading.Barrier(2)

        def attempt(run: MatchingRun, start: threading.Barrier) -> None:
            try:
                start.wait()
                outcomes.append(f"invited {services.run_confirm(actor=officer, run=run)}")
            except Exception as error:  # a deadlock is what this looks for
                outcomes.append(type(error).__name__)
            finally:
                connection.close()

        threads = [threading.Thread(target=attempt, args=(run, start)) for run in runs]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert outcomes == ["invited 2"] * 8
