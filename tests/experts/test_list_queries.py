"""The skills page (free skills with their professionals, the taxonomy) and the imports list
cost the same number of queries whatever their rows (issue 17). (The pool and the labels
have theirs in test_pool and test_labels.)"""

import itertools

from django.urls import reverse

from skillbridge.experts.models import ImportBatch
from tests.experts.factories import ExpertProfileFactory, SkillFactory
from tests.queries import same_queries

names = itertools.count(1)


def skills(programme, n: int) -> None:
    """`n` taxonomy skills and `n` free skills, each free one typed by a professional."""
    for _ in range(n):
        SkillFactory(name=f"Taxonomy {next(names)}")
        free = SkillFactory(name=f"Free {next(names)}", in_taxonomy=False, sector=None)
        ExpertProfileFactory(programme=programme).skills.add(free)


def test_the_skills_page_is_constant(client, officer, programme, django_assert_num_queries):
    skills(programme, 1)
    client.force_login(officer)
    url = reverse("experts:skills", args=[programme.slug])
    response = same_queries(client, url, lambda: skills(programme, 5), django_assert_num_queries)
    assert len(response.context["free"]) == 6


def test_the_imports_list_is_constant(client, officer, programme, django_assert_num_queries):
    def add(n):
        for _ in range(n):
            ImportBatch.objects.create(
                programme=programme, created_by=officer, filename=f"pool-{next(names)}.csv"
            )

    add(1)
    client.force_login(officer)
    url = reverse("experts:import_list", args=[programme.slug])
    response = same_queries(client, url, lambda: add(6), django_assert_num_queries)
    assert len(response.context["batches"]) == 7
