"""The lead's funded projects and the public impact page cost the same number of queries
whatever their number of projects, and a period's page and the indicators API whatever
their number of indicators (issue 17). (The dashboard, the periods and the framework have
theirs in test_caching and test_views.)"""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from skillbridge.results import services
from skillbridge.results.models import Indicator
from tests.factories import CollegeFactory
from tests.grants.factories import award, selected_proposal
from tests.queries import same_queries
from tests.results.framework import build_framework


def funded(programme, officer, lead, n: int, *, approve: bool) -> None:
    """`n` funded projects led by `lead`, each with an approved public description or not."""
    for _ in range(n):
        proposal = selected_proposal(programme=programme, college=CollegeFactory(), lead=lead)
        award(proposal, officer)
        if approve:
            services.story_approve(
                actor=lead, proposal=proposal, text="A long enough public text about the project."
            )


def test_the_leads_projects_are_constant(
    client, applicant, officer, programme, django_assert_num_queries
):
    def grow():
        funded(programme, officer, applicant, 3, approve=True)
        funded(programme, officer, applicant, 3, approve=False)

    funded(programme, officer, applicant, 1, approve=True)
    client.force_login(applicant)
    response = same_queries(client, reverse("results:stories"), grow, django_assert_num_queries)
    assert len(response.context["projects"]) == 7


def test_the_impact_page_is_constant(
    client, applicant, officer, programme, django_assert_num_queries
):
    url = reverse("results:impact", args=[programme.slug])

    def grow():
        funded(programme, officer, applicant, 6, approve=True)
        client.get(url)  # the new grants dropped the cached headline figures

    funded(programme, officer, applicant, 1, approve=True)
    response = same_queries(client, url, grow, django_assert_num_queries)
    assert len(response.context["stories"]) == 7


def copies_of_an_indicator(n: int) -> None:
    indicator = Indicator.objects.get(code="P1")
    for i in range(n):
        indicator.pk, indicator.code = None, f"Q{i}"
        indicator.save()


@pytest.mark.parametrize("via", ["page", "api"])
def test_a_periods_indicators_are_constant(
    client, officer, programme, data, via, django_assert_num_queries
):
    build_framework(programme, officer)
    period = services.period_open(actor=officer, programme=programme, kind="year", year=2026)
    if via == "api":
        client = APIClient()
        client.force_authenticate(officer)
        url = f"/api/v1/indicators/?programme={programme.slug}&period={period.pk}"
    else:
        client.force_login(officer)
        url = reverse("results:period", args=[period.pk])

    def grow():
        copies_of_an_indicator(5)
        client.get(url)  # a changed framework may drop cached figures

    before = Indicator.objects.filter(programme=programme).count()
    same_queries(client, url, grow, django_assert_num_queries)
    assert Indicator.objects.filter(programme=programme).count() == before + 5
