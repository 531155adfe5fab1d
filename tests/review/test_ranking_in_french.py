"""The ranking read in French: the export's name and its sector column in the reader's language."""

import csv
import io

from django.conf import settings
from django.urls import reverse

from skillbridge.calls.models import Proposal
from skillbridge.common.models import ExportJob
from tests.factories import SectorFactory
from tests.review.test_ranking import reviewed  # noqa: F401 (the fixture)


def test_the_ranking_export_names_the_call_and_sectors_in_french(client, call, officer, reviewed):  # noqa: F811
    call.translations = {"fr": {"title": "Appel à l'innovation"}}
    call.save()
    sector = SectorFactory(name="Solar power", name_fr="Énergie solaire", slug="solar-power")
    Proposal.objects.filter(pk__in=[p.pk for p in reviewed]).update(sector=sector)
    officer.preferred_language = "fr"
    officer.save()
    client.force_login(officer)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    client.get(reverse("review:ranking_export", args=[call.pk, "csv"]))
    job = ExportJob.objects.latest("pk")
    assert "Appel à l'innovation" in job.title
    with job.file.open("rb") as stored:
        rows = list(csv.reader(io.StringIO(stored.read().decode("utf-8-sig"))))
    assert {row[4] for row in rows[1:]} == {"Énergie solaire"}


def test_the_ranking_counts_its_rows_in_french(client, call, officer, reviewed):  # noqa: F811
    client.force_login(officer)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    url = reverse("review:ranking", args=[call.pk])
    assert "3 sur 3 propositions</caption>" in client.get(url).content.decode()
    flagged = client.get(url, {"flagged": "on"}).content.decode()
    assert "1 sur 3 propositions</caption>" in flagged  # the noun follows the total
