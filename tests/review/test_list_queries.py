"""The review app's other lists cost the same number of queries whatever their rows
(issue 17): the reviewer's assignments, the officer's calls, a call's panel, a team's
outcomes, and the API's own reviews, own assignments and conflicts. (The ranking, the
assignments, the decisions and the reserve have theirs in test_views, test_ranking and
test_reserve; the API's ranking and call assignments in tests/api.)"""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from skillbridge.calls.models import Proposal
from skillbridge.review import services
from skillbridge.review.models import Review
from tests.calls.factories import CallFactory, ProposalFactory
from tests.factories import CollegeFactory
from tests.queries import same_queries
from tests.review.conftest import make_reviewer, submit


def more_assignments(call, officer, n: int) -> None:
    """`n` more eligible proposals, assigned across the panel."""
    college = CollegeFactory()
    for i in range(n):
        ProposalFactory(call=call, college=college, state=Proposal.State.ELIGIBLE, title=f"M {i}")
    call.pool.update(load_limit=30)
    services.assignment_run(actor=officer, call=call)


def api(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_the_reviewers_assignments_are_constant(
    client, call, officer, panel, assigned, django_assert_num_queries
):
    client.force_login(panel[0])
    same_queries(
        client,
        reverse("review:mine"),
        lambda: more_assignments(call, officer, 6),
        django_assert_num_queries,
    )
    assert Review.objects.filter(reviewer=panel[0], status="active").count() > 2


def test_the_officers_calls_are_constant(
    client, call, officer, programme, college, django_assert_num_queries
):
    def grow():
        for _ in range(5):
            other = CallFactory(programme=programme)
            ProposalFactory(call=other, college=college, state=Proposal.State.ELIGIBLE)

    client.force_login(officer)
    response = same_queries(client, reverse("review:index"), grow, django_assert_num_queries)
    assert len(response.context["calls"]) == 6


def test_a_calls_panel_is_constant(
    client, call, officer, panel, assigned, django_assert_num_queries
):
    def grow():
        for i in range(5):
            user = make_reviewer(call.programme, f"extra{i}@example.org")
            services.pool_member_save(actor=officer, call=call, reviewer=user, load_limit=5)

    client.force_login(officer)
    url = reverse("review:pool", args=[call.pk])
    response = same_queries(client, url, grow, django_assert_num_queries)
    assert len(response.context["members"]) == 8


def test_a_teams_outcomes_are_constant(client, call, applicant, college, django_assert_num_queries):
    def add(n):
        for _ in range(n):
            ProposalFactory(call=call, college=college, lead=applicant, state="eligible")

    add(1)
    client.force_login(applicant)
    response = same_queries(
        client, reverse("review:outcomes"), lambda: add(6), django_assert_num_queries
    )
    assert len(response.context["proposals"]) == 7


@pytest.mark.parametrize("url", ["/api/v1/reviews/", "/api/v1/assignments/"])
def test_the_apis_own_reviews_are_constant(
    call, officer, panel, assigned, url, django_assert_num_queries
):
    response = same_queries(
        api(panel[0]), url, lambda: more_assignments(call, officer, 6), django_assert_num_queries
    )
    assert response.json()["count"] > 2


@pytest.mark.parametrize("whose", ["own", "call"])
def test_the_apis_conflicts_are_constant(
    call, officer, panel, assigned, whose, django_assert_num_queries
):
    def declare():
        for review in Review.objects.filter(reviewer=panel[0], status="active"):
            services.conflict_declare(
                reviewer=panel[0], review=review, conflict_kind="relative", detail="Cousin."
            )

    first = Review.objects.filter(reviewer=panel[0], status="active").order_by("pk").first()
    services.conflict_declare(
        reviewer=panel[0], review=first, conflict_kind="relative", detail="Cousin."
    )
    more_assignments(call, officer, 5)
    if whose == "own":
        client, url = api(panel[0]), "/api/v1/conflicts/"
    else:
        client, url = api(officer), f"/api/v1/calls/{call.pk}/conflicts/"
    response = same_queries(client, url, declare, django_assert_num_queries)
    assert response.json()["count"] > 1


def test_the_apis_own_reviews_are_constant_once_opened_and_submitted(
    call, officer, panel, assigned, django_assert_num_queries
):
    """An opened review shows its call's criteria, its scores and, once submitted, the other
    submitted reviews of its proposal: none of them may cost queries per review."""

    def submit_all(reviews):
        for review in reviews:
            submit(review)

    rita = Review.objects.filter(reviewer=panel[0], status="active").order_by("pk")
    first = rita.first()
    submit_all(first.proposal.reviews.filter(status="active"))

    def grow():
        more_assignments(call, officer, 6)
        submit_all(Review.objects.filter(status="active", submitted_at=None).order_by("pk")[::2])
        for review in rita.filter(declaration="pending"):
            services.conflict_declare(reviewer=panel[0], review=review)

    response = same_queries(api(panel[0]), "/api/v1/reviews/", grow, django_assert_num_queries)
    reviews = response.json()["results"]
    assert len(reviews) == rita.count() > 4
    assert all(r["content"] and len(r["criteria"]) == 3 for r in reviews)
    assert sum(1 for r in reviews if r["other_reviews"]) > 1
