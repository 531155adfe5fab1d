"""Logistics of on-site missions: the checklist, the itinerary and the costs.

Officers keep them; each change is one audited transaction.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from skillbridge.common.services import audit_record
from skillbridge.common.transitions import locked
from skillbridge.missions.models import ChecklistItem, CostLine, ItineraryLeg, Mission
from skillbridge.missions.services.moves import RELATED
from skillbridge.missions.states import LOGISTICS_OPEN
from skillbridge.people.models import User


def _open(mission: Mission, *, onsite: bool = True) -> Mission:
    mission = locked(mission, *RELATED)
    LOGISTICS_OPEN.refuse_unless_open(mission)
    if onsite and not mission.is_onsite:
        raise ValidationError({"__all__": _("A remote series has no travel logistics.")})
    return mission


@transaction.atomic
def checklist_item_update(
    *, actor: User, item: ChecklistItem, done: bool, note: str = ""
) -> ChecklistItem:
    """Tick or reopen one checklist item, with a short note (e.g. the booking reference)."""
    _open(item.mission)
    item = ChecklistItem.objects.select_for_update(of=("self",)).get(pk=item.pk)
    before = "done" if item.done else "open"
    item.done = done
    item.note = note.strip()[:200]
    item.done_at = timezone.now() if done else None
    item.save(update_fields=["done", "note", "done_at"])
    audit_record(
        actor=actor,
        action="mission.checklist_updated",
        target=item.mission,
        before=before,
        after="done" if done else "open",
        data={"item": item.item},
    )
    return item


@transaction.atomic
def itinerary_leg_add(
    *, actor: User, mission: Mission, day: datetime.date, description: str
) -> ItineraryLeg:
    """Add a step of the journey. Travel days may fall a few days either side of the mission."""
    mission = _open(mission)
    if not description.strip():
        raise ValidationError({"description": _("Say what happens that day.")})
    margin = datetime.timedelta(days=7)
    if not mission.starts_on - margin <= day <= mission.ends_on + margin:
        raise ValidationError({"day": _("Choose a day within a week of the mission's dates.")})
    leg = ItineraryLeg.objects.create(mission=mission, day=day, description=description.strip())
    audit_record(
        actor=actor, action="mission.itinerary_added", target=mission, data={"day": str(day)}
    )
    return leg


@transaction.atomic
def itinerary_leg_remove(*, actor: User, leg: ItineraryLeg) -> None:
    mission = _open(leg.mission)
    day = str(leg.day)
    leg.delete()
    audit_record(actor=actor, action="mission.itinerary_removed", target=mission, data={"day": day})


@transaction.atomic
def cost_line_add(
    *,
    actor: User,
    mission: Mission,
    category: str,
    description: str,
    planned_rwf: int,
    actual_rwf: int | None = None,
) -> CostLine:
    """Add a budget line with its planned cost (RWF) and, once known, the actual cost."""
    mission = _open(mission, onsite=False)
    if category not in CostLine.Category.values:
        raise ValidationError({"category": _("Choose a category.")})
    if not description.strip():
        raise ValidationError({"description": _("Describe the cost.")})
    line = CostLine.objects.create(
        mission=mission,
        category=category,
        description=description.strip(),
        planned_rwf=planned_rwf,
        actual_rwf=actual_rwf,
    )
    audit_record(
        actor=actor,
        action="mission.cost_added",
        target=mission,
        data={"line": line.pk, "planned_rwf": planned_rwf, "actual_rwf": actual_rwf},
    )
    return line


@transaction.atomic
def cost_line_remove(*, actor: User, line: CostLine) -> None:
    """Take a budget line off the mission, while its logistics are open."""
    mission = _open(line.mission, onsite=False)
    data = {"line": line.pk, "planned_rwf": line.planned_rwf, "actual_rwf": line.actual_rwf}
    line.delete()
    audit_record(actor=actor, action="mission.cost_removed", target=mission, data=data)


@transaction.atomic
def cost_line_update(*, actor: User, line: CostLine, actual_rwf: int | None) -> CostLine:
    """Record what a budget line actually cost."""
    _open(line.mission, onsite=False)
    line = CostLine.objects.select_for_update(of=("self",)).get(pk=line.pk)
    before = line.actual_rwf
    line.actual_rwf = actual_rwf
    line.save(update_fields=["actual_rwf"])
    audit_record(
        actor=actor,
        action="mission.cost_actual",
        target=line.mission,
        before="" if before is None else str(before),
        after="" if actual_rwf is None else str(actual_rwf),
        data={"line": line.pk},
    )
    return line
