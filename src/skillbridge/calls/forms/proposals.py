"""A team's proposal: starting it, its answers, its budget, its documents, withdrawing."""

from django import forms
from django.utils.translation import gettext_lazy as _

from skillbridge.calls.forms.teams import MemberFields
from skillbridge.calls.models import BudgetLine, Call, Proposal
from skillbridge.calls.questions import OTHER_DOCUMENT, QUESTIONS, TITLE_MAX_CHARS
from skillbridge.common import formats
from skillbridge.common.bounds import number_field
from skillbridge.people.models import Organisation
from skillbridge.programmes.models import Sector


class StartProposalForm(MemberFields):
    title = forms.CharField(label=_("Working title of your project"), max_length=TITLE_MAX_CHARS)
    sector = forms.ModelChoiceField(label=_("Sector"), queryset=Sector.objects.none())
    college = forms.ModelChoiceField(label=_("Your college"), queryset=Organisation.objects.none())

    field_order = ["title", "sector", "kind", "sex", "college"]

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


class WithdrawForm(forms.Form):
    reason = forms.CharField(label=_("Why (optional)"), max_length=500, required=False)
