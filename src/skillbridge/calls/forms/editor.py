"""The officer's call editor: the call itself and its rubric, in every language."""

from django import forms
from django.utils.translation import gettext_lazy as _

from skillbridge.calls.forms.translations import TranslatedFields, other_languages
from skillbridge.calls.models import Call, RubricCriterion
from skillbridge.common.bounds import number_field
from skillbridge.common.widgets import DATE_FORMAT, DATETIME_FORMAT, DateInput, DateTimeInput
from skillbridge.people.models import Organisation
from skillbridge.programmes.models import Sector


class CallForm(TranslatedFields, forms.Form):
    translated = ("title", "description", "required_documents")

    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea)
    sectors = forms.ModelMultipleChoiceField(
        label=_("Sectors"), queryset=Sector.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    eligible_colleges = forms.ModelMultipleChoiceField(
        label=_("Eligible colleges"),
        queryset=Organisation.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Leave all unticked to open the call to every college of the programme."),
    )
    opens_at = forms.DateTimeField(
        label=_("Opens (Africa/Kigali time)"),
        widget=DateTimeInput(),
        input_formats=[DATETIME_FORMAT],
    )
    closes_at = forms.DateTimeField(
        label=_("Closes (Africa/Kigali time)"),
        widget=DateTimeInput(),
        input_formats=[DATETIME_FORMAT],
    )
    max_grant_rwf = number_field(Call, "max_grant_rwf", label=_("Maximum grant (RWF)"), min_value=1)
    awards_planned = number_field(
        Call, "awards_planned", label=_("Awards planned"), min_value=1, initial=10
    )
    reviews_per_proposal = number_field(
        Call, "reviews_per_proposal", label=_("Reviews per proposal"), min_value=1, initial=3
    )
    required_documents = forms.CharField(
        label=_("Documents required"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=_("One per line, for example: Letter of support from the college."),
    )
    is_published = forms.BooleanField(
        label=_("Published: students and trainers can see it and apply"), required=False
    )
    eligibility_by = forms.DateField(
        label=_("Eligibility checked by"),
        widget=DateInput(),
        input_formats=[DATE_FORMAT],
        required=False,
        help_text=_("Teams read these planned dates on their receipt. Leave empty if unknown."),
    )
    reviews_by = forms.DateField(
        label=_("Reviews done by"), widget=DateInput(), input_formats=[DATE_FORMAT], required=False
    )
    decisions_by = forms.DateField(
        label=_("Decisions announced by"),
        widget=DateInput(),
        input_formats=[DATE_FORMAT],
        required=False,
    )

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sectors"].queryset = programme.sectors.all()
        self.fields["eligible_colleges"].queryset = programme.colleges.all()
        self.add_translations(other_languages(programme))
        for code, _language in self.languages:
            self.fields[f"required_documents_{code}"].help_text = _(
                "One per line, in the same order as the documents above."
            )

    @staticmethod
    def initial_for(call: Call) -> dict:
        translated = {
            f"{name}_{code}": _as_text(value)
            for code, texts in (call.translations or {}).items()
            for name, value in texts.items()
        }
        return {
            **translated,
            **{f: getattr(call, f) for f in ["title", "description", "max_grant_rwf"]},
            "awards_planned": call.awards_planned,
            "reviews_per_proposal": call.reviews_per_proposal,
            "is_published": call.is_published,
            "opens_at": call.opens_at,
            "closes_at": call.closes_at,
            "eligibility_by": call.eligibility_by,
            "reviews_by": call.reviews_by,
            "decisions_by": call.decisions_by,
            "sectors": list(call.sectors.all()),
            "eligible_colleges": list(call.eligible_colleges.all()),
            "required_documents": "\n".join(call.required_documents),
        }

    def documents(self) -> list[str]:
        return _lines(self.cleaned_data["required_documents"])

    def translations(self) -> dict[str, dict]:
        """The other languages' texts: documents one per line, in the main list's order."""
        return {
            code: {**texts, "required_documents": _lines(texts["required_documents"], keep=True)}
            for code, texts in self.translated_values().items()
        }


def _lines(text: str, *, keep: bool = False) -> list[str]:
    """The non-empty lines; with `keep`, an empty line stays as a gap (an untranslated item)."""
    lines = [line.strip() for line in text.splitlines()]
    if keep:
        while lines and not lines[-1]:
            lines.pop()
        return lines
    return [line for line in lines if line]


def _as_text(value) -> str:
    return "\n".join(value) if isinstance(value, list) else value


class CriterionForm(TranslatedFields, forms.Form):
    translated = ("name", "description", *(f"level_{i}" for i in range(1, 6)))

    id = number_field(RubricCriterion, "id", min_value=1, widget=forms.HiddenInput, required=False)
    name = forms.CharField(label=_("Criterion"), max_length=120)
    description = forms.CharField(label=_("What it looks at"), required=False)
    weight = number_field(RubricCriterion, "weight", label=_("Weight"), min_value=0)
    level_1 = forms.CharField(label=_("1 means"), max_length=300)
    level_2 = forms.CharField(label=_("2 means"), max_length=300)
    level_3 = forms.CharField(label=_("3 means"), max_length=300)
    level_4 = forms.CharField(label=_("4 means"), max_length=300)
    level_5 = forms.CharField(label=_("5 means"), max_length=300)

    def __init__(self, *args, languages=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.add_translations(list(languages))

    def as_criterion(self) -> dict:
        data = self.cleaned_data
        return {
            "id": data.get("id"),
            "name": data["name"],
            "description": data.get("description", ""),
            "weight": data["weight"],
            "levels": {str(i): data[f"level_{i}"] for i in range(1, 6)},
            "translations": {
                code: {
                    "name": texts["name"],
                    "description": texts["description"],
                    "levels": {str(i): texts[f"level_{i}"] for i in range(1, 6)},
                }
                for code, texts in self.translated_values().items()
            },
        }


CriterionFormSet = forms.formset_factory(CriterionForm, extra=1, can_delete=True)
NewCriterionFormSet = forms.formset_factory(CriterionForm, extra=5, can_delete=True)


def criteria_initial(call: Call) -> list[dict]:
    return [
        {
            "id": c.pk,
            "name": c.name,
            "description": c.description,
            "weight": c.weight,
            **{f"level_{i}": c.levels.get(str(i), "") for i in range(1, 6)},
            **{
                f"{name}_{code}": value
                for code, texts in (c.translations or {}).items()
                for name, value in _criterion_texts(texts).items()
            },
        }
        for c in call.criteria.all()
    ]


def _criterion_texts(texts: dict) -> dict[str, str]:
    levels = texts.get("levels") or {}
    return {
        "name": texts.get("name", ""),
        "description": texts.get("description", ""),
        **{f"level_{i}": levels.get(str(i), "") for i in range(1, 6)},
    }
