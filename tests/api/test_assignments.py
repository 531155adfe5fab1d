"""API of review assignments and declared conflicts: the reviewer's own, the officer's per call."""
# ruff: noqa: F811  (the review fixtures are imported, then requested by name)

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from skillbridge.calls.models import Call
from skillbridge.people.models import Role
from skillbridge.review import services
from skillbridge.review.models import Review
from tests.calls.factories import ProposalFactory
from tests.factories import CollegeFactory, ProgrammeFactory, ProgrammeRoleFactory, UserFactory
from tests.review.conftest import (  # noqa: F401  (fixtures)
    assigned,
    call,
    eligible,
    panel,
    rp,
)


def api(user=None):
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def results(user, url):
    response = api(user).get(url)
    assert response.status_code == 200, response.content
    return response.json()["results"]


@pytest.fixture
def conflict(assigned, panel):
    """Rita declares that a relative is on the team of her first assignment."""
    review = Review.objects.filter(reviewer=panel[0]).order_by("pk").first()
    services.conflict_declare(
        reviewer=panel[0], review=review, conflict_kind="relative", detail="My cousin leads it."
    )
    return Review.objects.get(pk=review.pk)


def test_a_reviewer_lists_only_their_own_assignments_every_status(conflict, panel):
    listed = results(panel[0], "/api/v1/assignments/")
    assert {a["id"] for a in listed} == set(
        Review.objects.filter(reviewer=panel[0]).values_list("pk", flat=True)
    )
    mine = next(a for a in listed if a["id"] == conflict.pk)
    assert mine == {
        "id": conflict.pk,
        "call": conflict.proposal.call_id,
        "proposal": conflict.proposal_id,
        "title": conflict.proposal.title,
        "college": conflict.proposal.college.short_name,
        "source": "engine",
        "is_locked": False,
        "status": "conflict",
        "declaration": "conflict",
        "submitted_at": None,
    }
    assert conflict.pk not in {a["id"] for a in results(panel[1], "/api/v1/assignments/")}


def test_a_reviewer_lists_only_the_conflicts_they_declared(conflict, panel):
    listed = results(panel[0], "/api/v1/conflicts/")
    assert listed == [
        {
            "id": conflict.pk,
            "call": conflict.proposal.call_id,
            "proposal": conflict.proposal_id,
            "title": conflict.proposal.title,
            "college": conflict.proposal.college.short_name,
            "kind": "relative",
            "detail": "My cousin leads it.",
            "declared_at": listed[0]["declared_at"],
        }
    ]
    assert listed[0]["declared_at"]
    assert results(panel[1], "/api/v1/conflicts/") == []


def test_someone_who_reviews_nothing_gets_empty_lists(conflict, applicant, outsider):
    for user in (applicant, outsider):
        assert results(user, "/api/v1/assignments/") == []
        assert results(user, "/api/v1/conflicts/") == []
    assert api().get("/api/v1/assignments/").status_code == 401
    assert api().get("/api/v1/conflicts/").status_code == 401


def test_an_officer_lists_the_calls_assignments_and_declared_conflicts(conflict, call, officer):
    listed = results(officer, f"/api/v1/calls/{call.pk}/assignments/")
    assert {a["id"] for a in listed} == set(
        Review.objects.filter(proposal__call=call).values_list("pk", flat=True)
    )
    assert {a["reviewer_email"] for a in listed} == {
        "rita@example.org",
        "mina@example.org",
        "ivo@example.org",
    }
    conflicts = results(officer, f"/api/v1/calls/{call.pk}/conflicts/")
    assert [(c["id"], c["kind"], c["reviewer_email"]) for c in conflicts] == [
        (conflict.pk, "relative", "rita@example.org")
    ]
    assert conflicts[0]["detail"] == "My cousin leads it."


def test_a_calls_lists_answer_404_to_outsiders_and_403_to_members_without_the_right(
    conflict, call, panel, applicant, outsider
):
    elsewhere = ProgrammeFactory()
    other_officer = UserFactory(email="otto@example.org")
    ProgrammeRoleFactory(user=other_officer, programme=elsewhere, role=Role.PROGRAMME_OFFICER)
    for path in ("assignments", "conflicts"):
        url = f"/api/v1/calls/{call.pk}/{path}/"
        assert api().get(url).status_code == 401
        # A published call is seen by anyone signed in: its review is not theirs to run.
        for user in (outsider, other_officer, panel[0], applicant):
            response = api(user).get(url)
            assert response.status_code == 403
            assert "My cousin" not in response.content.decode()
    Call.objects.filter(pk=call.pk).update(is_published=False)
    for user in (outsider, other_officer):
        assert api(user).get(f"/api/v1/calls/{call.pk}/assignments/").status_code == 404
        assert api(user).get(f"/api/v1/calls/{call.pk}/conflicts/").status_code == 404
    assert api(panel[0]).get("/api/v1/calls/999999/assignments/").status_code == 404


def test_the_calls_assignments_list_runs_a_fixed_number_of_queries(call, officer, assigned):
    client = api(officer)
    url = f"/api/v1/calls/{call.pk}/assignments/"
    client.get(url)  # the user's roles are read once and kept on the user
    with CaptureQueriesContext(connection) as few:
        assert len(client.get(url).json()["results"]) == 6
    college = CollegeFactory(short_name="IPRC Ngoma")
    for i in range(6):
        ProposalFactory(call=call, college=college, state="eligible", title=f"More {i}")
    call.pool.update(load_limit=30)
    services.assignment_run(actor=officer, call=call)
    with CaptureQueriesContext(connection) as many:
        assert len(client.get(url).json()["results"]) == 18
    assert len(many.captured_queries) == len(few.captured_queries)
