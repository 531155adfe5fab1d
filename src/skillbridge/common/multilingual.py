"""Reference data named in each of the site's languages.

Sectors, skills and qualification levels are data that officers add, so their
names cannot live in the message catalogues: each row stores its English name
(`name`, also its key for imports and the API) and a French and a Kinyarwanda
label beside it. An empty label falls back to English.
"""

import unicodedata

from django.utils.translation import get_language

LABEL_LANGUAGES = ("fr", "rw")


class Labelled:
    """A model with `name` (English), `name_fr` and `name_rw`: `label` reads the active one."""

    @property
    def label(self) -> str:
        return getattr(self, label_field()) or self.name

    @property
    def missing_labels(self) -> list[str]:
        """The languages this row has no label in yet (for the taxonomy page)."""
        return [language for language in LABEL_LANGUAGES if not getattr(self, f"name_{language}")]


def label_field() -> str:
    """The column that holds the active language's label: `name_fr`, `name_rw` or `name`."""
    language = (get_language() or "en").split("-")[0]
    return f"name_{language}" if language in LABEL_LANGUAGES else "name"


def unaccented(text: str) -> str:
    """`text` without its accents and case, to sort names by: Énergie among the e's."""
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
