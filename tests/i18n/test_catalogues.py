"""Django's and allauth's own words reach a Kinyarwanda reader through locale_django/."""

from django import forms
from django.contrib.auth.password_validation import password_validators_help_texts
from django.utils import translation


class Required(forms.Form):
    amount = forms.IntegerField(min_value=1)


def test_djangos_validation_messages_read_in_kinyarwanda():
    with translation.override("rw"):
        assert Required({}).errors["amount"] == ["Iki gice kigomba kuzuzwa."]
        assert Required({"amount": "0"}).errors["amount"] == [
            "Uyu mubare ntugomba kujya munsi ya 1."
        ]
        assert translation.gettext("- Select an option -") == "- Hitamo -"


def test_the_password_rules_and_month_names_read_in_kinyarwanda():
    with translation.override("rw"):
        rules = " ".join(password_validators_help_texts())
        assert "Ijambobanga" in rules
        assert "password" not in rules.lower()
        assert translation.gettext("December") == "Ukuboza"


def test_french_still_comes_from_django_and_allauth():
    with translation.override("fr"):
        assert Required({}).errors["amount"] == ["Ce champ est obligatoire."]
        assert translation.gettext("Remember Me") == "Se souvenir de moi"
