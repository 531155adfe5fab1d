from django import forms

from skillbridge.people.models import User


class AccountDetailsForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["full_name", "preferred_language"]
