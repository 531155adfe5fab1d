"""Matching runs: start one, let the engine work in the background, confirm its proposal."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from skillbridge.common.services import audit_record
from skillbridge.common.transitions import locked
from skillbridge.pairing import matching, tasks
from skillbridge.pairing.models import MatchingRun, Need
from skillbridge.pairing.services.pairings import RELATED, confirm_one
from skillbridge.pairing.services.places import lock_needs_and_professionals
from skillbridge.pairing.states import PAIRING
from skillbridge.people.models import User
from skillbridge.programmes.models import Programme


@transaction.atomic
def run_start(
    *,
    actor: User,
    programme: Programme,
    needs: list[Need] | None = None,
    objective: str = MatchingRun.Objective.TOTAL,
) -> MatchingRun:
    """Queue a matching run over `needs` (default: every need with an open seat). Audited.

    The engine runs in a background task once this transaction commits; the
    run's status shows its progress.
    """
    if objective not in MatchingRun.Objective.values:
        raise ValidationError({"objective": _("Choose an objective.")})
    if needs is None:
        candidates = list(Need.objects.filter(programme=programme))
    else:
        candidates = [need for need in needs if need.programme_id == programme.pk]
    open_seats = matching.open_seats_by_need(candidates)
    chosen = [need for need in candidates if open_seats[need.pk] > 0]
    if not chosen:
        raise ValidationError({"needs": _("No chosen need has an open seat to fill.")})
    run = MatchingRun.objects.create(programme=programme, objective=objective, created_by=actor)
    run.needs.set(chosen)
    audit_record(
        actor=actor,
        action="matching_run.queued",
        target=run,
        after=MatchingRun.Status.QUEUED,
        data={"needs": len(chosen)},
    )
    transaction.on_commit(lambda: tasks.execute_matching_run.enqueue(run_id=run.pk))
    return run


@transaction.atomic
def run_confirm(*, actor: User, run: MatchingRun) -> int:
    """Confirm a finished run: invite every professional it proposed. Audited, mailed.

    Returns how many invitations went out. Refused when a later run replaced
    this one, or when a seat or a professional's place has meanwhile gone (the
    whole confirmation then stops, so nothing half-done is left).
    """
    run = locked(run, "programme")
    if not run.is_done:
        raise ValidationError({"__all__": _("Only a finished run can be confirmed.")})
    proposed = list(
        run.pairings.filter(state__in=PAIRING["confirm"].sources)
        .select_for_update(of=("self",))
        .select_related(*RELATED)
        .order_by("pk")
    )
    if not proposed:
        raise ValidationError(
            {"__all__": _("This run has nothing left to confirm (a later run replaced it).")}
        )
    lock_needs_and_professionals(proposed)
    for pairing in proposed:
        confirm_one(actor=actor, pairing=pairing)
    run.confirmed_at = timezone.now()
    run.confirmed_by = actor
    run.save(update_fields=["confirmed_at", "confirmed_by"])
    audit_record(
        actor=actor, action="matching_run.confirm", target=run, data={"invited": len(proposed)}
    )
    return len(proposed)
