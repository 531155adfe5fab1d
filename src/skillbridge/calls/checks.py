"""What a proposal still lacks before it can be submitted, and what is frozen when it is.

Team rules (decided for this programme, see the issue): the lead may
submit alone or with members; every invitation must be answered or
withdrawn first, and no member may be someone the coordinator rejected.
The coordinator confirms affiliations, and the officer can only mark a
proposal eligible once every member is confirmed.
"""

from collections.abc import Iterator

from django.utils.translation import gettext as _

from skillbridge.calls.models import Proposal, TeamMember
from skillbridge.calls.questions import LIMITS, QUESTIONS
from skillbridge.common import formats


def budget_total(proposal: Proposal) -> int:
    return sum(line.total_rwf for line in proposal.budget_lines.all())


def _answers_missing(proposal: Proposal) -> Iterator[tuple[str, str]]:
    if not proposal.title.strip():
        yield "title", _("Give your proposal a title.")
    if proposal.sector_id is None:
        yield "sector", _("Choose the sector of your project.")
    for question in QUESTIONS:
        value = getattr(proposal, question.field)
        if not value.strip():
            yield question.field, _("Answer this question: %(label)s.") % {"label": question.label}
        elif len(value) > LIMITS[question.field]:
            yield (
                question.field,
                _("Shorten this answer to %(limit)s characters.") % {"limit": question.max_chars},
            )


def _budget_missing(proposal: Proposal) -> Iterator[tuple[str, str]]:
    call = proposal.call
    amount = proposal.requested_amount_rwf
    if not amount:
        yield "requested_amount_rwf", _("Enter the amount you request.")
    elif amount > call.max_grant_rwf:
        yield (
            "requested_amount_rwf",
            _("The amount requested is more than the maximum grant of %(max)s RWF.")
            % {"max": formats.number(call.max_grant_rwf)},
        )
    if not proposal.budget_lines.all():
        yield "budget_lines", _("Add at least one budget line.")
    elif amount and amount > budget_total(proposal):
        yield (
            "requested_amount_rwf",
            _("The amount requested is more than the budget total of %(total)s RWF.")
            % {"total": formats.number(budget_total(proposal))},
        )


def _documents_missing(proposal: Proposal) -> Iterator[tuple[str, str]]:
    kinds = {a.kind for a in proposal.attachments.all()}
    call = proposal.call
    for document, label in zip(call.required_documents, call.texts.required_documents, strict=True):
        if document not in kinds:
            yield "attachments", _("Attach this document: %(document)s.") % {"document": label}


def _team_unsettled(proposal: Proposal) -> Iterator[tuple[str, str]]:
    for member in proposal.members.all():
        if member.status == TeamMember.Status.INVITED:
            yield (
                "team",
                _("%(email)s has not accepted the invitation yet: wait for them or remove them.")
                % {"email": member.email},
            )
        elif (
            member.status == TeamMember.Status.JOINED
            and member.affiliation == TeamMember.Affiliation.REJECTED
        ):
            yield (
                "team",
                _("The college did not confirm %(name)s as a member: remove them.")
                % {"name": member},
            )


def proposal_missing_parts(proposal: Proposal) -> dict[str, list[str]]:
    """Everything that stops `proposal` from being submitted, as field → messages."""
    missing: dict[str, list[str]] = {}
    for check in (_answers_missing, _budget_missing, _documents_missing, _team_unsettled):
        for field, message in check(proposal):
            missing.setdefault(field, []).append(message)
    return missing


def proposal_progress(proposal: Proposal, missing: dict[str, list[str]]) -> dict[str, int]:
    """How many of the parts a proposal needs are complete, for the bar above the form.

    The parts: title, sector, each question, the amount, the budget, each
    required document and a settled team; `missing` is proposal_missing_parts.
    """
    total = 2 + len(QUESTIONS) + 2 + len(proposal.call.required_documents) + 1
    lacking = sum(
        len(problems) if field == "attachments" else 1 for field, problems in missing.items()
    )
    return {"done": max(total - lacking, 0), "total": total}


def proposal_snapshot(proposal: Proposal) -> dict:
    """The whole proposal as submitted: content, budget, team and attachments."""
    return {
        "call": {"id": proposal.call_id, "title": proposal.call.title},
        "college": proposal.college.short_name,
        "sector": proposal.sector.slug if proposal.sector else None,
        "title": proposal.title,
        **{q.field: getattr(proposal, q.field) for q in QUESTIONS},
        "requested_amount_rwf": proposal.requested_amount_rwf,
        "budget_lines": [
            {
                "item": line.item,
                "category": line.category,
                "quantity": str(line.quantity),
                "unit_cost_rwf": line.unit_cost_rwf,
                "total_rwf": line.total_rwf,
            }
            for line in proposal.budget_lines.all()
        ],
        "budget_total_rwf": budget_total(proposal),
        "team": [
            {
                "name": member.full_name,
                "email": member.email,
                "is_lead": member.is_lead,
                "kind": member.kind,
                "sex": member.sex,
                "affiliation": member.affiliation,
            }
            for member in proposal.members.all()
            if member.status == TeamMember.Status.JOINED
        ],
        "attachments": [
            {
                "id": attachment.pk,
                "kind": attachment.kind,
                "name": attachment.original_name,
                "content_type": attachment.content_type,
                "size": attachment.size,
            }
            for attachment in proposal.attachments.all()
        ],
    }
