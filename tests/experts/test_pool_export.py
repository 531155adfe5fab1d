"""The pool's export is built in the background: the officer starts it from the pool's page
with its filters, watches its progress, gets a mail, and downloads exactly the pool they saw."""

import csv
import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from skillbridge.common.models import ExportJob, OutboxMessage
from skillbridge.experts.exports import HEADERS, filters_as_params, filters_from_params, pool_file
from skillbridge.experts.selectors import PoolFilters
from skillbridge.people.models import ProgrammeRole
from tests.experts.exports import pool_export
from tests.experts.factories import ExpertProfileFactory, SkillFactory


def csv_rows(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def test_the_export_starts_a_job_and_sends_the_officer_to_its_progress_page(
    client, officer, programme
):
    ExpertProfileFactory(programme=programme, user__email="a@example.org")
    client.force_login(officer)
    response = client.get(reverse("experts:pool", args=[programme.slug]) + "?export=xlsx")
    job = ExportJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == job.get_absolute_url()
    assert (job.owner, job.builder, job.state) == (
        officer,
        "skillbridge.experts.exports.pool_file",
        "done",
    )
    assert (job.done, job.total, job.filename) == (1, 1, f"professionals-{programme.slug}.xlsx")
    assert OutboxMessage.objects.filter(kind="export_ready", to=officer.email).count() == 1
    assert client.get(job.get_absolute_url()).status_code == 200


def test_the_file_holds_the_pool_the_filters_kept(client, officer, programme, sectors):
    ExpertProfileFactory(programme=programme, user__email="be@example.org", country="BE")
    german = ExpertProfileFactory(
        programme=programme,
        user__email="de@example.org",
        user__full_name="Dieter Habimana",
        country="DE",
        city="Köln",
    )
    german.sectors.set([sectors["ict"]])
    client.force_login(officer)
    rows = csv_rows(pool_export(client, programme, "csv", "country=DE"))
    assert rows[0] == HEADERS
    assert [row[:6] for row in rows[1:]] == [
        ["Dieter Habimana", "de@example.org", german.phone, "DE", "Köln", german.profession]
    ]
    assert rows[1][8] == "ict"
    everyone = csv_rows(pool_export(client, programme, "csv"))
    assert [row[1] for row in everyone[1:]] == ["de@example.org", "be@example.org"]


def test_the_filters_travel_through_the_jobs_row_unchanged(db, sectors):
    skill = SkillFactory(name="Solar PV installation")
    filters = PoolFilters(
        text="kalisa",
        sector=sectors["energy"],
        skill=skill,
        language="fr",
        country="DE",
        available_from=datetime.date(2027, 6, 1),
        available_to=datetime.date(2027, 6, 30),
        modality="remote",
        state="approved",
    )
    params = filters_as_params(filters)
    assert params == {
        "text": "kalisa",
        "sector": sectors["energy"].pk,
        "skill": skill.pk,
        "language": "fr",
        "country": "DE",
        "available_from": "2027-06-01",
        "available_to": "2027-06-30",
        "modality": "remote",
        "state": "approved",
    }
    assert filters_from_params(params) == filters
    assert filters_as_params(PoolFilters()) == {}
    assert filters_from_params({}) == PoolFilters()


def test_a_job_whose_officer_lost_the_role_meanwhile_builds_nothing(officer, programme):
    ExpertProfileFactory(programme=programme)
    params = {"programme": programme.pk, "reader": officer.pk, "format": "csv", "filters": {}}
    ProgrammeRole.objects.filter(user=officer).delete()
    with pytest.raises(ValidationError):
        pool_file(params=params, progress=lambda done, total: None)


def test_an_empty_export_is_a_file_with_its_header_only(client, officer, programme):
    client.force_login(officer)
    assert csv_rows(pool_export(client, programme, "csv")) == [HEADERS]
