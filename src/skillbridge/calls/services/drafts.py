"""Saving a draft that several members write at once, without one save eating another's text.

Each answer of a draft is compared, under the proposal's row lock, with the
version the writer started from: the page sends a fingerprint of every answer
as it loaded it (and the draft's version number). Three cases per answer:

- the writer did not change it: the saved text stays, even if another member
  changed it meanwhile (a stale copy never overwrites);
- only the writer changed it: it is saved;
- both changed it: it is a conflict. Nothing is written for that answer; the
  writer sees their text next to the saved one and merges.

Answers without a conflict are saved in the same step, and the draft's
version goes up with every save that writes.
"""

import hashlib
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from skillbridge.calls.models import BudgetLine, Proposal
from skillbridge.calls.questions import QUESTION_FIELDS
from skillbridge.calls.services._common import locked_proposal, refuse_unless_draft
from skillbridge.calls.services.proposals import (
    DRAFT_FIELDS,
    _budget_line_errors,
    _check_draft_values,
)
from skillbridge.people.models import User


@dataclass(frozen=True)
class Conflict:
    """An answer two members changed at once: the writer's text and the saved one."""

    field: str
    mine: object
    theirs: object


@dataclass
class DraftSave:
    """What a save did: the fresh draft, the conflicts, and answers others changed meanwhile.

    `base` is what the writer's page must send with its next save: fresh
    fingerprints for the answers now in step, the old ones for answers the
    page still shows stale (so that they keep counting as untouched).
    """

    proposal: Proposal
    conflicts: list[Conflict] = field(default_factory=list)
    changed_by_others: list[str] = field(default_factory=list)
    base: dict[str, str] = field(default_factory=dict)
    written: list[str] = field(default_factory=list)


def _plain(name: str, value) -> str:
    if value is None:
        return ""
    if name == "sector":
        return str(getattr(value, "pk", value))
    return str(value).strip() if name == "title" else str(value)


def saved_value(proposal: Proposal, name: str):
    return proposal.sector_id if name == "sector" else getattr(proposal, name)


def fingerprint(name: str, value) -> str:
    """A short digest of one answer: the page sends it back to say what it started from."""
    return hashlib.sha256(f"{name}\0{_plain(name, value)}".encode()).hexdigest()[:16]


def draft_fingerprints(proposal: Proposal) -> dict[str, str]:
    return {name: fingerprint(name, saved_value(proposal, name)) for name in DRAFT_FIELDS}


def _checked(proposal: Proposal, values: dict, budget_lines: list[dict] | None) -> dict:
    """The draft's answers among `values`, checked with `budget_lines`; refuses any bad one."""
    values = {k: v for k, v in values.items() if k in DRAFT_FIELDS}
    for name in QUESTION_FIELDS:
        if name in values:
            values[name] = values[name] or ""
    errors: dict = _check_draft_values(proposal.call, values)
    for number, line in enumerate(budget_lines or [], start=1):
        line_errors = _budget_line_errors(
            line.get("item", ""),
            line.get("category"),
            line.get("quantity"),
            line.get("unit_cost_rwf"),
        )
        for name, message in line_errors.items():
            errors.setdefault("budget_lines", []).append(
                _("Line %(number)s, %(field)s: %(message)s")
                % {"number": number, "field": name, "message": message}
            )
    if errors:
        raise ValidationError(errors)
    return values


def _compare(
    proposal: Proposal, values: dict, base: dict[str, str], base_version: int | None
) -> tuple[DraftSave, dict]:
    """Each answer against the saved one (see the module docstring): the result and the writes."""
    stale = base_version is not None and base_version != proposal.version
    result = DraftSave(proposal=proposal)
    writes = {}
    for name, mine in values.items():
        saved = saved_value(proposal, name)
        if _plain(name, mine) == _plain(name, saved):
            continue
        if name in base:
            if fingerprint(name, mine) == base[name]:
                result.changed_by_others.append(name)
            elif fingerprint(name, saved) == base[name]:
                writes[name] = mine
            else:
                result.conflicts.append(Conflict(name, mine, saved))
        elif stale and proposal.answer_versions.get(name, 0) > base_version:
            result.conflicts.append(Conflict(name, mine, saved))
        else:
            writes[name] = mine
    return result, writes


def _write(proposal: Proposal, writes: dict, budget_lines: list[dict] | None) -> None:
    """Write the answers (the draft's version goes up) and replace the budget when given."""
    if writes or budget_lines is not None:
        proposal.version += 1
        for name, value in writes.items():
            setattr(proposal, name, value.strip() if name == "title" else value)
            proposal.answer_versions[name] = proposal.version
        proposal.save()
    if budget_lines is not None:
        proposal.budget_lines.all().delete()
        BudgetLine.objects.bulk_create(
            BudgetLine(
                proposal=proposal,
                item=line["item"].strip(),
                category=line["category"],
                quantity=line["quantity"],
                unit_cost_rwf=line["unit_cost_rwf"],
                position=position,
            )
            for position, line in enumerate(budget_lines, start=1)
        )


@transaction.atomic
def proposal_save_draft(
    *,
    actor: User,
    proposal: Proposal,
    values: dict,
    budget_lines: list[dict] | None = None,
    base_version: int | None = None,
    base: dict[str, str] | None = None,
    all_or_nothing: bool = False,
) -> DraftSave:
    """Save answers of a draft (title, sector, questions, requested amount).

    Compare-and-set under the row lock (see the module docstring): with
    `base` (fingerprints of the answers as the writer loaded them) each
    answer is merged on its own; with only `base_version` (the API), an
    answer changed since that version and different from the writer's is a
    conflict; with neither, the values are written as given. With `budget_lines`, the budget
    is replaced by those lines in the same step. With `all_or_nothing` (the
    API), a conflict writes nothing at all. Drafts stay editable after
    the deadline: only submission closes. Every value is checked first; if
    one fails, nothing is saved.
    """
    proposal = locked_proposal(proposal)
    refuse_unless_draft(proposal)
    values = _checked(proposal, values, budget_lines)
    base = base or {}
    result, writes = _compare(proposal, values, base, base_version)
    if all_or_nothing and result.conflicts:
        writes, budget_lines = {}, None
    result.written = list(writes)
    _write(proposal, writes, budget_lines)
    kept = {c.field for c in result.conflicts} | set(result.changed_by_others)
    fresh = draft_fingerprints(proposal)
    result.base = {
        name: base[name] if name in kept and name in base else fresh[name] for name in DRAFT_FIELDS
    }
    return result
