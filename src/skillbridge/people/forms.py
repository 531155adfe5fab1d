from django import forms

from skillbridge.people.models import User


class LanguageSelect(forms.Select):
    """Each language's name is written in that language: its option says so (`lang`)."""

    def create_option(self, name, value, *args, **kwargs):
        option = super().create_option(name, value, *args, **kwargs)
        if value:
            option["attrs"]["lang"] = value
        return option


class AccountDetailsForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["full_name", "preferred_language"]
        widgets = {"preferred_language": LanguageSelect}
