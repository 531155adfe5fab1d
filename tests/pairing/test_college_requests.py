"""Coordinators file their college's training requests; officers see them with the rest."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from skillbridge.pairing.models import TrainingRequest
from tests.factories import CollegeFactory, UserFactory
from tests.pairing.factories import TrainingRequestFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def huye(programme):
    """Another college of the programme, whose requests Colin must never see."""
    college = CollegeFactory(short_name="IPRC Huye", name="IPRC Huye")
    programme.colleges.add(college)
    return college


@pytest.fixture
def kigali(programme, college):
    programme.colleges.add(college)
    return college


def page_url(programme):
    return reverse("pairing:college_requests", args=[programme.slug])


def test_the_coordinator_sees_only_their_colleges_requests(
    client, coordinator, programme, kigali, huye
):
    ours = TrainingRequestFactory(programme=programme, college=kigali, title="Welding ToT")
    TrainingRequestFactory(programme=programme, college=huye, title="Huye's own request")
    client.force_login(coordinator)
    response = client.get(page_url(programme))
    assert list(response.context["page"].object_list) == [ours]
    body = response.content.decode()
    assert "Welding ToT" in body
    assert "own request" not in body
    assert [c.pk for c in response.context["form"].fields["college"].queryset] == [kigali.pk]


def test_the_coordinator_files_a_request_for_their_college(
    client, coordinator, officer, programme, kigali
):
    client.force_login(coordinator)
    response = client.post(
        page_url(programme),
        {"college": kigali.pk, "title": "Solar PV ToT", "text": "Twelve trainers."},
    )
    assert response.status_code == 302
    filed = TrainingRequest.objects.get()
    assert (filed.programme, filed.college, filed.title, filed.text, filed.created_by) == (
        programme,
        kigali,
        "Solar PV ToT",
        "Twelve trainers.",
        coordinator,
    )
    # The officers find it in their overview, where they state its needs.
    client.force_login(officer)
    overview = client.get(reverse("pairing:overview", args=[programme.slug]))
    assert list(overview.context["requests"]) == [filed]
    assert "Solar PV ToT" in overview.content.decode()


def test_another_college_is_refused_at_the_field_and_nothing_is_filed(
    client, coordinator, programme, kigali, huye
):
    client.force_login(coordinator)
    response = client.post(page_url(programme), {"college": huye.pk, "title": "Sneaky"})
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["college"]
    assert TrainingRequest.objects.count() == 0


def test_a_missing_title_is_a_field_error(client, coordinator, programme, kigali):
    client.force_login(coordinator)
    response = client.post(page_url(programme), {"college": kigali.pk, "title": ""})
    assert list(response.context["form"].errors) == ["title"]
    assert TrainingRequest.objects.count() == 0


def test_outsiders_get_404_and_members_without_the_right_403(
    client, programme, kigali, outsider, officer, applicant, expert
):
    url = page_url(programme)
    client.force_login(outsider)
    assert client.get(url).status_code == 404
    assert client.post(url, {"college": kigali.pk, "title": "x"}).status_code == 404
    for member in (officer, applicant, expert):
        client.force_login(member)
        assert client.get(url).status_code == 403, member
        assert client.post(url, {"college": kigali.pk, "title": "x"}).status_code == 403
    assert TrainingRequest.objects.count() == 0


def test_the_coordinators_dashboard_links_to_the_page(client, coordinator, programme, kigali):
    client.force_login(coordinator)
    home = client.get(reverse("dashboard"))
    assert page_url(programme) in home.content.decode()
    assert client.get(page_url(programme)).status_code == 200


def test_the_list_makes_a_fixed_number_of_queries(client, coordinator, programme, kigali):
    client.force_login(coordinator)
    counts = []
    for size in (1, 12):
        TrainingRequest.objects.all().delete()
        for _ in range(size):
            TrainingRequestFactory(programme=programme, college=kigali, created_by=UserFactory())
        with CaptureQueriesContext(connection) as captured:
            response = client.get(page_url(programme))
        assert len(response.context["page"].object_list) == size
        counts.append(len(captured))
    assert counts[0] == counts[1]
