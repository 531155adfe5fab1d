"""The account page lists the person's API tokens in the same number of queries whatever
their number (issue 17)."""

import datetime
import itertools

from django.urls import reverse
from django.utils import timezone

from skillbridge.people.models import ApiToken
from tests.queries import same_queries

digests = itertools.count(1)


def tokens(user, n: int) -> None:
    for i in range(n):
        ApiToken.objects.create(
            user=user,
            digest=f"{next(digests):064d}",
            credentials="0" * 64,
            expires_at=timezone.now() + datetime.timedelta(days=30),
            last_used_at=timezone.now() if i % 2 else None,
        )


def test_the_account_pages_tokens_are_constant(client, officer, django_assert_num_queries):
    tokens(officer, 1)
    client.force_login(officer)
    response = same_queries(
        client, reverse("people:account"), lambda: tokens(officer, 6), django_assert_num_queries
    )
    assert len(response.context["tokens"]) == 7
