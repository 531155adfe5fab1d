"""Input of the calls pages. Forms parse and check types; services decide.

One module per kind of page; the names are gathered here so `calls.forms.X` reads as before.
"""

from skillbridge.calls.forms.drafts import DraftBaseForm, MergeForm
from skillbridge.calls.forms.editor import (
    CallForm,
    CriterionForm,
    CriterionFormSet,
    NewCriterionFormSet,
    criteria_initial,
)
from skillbridge.calls.forms.officers import EligibilityForm, ProposalFilterForm
from skillbridge.calls.forms.proposals import (
    AttachmentForm,
    BudgetLineForm,
    DocumentSelect,
    ProposalForm,
    StartProposalForm,
    WithdrawForm,
)
from skillbridge.calls.forms.teams import (
    AcceptInvitationForm,
    AffiliationForm,
    InviteForm,
    OfficerAffiliationForm,
)
from skillbridge.calls.forms.translations import TranslatedFields, other_languages

__all__ = [
    "AcceptInvitationForm",
    "AffiliationForm",
    "AttachmentForm",
    "BudgetLineForm",
    "CallForm",
    "CriterionForm",
    "CriterionFormSet",
    "DocumentSelect",
    "DraftBaseForm",
    "EligibilityForm",
    "InviteForm",
    "MergeForm",
    "NewCriterionFormSet",
    "OfficerAffiliationForm",
    "ProposalFilterForm",
    "ProposalForm",
    "StartProposalForm",
    "TranslatedFields",
    "WithdrawForm",
    "criteria_initial",
    "other_languages",
]
