"""Withdrawing consent takes a professional out of the pool at once, everywhere: the officers'
pool, its exports, the API, the profile page and matching (GDPR art. 7(3), Law 058/2021)."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from rest_framework.test import APIClient

from skillbridge.experts.models import ExpertProfile
from skillbridge.experts.selectors import matchable_experts, pool_profiles
from skillbridge.experts.services.privacy import expert_consent_withdraw
from tests.experts.exports import pool_export
from tests.experts.factories import ExpertProfileFactory


@pytest.fixture
def withdrawn(esther, pool_member, programme):
    """Esther withdrew her consent; Jeanne (pool_member) did not."""
    expert_consent_withdraw(profile=esther, actor=esther.user)
    return esther


def pool(client, programme, query=""):
    return client.get(reverse("experts:pool", args=[programme.slug]) + query)


def test_withdrawal_takes_the_professional_out_of_the_pool_page(
    client, officer, programme, withdrawn
):
    client.force_login(officer)
    response = pool(client, programme)
    assert [p.user.email for p in response.context["page"].object_list] == [
        "jeanne.secret@example.org"
    ]
    assert "esther@example.org" not in response.content.decode()
    assert "approved" in pool(client, programme, "?state=approved").content.decode()
    profile_url = reverse("experts:pool_profile", args=[programme.slug, withdrawn.pk])
    assert client.get(profile_url).status_code == 404


def test_withdrawal_takes_the_professional_out_of_the_csv_and_xlsx_exports(
    client, officer, programme, withdrawn
):
    client.force_login(officer)
    rows = list(csv.reader(io.StringIO(pool_export(client, programme, "csv").decode("utf-8-sig"))))
    assert [row[1] for row in rows[1:]] == ["jeanne.secret@example.org"]
    sheet = load_workbook(io.BytesIO(pool_export(client, programme, "xlsx"))).active
    assert [row[1].value for row in sheet.iter_rows(min_row=2)] == ["jeanne.secret@example.org"]


def test_withdrawal_takes_the_professional_out_of_the_api(officer, programme, withdrawn):
    api = APIClient()
    api.force_authenticate(officer)
    data = api.get("/api/v1/experts/?state=approved").json()
    assert (data["count"], [p["email"] for p in data["results"]]) == (
        1,
        ["jeanne.secret@example.org"],
    )


def test_withdrawal_takes_the_professional_out_of_matching(programme, withdrawn, pool_member):
    assert list(matchable_experts(programme)) == [pool_member]


def test_consent_without_the_pool_purpose_is_not_in_the_pool(programme, esther):
    consent = esther.user.consents.get()
    consent.for_pool = False
    consent.save()
    assert list(pool_profiles(programme)) == []


def test_an_unclaimed_import_is_in_the_pool_only_with_consent_stated_in_the_import(programme):
    stated = ExpertProfileFactory(
        programme=programme, claimed_at=None, imported_consent=True, consent=False
    )
    ExpertProfileFactory(
        programme=programme, claimed_at=None, imported_consent=False, consent=False
    )
    assert list(pool_profiles(programme)) == [stated]
    assert list(matchable_experts(programme)) == []


def test_an_erased_profile_is_never_in_the_pool(programme, esther):
    ExpertProfile.objects.filter(pk=esther.pk).update(state=ExpertProfile.State.ERASED)
    assert list(pool_profiles(programme)) == []
