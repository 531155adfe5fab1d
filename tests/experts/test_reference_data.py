"""Language names from CLDR, the programme's languages first, and the time zone that
follows the country (issues 14, 16)."""

from django.utils import translation

from skillbridge.common.multilingual import unaccented
from skillbridge.experts.forms import LanguageForm, ProfileForm
from skillbridge.experts.services.profiles import expert_register
from skillbridge.programmes.models import Sector
from tests.factories import UserFactory


def test_the_programmes_languages_come_first_then_the_rest_by_name():
    with translation.override("fr"):
        choices = list(LanguageForm().fields["code"].choices)
    assert [code for code, _label in choices[1:5]] == ["rw", "en", "fr", "sw"]
    rest = [label for _code, label in choices[5:]]
    # Accents aside, as a French reader sorts: Géorgien between Ganda and Grec.
    assert rest == sorted(rest, key=unaccented)
    assert rest.index("Ganda") < rest.index("Géorgien") < rest.index("Grec")
    assert dict(choices)["de"] == "Allemand"


def test_kinyarwanda_names_languages_from_cldr_and_falls_back_to_french():
    with translation.override("rw"):
        labels = dict(list(LanguageForm().fields["code"].choices))
    assert labels["en"] == "Icyongereza"
    assert labels["rn"] == "Ikirundi"
    # CLDR has no Kinyarwanda name for Haitian Creole: French, never English.
    assert labels["ht"] == "Créole haïtien"


def test_sectors_are_listed_by_their_label_in_the_readers_language(db):
    Sector.objects.create(slug="energy", name="Energy", name_fr="Énergie", name_rw="Ingufu")
    Sector.objects.create(slug="ict", name="ICT", name_fr="TIC", name_rw="Ikoranabuhanga")
    with translation.override("rw"):
        labels = [label for _pk, label in ProfileForm().fields["sectors"].choices]
    assert labels == ["Ikoranabuhanga", "Ingufu"]


def test_the_language_country_and_time_zone_lists_are_searchable():
    for name in ("country", "timezone", "skills"):
        assert "data-filter" in ProfileForm.base_fields[name].widget.attrs
    assert "data-filter" in LanguageForm.base_fields["code"].widget.attrs


def test_registering_takes_the_countrys_main_time_zone(programme):
    profile = expert_register(
        user=UserFactory(),
        programme=programme,
        country="DE",
        for_pool=True,
        for_contact=True,
        for_sharing_with_host=False,
    )
    assert profile.timezone == "Europe/Berlin"
