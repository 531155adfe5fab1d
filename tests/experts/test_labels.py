"""Officers name sectors and qualification levels in English, French and Kinyarwanda."""

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from skillbridge.common.models import AuditEntry
from skillbridge.experts.models import QualificationLevel
from skillbridge.programmes.models import Sector
from tests.experts.factories import QualificationLevelFactory
from tests.factories import SectorFactory

pytestmark = pytest.mark.django_db

NAMES = {
    "name": "Renewable energy",
    "name_fr": "Énergies renouvelables",
    "name_rw": "Ingufu zisubira",
}


@pytest.fixture
def energy(programme):
    sector = SectorFactory(slug="energy", name="Energy", name_fr="", name_rw="")
    programme.sectors.add(sector)
    return sector


@pytest.fixture
def level():
    return QualificationLevelFactory(name="RTQF level 5", name_fr="", name_rw="", rank=5)


def labels_url(programme):
    return reverse("experts:labels", args=[programme.slug])


@pytest.mark.parametrize("language", ["en", "fr", "rw"])
def test_a_sectors_names_round_trip_through_the_form_in_each_language(
    client, officer, programme, energy, language
):
    client.force_login(officer)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    url = reverse("experts:sector_edit", args=[programme.slug, energy.pk])
    response = client.post(url, NAMES)
    assert response.status_code == 302
    assert response["Location"] == labels_url(programme)
    energy.refresh_from_db()
    assert (energy.name, energy.name_fr, energy.name_rw) == tuple(NAMES.values())
    # The form shows back exactly what was saved, in the page's language.
    form = client.get(url).context["form"]
    assert {name: form[name].value() for name in NAMES} == NAMES
    with translation.override(language):
        assert energy.label == NAMES["name" if language == "en" else f"name_{language}"]
    assert energy.missing_labels == []


@pytest.mark.parametrize("language", ["en", "fr", "rw"])
def test_a_qualification_levels_names_round_trip_in_each_language(
    client, officer, programme, level, language
):
    client.force_login(officer)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    url = reverse("experts:level_edit", args=[programme.slug, level.pk])
    names = {"name": "RTQF level 6", "name_fr": "Niveau 6 du RTQF", "name_rw": "Urwego rwa 6"}
    assert client.post(url, names).status_code == 302
    level.refresh_from_db()
    assert {name: getattr(level, name) for name in names} == names
    assert {name: client.get(url).context["form"][name].value() for name in names} == names
    with translation.override(language):
        assert level.label == names["name" if language == "en" else f"name_{language}"]
    entry = AuditEntry.objects.get(action="reference.labels_saved")
    assert entry.actor == officer


def test_the_page_shows_which_labels_are_missing(client, officer, programme, energy, level):
    Sector.objects.filter(pk=energy.pk).update(name_fr="Énergie")
    client.force_login(officer)
    response = client.get(labels_url(programme))
    assert [(row, missing) for row, missing in response.context["sectors"]] == [
        (energy, ["Kinyarwanda"])
    ]
    assert [(row, missing) for row, missing in response.context["levels"]] == [
        (level, ["French", "Kinyarwanda"])
    ]
    assert response.context["missing_count"] == 3
    assert "3 labels are missing." in response.content.decode()


def test_an_empty_or_taken_english_name_is_a_field_error(client, officer, programme, energy):
    SectorFactory(slug="ict", name="ICT")
    client.force_login(officer)
    url = reverse("experts:sector_edit", args=[programme.slug, energy.pk])
    for name in ("", "ict"):
        response = client.post(url, {"name": name, "name_fr": "x", "name_rw": "y"})
        assert response.status_code == 200
        assert list(response.context["form"].errors) == ["name"]
    energy.refresh_from_db()
    assert (energy.name, energy.name_fr) == ("Energy", "")


def test_a_sector_outside_the_programme_is_404(client, officer, programme):
    elsewhere = SectorFactory(slug="health", name="Health")
    client.force_login(officer)
    url = reverse("experts:sector_edit", args=[programme.slug, elsewhere.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, NAMES).status_code == 404
    assert Sector.objects.get(pk=elsewhere.pk).name == "Health"


def test_outsiders_get_404_and_members_without_the_right_403(
    client, programme, energy, level, outsider, expert, coordinator
):
    urls = [
        labels_url(programme),
        reverse("experts:sector_edit", args=[programme.slug, energy.pk]),
        reverse("experts:level_edit", args=[programme.slug, level.pk]),
    ]
    client.force_login(outsider)
    assert [client.get(url).status_code for url in urls] == [404, 404, 404]
    for member in (expert, coordinator):
        client.force_login(member)
        assert [client.get(url).status_code for url in urls] == [403, 403, 403]
        assert [client.post(url, NAMES).status_code for url in urls[1:]] == [403, 403]
    assert Sector.objects.get(pk=energy.pk).name == "Energy"
    assert QualificationLevel.objects.get(pk=level.pk).name == "RTQF level 5"


def test_the_skills_page_links_to_the_labels(client, officer, programme):
    client.force_login(officer)
    page = client.get(reverse("experts:skills", args=[programme.slug])).content.decode()
    assert labels_url(programme) in page


def test_the_page_makes_a_fixed_number_of_queries(client, officer, programme):
    def add(first, last):
        for number in range(first, last):
            programme.sectors.add(SectorFactory(name=f"Sector {number}", slug=f"sector-{number}"))
            QualificationLevelFactory(name=f"Level {number}", rank=number)

    client.force_login(officer)
    counts = []
    for first, last in ((0, 1), (1, 12)):
        add(first, last)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(labels_url(programme))
        assert len(response.context["sectors"]) == last
        counts.append(len(captured))
    assert counts[0] == counts[1]
