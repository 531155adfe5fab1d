"""The indicators API: aggregates only, small groups hidden for donors, 404/403/401."""

import json

import pytest
from rest_framework.test import APIClient

from skillbridge.results import services
from tests.factories import ProgrammeFactory
from tests.results.factories import LEAKY_NAME, generate
from tests.results.framework import build_framework
from tests.results.test_privacy import small_groups

pytestmark = pytest.mark.django_db
URL = "/api/v1/indicators/"


@pytest.fixture
def period(programme, officer):
    generate(programme, officer)
    build_framework(programme, officer)
    return services.period_open(actor=officer, programme=programme, kind="year", year=2026)


def client_for(user):
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def test_the_donor_gets_every_indicator_with_small_groups_hidden(donor, programme, period):
    response = client_for(donor).get(URL, {"programme": programme.slug, "period": period.pk})
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"count", "next", "previous", "results"}
    assert body["count"] == 7
    text = json.dumps(body)
    assert LEAKY_NAME not in text
    assert "leak.example.org" not in text
    small = small_groups(programme, period)
    hidden = {
        (row["code"], cell["dimension"], cell["category"])
        for row in body["results"]
        for cell in row["disaggregations"]
        if cell["value"] is None and cell["suppressed"] == "<5"
    }
    assert {(code, dim, label) for code, dim, label in small} <= hidden
    p1 = next(row for row in body["results"] if row["code"] == "P1")
    assert (p1["baseline"], p1["target"], p1["period"]) == ("0.00", "100.00", "2026")
    assert p1["actual"]["value"] is not None


def test_the_officer_gets_every_value(officer, programme, period):
    body = client_for(officer).get(URL, {"programme": programme.slug}).json()
    assert all(
        cell["value"] is not None for row in body["results"] for cell in row["disaggregations"]
    )


def test_an_outsider_gets_404(outsider, programme, period):
    assert client_for(outsider).get(URL, {"programme": programme.slug}).status_code == 404


def test_a_member_without_the_right_gets_403(applicant, programme, period):
    assert client_for(applicant).get(URL, {"programme": programme.slug}).status_code == 403


def test_an_anonymous_caller_gets_401(programme, period):
    assert client_for(None).get(URL, {"programme": programme.slug}).status_code == 401


def test_the_programme_is_required(donor, period):
    response = client_for(donor).get(URL)
    assert response.status_code == 400
    assert "programme" in response.json()


def test_the_missing_programme_is_explained_in_the_callers_language(donor, period):
    response = client_for(donor).get(URL, HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 400
    assert response.json() == {"programme": ["Désignez le programme par son code."]}


def test_a_period_of_another_programme_is_not_found(donor, programme, period, officer):
    other = ProgrammeFactory()
    foreign = services.period_open(actor=officer, programme=other, kind="year", year=2026)
    response = client_for(donor).get(URL, {"programme": programme.slug, "period": foreign.pk})
    assert response.status_code == 404
