"""Country names in the reader's language, and each country's main time zone.

django-countries gives English and French (and many more) names from its own
catalogues, but CLDR, where they come from, has almost no Kinyarwanda country
names. SkillBridge ships a reviewed list (data/countries_rw.toml); a country
missing from it reads in French on a Kinyarwanda page, the second language of
most readers there, rather than in English.

The names reach every select and display through django-countries' own
override mechanism: settings.COUNTRIES_OVERRIDE gives each code a lazy name
(see `country_overrides`), so `CountryField`, `countries.name()` and the
choices, which django-countries sorts by the localised name and caches per
language, all read Kinyarwanda without knowing about it.

This module is imported by settings: it must not read settings nor import models.
"""

import tomllib
from functools import cache, lru_cache
from pathlib import Path

from babel.core import get_global
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils import translation
from django.utils.functional import lazy
from django_countries import countries
from django_countries.base import CountriesBase
from django_countries.data import COUNTRIES

RW_NAMES_FILE = Path(__file__).parent / "data" / "countries_rw.toml"
# The language a Kinyarwanda page falls back to for a country it has no name for.
FALLBACK = "fr"

# Countries that span several time zones, and the zone most of their people live in.
# Every other country has one zone, or one that CLDR lists first (Babel's data).
MAIN_ZONES = {
    "AR": "America/Argentina/Buenos_Aires",
    "AU": "Australia/Sydney",
    "BR": "America/Sao_Paulo",
    "CA": "America/Toronto",
    "CD": "Africa/Kinshasa",
    "CL": "America/Santiago",
    "CY": "Asia/Nicosia",
    "EC": "America/Guayaquil",
    "ES": "Europe/Madrid",
    "ID": "Asia/Jakarta",
    "KZ": "Asia/Almaty",
    "MX": "America/Mexico_City",
    "MY": "Asia/Kuala_Lumpur",
    "PT": "Europe/Lisbon",
    "RU": "Europe/Moscow",
    "US": "America/New_York",
    "UZ": "Asia/Tashkent",
}


@cache
def rw_names() -> dict[str, str]:
    """The reviewed Kinyarwanda names, by ISO 3166-1 alpha-2 code."""
    with RW_NAMES_FILE.open("rb") as file:
        return tomllib.load(file)["names"]


def _library_name(code: str) -> str:
    # The name django-countries would give: its common name when it has one
    # ("Bolivia" rather than "Bolivia (Plurinational State of)").
    return str(CountriesBase.COMMON_NAMES.get(code) or COUNTRIES[code])


def country_name(code: str) -> str:
    """The country's name in the active language (Kinyarwanda from our list, else French)."""
    if (translation.get_language() or "").startswith("rw"):
        name = rw_names().get(code)
        if name:
            return name
        with translation.override(FALLBACK):
            return _library_name(code)
    return _library_name(code)


country_name_lazy = lazy(country_name, str)


def country_choices() -> tuple[tuple[str, str], ...]:
    """Every country as (code, name) in the active language, in django-countries' order."""
    return _choices(translation.get_language() or "")


@lru_cache(maxsize=32)
def _choices(language: str) -> tuple[tuple[str, str], ...]:
    # Built once per process and language: each of the 250 names is lazy (see
    # country_overrides), and naming them all on every request was the largest part
    # of the pool page's filters and of the profile form.
    return tuple((code, str(name)) for code, name in countries)


@receiver(setting_changed)
def _forget_choices(*, setting: str, **kwargs) -> None:
    if setting.startswith("COUNTRIES_") or setting in {"LANGUAGES", "LOCALE_PATHS"}:
        _choices.cache_clear()


def country_overrides() -> dict:
    """settings.COUNTRIES_OVERRIDE: every country named lazily in the active language."""
    return {code: country_name_lazy(code) for code in COUNTRIES}


def main_timezone(code: str) -> str:
    """The time zone most of the country's people live in, or "" for an unknown code."""
    if code in MAIN_ZONES:
        return MAIN_ZONES[code]
    zones = get_global("territory_zones").get(code) or []
    return zones[0] if zones else ""


@cache
def main_timezones() -> dict[str, str]:
    """Every country's main time zone, by code: the form's default after the country."""
    return {code: zone for code in COUNTRIES if (zone := main_timezone(code))}
