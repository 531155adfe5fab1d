"""A call's texts in each of the site's languages, read in the reader's language.

The design: the existing columns (`Call.title`, `Call.description`,
`Call.required_documents`, `RubricCriterion.name`, `.description`, `.levels`)
hold the text in the programme's *main language* (`Programme.main_language`),
as they always did, so every caller, the API and the audit keep working. The
other languages' texts live beside them in one JSON column, `translations`,
keyed by language then by field:

    {"fr": {"title": "…", "description": "…"}, "rw": {"title": "…"}}

A list (the required documents) is translated item by item, in the same order;
a dict (the five levels) key by key. Columns per language (`title_fr`, as
`common.multilingual.Labelled` does for reference data) do not fit here: the
main language is chosen per programme, so the column for it would be a second,
drifting copy of `title`. A translation table would cost a query or a join on
every list of calls. The JSON column is read with the row it belongs to.

A reader sees `obj.texts.<field>`: the text in the active language, else in the
programme's main language, else in the first language (settings.LANGUAGES
order) that has it. Attachments keep the main-language document name as their
kind; only its label is translated.
"""

from django.conf import settings
from django.utils.functional import lazy
from django.utils.translation import get_language


def site_languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def active_language() -> str:
    return (get_language() or settings.LANGUAGE_CODE).split("-")[0]


def filled(value) -> bool:
    """Whether a text, or a list or dict of texts, holds anything but blanks."""
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, list):
        return any(filled(item) for item in value)
    if isinstance(value, dict):
        return any(filled(item) for item in value.values())
    return False


class Texts:
    """The translated fields of one row, each read in the active language (see the module)."""

    def __init__(self, owner: "Translated"):
        self._owner = owner

    def __getattr__(self, field: str):
        if field.startswith("_") or field not in self._owner.TRANSLATED_FIELDS:
            raise AttributeError(field)
        return self._owner.text(field)


class Translated:
    """A model with `TRANSLATED_FIELDS`, a `translations` JSON column and a main language."""

    TRANSLATED_FIELDS: tuple[str, ...] = ()

    @property
    def main_language(self) -> str:
        raise NotImplementedError

    @property
    def texts(self) -> Texts:
        return Texts(self)

    def text_in(self, field: str, language: str):
        """The field's own text in `language` (main language: the column), or empty."""
        if language == self.main_language:
            return getattr(self, field)
        return ((self.translations or {}).get(language) or {}).get(field)

    def text(self, field: str, language: str | None = None):
        """The field in `language` (default: the active one), falling back as the module says.

        Stored translations never hold the main language (the column does), so this reads
        the row alone: no query for the programme, even in a list.
        """
        main = getattr(self, field)
        translations = self.translations or {}
        order = [language or active_language(), None, *site_languages()]
        chosen = None
        for code in dict.fromkeys(order):
            value = main if code is None else (translations.get(code) or {}).get(field)
            if filled(value):
                chosen = value
                break
        if isinstance(main, list):
            # Item by item: a document without a label in this language keeps the main one.
            items = chosen if isinstance(chosen, list) else []
            return [
                (items[i] if i < len(items) and filled(items[i]) else item)
                for i, item in enumerate(main)
            ]
        if isinstance(main, dict):
            levels = chosen if isinstance(chosen, dict) else {}
            return {key: levels.get(key) or value for key, value in main.items()}
        return chosen if chosen is not None else main

    def text_when_read(self, field: str):
        """The field, chosen when it is rendered: a mail's context is built before the
        recipient's language is active, and reads this in that language."""
        return lazy(self.text, str)(field)

    def missing_translations(self) -> dict[str, list[str]]:
        """For each language other than the main one, the fields with text in the main
        language but not (or not wholly) in that language."""
        missing: dict[str, list[str]] = {}
        for language in site_languages():
            if language == self.main_language:
                continue
            fields = [
                field
                for field in self.TRANSLATED_FIELDS
                if filled(getattr(self, field))
                and not _complete(getattr(self, field), self.text_in(field, language))
            ]
            if fields:
                missing[language] = fields
        return missing


def _complete(main, translated) -> bool:
    if isinstance(main, list):
        items = translated if isinstance(translated, list) else []
        return all(
            i < len(items) and filled(items[i]) for i, item in enumerate(main) if filled(item)
        )
    if isinstance(main, dict):
        levels = translated if isinstance(translated, dict) else {}
        return all(filled(levels.get(key)) for key, value in main.items() if filled(value))
    return filled(translated)
