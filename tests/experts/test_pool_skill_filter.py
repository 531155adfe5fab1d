"""The pool's skill filter offers the taxonomy, not every skill a professional typed."""

import re

from django.urls import reverse

from tests.experts.factories import ExpertProfileFactory, SkillFactory


def skill_options(response) -> list[str]:
    select = re.search(r'<select[^>]*name="skill"[^>]*>(.*?)</select>', response.content.decode())
    return re.findall(r"<option[^>]*>([^<]*)</option>", select[1])


def test_the_skill_filter_lists_the_taxonomy_and_not_the_typed_skills(client, officer, programme):
    SkillFactory(name="Solar PV installation")
    for i in range(5):
        SkillFactory(name=f"Typed skill {i}", in_taxonomy=False)
    client.force_login(officer)
    response = client.get(reverse("experts:pool", args=[programme.slug]))
    assert skill_options(response) == ["—", "Solar PV installation"]
    assert 'data-filter="Search skills"' in response.content.decode()


def test_a_typed_skill_in_the_address_still_filters_and_stays_chosen(client, officer, programme):
    SkillFactory(name="Solar PV installation")
    typed = SkillFactory(name="Biogas digesters", in_taxonomy=False)
    ExpertProfileFactory(programme=programme, user__email="a@example.org").skills.add(typed)
    ExpertProfileFactory(programme=programme, user__email="b@example.org")
    client.force_login(officer)
    url = reverse("experts:pool", args=[programme.slug])
    response = client.get(url, {"skill": typed.pk})
    assert [p.user.email for p in response.context["page"].object_list] == ["a@example.org"]
    assert skill_options(response) == ["—", "Biogas digesters", "Solar PV installation"]
    assert f'<option value="{typed.pk}" selected>' in response.content.decode()
