"""Twin fields that carry a call's texts in the programme's other languages."""

from django import forms
from django.conf import settings
from django.utils.text import format_lazy

from skillbridge.calls.models.texts import site_languages


def other_languages(programme) -> list[tuple[str, str]]:
    """The languages a call's texts are translated into: all but the programme's main one."""
    names = dict(settings.LANGUAGES)
    return [(code, names[code]) for code in site_languages() if code != programme.main_language]


class TranslatedFields:
    """A form whose `<field>_<language>` fields carry a row's texts in the other languages.

    `translated` names the form's main-language fields; each gets a twin per other
    language, optional (a missing text falls back to the main language)."""

    translated: tuple[str, ...] = ()
    languages: tuple[tuple[str, str], ...] = ()

    def add_translations(self, languages: list[tuple[str, str]]) -> None:
        self.languages = tuple(languages)
        for code, language in languages:
            for name in self.translated:
                main = self.fields[name]
                twin = forms.CharField(
                    label=format_lazy("{} ({})", main.label, language),
                    max_length=getattr(main, "max_length", None),
                    required=False,
                    widget=type(main.widget)(attrs={**main.widget.attrs, "lang": code}),
                )
                self.fields[f"{name}_{code}"] = twin

    def translation_groups(self) -> list[tuple[str, str, list]]:
        """(code, language, bound fields) per other language, each folded in a <details>."""
        return [
            (code, language, [self[f"{name}_{code}"] for name in self.translated])
            for code, language in self.languages
        ]

    def main_fields(self) -> list:
        """The bound fields that are not translations, in the form's order."""
        twins = {f"{name}_{code}" for code, _name in self.languages for name in self.translated}
        return [field for field in self if field.name not in twins]

    def translated_values(self) -> dict[str, dict[str, str]]:
        return {
            code: {name: self.cleaned_data.get(f"{name}_{code}", "") for name in self.translated}
            for code, _name in self.languages
        }
