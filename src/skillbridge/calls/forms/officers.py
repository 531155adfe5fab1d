"""The officer's checks and lists of proposals."""

from django import forms
from django.utils.translation import gettext_lazy as _

from skillbridge.calls.models import Call, Proposal
from skillbridge.common.forms import by_label
from skillbridge.common.widgets import LongSelect
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
    # The options are written in Python (LongSelect) from lists read in one query each: a
    # model's select reads its rows through a server-side cursor, three round trips, and
    # renders each option through a template; together a sixth of the list's time.
    call = forms.ModelChoiceField(
        label=_("Call"), queryset=Call.objects.none(), required=False, widget=LongSelect
    )
    college = forms.ModelChoiceField(
        label=_("College"), queryset=Organisation.objects.none(), required=False, widget=LongSelect
    )
    sector = forms.ModelChoiceField(
        label=_("Sector"), queryset=Sector.objects.all(), required=False, widget=LongSelect
    )
    state = forms.ChoiceField(
        label=_("State"),
        choices=[("", _("Any")), *Proposal.State.choices],
        required=False,
        widget=LongSelect,
    )

    def __init__(self, *args, calls, colleges, **kwargs):
        super().__init__(*args, **kwargs)
        for name, rows in (("call", calls), ("college", colleges)):
            field = self.fields[name]
            field.queryset = rows
            field.choices = [("", field.empty_label), *((row.pk, str(row)) for row in rows)]
        by_label(self.fields["sector"])

    def filters(self) -> dict:
        return self.cleaned_data if self.is_valid() else {}
