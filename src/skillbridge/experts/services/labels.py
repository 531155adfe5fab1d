"""The names of reference data in each language: sectors and qualification levels."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from skillbridge.common.services import audit_record
from skillbridge.experts.models import QualificationLevel
from skillbridge.people.models import User
from skillbridge.programmes.models import Sector


def _names(row) -> dict:
    return {"name": row.name, "name_fr": row.name_fr, "name_rw": row.name_rw}


@transaction.atomic
def labels_save(
    *,
    row: Sector | QualificationLevel,
    officer: User,
    name: str,
    name_fr: str,
    name_rw: str,
) -> Sector | QualificationLevel:
    """Rename a sector or a qualification level in English, French and Kinyarwanda.

    The English name is the row's key for imports and the API, so it stays
    unique whatever its case; an empty French or Kinyarwanda label falls back
    to English where it is shown. Logged with the names before and after.
    """
    name = name.strip()
    if not name:
        raise ValidationError({"name": _("Give the name in English.")})
    if type(row).objects.filter(name__iexact=name).exclude(pk=row.pk).exists():
        raise ValidationError({"name": _("Another row has this name already.")})
    before = _names(row)
    row.name, row.name_fr, row.name_rw = name, name_fr.strip(), name_rw.strip()
    row.save(update_fields=list(before))
    audit_record(
        actor=officer,
        action="reference.labels_saved",
        target=row,
        data={"before": before, "after": _names(row)},
    )
    return row
