"""Languages a professional may list, by ISO 639-1 code.

Django's own list gives the names (and their translations); the languages of
the region that Django does not ship are added here.
"""

from django.conf import global_settings
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
