"""Keeping the skills taxonomy tidy."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from skillbridge.common.services import audit_record
from skillbridge.experts.models import Skill
from skillbridge.people.models import User
from skillbridge.programmes.models import Sector


@transaction.atomic
def skill_merge(*, free_skill: Skill, into: Skill, officer: User) -> Skill:
    """Fold a free-text skill into a taxonomy skill.

    Every profile that listed the free skill gets the taxonomy skill; the
    free name becomes a synonym, so the next person who types it is matched
    directly; the free skill is deleted.
    """
    if free_skill.in_taxonomy:
        raise ValidationError({"skill": _("Only skills outside the taxonomy can be merged.")})
    if not into.in_taxonomy or into.pk == free_skill.pk:
        raise ValidationError({"into": _("Choose a skill of the taxonomy.")})
    for profile in free_skill.profiles.all():
        profile.skills.add(into)
    synonyms = list(into.synonyms or [])
    if free_skill.name.casefold() not in {str(s).casefold() for s in synonyms}:
        synonyms.append(free_skill.name)
    into.synonyms = synonyms
    into.save(update_fields=["synonyms"])
    audit_record(
        actor=officer,
        action="expert.skill_merged",
        target=into,
        data={"merged": free_skill.name},
    )
    free_skill.delete()
    return into


@transaction.atomic
def skill_save(
    *,
    skill: Skill | None,
    officer: User,
    name: str,
    name_fr: str,
    name_rw: str,
    sector: Sector | None,
    synonyms: list[str],
    esco_uri: str,
) -> Skill:
    """Add a skill to the taxonomy (`skill` None) or change one: names, sector, synonyms, ESCO.

    The English name is the skill's key for imports and the API, so it stays
    unique whatever its case. Synonyms are kept once each. Logged.
    """
    name = name.strip()
    clash = Skill.objects.filter(name__iexact=name)
    if skill is not None:
        clash = clash.exclude(pk=skill.pk)
    if clash.exists():
        raise ValidationError({"name": _("A skill of this name exists already.")})
    skill = skill or Skill(in_taxonomy=True)
    skill.name, skill.name_fr, skill.name_rw = name, name_fr.strip(), name_rw.strip()
    skill.sector, skill.esco_uri = sector, esco_uri.strip()
    skill.synonyms = list(dict.fromkeys(s.strip() for s in synonyms if s.strip()))
    skill.save()
    audit_record(actor=officer, action="expert.skill_saved", target=skill)
    return skill
