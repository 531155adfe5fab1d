"""A closed period's report is rendered once and served as a file; an open period's is
built in the background."""

import datetime

import pytest
from django.conf import settings
from django.urls import reverse

from skillbridge.common.models import ExportJob
from skillbridge.results import services
from skillbridge.results.models import ReportFile
from tests.results.factories import generate, report_download
from tests.results.framework import build_framework

# A period is closed once it has ended.
AFTER_THE_YEAR = datetime.date(2027, 1, 1)


@pytest.fixture
def period(programme, officer):
    build_framework(programme, officer)
    generate(programme, officer, size=4)
    return services.period_open(actor=officer, programme=programme, kind="year", year=2026)


def test_closing_renders_every_language_and_format_once(
    period, officer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.period_close(actor=officer, period=period, today=AFTER_THE_YEAR)
    stored = set(ReportFile.objects.values_list("language", "file_format"))
    assert stored == {(code, f) for code, _ in settings.LANGUAGES for f in ("pdf", "xlsx", "json")}


def test_a_closed_period_serves_the_stored_file(client, period, officer, donor):
    services.period_close(actor=officer, period=period, today=AFTER_THE_YEAR)
    client.force_login(donor)
    first = report_download(client, period, "json")
    stored = ReportFile.objects.get(language="en", file_format="json")
    # The stored file is what is served, whatever is counted today.
    with stored.file.open("wb") as file:
        file.write(b'{"kept": true}')
    assert report_download(client, period, "json") == b'{"kept": true}' != first
    assert ReportFile.objects.count() == 1


def test_an_open_period_report_is_a_background_export_of_its_reader(client, period, donor):
    client.force_login(donor)
    response = client.get(reverse("results:report", args=[period.pk, "xlsx"]))
    job = ExportJob.objects.get()
    assert response["Location"] == job.get_absolute_url()
    assert (job.owner, job.state, job.filename[-5:]) == (donor, "done", ".xlsx")
    assert not ReportFile.objects.exists()
