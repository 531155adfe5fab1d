"""Background exports: the owner watches the progress, gets the file and a mail; nobody else
sees them; only functions marked as export builders ever run."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import timezone

from skillbridge.common.background import (
    BUILDERS,
    ExportFile,
    export_builder,
    export_files_clean,
    export_run,
    export_start,
)
from skillbridge.common.models import ExportJob, OutboxMessage

PATH = "skillbridge.testing.rows_csv"
seen = []


def rows_csv(*, params, progress):
    for done in range(params["rows"] + 1):
        progress(done, params["rows"])
        seen.append(ExportJob.objects.values_list("state", "done", "total").get())
    return ExportFile(filename="rows.csv", content_type="text/csv", content=b"a,b\n1,2\n")


def refuses(*, params, progress):
    raise ValidationError("There is nothing to export in this period.")


def breaks(*, params, progress):
    raise RuntimeError("secret internals")


@pytest.fixture
def builders(monkeypatch):
    # Builders registered as a module of the project would be; tests live outside it.
    seen.clear()
    monkeypatch.setitem(BUILDERS, PATH, rows_csv)
    monkeypatch.setitem(BUILDERS, "skillbridge.testing.refuses", refuses)
    monkeypatch.setitem(BUILDERS, "skillbridge.testing.breaks", breaks)


def test_the_owner_sees_progress_then_downloads_the_file(builders, officer, client):
    job = export_start(user=officer, builder=PATH, params={"rows": 4}, title="Ranking")
    assert seen[:2] == [("running", 0, 4), ("running", 1, 4)]
    job.refresh_from_db()
    assert (job.state, job.done, job.total, job.filename) == ("done", 4, 4, "rows.csv")
    assert job.finished_at is not None
    client.force_login(officer)
    page = client.get(job.get_absolute_url())
    assert reverse("exports:download", args=[job.pk]).encode() in page.content
    assert b"hx-get" not in page.content  # finished: no more polling
    download = client.get(reverse("exports:download", args=[job.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == b"a,b\n1,2\n"
    assert 'filename="rows.csv"' in download["Content-Disposition"]


def test_a_running_export_polls_its_progress_block_or_offers_a_refresh_link(officer, client):
    job = ExportJob.objects.create(
        owner=officer, title="Pool", builder=PATH, language="en", state="running", done=3, total=4
    )
    client.force_login(officer)
    page = client.get(job.get_absolute_url()).content.decode()
    assert 'hx-trigger="every 2s"' in page
    assert f'href="{job.get_absolute_url()}">Refresh' in page  # without JavaScript
    assert 'value="75"' in page
    assert reverse("exports:download", args=[job.pk]) not in page
    block = client.get(job.get_absolute_url(), headers={"HX-Request": "true"}).content.decode()
    assert block.startswith('<section id="export-progress"')
    assert client.get(reverse("exports:download", args=[job.pk])).status_code == 404


def test_the_owner_gets_a_mail_with_the_link_in_their_language(builders, officer, settings):
    settings.SITE_URL = "https://skillbridge.example.org"
    officer.preferred_language = "fr"
    officer.save()
    job = export_start(user=officer, builder=PATH, params={"rows": 1}, title="Classement")
    mail = OutboxMessage.objects.get(kind="export_ready")
    assert (mail.to, mail.language) == ("alice@example.org", "fr")
    assert "Classement" in mail.subject
    assert f"https://skillbridge.example.org/exports/{job.pk}/" in mail.body


def test_a_refusal_is_shown_to_the_owner_and_nothing_is_mailed(builders, officer, client):
    job = export_start(user=officer, builder="skillbridge.testing.refuses", title="Report")
    job.refresh_from_db()
    assert job.state == "failed"
    client.force_login(officer)
    page = client.get(job.get_absolute_url()).content.decode()
    assert "There is nothing to export in this period." in page
    assert not OutboxMessage.objects.exists()


def test_a_crash_is_shown_without_its_internals(builders, officer, client):
    job = export_start(user=officer, builder="skillbridge.testing.breaks", title="Report")
    client.force_login(officer)
    page = client.get(job.get_absolute_url()).content.decode()
    assert "The file could not be built. Please try again later." in page
    assert "secret internals" not in page


def test_only_the_owner_sees_an_export(builders, officer, outsider, donor, client):
    job = export_start(user=officer, builder=PATH, params={"rows": 1}, title="Ranking")
    for person in (outsider, donor):
        client.force_login(person)
        assert client.get(job.get_absolute_url()).status_code == 404
        assert client.get(reverse("exports:download", args=[job.pk])).status_code == 404
    client.logout()
    assert client.get(job.get_absolute_url()).status_code == 302


@pytest.mark.parametrize(
    "path", ["os.system", "skillbridge.common.services.audit_record", "skillbridge.nowhere.x"]
)
def test_a_path_not_marked_as_a_builder_never_runs(officer, path):
    with pytest.raises(ValueError, match="not an export builder"):
        export_start(user=officer, builder=path, title="Crafted")
    crafted = ExportJob.objects.create(owner=officer, title="Crafted", builder=path, language="en")
    assert export_run(job_id=crafted.pk).state == "failed"


def test_a_builder_must_live_in_the_project():
    with pytest.raises(ValueError, match="lives in the project"):
        export_builder(rows_csv)


def test_finished_files_are_deleted_after_a_week(builders, officer):
    old = export_start(user=officer, builder=PATH, params={"rows": 1}, title="Old")
    new = export_start(user=officer, builder=PATH, params={"rows": 1}, title="New")
    old_name = ExportJob.objects.get(pk=old.pk).file.name
    ExportJob.objects.filter(pk=old.pk).update(finished_at=timezone.now() - timedelta(days=8))
    assert export_files_clean() == 1
    assert list(ExportJob.objects.values_list("pk", flat=True)) == [new.pk]
    assert not default_storage.exists(old_name)
