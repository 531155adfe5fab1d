"""Country names and time zones in the reader's language (issue 16)."""

import zoneinfo

from django.utils import translation
from django_countries import countries

from skillbridge.common.countries import main_timezone, main_timezones, rw_names
from skillbridge.experts.models import ExpertProfile


def test_kinyarwanda_names_come_from_the_reviewed_list():
    with translation.override("rw"):
        assert countries.name("BE") == "Ububiligi"
        assert countries.name("CD") == "Repubulika Iharanira Demokarasi ya Kongo"
        assert ExpertProfile(country="DE").get_country_display() == "Ubudage"


def test_a_country_without_a_kinyarwanda_name_reads_in_french():
    assert "AL" not in rw_names()
    with translation.override("rw"):
        assert countries.name("AL") == "Albanie"


def test_french_and_english_come_from_the_library():
    with translation.override("fr"):
        assert countries.name("DE") == "Allemagne"
    with translation.override("en"):
        assert countries.name("DE") == "Germany"


def test_choices_are_sorted_by_the_localised_name():
    with translation.override("rw"):
        names = [name for _code, name in countries]
    assert names.index("Afurika y’Epfo") < names.index("Alijeriya") < names.index("Ububiligi")


def test_every_reviewed_code_is_a_country():
    assert set(rw_names()) <= {code for code, _name in countries}


def test_main_time_zone_of_a_country():
    assert main_timezone("BE") == "Europe/Brussels"
    assert main_timezone("US") == "America/New_York"
    assert main_timezone("CD") == "Africa/Kinshasa"
    assert main_timezone("XX") == ""
    assert set(main_timezones().values()) <= zoneinfo.available_timezones()
