"""The officer's checks and lists of proposals."""

from django import forms
from django.utils.translation import gettext_lazy as _

from skillbridge.calls.models import Call, Proposal
from skillbridge.people.models import Organisation
from skillbridge.programmes.models import Sector


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
