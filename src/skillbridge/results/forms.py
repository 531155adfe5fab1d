"""Input forms of the results pages. They parse; the services decide."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from skillbridge.common.bounds import number_field
from skillbridge.results.models import (
    DIMENSIONS,
    SDG_TARGETS,
    Indicator,
    ReportingPeriod,
    Statement,
)
from skillbridge.results.selectors import query_choices


class StatementForm(forms.Form):
    level = forms.ChoiceField(label=_("Level"), choices=Statement.Level.choices)
    parent = forms.ModelChoiceField(
        label=_("Contributes to"), queryset=Statement.objects.none(), required=False
    )
    code = forms.CharField(label=_("Code"), max_length=12, help_text=_("For example OC1 or OP1.2."))
    text = forms.CharField(
        label=_("Statement"), max_length=500, widget=forms.Textarea(attrs={"rows": 3})
    )
    position = number_field(Statement, "position", label=_("Order"), initial=0)

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = Statement.objects.filter(
            programme=programme, level__in=[Statement.Level.OBJECTIVE, Statement.Level.OUTCOME]
        )


class IndicatorForm(forms.Form):
    statement = forms.ModelChoiceField(label=_("Measures"), queryset=Statement.objects.none())
    code = forms.CharField(label=_("Code"), max_length=12)
    name = forms.CharField(label=_("Name"), max_length=200)
    unit = forms.ChoiceField(label=_("Unit"), choices=Indicator.Unit.choices)
    baseline = forms.DecimalField(label=_("Baseline"), max_digits=16, decimal_places=2, initial=0)
    target = forms.DecimalField(label=_("Target"), max_digits=16, decimal_places=2)
    method = forms.ChoiceField(label=_("Method"), choices=Indicator.Method.choices)
    query = forms.ChoiceField(
        label=_("Query"),
        required=False,
        help_text=_("For a computed indicator: the named query that computes it."),
    )
    disaggregations = forms.MultipleChoiceField(
        label=_("Disaggregated by"),
        choices=DIMENSIONS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    sdg_targets = forms.MultipleChoiceField(
        label=_("Contributes to SDG targets (contribution proxies)"),
        choices=SDG_TARGETS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    definition = forms.CharField(
        label=_("Definition and source"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    position = number_field(Indicator, "position", label=_("Order"), initial=0)

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["statement"].queryset = Statement.objects.filter(programme=programme)
        self.fields["query"].choices = [("", "—"), *query_choices()]


class PeriodForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=ReportingPeriod.Kind.choices)
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    quarter = forms.TypedChoiceField(
        label=_("Quarter"),
        choices=[("", "—"), (1, "Q1"), (2, "Q2"), (3, "Q3"), (4, "Q4")],
        coerce=int,
        empty_value=None,
        required=False,
        help_text=_("For a quarterly period."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].initial = timezone.localdate().year


class NarrativeForm(forms.ModelForm):
    class Meta:
        model = ReportingPeriod
        fields = ["summary", "achievements", "challenges", "next_steps"]
        widgets = {name: forms.Textarea(attrs={"rows": 5}) for name in fields}


class ValueForm(forms.Form):
    value = forms.DecimalField(label=_("Value"), max_digits=16, decimal_places=2)
    source = forms.CharField(
        label=_("Source"), max_length=200, help_text=_("Where the value comes from.")
    )
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class StoryForm(forms.Form):
    text = forms.CharField(
        label=_("Public description of the project"),
        max_length=800,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Two to five sentences for the public impact page and the donor's report. "
            "Do not name team members."
        ),
    )
    approve = forms.BooleanField(
        label=_("Our team approves the publication of this description."), required=True
    )
