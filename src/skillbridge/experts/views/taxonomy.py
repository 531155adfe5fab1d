"""Programme officers edit the skills taxonomy: names in each language, synonyms, ESCO links;
and the sectors and qualification levels: new ones, and their names in each language.

Every view here: programme officers only (`experts.manage_skills`, `experts.edit_labels`).
Non-members of the programme get 404, members without the officer role 403.
"""

from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from skillbridge.common.forms import show_errors
from skillbridge.experts import selectors
from skillbridge.experts.forms import LabelsForm, SkillForm
from skillbridge.experts.models import QualificationLevel, Skill
from skillbridge.experts.services.labels import labels_save, level_add, sector_add
from skillbridge.experts.services.skills import skill_save
from skillbridge.people.selectors import programme_for
from skillbridge.programmes.models import Sector


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


def _missing(rows) -> list[tuple]:
    """Each row with the names of the languages it has no label in yet."""
    languages = {"fr": _("French"), "rw": _("Kinyarwanda")}
    return [(row, [languages[code] for code in row.missing_labels]) for row in rows]


@login_required
def labels(request, slug: str):
    """Programme officers: the programme's sectors and the qualification levels, named in
    English, French and Kinyarwanda, with the labels still missing."""
    programme = programme_for(request.user, slug, "experts.edit_labels")
    sectors = _missing(selectors.programme_sectors(programme))
    levels = _missing(selectors.qualification_levels())
    return render(
        request,
        "experts/labels.html",
        {
            "programme": programme,
            "sectors": sectors,
            "levels": levels,
            "missing_count": sum(len(missing) for _row, missing in sectors + levels),
        },
    )


def _labels_edit(request, programme, row, *, heading: str):
    """Rename `row`."""
    initial = {"name": row.name, "name_fr": row.name_fr, "name_rw": row.name_rw}
    form = LabelsForm(request.POST or None, initial=initial, model=type(row))
    if request.method == "POST" and form.is_valid():
        try:
            labels_save(row=row, officer=request.user, **form.cleaned_data)
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("The names are saved."))
            return redirect("experts:labels", programme.slug)
    return render(
        request,
        "experts/labels_edit.html",
        {"programme": programme, "row": row, "form": form, "heading": heading},
    )


@login_required
def sector_edit(request, slug: str, pk: int):
    """Programme officers: rename one of the programme's sectors in each language."""
    programme = programme_for(request.user, slug, "experts.edit_labels")
    sector = selectors.sector_in(programme, pk)
    return _labels_edit(request, programme, sector, heading=_("Names of a sector"))


@login_required
def level_edit(request, slug: str, pk: int):
    """Programme officers: rename a qualification level in each language."""
    programme = programme_for(request.user, slug, "experts.edit_labels")
    level = selectors.qualification_level(pk)
    return _labels_edit(request, programme, level, heading=_("Names of a qualification level"))


def _labels_add(request, programme, model, *, key: str, add, heading: str, done: str, **context):
    """Add a row of `model` through the service `add`, given the form's data."""
    form = LabelsForm(request.POST or None, model=model, key=key)
    if request.method == "POST" and form.is_valid():
        try:
            add(officer=request.user, **form.cleaned_data)
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, done)
            return redirect("experts:labels", programme.slug)
    return render(
        request,
        "experts/labels_edit.html",
        {"programme": programme, "row": None, "form": form, "heading": heading, **context},
    )


@login_required
def sector_new(request, slug: str):
    """Programme officers: add a sector to the programme, named in each language."""
    programme = programme_for(request.user, slug, "experts.edit_labels")
    return _labels_add(
        request,
        programme,
        Sector,
        key="slug",
        add=partial(sector_add, programme=programme),
        heading=_("A new sector"),
        done=_("The sector is added."),
    )


@login_required
def level_new(request, slug: str):
    """Programme officers: add a qualification level, named in each language."""
    programme = programme_for(request.user, slug, "experts.edit_labels")
    return _labels_add(
        request,
        programme,
        QualificationLevel,
        key="rank",
        add=level_add,
        heading=_("A new qualification level"),
        done=_("The qualification level is added."),
        # The rank places the new level among these.
        levels=selectors.qualification_levels(),
    )
