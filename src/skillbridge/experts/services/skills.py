"""Keeping the skills taxonomy tidy."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from skillbridge.common.services import audit_record
from skillbridge.experts.models import Skill
from skillbridge.people.models import User


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
