"""The open calls and the officer's calls cost the same number of queries whatever their
number of calls (issue 17)."""

from django.urls import reverse

from tests.calls.factories import CallFactory, ProposalFactory, RubricCriterionFactory
from tests.queries import same_queries


def calls(programme, college, n: int) -> None:
    """`n` open calls, each with two criteria and a submitted proposal."""
    for _ in range(n):
        call = CallFactory(programme=programme)
        RubricCriterionFactory.create_batch(2, call=call)
        ProposalFactory(call=call, college=college, state="submitted")


def test_the_open_calls_are_constant(
    client, applicant, programme, college, django_assert_num_queries
):
    calls(programme, college, 1)
    client.force_login(applicant)
    response = same_queries(
        client,
        reverse("calls:open_calls"),
        lambda: calls(programme, college, 6),
        django_assert_num_queries,
    )
    assert len(response.context["calls"]) == 7


def test_the_open_calls_are_constant_for_a_visitor(
    client, programme, college, django_assert_num_queries
):
    calls(programme, college, 1)
    response = same_queries(
        client,
        reverse("calls:open_calls"),
        lambda: calls(programme, college, 6),
        django_assert_num_queries,
    )
    assert len(response.context["calls"]) == 7


def test_the_officers_calls_are_constant(
    client, officer, programme, college, django_assert_num_queries
):
    calls(programme, college, 1)
    client.force_login(officer)
    response = same_queries(
        client,
        reverse("calls:calls_manage"),
        lambda: calls(programme, college, 6),
        django_assert_num_queries,
    )
    assert len(response.context["calls"]) == 7
