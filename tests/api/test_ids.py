"""An id that is not a number, or too large for a key, is "not found", never a 500."""
# ruff: noqa: F811  (the review fixtures are imported, then requested by name)

import re

import pytest
from django.urls import URLPattern, reverse
from rest_framework.test import APIClient

from skillbridge.api import urls as api_urls
from skillbridge.review.models import Review
from tests.review.conftest import (  # noqa: F401  (fixtures)
    assigned,
    call,
    eligible,
    panel,
    rp,
)

NOT_IDS = ["abc", "9" * 30]


def detail_routes() -> list[str]:
    """Every API route with an id in it, as a path template with `{}` for the id."""
    routes = []
    for pattern in api_urls.urlpatterns:
        if not isinstance(pattern, URLPattern):
            continue
        regex = pattern.pattern.regex.pattern
        if "(?P<pk>" not in regex:
            continue
        template = re.sub(r"\(\?P<pk>[^)]*\)", "{}", regex).strip("^$")
        routes.append("/api/v1/" + template.replace("\\.", "."))
    return routes


def signed_in(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_the_walk_finds_the_detail_routes():
    routes = detail_routes()
    assert "/api/v1/reviews/{}/" in routes
    assert "/api/v1/matching-runs/{}/" in routes
    assert "/api/v1/proposals/{}/submit/" in routes
    assert len(routes) >= 12


@pytest.mark.parametrize("route", detail_routes())
@pytest.mark.parametrize("not_an_id", NOT_IDS)
def test_every_detail_route_answers_404_to_an_id_that_is_not_one(route, not_an_id, officer):
    client = signed_in(officer)
    url = route.format(not_an_id)
    assert client.get(url).status_code == 404
    assert client.post(url, {}, format="json").status_code == 404


def test_a_review_named_abc_is_not_found(officer):
    assert signed_in(officer).get("/api/v1/reviews/abc/").status_code == 404


def test_a_matching_run_named_abc_is_not_found(officer):
    assert signed_in(officer).get("/api/v1/matching-runs/abc/").status_code == 404


def test_a_real_review_is_still_found_by_its_id(assigned, panel):
    review = Review.objects.filter(reviewer=panel[0], status="active").order_by("pk").first()
    response = signed_in(panel[0]).get(f"/api/v1/reviews/{review.pk}/")
    assert response.status_code == 200
    assert response.json()["id"] == review.pk


@pytest.mark.parametrize("after", ["abc", "1.5", "9" * 30])
def test_next_review_after_an_id_that_is_not_one_is_not_found(client, call, assigned, panel, after):
    client.force_login(panel[0])
    response = client.get(reverse("review:next", args=[call.pk]) + "?after=" + after)
    assert response.status_code == 404


def test_next_review_after_a_real_review_still_moves_on(client, call, assigned, panel):
    reviews = Review.objects.filter(reviewer=panel[0], status="active").order_by("pk")
    client.force_login(panel[0])
    response = client.get(reverse("review:next", args=[call.pk]) + f"?after={reviews[0].pk}")
    assert response.status_code == 302
    assert response["Location"] == reverse("review:declare", args=[reviews[1].pk])


@pytest.mark.parametrize("pairing", ["²", "abc", "9" * 30])
def test_planning_a_mission_from_a_pairing_id_that_is_not_one_opens_the_empty_form(
    client, officer, programme, pairing
):
    client.force_login(officer)
    response = client.get(reverse("missions:new", args=[programme.slug]) + "?pairing=" + pairing)
    assert response.status_code == 200
    assert response.context["form"]["pairing"].value() is None


@pytest.mark.parametrize("period", ["²", "abc", "9" * 30])
def test_indicators_for_a_period_id_that_is_not_one_answer_400_at_the_field(
    officer, programme, period
):
    response = signed_in(officer).get(
        "/api/v1/indicators/", {"programme": programme.slug, "period": period}
    )
    assert response.status_code == 400
    assert list(response.json()) == ["period"]
