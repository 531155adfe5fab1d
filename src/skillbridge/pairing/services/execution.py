"""The background half of a matching run: build the instance, solve, store the proposal.

Called by the task in pairing.tasks, never by a view.
"""

import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from skillbridge.assignment import InstanceError, solve
from skillbridge.common.transitions import locked
from skillbridge.pairing import matching
from skillbridge.pairing.models import Candidate, MatchingRun, Pairing
from skillbridge.pairing.services.moves import pairing_move
from skillbridge.pairing.services.pairings import RELATED
from skillbridge.pairing.states import RUN

logger = logging.getLogger(__name__)


def run_execute(*, run_id: int) -> str:
    """The background part of a run: build the instance, solve, store the proposal.

    The status is saved as "running" in its own transaction so the page can show
    it; the result is then written in one transaction, or the run is marked
    failed with a message an officer can act on.
    """
    # One conditional UPDATE, committed at once, takes the run: two workers handed the same run
    # cannot both start it, and the page polling the run shows it running.
    updated = MatchingRun.objects.filter(pk=run_id, status__in=RUN["run"].sources).update(
        status=RUN["run"].target, started_at=timezone.now()
    )
    if not updated:
        return "skipped"
    run = MatchingRun.objects.select_related("programme").get(pk=run_id)
    try:
        prepared = matching.build_instance(run)
        if not prepared.instance["projects"]:
            raise ValidationError(_("Every chosen need is already filled."))
        result = solve(prepared.instance, explain_unfilled=True)
        _store(run, prepared, result)
    except InstanceError as error:
        _fail(run_id, _describe(error, prepared))
        return "failed"
    except ValidationError as error:
        _fail(run_id, " ".join(error.messages))
        return "failed"
    except Exception as error:  # A failed run must say so rather than stay "running".
        logger.exception("matching run %s failed", run_id)
        _fail(run_id, _("The engine stopped unexpectedly (%(error)s).") % {"error": repr(error)})
        return "failed"
    return "done"


def _describe(error: InstanceError, prepared) -> str:
    """Name the need and the professional behind an engine message about a locked pair."""
    message = str(error)
    if message.startswith("locked["):
        index = int(message[len("locked[") : message.index("]")])
        pair = prepared.instance["locked"][index]
        need = prepared.needs[matching.parse_id(pair["project"])]
        expert = prepared.experts[matching.parse_id(pair["expert"])]
        return _(
            "The locked pair %(expert)s – %(need)s cannot be used: %(problem)s. "
            "Remove the lock or change the need, then run again."
        ) % {"expert": expert, "need": need, "problem": message.split(": ", 1)[-1]}
    return _("The engine refused the data: %(problem)s") % {"problem": message}


@transaction.atomic
def _fail(run_id: int, message: str) -> None:
    run = locked(MatchingRun.objects.get(pk=run_id), "programme")
    run.error = message
    run.finished_at = timezone.now()
    RUN.move(run, "fail", actor=None, update_fields=("error", "finished_at"))


@transaction.atomic
def _store(run: MatchingRun, prepared, result: dict) -> None:
    """Write candidates, replace older unconfirmed proposals, add this run's, mark done."""
    parse = matching.parse_id
    rows = [
        Candidate(
            run=run,
            need_id=parse(a["project"]),
            expert_id=parse(a["expert"]),
            rank=0,
            score=a["score"],
            reasons=a["reasons"],
        )
        for a in result["assignments"]
    ]
    for project, alternates in result["alternates"].items():
        rows.extend(
            Candidate(
                run=run,
                need_id=parse(project),
                expert_id=parse(alt["expert"]),
                rank=rank,
                score=alt["score"],
                reasons=[],
            )
            for rank, alt in enumerate(alternates, start=1)
        )
    Candidate.objects.bulk_create(rows)
    # An unconfirmed proposal was never shown outside the officers: a newer run
    # over the same needs replaces it.
    superseded = (
        Pairing.objects.filter(need__in=list(prepared.needs), state=Pairing.State.PROPOSED)
        .select_for_update(of=("self",))
        .select_related(*RELATED)
        .order_by("pk")
    )
    for pairing in superseded:
        pairing_move(
            actor=None,
            pairing=pairing,
            action="cancel",
            reason=_("Replaced by matching run #%(run)s.") % {"run": run.pk},
        )
    Pairing.objects.bulk_create(
        Pairing(
            programme=run.programme,
            need_id=row.need_id,
            expert_id=row.expert_id,
            run=run,
            score=row.score,
            reasons=row.reasons,
        )
        for row in rows
        if row.rank == 0
    )
    run.summary = matching.summarise(prepared, result)
    run.finished_at = timezone.now()
    RUN.move(run, "finish", actor=None, update_fields=("summary", "finished_at"))
