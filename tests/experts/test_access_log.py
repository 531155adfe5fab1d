"""Every read of professionals' personal data by staff is in the access log: who, when, what,
through which door and how many (DESIGN §5; GDPR art. 5(2), Law 058/2021 art. 44)."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.urls import reverse
from rest_framework.test import APIClient

from skillbridge.common.access import PERSONAL_DATA_READ, personal_data_reads_of
from skillbridge.common.models import AuditEntry
from skillbridge.experts.models import ExpertProfile
from skillbridge.people.models import User
from tests.experts.exports import pool_export
from tests.experts.factories import ExpertProfileFactory
from tests.factories import UserFactory


@pytest.fixture
def three(programme):
    return [
        ExpertProfileFactory(programme=programme, user__email=f"pro{i}@example.org")
        for i in range(3)
    ]


def reads():
    return list(
        AuditEntry.objects.filter(action=PERSONAL_DATA_READ)
        .order_by("pk")
        .values_list("actor__email", "content_type__model", "object_id", "data")
    )


def ids(profiles):
    return sorted(str(p.pk) for p in profiles)


def bulk(data):
    return {**data, "ids": sorted(data["ids"])}


@pytest.mark.parametrize("export", ["csv", "xlsx"])
def test_an_export_of_the_pool_is_logged_with_every_professional_in_it(
    client, officer, programme, three, export
):
    client.force_login(officer)
    pool_export(client, programme, export)
    [(who, model, object_id, data)] = reads()
    assert (who, model, object_id) == ("alice@example.org", "programme", str(programme.pk))
    assert bulk(data) == {
        "what": "pool",
        "via": export,
        "model": "experts.expertprofile",
        "count": 3,
        "ids": ids(three),
    }


def test_the_pool_page_logs_the_professionals_it_shows(client, officer, programme, three):
    client.force_login(officer)
    client.get(reverse("experts:pool", args=[programme.slug]))
    [(who, model, _, data)] = reads()
    assert (who, model, data["via"], data["count"]) == ("alice@example.org", "programme", "web", 3)
    assert sorted(data["ids"]) == ids(three)


def test_an_empty_search_logs_nothing(client, officer, programme, three):
    client.force_login(officer)
    client.get(reverse("experts:pool", args=[programme.slug]) + "?country=JP")
    assert reads() == []


def test_opening_a_profile_and_its_cv_is_logged_on_the_profile(client, officer, programme):
    profile = ExpertProfileFactory(programme=programme)
    profile.cv.save("cv.pdf", ContentFile(b"%PDF-1.4 cv"), save=True)
    client.force_login(officer)
    client.get(reverse("experts:pool_profile", args=[programme.slug, profile.pk]))
    client.get(reverse("experts:pool_cv", args=[programme.slug, profile.pk]))
    assert [(w, m, o, d["what"], d["count"]) for w, m, o, d in reads()] == [
        ("alice@example.org", "expertprofile", str(profile.pk), "profile", 1),
        ("alice@example.org", "expertprofile", str(profile.pk), "cv", 1),
    ]
    assert [entry.data["what"] for entry in personal_data_reads_of(profile)] == ["cv", "profile"]


def test_the_api_pool_list_is_logged_with_the_page_it_answered(officer, programme, three):
    api = APIClient()
    api.force_authenticate(officer)
    response = api.get("/api/v1/experts/")
    assert response.json()["count"] == 3
    [(who, model, object_id, data)] = reads()
    assert (who, model, object_id) == ("alice@example.org", "programme", str(programme.pk))
    assert bulk(data) == {
        "what": "pool",
        "via": "api",
        "model": "experts.expertprofile",
        "count": 3,
        "ids": ids(three),
    }


def test_a_refused_api_list_logs_nothing(donor, programme, three):
    api = APIClient()
    api.force_authenticate(donor)
    assert api.get("/api/v1/experts/").status_code == 403
    assert reads() == []


def test_reads_through_the_admin_site_are_logged(client, programme, three):
    admin = UserFactory(email="root@example.org", is_staff=True, is_superuser=True)
    client.force_login(admin)
    assert client.get(reverse("admin:experts_expertprofile_changelist")).status_code == 200
    profile = three[0]
    change = reverse("admin:experts_expertprofile_change", args=[profile.pk])
    assert client.get(change).status_code == 200
    assert client.get(reverse("admin:people_user_changelist")).status_code == 200
    person = profile.user
    assert client.get(reverse("admin:people_user_change", args=[person.pk])).status_code == 200
    profile_type = ContentType.objects.get_for_model(ExpertProfile)
    user_type = ContentType.objects.get_for_model(User)
    entries = reads()
    assert [(w, m, d["via"], d["model"], d["count"]) for w, m, _, d in entries] == [
        ("root@example.org", "contenttype", "admin", "experts.expertprofile", 3),
        ("root@example.org", "expertprofile", "admin", "experts.expertprofile", 1),
        ("root@example.org", "contenttype", "admin", "people.user", User.objects.count()),
        ("root@example.org", "user", "admin", "people.user", 1),
    ]
    assert entries[0][2] == str(profile_type.pk)
    assert entries[2][2] == str(user_type.pk)
    assert entries[3][2] == str(person.pk)


def test_a_refused_vetting_that_shows_the_profile_again_is_logged(client, officer, programme):
    profile = ExpertProfileFactory(programme=programme)
    client.force_login(officer)
    url = reverse("experts:pool_vet", args=[programme.slug, profile.pk])
    response = client.post(url, {"action": "reject", "reason": ""})
    assert response.status_code == 400
    assert [(w, o, d["what"]) for w, _, o, d in reads()] == [
        ("alice@example.org", str(profile.pk), "profile")
    ]
