"""Input of the calls pages. Forms parse and check types; services decide."""

from django import forms
from django.conf import settings
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from skillbridge.calls.models import BudgetLine, Call, Proposal, RubricCriterion, TeamMember
from skillbridge.calls.models.texts import site_languages
from skillbridge.calls.questions import OTHER_DOCUMENT, QUESTIONS, TITLE_MAX_CHARS
from skillbridge.calls.services.proposals import DRAFT_FIELDS
from skillbridge.common import formats
from skillbridge.common.bounds import number_field
from skillbridge.common.widgets import DATE_FORMAT, DATETIME_FORMAT, DateInput, DateTimeInput
from skillbridge.people.models import Organisation
from skillbridge.programmes.models import Sector


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


class StartProposalForm(forms.Form):
    title = forms.CharField(label=_("Working title of your project"), max_length=TITLE_MAX_CHARS)
    sector = forms.ModelChoiceField(label=_("Sector"), queryset=Sector.objects.none())
    kind = forms.ChoiceField(
        label=_("You are a"), choices=TeamMember.Kind.choices, widget=forms.RadioSelect
    )
    sex = forms.ChoiceField(
        label=_("Sex"),
        choices=TeamMember.Sex.choices,
        widget=forms.RadioSelect,
        help_text=_("Asked only to report how many women and men the programme reaches."),
    )
    college = forms.ModelChoiceField(label=_("Your college"), queryset=Organisation.objects.none())

    def __init__(self, *args, call: Call, colleges=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sector"].queryset = call.sectors.all()
        if colleges is None:
            del self.fields["college"]
        else:
            self.fields["college"].queryset = colleges


class ProposalForm(forms.Form):
    """Every question with its limit; the browser enforces maxlength, the service checks it."""

    title = forms.CharField(label=_("Title"), max_length=TITLE_MAX_CHARS)
    sector = forms.ModelChoiceField(
        label=_("Sector"), queryset=Sector.objects.none(), required=False
    )
    requested_amount_rwf = number_field(
        Proposal,
        "requested_amount_rwf",
        label=_("Amount requested (RWF)"),
        min_value=1,
        required=False,
    )

    def __init__(self, *args, proposal: Proposal, **kwargs):
        super().__init__(*args, **kwargs)
        call = proposal.call
        self.fields["sector"].queryset = call.sectors.all()
        self.fields["requested_amount_rwf"].help_text = _(
            "At most %(max)s RWF, and no more than your budget total."
        ) % {"max": formats.number(call.max_grant_rwf)}
        self.fields["title"].widget.attrs.update({"maxlength": TITLE_MAX_CHARS, "data-count": ""})
        self.fields["title"].max_chars = TITLE_MAX_CHARS
        for question in QUESTIONS:
            self.fields[question.field] = forms.CharField(
                label=question.label,
                help_text=question.help_text,
                required=False,
                widget=forms.Textarea(
                    attrs={"rows": 6, "maxlength": question.max_chars, "data-count": ""}
                ),
            )
            self.fields[question.field].max_chars = question.max_chars

    @staticmethod
    def initial_for(proposal: Proposal) -> dict:
        return {
            "title": proposal.title,
            "sector": proposal.sector_id,
            "requested_amount_rwf": proposal.requested_amount_rwf,
            **{q.field: getattr(proposal, q.field) for q in QUESTIONS},
        }


class DraftBaseForm(forms.Form):
    """What the writer's page started from: the draft's version and a fingerprint per answer."""

    version = forms.IntegerField(min_value=1, max_value=2**31 - 1, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in DRAFT_FIELDS:
            self.fields[f"base_{name}"] = forms.CharField(max_length=64, required=False)

    def base(self) -> dict[str, str]:
        if not self.is_valid():
            return {}
        return {
            n: self.cleaned_data[f"base_{n}"]
            for n in DRAFT_FIELDS
            if self.cleaned_data[f"base_{n}"]
        }

    def base_version(self) -> int | None:
        """None when the page sent no version; 0 (older than any) when it sent a bad one.

        So a garbled page is treated as stale: it may conflict, never overwrite.
        """
        if not self.is_bound:
            return None
        return self.cleaned_data["version"] if self.is_valid() else 0


class MergeForm(forms.Form):
    """The writer's choice for each answer in conflict: keep mine, take theirs, or an edit."""

    MINE, THEIRS, EDITED = "mine", "theirs", "edited"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in DRAFT_FIELDS:
            self.fields[f"resolve_{name}"] = forms.ChoiceField(
                choices=[(c, c) for c in (self.MINE, self.THEIRS, self.EDITED)], required=False
            )
            self.fields[f"mine_{name}"] = forms.CharField(required=False, strip=False)
            self.fields[f"edit_{name}"] = forms.CharField(required=False, strip=False)

    def in_conflict(self) -> list[str]:
        """The answers the page offered to merge, in the order of the form."""
        return [n for n in DRAFT_FIELDS if self.is_valid() and self.cleaned_data[f"resolve_{n}"]]

    def chosen(self) -> dict[str, str]:
        """The raw value the writer keeps for each answer, leaving out those they give up."""
        values = {}
        for name in self.in_conflict():
            choice = self.cleaned_data[f"resolve_{name}"]
            if choice == self.MINE:
                values[name] = self.cleaned_data[f"mine_{name}"]
            elif choice == self.EDITED:
                values[name] = self.cleaned_data[f"edit_{name}"]
        return values


class BudgetLineForm(forms.Form):
    item = forms.CharField(label=_("Item"), max_length=150)
    category = forms.ChoiceField(label=_("Category"), choices=BudgetLine.Category.choices)
    quantity = number_field(BudgetLine, "quantity", label=_("Quantity"), min_value=0.01)
    unit_cost_rwf = number_field(BudgetLine, "unit_cost_rwf", label=_("Unit cost (RWF)"))


class DocumentSelect(forms.Select):
    """The call's documents are the officer's words (translate="no"); "Other document" is ours."""

    def create_option(self, name, value, *args, **kwargs):
        option = super().create_option(name, value, *args, **kwargs)
        if value and value != OTHER_DOCUMENT:
            option["attrs"]["translate"] = "no"
        return option


class AttachmentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Document"), widget=DocumentSelect)
    file = forms.FileField(label=_("File"))

    def __init__(self, *args, call: Call, **kwargs):
        super().__init__(*args, **kwargs)
        # The kind kept is the main language's name; the reader sees it in their language.
        labels = zip(call.required_documents, call.texts.required_documents, strict=True)
        self.fields["kind"].choices = [*labels, (OTHER_DOCUMENT, _("Other document"))]


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("Email address"))
    full_name = forms.CharField(label=_("Name"), max_length=150, required=False)
    kind = forms.ChoiceField(
        label=_("Student or trainer"), choices=TeamMember.Kind.choices, widget=forms.RadioSelect
    )


class AcceptInvitationForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("You are a"), choices=TeamMember.Kind.choices, widget=forms.RadioSelect
    )
    sex = forms.ChoiceField(
        label=_("Sex"),
        choices=TeamMember.Sex.choices,
        widget=forms.RadioSelect,
        help_text=_("Asked only to report how many women and men the programme reaches."),
    )


class AffiliationForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("confirm", _("Belongs to the college")), ("reject", _("Not of the college"))],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(label=_("Note"), max_length=255, required=False)


class OfficerAffiliationForm(forms.Form):
    reason = forms.CharField(
        label=_("Why you confirm instead of the coordinator"),
        max_length=255,
        help_text=_("Kept in the audit log with your name, for example how you checked."),
    )


class EligibilityForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("eligible", _("Eligible")), ("ineligible", _("Not eligible"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reason (the team reads it)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )


class WithdrawForm(forms.Form):
    reason = forms.CharField(label=_("Why (optional)"), max_length=500, required=False)


class ProposalFilterForm(forms.Form):
    call = forms.ModelChoiceField(label=_("Call"), queryset=Call.objects.none(), required=False)
    college = forms.ModelChoiceField(
        label=_("College"), queryset=Organisation.objects.none(), required=False
    )
    sector = forms.ModelChoiceField(
        label=_("Sector"), queryset=Sector.objects.all(), required=False
    )
    state = forms.ChoiceField(
        label=_("State"), choices=[("", _("Any")), *Proposal.State.choices], required=False
    )

    def __init__(self, *args, calls, colleges, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["call"].queryset = calls
        self.fields["college"].queryset = colleges

    def filters(self) -> dict:
        return self.cleaned_data if self.is_valid() else {}
