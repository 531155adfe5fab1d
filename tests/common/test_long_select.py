"""LongSelect writes the markup Django's Select writes, without a template per option."""

import pytest
from django import forms
from django.test.html import parse_html

from skillbridge.common.widgets import LongSelect

CHOICES = [("", "—"), ("BE", "Belgium"), ("FR", 'France <&> "Overseas"'), ("RW", "Rwanda")]


@pytest.mark.parametrize("value", ["", "FR", "RW", None])
def test_it_renders_what_djangos_select_renders(value):
    attrs = {"id": "id_country", "data-search": "Search countries", "required": True}
    ours = LongSelect(attrs=attrs, choices=CHOICES).render("country", value)
    djangos = forms.Select(attrs=attrs, choices=CHOICES).render("country", value)

    assert parse_html(ours) == parse_html(djangos)
    assert "&lt;&amp;&gt;" in ours


def test_a_form_field_keeps_its_choices_and_its_value():
    class Form(forms.Form):
        country = forms.ChoiceField(choices=CHOICES, widget=LongSelect)

    form = Form(data={"country": "RW"})

    assert form.is_valid()
    assert parse_html('<option value="RW" selected>Rwanda</option>') in parse_html(
        str(form["country"])
    )
