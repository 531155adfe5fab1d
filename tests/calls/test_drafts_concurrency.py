"""Compare-and-set under the row lock: of many saves from one base, exactly one writes."""

import threading

import pytest
from django.db import connection

from skillbridge.calls import services
from skillbridge.calls.models import Proposal
from skillbridge.calls.services.drafts import draft_fingerprints
from tests.markers import needs_postgresql


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_six_saves_of_one_answer_from_one_base_write_once(draft, applicant, member):
    """Six tabs of the team save the problem at the same moment, each from version 1."""
    base = draft_fingerprints(draft)
    start = threading.Barrier(6)
    outcomes: list[str] = []

    def attempt(index: int) -> None:
        try:
            start.wait()
            result = services.proposal_save_draft(
                actor=applicant if index % 2 else member,
                proposal=draft,
                values={"problem": f"Text {index}."},
                base_version=1,
                base=base,
            )
            outcomes.append("conflict" if result.conflicts else "saved")
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt, args=(i,)) for i in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["conflict"] * 5 + ["saved"]
    saved = Proposal.objects.get(pk=draft.pk)
    assert saved.version == 2
    assert saved.problem in {f"Text {i}." for i in range(6)}
