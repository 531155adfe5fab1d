"""A team and its college: inviting members, accepting, confirming affiliations."""

from django import forms
from django.utils.translation import gettext_lazy as _

from skillbridge.calls.models import TeamMember


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("Email address"))
    full_name = forms.CharField(label=_("Name"), max_length=150, required=False)
    kind = forms.ChoiceField(
        label=_("Student or trainer"), choices=TeamMember.Kind.choices, widget=forms.RadioSelect
    )


class MemberFields(forms.Form):
    """What a person tells about themselves on joining a team: the lead when starting a
    proposal, a member when accepting an invitation."""

    kind = forms.ChoiceField(
        label=_("You are a"), choices=TeamMember.Kind.choices, widget=forms.RadioSelect
    )
    sex = forms.ChoiceField(
        label=_("Sex"),
        choices=TeamMember.Sex.choices,
        widget=forms.RadioSelect,
        help_text=_("Asked only to report how many women and men the programme reaches."),
    )


class AcceptInvitationForm(MemberFields):
    pass


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
