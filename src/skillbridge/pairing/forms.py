"""Input of the pairing pages. Checks of meaning live in the services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from skillbridge.common.bounds import number_field
from skillbridge.common.forms import by_label
from skillbridge.common.widgets import DateInput, searchable
from skillbridge.experts.languages import language_choices
from skillbridge.experts.models import ExpertProfile, Skill
from skillbridge.pairing.models import MatchingRun, Need, PairDecision
from skillbridge.people.models import Organisation
from skillbridge.programmes.models import Programme, Sector


class NeedForm(forms.Form):
    sector = forms.ModelChoiceField(
        label=_("Sector"), queryset=Sector.objects.none(), required=False
    )
    # The taxonomy's skills and about a hundred languages (the programme's first, then by
    # name in the reader's language): searchable lists that scroll in their own box
    # (common/pickers.js), not a phone's length of checkboxes, nor a select that needs Ctrl.
    skills = forms.ModelMultipleChoiceField(
        label=_("Skills"),
        queryset=Skill.objects.filter(in_taxonomy=True),
        required=False,
        widget=forms.CheckboxSelectMultiple(
            attrs={"class": "pick-list", **searchable(_("Search skills"))}
        ),
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages of the work"),
        choices=language_choices,
        widget=forms.CheckboxSelectMultiple(
            attrs={"class": "pick-list", **searchable(_("Search languages"))}
        ),
    )
    modality = forms.ChoiceField(
        label=_("Modality"), choices=Need.Modality.choices, widget=forms.RadioSelect
    )
    starts_on = forms.DateField(label=_("From"), widget=DateInput())
    ends_on = forms.DateField(label=_("To"), widget=DateInput())
    seats = forms.IntegerField(
        label=_("Professionals needed"), min_value=1, max_value=20, initial=1
    )
    text = forms.CharField(
        label=_("What the team needs, in a few sentences"),
        required=False,
        max_length=1500,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, programme: Programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sector"].queryset = programme.sectors.all()
        by_label(self.fields["sector"])
        by_label(self.fields["skills"])

    @classmethod
    def initial_of(cls, need: Need) -> dict:
        return {
            "sector": need.sector_id,
            "skills": [skill.pk for skill in need.skills.all()],
            "languages": need.languages,
            "modality": need.modality,
            "starts_on": need.starts_on,
            "ends_on": need.ends_on,
            "seats": need.seats,
            "text": need.text,
        }


class TrainingRequestForm(forms.Form):
    college = forms.ModelChoiceField(label=_("College"), queryset=Organisation.objects.none())
    title = forms.CharField(label=_("Title"), max_length=150)
    text = forms.CharField(
        label=_("What the college asks for"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, programme: Programme, colleges=None, **kwargs):
        """`colleges` (ids) narrows the choice, for a coordinator filing for their own."""
        super().__init__(*args, **kwargs)
        choices = programme.colleges.all()
        if colleges is not None:
            choices = choices.filter(pk__in=colleges)
            if len(colleges) == 1:
                self.fields["college"].empty_label = None
        self.fields["college"].queryset = choices


class RunForm(forms.Form):
    objective = forms.ChoiceField(
        label=_("Objective"),
        choices=MatchingRun.Objective.choices,
        initial=MatchingRun.Objective.TOTAL,
        widget=forms.RadioSelect,
    )
    needs = forms.ModelMultipleChoiceField(
        label=_("Needs to fill"),
        queryset=Need.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave all unticked to fill every need with an open seat."),
    )

    def __init__(self, *args, programme: Programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["needs"].queryset = Need.objects.filter(programme=programme).select_related(
            "proposal", "training_request"
        )


class DecisionForm(forms.Form):
    expert = number_field(ExpertProfile, "id", min_value=1, widget=forms.HiddenInput)
    kind = forms.ChoiceField(choices=PairDecision.Kind.choices, widget=forms.HiddenInput)


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"), max_length=1000, widget=forms.Textarea(attrs={"rows": 3})
    )
