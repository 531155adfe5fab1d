"""Languages a professional may list, by ISO 639-1 code.

Django's own list gives the names (and their translations); the languages of
the region that Django does not ship are added here.
"""

from functools import lru_cache

from django.conf import global_settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

REGIONAL = {
    "rw": _("Kinyarwanda"),
    "rn": _("Kirundi"),
    "ln": _("Lingala"),
    "lg": _("Luganda"),
}

LANGUAGE_CHOICES = sorted(
    [(code, _(name)) for code, name in global_settings.LANGUAGES if len(code) == 2]
    + list(REGIONAL.items()),
    key=lambda choice: choice[0],
)
LANGUAGE_CODES = frozenset(code for code, _name in LANGUAGE_CHOICES)


def language_label(code: str) -> str:
    """The name of a language code in the active language ("de" → "German", "Allemand")."""
    return _labels(get_language()).get(code, code)


@lru_cache(maxsize=32)
def _labels(active_language: str | None) -> dict[str, str]:
    # Keyed by the active language, which the str() calls below translate into:
    # the 86 names are translated once per process and language, not per label.
    return {code: str(name) for code, name in LANGUAGE_CHOICES}


@receiver(setting_changed)
def _forget_labels(*, setting: str, **kwargs) -> None:
    # Django drops its loaded catalogues when these change; so do we.
    if setting in {"LANGUAGES", "LANGUAGE_CODE", "LOCALE_PATHS"}:
        _labels.cache_clear()
