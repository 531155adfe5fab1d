"""A need's sectors, skills and languages read in the reader's language, in its alphabetical
order (the programme's languages first), and the skills are a searchable list
(common/pickers.js) rather than a Ctrl-click select."""

import re

import pytest
from django.conf import settings
from django.urls import reverse

from tests.experts.factories import SkillFactory
from tests.factories import SectorFactory

pytestmark = pytest.mark.django_db


def test_sectors_skills_and_languages_are_offered_in_the_order_of_their_french_names(
    client, officer, programme, need, energy
):
    ict = SectorFactory(slug="ict", name="ICT", name_fr="TIC")
    mechanics = SectorFactory(slug="mechanics", name="Mechanics", name_fr="Génie mécanique")
    energy.name_fr = "Énergie"
    energy.save(update_fields=["name_fr"])
    programme.sectors.add(ict, mechanics)
    wiring = SkillFactory(name="Wiring", name_fr="Câblage")
    audit = SkillFactory(name="Energy auditing", name_fr="Audit énergétique")
    client.force_login(officer)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    response = client.get(reverse("pairing:need_edit", args=[programme.slug, need.pk]))
    form = response.context["form"]
    sector_choices = list(form.fields["sector"].choices)
    assert sector_choices[0][0] == ""  # a need may have no sector
    assert sector_choices[1:] == [
        (energy.pk, "Énergie"),
        (mechanics.pk, "Génie mécanique"),
        (ict.pk, "TIC"),
    ]
    assert form.fields["skills"].choices == [
        (audit.pk, "Audit énergétique"),
        (wiring.pk, "Câblage"),
    ]
    languages = [code for code, _name in form.fields["languages"].choices]
    assert languages[:5] == ["rw", "en", "fr", "sw", "af"]
    assert dict(form.fields["languages"].choices)["de"] == "Allemand"
    html = response.content.decode()
    assert re.search(
        r'<div id="id_skills" class="pick-list"><div>\s*<label[^>]*><input[^>]*data-filter=', html
    )
    assert "Ctrl" not in html
