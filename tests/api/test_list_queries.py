"""The API's other lists cost the same number of queries whatever their rows (issue 17):
calls, the pool of professionals, and missions. (Proposals, grants, pairings, the ranking
and a call's assignments have theirs in this folder; own reviews, assignments and
conflicts in tests/review/test_list_queries.py.)"""

from rest_framework.test import APIClient

from tests.calls.factories import CallFactory, RubricCriterionFactory
from tests.experts.factories import ExpertProfileFactory
from tests.missions.factories import MissionFactory
from tests.queries import same_queries


def api(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_the_calls_are_constant(applicant, programme, django_assert_num_queries):
    def add(n):
        for _ in range(n):
            RubricCriterionFactory.create_batch(2, call=CallFactory(programme=programme))

    add(1)
    response = same_queries(
        api(applicant), "/api/v1/calls/", lambda: add(6), django_assert_num_queries
    )
    assert response.json()["count"] == 7


def test_the_pool_is_constant(officer, programme, django_assert_num_queries):
    ExpertProfileFactory(programme=programme)
    response = same_queries(
        api(officer),
        "/api/v1/experts/",
        lambda: ExpertProfileFactory.create_batch(6, programme=programme),
        django_assert_num_queries,
    )
    assert response.json()["count"] == 7


def test_the_missions_are_constant(officer, programme, django_assert_num_queries):
    def add(n):
        for _ in range(n):
            MissionFactory(programme=programme, pairing__need__programme=programme)

    add(1)
    response = same_queries(
        api(officer), "/api/v1/missions/", lambda: add(6), django_assert_num_queries
    )
    assert response.json()["count"] == 7
