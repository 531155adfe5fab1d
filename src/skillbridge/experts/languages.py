"""Languages a professional may list, by ISO 639-1 code, named from CLDR.

The codes are Django's two-letter languages plus the region's that Django does
not ship. Their names come from the Unicode CLDR through Babel, in the active
language: Kinyarwanda has most of them there; a name CLDR lacks in Kinyarwanda
reads in French, as country names do (common.countries).
"""

from functools import lru_cache

from babel import Locale, UnknownLocaleError
from django.conf import global_settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from skillbridge.common.multilingual import unaccented

REGIONAL = {
    "rw": _("Kinyarwanda"),
    "rn": _("Kirundi"),
    "ln": _("Lingala"),
    "lg": _("Luganda"),
}

# The model's choices (their English names only matter to migrations and the admin);
# pages use `language_choices()`, named in the reader's language.
LANGUAGE_CHOICES = sorted(
    [(code, _(name)) for code, name in global_settings.LANGUAGES if len(code) == 2]
    + list(REGIONAL.items()),
    key=lambda choice: choice[0],
)
LANGUAGE_CODES = frozenset(code for code, _name in LANGUAGE_CHOICES)
# The programme's working languages, offered first in every list.
PROGRAMME_LANGUAGES = ("rw", "en", "fr", "sw")
FALLBACK = {"rw": "fr"}
# Names CLDR lacks in Kinyarwanda that are too common in the region to read in French.
RW_NAMES = {"rn": "Ikirundi"}


def language_label(code: str) -> str:
    """The name of a language code in the active language ("de" → "German", "Allemand")."""
    return _labels(_active()).get(code, code)


def language_choices() -> list[tuple[str, str]]:
    """Every language as (code, name): the programme's first, then the rest by name."""
    return _choices(_active())


def _active() -> str:
    return (get_language() or "en").split("-")[0]


@lru_cache(maxsize=32)
def _labels(active_language: str) -> dict[str, str]:
    # Built once per process and language: a pool page names hundreds of languages.
    names = _cldr_names(active_language) | (RW_NAMES if active_language == "rw" else {})
    fallback = _cldr_names(FALLBACK.get(active_language, "en"))
    return {
        code: _capitalised(names.get(code) or fallback.get(code) or str(name))
        for code, name in LANGUAGE_CHOICES
    }


@lru_cache(maxsize=32)
def _choices(active_language: str) -> list[tuple[str, str]]:
    labels = _labels(active_language)
    first = [(code, labels[code]) for code in PROGRAMME_LANGUAGES]
    rest = sorted(
        ((code, name) for code, name in labels.items() if code not in PROGRAMME_LANGUAGES),
        key=lambda choice: unaccented(choice[1]),
    )
    return first + rest


def _cldr_names(language: str) -> dict[str, str]:
    try:
        return dict(Locale.parse(language).languages)
    except (ValueError, UnknownLocaleError):
        return {}


def _capitalised(name: str) -> str:
    # French CLDR names are lower case ("allemand"), right in a sentence, but a list
    # item starts with a capital as the English and Kinyarwanda ones do.
    return name[:1].upper() + name[1:]


@receiver(setting_changed)
def _forget_labels(*, setting: str, **kwargs) -> None:
    if setting in {"LANGUAGES", "LANGUAGE_CODE", "LOCALE_PATHS"}:
        _labels.cache_clear()
        _choices.cache_clear()
