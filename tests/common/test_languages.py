"""English, French and Kinyarwanda."""

from pathlib import Path

import pytest
from django.urls import reverse


@pytest.mark.parametrize(
    ("language", "heading", "html_lang"),
    [
        ("fr", "Des idées des collèges du Rwanda", "fr"),
        ("rw", "Ibitekerezo biturutse mu mashuri makuru", "rw"),
    ],
)
def test_switching_the_language_changes_the_page_text(client, db, language, heading, html_lang):
    assert "Ideas from Rwanda" in client.get(reverse("home")).content.decode()
    response = client.post(
        reverse("set_language"), {"language": language, "next": reverse("home")}, follow=True
    )
    page = response.content.decode()
    assert f'<html lang="{html_lang}">' in page
    assert heading in page
    assert "Ideas from Rwanda" not in page


def test_the_switcher_offers_each_language_in_its_own_name(client, db):
    page = client.get(reverse("home")).content.decode()
    for name in ("English", "Français", "Ikinyarwanda"):
        assert f">{name}</option>" in page


@pytest.mark.parametrize("language", ["fr", "rw"])
def test_every_message_of_the_project_is_translated(language):
    """No msgid in our catalogues is left without a translation or marked fuzzy."""
    catalogue = (
        Path(__file__).resolve().parents[2]
        / "src/skillbridge/locale"
        / language
        / "LC_MESSAGES/django.po"
    ).read_text()
    entries = catalogue.split("\n\n")[1:]
    untranslated = [e for e in entries if e.rstrip().endswith('msgstr ""')]
    fuzzy = [e for e in entries if "#, fuzzy" in e]
    assert untranslated == []
    assert fuzzy == []
