"""Input forms of the grant pages. They parse; the services decide."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from skillbridge.calls.models import BudgetLine
from skillbridge.common.bounds import number_field
from skillbridge.common.widgets import DateInput
from skillbridge.grants.models import (
    Amendment,
    Disbursement,
    Expense,
    FinancialReport,
    Grant,
    GrantBudgetLine,
    Milestone,
)


class AwardForm(forms.Form):
    amount_rwf = number_field(Grant, "amount_rwf", label=_("Awarded amount (RWF)"), min_value=1)
    amount_reason = forms.CharField(
        label=_("Why the amount differs from the request"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when the award is not the amount requested."),
    )
    exchange_rate = number_field(
        Grant,
        "exchange_rate",
        label=_("Exchange rate (RWF per EUR)"),
        min_value=Decimal("0.0001"),
        help_text=_("The rate used to count this grant against the donor envelope."),
    )
    starts_on = forms.DateField(label=_("Starts on"), widget=DateInput())
    ends_on = forms.DateField(label=_("Ends on"), widget=DateInput())


class TrancheRowForm(forms.Form):
    share = forms.DecimalField(
        label=_("Share of the award (%)"), min_value=Decimal("0.01"), max_digits=5, decimal_places=2
    )
    deliverable = forms.CharField(label=_("Milestone deliverable"), max_length=200, required=False)
    due_on = forms.DateField(label=_("Milestone due date"), required=False, widget=DateInput())
    evidence_expected = forms.CharField(
        label=_("Evidence expected"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


ScheduleFormSet = forms.formset_factory(TrancheRowForm, extra=1, max_num=8)


class BudgetLineForm(forms.Form):
    item = forms.CharField(label=_("Item"), max_length=150)
    # The initial value is the option a browser selects by itself, so an untouched
    # empty line has not "changed" and the formset lets it go instead of refusing it.
    category = forms.ChoiceField(
        label=_("Category"),
        choices=BudgetLine.Category.choices,
        initial=BudgetLine.Category.choices[0][0],
    )
    amount_rwf = number_field(GrantBudgetLine, "amount_rwf", label=_("Budget (RWF)"))


BudgetFormSet = forms.formset_factory(BudgetLineForm, extra=1, can_delete=True, max_num=40)


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class AcceptForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("I have read the grant agreement and accept it on behalf of my team."),
    )


class PaymentForm(forms.Form):
    tranche = forms.TypedChoiceField(label=_("Tranche"), coerce=int)
    amount = number_field(Disbursement, "amount_rwf", label=_("Amount (RWF)"), min_value=1)
    payee_name = forms.CharField(label=_("Payee"), max_length=150, required=False)
    payee_account = forms.CharField(
        label=_("Account or phone number"),
        max_length=60,
        required=False,
        help_text=_("The bank account number, or the mobile money phone number."),
    )
    method = forms.ChoiceField(label=_("Channel"), choices=Disbursement.Method.choices)
    paid_on = forms.DateField(label=_("Paid on"), widget=DateInput())
    reference = forms.CharField(
        label=_("Payment reference"),
        max_length=80,
        help_text=_("The bank or mobile money reference. Sending it twice never pays twice."),
    )
    note = forms.CharField(label=_("Note"), max_length=255, required=False)

    def __init__(self, *args, tranches, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tranche"].choices = [
            (t.pk, _("Tranche %(number)s") % {"number": t.number}) for t in tranches
        ]


class ReverseForm(forms.Form):
    reason = forms.CharField(label=_("Why the payment is reversed"), max_length=255)
    reference = forms.CharField(
        label=_("Reference of the reversal"),
        max_length=80,
        required=False,
        help_text=_("Leave empty to use the payment's reference followed by -REV."),
    )


class EvidenceForm(forms.Form):
    text = forms.CharField(
        label=_("What was achieved"), widget=forms.Textarea(attrs={"rows": 5}), required=False
    )
    file = forms.FileField(
        label=_("Evidence file"),
        required=False,
        help_text=_("PDF, Word, Excel or an image, at most 10 MB."),
    )


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approve", _("Approve")), ("return", _("Return with comments"))],
        widget=forms.RadioSelect,
    )
    comments = forms.CharField(
        label=_("Comments"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )


class BudgetLineSelect(forms.Select):
    """The budget lines' items are the team's words: each option says so (translate="no")."""

    def create_option(self, name, value, *args, **kwargs):
        option = super().create_option(name, value, *args, **kwargs)
        option["attrs"]["translate"] = "no"
        return option


class ExpenseForm(forms.Form):
    budget_line = forms.TypedChoiceField(
        label=_("Budget line"), coerce=int, widget=BudgetLineSelect
    )
    spent_on = forms.DateField(label=_("Date"), widget=DateInput())
    description = forms.CharField(label=_("What was bought"), max_length=200)
    amount_rwf = number_field(Expense, "amount_rwf", label=_("Amount (RWF)"), min_value=1)
    receipt = forms.FileField(
        label=_("Receipt"), help_text=_("PDF or image (PNG, JPG), at most 5 MB.")
    )

    def __init__(self, *args, lines, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["budget_line"].choices = [(line.pk, line.item) for line in lines]


class ReportForm(forms.Form):
    kind = forms.ChoiceField(label=_("Report"), choices=FinancialReport.Kind.choices)
    narrative = forms.CharField(
        label=_("What the money achieved"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


class AmendmentForm(forms.Form):
    """What every amendment asks: why. Each kind adds its change (`changes()`)."""

    reason = forms.CharField(
        label=_("Why the terms should change"), widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, grant, **kwargs):
        super().__init__(*args, **kwargs)
        self.grant = grant
        # The reason reads last, after the change it explains.
        self.order_fields([name for name in self.fields if name != "reason"] + ["reason"])

    def changes(self) -> dict:
        return {name: value for name, value in self.cleaned_data.items() if name != "reason"}


class ReallocationForm(AmendmentForm):
    from_line = forms.TypedChoiceField(
        label=_("Move money from"), coerce=int, widget=BudgetLineSelect
    )
    to_line = forms.TypedChoiceField(label=_("To"), coerce=int, widget=BudgetLineSelect)
    amount_rwf = number_field(GrantBudgetLine, "amount_rwf", label=_("Amount (RWF)"), min_value=1)

    def __init__(self, *args, grant, **kwargs):
        super().__init__(*args, grant=grant, **kwargs)
        lines = [(line.pk, line.item) for line in grant.budget_lines.all()]
        self.fields["from_line"].choices = lines
        self.fields["to_line"].choices = lines


class ExtensionForm(AmendmentForm):
    ends_on = forms.DateField(label=_("New end date"), widget=DateInput())


class MilestoneDateForm(AmendmentForm):
    milestone = forms.TypedChoiceField(label=_("Milestone"), coerce=int)
    due_on = forms.DateField(label=_("New due date"), widget=DateInput())

    def __init__(self, *args, grant, **kwargs):
        super().__init__(*args, grant=grant, **kwargs)
        self.fields["milestone"].choices = [
            (m.pk, m.deliverable)
            for m in Milestone.objects.filter(tranche__grant=grant)
            .exclude(state=Milestone.State.APPROVED)
            .order_by("due_on", "id")
        ]


AMENDMENT_FORMS = {
    Amendment.Kind.REALLOCATION: ReallocationForm,
    Amendment.Kind.EXTENSION: ExtensionForm,
    Amendment.Kind.MILESTONE_DATE: MilestoneDateForm,
}


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approve", _("Approve")), ("reject", _("Reject"))],
        widget=forms.RadioSelect,
    )
    comments = forms.CharField(
        label=_("Comments"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when you reject: the requester reads them."),
    )


class SignatoryForm(forms.Form):
    signatory_name = forms.CharField(label=_("Signatory"), max_length=150, required=False)
    signatory_title = forms.CharField(label=_("Title"), max_length=150, required=False)


class PartnerForm(forms.Form):
    name = forms.CharField(label=_("Partner's name"), max_length=150)
    logo = forms.FileField(
        label=_("Logo"), required=False, help_text=_("PNG or JPEG, at most 1 MB.")
    )
