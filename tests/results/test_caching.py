"""The indicators are counted by the database in a fixed number of queries, kept in the
shared cache, and counted afresh once their source data changes."""

import datetime

import pytest
from django.core.cache import cache
from django.urls import reverse

from skillbridge.experts.models import ExpertProfile
from skillbridge.results import dashboard
from skillbridge.results.caching import figures_forget
from skillbridge.results.indicators import REGISTRY, Horizon, compute
from skillbridge.results.selectors import headline_figures
from tests.factories import UserFactory
from tests.results.factories import generate

TODAY = Horizon(ends_on=datetime.date.today())
# The page's own (session, programme, roles, periods), one grouped query per indicator it
# shows, and the envelope's.
DASHBOARD_QUERIES = 14


@pytest.mark.parametrize("size", [3, 18])
def test_the_dashboard_counts_in_the_same_number_of_queries_whatever_the_data(
    size, programme, officer, client, django_assert_num_queries
):
    generate(programme, officer, size=size)
    client.force_login(officer)
    url = reverse("results:dashboard", args=[programme.slug])
    client.get(url)
    cache.clear()
    with django_assert_num_queries(DASHBOARD_QUERIES):
        client.get(url)


def test_each_query_is_one_grouped_query(programme, officer, django_assert_max_num_queries):
    generate(programme, officer, size=12)
    for name in REGISTRY:
        with django_assert_max_num_queries(1):
            compute(name, programme, TODAY)


def test_a_second_reader_reads_the_figures_from_the_cache(
    programme, officer, donor, client, django_assert_max_num_queries
):
    generate(programme, officer, size=6)
    url = reverse("results:dashboard", args=[programme.slug])
    client.force_login(donor)
    first = client.get(url).context["charts"]
    with django_assert_max_num_queries(DASHBOARD_QUERIES - 6) as again:
        assert client.get(url).context["charts"] == first
    assert not any("experts_expertprofile" in q["sql"] for q in again.captured_queries)


def test_headline_figures_match_an_independent_count_and_follow_a_new_registration(
    programme, officer, expert
):
    data = generate(programme, officer, size=8)
    headlines = dict(headline_figures(programme))
    funded = sum(1 for p in data["proposals"] if hasattr(p, "grant"))
    assert headlines["projects funded"].value == funded
    registered = dashboard.today_figures(programme).measure("professionals_registered")
    counted = ExpertProfile.objects.filter(programme=programme).exclude(state="erased").count()
    assert registered.total.count == counted
    ExpertProfile.objects.create(
        programme=programme, user=UserFactory(), country="BE", sex="female"
    )
    again = dashboard.today_figures(programme).measure("professionals_registered")
    assert again.total.count == counted + 1


def test_forgetting_one_programme_keeps_the_others(programme, officer):
    generate(programme, officer, size=3)
    figures = dashboard.today_figures(programme)
    figures.measure("proposals_received")
    key_before = cache.get(f"results:version:{programme.pk}")
    figures_forget(programme.pk + 1)
    assert cache.get(f"results:version:{programme.pk}") == key_before
    figures_forget(programme.pk)
    assert cache.get(f"results:version:{programme.pk}") != key_before
