"""The names of reference data in each language: sectors and qualification levels.

Officers rename a sector or a level, and add new ones. Sectors and levels are
read afresh by every form that offers them (no choices built at import time,
no cache of their labels), so a new row is offered at once everywhere.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from skillbridge.common.services import audit_record
from skillbridge.experts.models import QualificationLevel
from skillbridge.people.models import User
from skillbridge.programmes.models import Programme, Sector


def _names(row) -> dict:
    return {"name": row.name, "name_fr": row.name_fr, "name_rw": row.name_rw}


def _take_turns(model) -> None:
    """Lock the table's rows (a few dozen at most) until the step commits.

    Two officers adding at the same moment then take turns, so the second one's
    checks see the first one's row: a twin code, name or rank is refused at
    its field, not by the database's unique constraint (a server error).
    """
    list(model.objects.select_for_update().values_list("pk", flat=True))


def _english_name(model, name: str, *, exclude_pk: int | None = None) -> str:
    """The English name, stripped; refused when empty or another row's, whatever its case.

    It is the row's key for imports and the API.
    """
    name = name.strip()
    if not name:
        raise ValidationError({"name": _("Give the name in English.")})
    if model.objects.filter(name__iexact=name).exclude(pk=exclude_pk).exists():
        raise ValidationError({"name": _("Another row has this name already.")})
    return name


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

    The English name stays unique whatever its case; an empty French or
    Kinyarwanda label falls back to English where it is shown. Logged with the
    names before and after.
    """
    name = _english_name(type(row), name, exclude_pk=row.pk)
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


@transaction.atomic
def sector_add(
    *,
    programme: Programme,
    officer: User,
    slug: str,
    name: str,
    name_fr: str,
    name_rw: str,
) -> Sector:
    """Add a sector, named in English, French and Kinyarwanda, to `programme`.

    The code (`slug`) is the sector's key in the API, the results and the
    imports: stored in lower case, and refused when another sector has it.
    Sectors are shared by the programmes, so a name or a code another
    programme's sector holds is refused too, rather than creating a twin.
    Logged with the code and the names.
    """
    _take_turns(Sector)
    slug = slug.strip().lower()
    if not slug:
        raise ValidationError({"slug": _("Give the sector a code.")})
    if Sector.objects.filter(slug__iexact=slug).exists():
        raise ValidationError({"slug": _("Another sector has this code already.")})
    name = _english_name(Sector, name)
    sector = Sector.objects.create(
        slug=slug, name=name, name_fr=name_fr.strip(), name_rw=name_rw.strip()
    )
    programme.sectors.add(sector)
    audit_record(
        actor=officer,
        action="reference.sector_added",
        target=sector,
        data={"programme": programme.slug, "slug": slug, "names": _names(sector)},
    )
    return sector


@transaction.atomic
def level_add(
    *,
    officer: User,
    rank: int,
    name: str,
    name_fr: str,
    name_rw: str,
) -> QualificationLevel:
    """Add a qualification level, named in English, French and Kinyarwanda, at `rank`.

    Levels are ordered by rank (higher is more advanced); two levels at one
    rank would have no order, so a taken rank is refused. Logged with the rank
    and the names.
    """
    _take_turns(QualificationLevel)
    if QualificationLevel.objects.filter(rank=rank).exists():
        raise ValidationError({"rank": _("Another level has this rank already.")})
    name = _english_name(QualificationLevel, name)
    level = QualificationLevel.objects.create(
        rank=rank, name=name, name_fr=name_fr.strip(), name_rw=name_rw.strip()
    )
    audit_record(
        actor=officer,
        action="reference.level_added",
        target=level,
        data={"rank": rank, "names": _names(level)},
    )
    return level
