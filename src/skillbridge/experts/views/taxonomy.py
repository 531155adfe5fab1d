"""Programme officers edit the skills taxonomy: names in each language, synonyms, ESCO links.

Every view here: programme officers only (`experts.manage_skills`). Non-members
of the programme get 404, members without the officer role 403.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from skillbridge.common.forms import show_errors
from skillbridge.experts.forms import SkillForm
from skillbridge.experts.models import Skill
from skillbridge.experts.services.skills import skill_save
from skillbridge.people.selectors import programme_for


def _initial(skill: Skill | None) -> dict:
    if skill is None:
        return {}
    return {
        "name": skill.name,
        "name_fr": skill.name_fr,
        "name_rw": skill.name_rw,
        "sector": skill.sector,
        "synonyms": "; ".join(skill.synonyms or []),
        "esco_uri": skill.esco_uri,
    }


def _taxonomy_skill(pk: int | None) -> Skill | None:
    if pk is None:
        return None
    skill = Skill.objects.filter(in_taxonomy=True, pk=pk).first()
    if skill is None:
        raise Http404
    return skill


@login_required
def skill_edit(request, slug: str, pk: int | None = None):
    """Programme officers: add a skill to the taxonomy, or change one."""
    programme = programme_for(request.user, slug, "experts.manage_skills")
    skill = _taxonomy_skill(pk)
    form = SkillForm(request.POST or None, initial=_initial(skill))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            skill_save(
                skill=skill,
                officer=request.user,
                name=data["name"],
                name_fr=data["name_fr"],
                name_rw=data["name_rw"],
                sector=data["sector"],
                synonyms=data["synonyms"].split(";"),
                esco_uri=data["esco_uri"],
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("The skill is saved."))
            return redirect("experts:skills", slug)
    return render(
        request, "experts/skill_edit.html", {"programme": programme, "skill": skill, "form": form}
    )
