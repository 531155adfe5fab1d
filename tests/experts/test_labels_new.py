"""Officers add sectors and qualification levels, named in English, French and Kinyarwanda."""

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from skillbridge.common.models import AuditEntry
from skillbridge.experts.forms import ProfileForm
from skillbridge.experts.models import QualificationLevel
from skillbridge.experts.services.labels import level_add, sector_add
from skillbridge.pairing.forms import NeedForm
from skillbridge.programmes.models import Sector
from tests.calls.factories import CallFactory
from tests.experts.factories import QualificationLevelFactory
from tests.factories import ProgrammeFactory, SectorFactory

pytestmark = pytest.mark.django_db

HEALTH = {
    "slug": "health",
    "name": "Health",
    "name_fr": "Santé",
    "name_rw": "Ubuzima",
}
DOCTORATE = {
    "rank": 60,
    "name": "Doctorate",
    "name_fr": "Doctorat",
    "name_rw": "Impamyabumenyi y’ikirenga",
}


def new_sector_url(programme):
    return reverse("experts:sector_new", args=[programme.slug])


def new_level_url(programme):
    return reverse("experts:level_new", args=[programme.slug])


@pytest.mark.parametrize("language", ["en", "fr", "rw"])
def test_an_officer_adds_a_sector_to_the_programme_in_each_language(
    client, officer, programme, language
):
    client.force_login(officer)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.post(new_sector_url(programme), HEALTH)
    assert response.status_code == 302
    assert response["Location"] == reverse("experts:labels", args=[programme.slug])
    sector = Sector.objects.get(slug="health")
    assert {name: getattr(sector, name) for name in HEALTH} == HEALTH
    assert list(programme.sectors.all()) == [sector]
    with translation.override(language):
        assert sector.label == HEALTH["name" if language == "en" else f"name_{language}"]
    entry = AuditEntry.objects.get(action="reference.sector_added")
    assert entry.actor == officer
    assert entry.data == {
        "programme": programme.slug,
        "slug": "health",
        "names": {"name": "Health", "name_fr": "Santé", "name_rw": "Ubuzima"},
    }


def test_an_officer_adds_a_qualification_level_at_its_rank(client, officer, programme):
    QualificationLevelFactory(name="Master's degree", rank=50)
    client.force_login(officer)
    page = client.get(new_level_url(programme)).content.decode()
    assert "Master&#x27;s degree</span>: 50" in page
    assert client.post(new_level_url(programme), DOCTORATE).status_code == 302
    level = QualificationLevel.objects.get(rank=60)
    assert {name: getattr(level, name) for name in DOCTORATE} == DOCTORATE
    assert [lv.name for lv in QualificationLevel.objects.all()] == ["Master's degree", "Doctorate"]
    entry = AuditEntry.objects.get(action="reference.level_added")
    assert (entry.actor, entry.data["rank"]) == (officer, 60)


def test_empty_french_and_kinyarwanda_labels_fall_back_to_english(officer, programme):
    sector = sector_add(
        programme=programme,
        officer=officer,
        slug=" Mining ",
        name=" Mining ",
        name_fr="",
        name_rw="",
    )
    assert (sector.slug, sector.name, sector.missing_labels) == ("mining", "Mining", ["fr", "rw"])
    with translation.override("fr"):
        assert sector.label == "Mining"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"slug": "ENERGY"}, "slug"),
        ({"slug": "not a code"}, "slug"),
        ({"slug": ""}, "slug"),
        ({"name": "energy"}, "name"),
        ({"name": ""}, "name"),
    ],
)
def test_a_taken_or_missing_sector_code_or_name_is_a_field_error(
    client, officer, programme, changes, field
):
    # A sector of another programme: sectors are shared, so its code and name are taken too.
    ProgrammeFactory(slug="other").sectors.add(SectorFactory(slug="energy", name="Energy"))
    client.force_login(officer)
    response = client.post(new_sector_url(programme), {**HEALTH, **changes})
    assert response.status_code == 200
    assert list(response.context["form"].errors) == [field]
    assert list(Sector.objects.values_list("slug", flat=True)) == ["energy"]
    assert not programme.sectors.exists()
    assert not AuditEntry.objects.filter(action="reference.sector_added").exists()


@pytest.mark.parametrize(
    ("changes", "field"),
    [({"rank": 50}, "rank"), ({"rank": ""}, "rank"), ({"name": "MASTER'S DEGREE"}, "name")],
)
def test_a_taken_rank_or_name_of_a_level_is_a_field_error(
    client, officer, programme, changes, field
):
    QualificationLevelFactory(name="Master's degree", rank=50)
    client.force_login(officer)
    response = client.post(new_level_url(programme), {**DOCTORATE, **changes})
    assert response.status_code == 200
    assert list(response.context["form"].errors) == [field]
    assert QualificationLevel.objects.count() == 1


def test_the_service_refuses_a_taken_rank_and_writes_nothing(officer):
    QualificationLevelFactory(name="Master's degree", rank=50)
    with pytest.raises(Exception, match="rank already"):
        level_add(officer=officer, **{**DOCTORATE, "rank": 50})
    assert QualificationLevel.objects.count() == 1


def test_a_new_sector_is_offered_at_once_by_the_forms_that_offer_sectors(officer, programme):
    # Built before the sector exists: nothing is chosen at import time or kept from an earlier form.
    assert len(NeedForm(programme=programme).fields["sector"].choices) == 1  # the empty choice
    assert ProfileForm().fields["sectors"].choices == []
    sector = sector_add(programme=programme, officer=officer, **HEALTH)
    with translation.override("fr"):
        need = NeedForm(programme=programme).fields["sector"]
        profile = ProfileForm().fields["sectors"]
        assert [(value, label) for value, label in need.choices][1:] == [(sector.pk, "Santé")]
        assert profile.choices == [(sector.pk, "Santé")]


def test_the_labels_page_links_to_adding_a_sector_and_a_level(client, officer, programme):
    client.force_login(officer)
    page = client.get(reverse("experts:labels", args=[programme.slug])).content.decode()
    assert f'href="{new_sector_url(programme)}"' in page
    assert f'href="{new_level_url(programme)}"' in page


def test_outsiders_get_404_and_members_without_the_right_403(
    client, programme, outsider, expert, coordinator
):
    urls = [new_sector_url(programme), new_level_url(programme)]
    client.force_login(outsider)
    assert [client.get(url).status_code for url in urls] == [404, 404]
    assert [client.post(url, {**HEALTH, **DOCTORATE}).status_code for url in urls] == [404, 404]
    for member in (expert, coordinator):
        client.force_login(member)
        assert [client.get(url).status_code for url in urls] == [403, 403]
        assert [client.post(url, {**HEALTH, **DOCTORATE}).status_code for url in urls] == [403, 403]
    assert not Sector.objects.exists()
    assert not QualificationLevel.objects.exists()


def test_the_call_editor_offers_a_new_sector_so_that_proposals_can_take_it(
    client, officer, programme
):
    # Proposals offer their call's sectors: the officer ticks the new one in the call's form.
    call = CallFactory(programme=programme)
    sector = sector_add(programme=programme, officer=officer, **HEALTH)
    client.force_login(officer)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    form = client.get(reverse("calls:call_edit", args=[call.pk])).context["form"]
    assert (sector.pk, "Santé") in [
        (choice.data["value"], choice.choice_label) for choice in form["sectors"]
    ]
