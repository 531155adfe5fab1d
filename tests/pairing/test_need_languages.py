"""A need's languages: the searchable list that scrolls in its own box, and a round trip."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _checked(html: str) -> list[str]:
    return re.findall(r'<input type="checkbox" name="languages" value="([^"]+)"[^>]*checked', html)


def test_the_languages_are_a_searchable_scrolling_list(client, officer, programme, need):
    client.force_login(officer)
    html = client.get(reverse("pairing:need_edit", args=[programme.slug, need.pk])).content.decode()
    assert re.search(r'<div[^>]*class="pick-list"[^>]*>\s*<div>\s*<label', html)
    assert 'data-filter="Search languages"' in html
    assert "common/pickers.js" in html
    assert "common/pickers.css" in html


def test_the_languages_round_trip_through_the_form(client, officer, programme, need):
    need.languages = ["en", "rw"]
    need.save(update_fields=["languages"])
    client.force_login(officer)
    url = reverse("pairing:need_edit", args=[programme.slug, need.pk])
    html = client.get(url).content.decode()
    assert sorted(_checked(html)) == ["en", "rw"]
    response = client.post(
        url,
        {
            "sector": need.sector_id,
            "languages": [*_checked(html), "fr"],
            "modality": need.modality,
            "starts_on": need.starts_on.isoformat(),
            "ends_on": need.ends_on.isoformat(),
            "seats": need.seats,
            "text": need.text,
        },
    )
    assert response.status_code == 302
    need.refresh_from_db()
    assert sorted(need.languages) == ["en", "fr", "rw"]
    assert sorted(_checked(client.get(url).content.decode())) == ["en", "fr", "rw"]
