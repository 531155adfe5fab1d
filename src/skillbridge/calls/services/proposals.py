"""Writing, submitting and withdrawing proposals."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from skillbridge.calls.checks import proposal_missing_parts, proposal_snapshot
from skillbridge.calls.models import Attachment, BudgetLine, Call, Proposal, TeamMember
from skillbridge.calls.questions import (
    ATTACHMENT_MAX_MEGABYTES,
    LIMITS,
    OTHER_DOCUMENT,
    QUESTION_FIELDS,
    TITLE_MAX_CHARS,
)
from skillbridge.calls.selectors import proposal_has_grant
from skillbridge.calls.services._common import (
    locked_proposal,
    refuse_unless_draft,
    refuse_unless_open,
)
from skillbridge.calls.services.moves import proposal_move
from skillbridge.calls.states import PROPOSAL
from skillbridge.common import formats
from skillbridge.common.services import audit_record
from skillbridge.common.uploads import DOCUMENTS, validate_upload
from skillbridge.people.models import Organisation, ProgrammeRole, Role, User
from skillbridge.people.selectors import roles_in
from skillbridge.programmes.models import Sector

DRAFT_FIELDS = ["title", "sector", *QUESTION_FIELDS, "requested_amount_rwf"]


def eligible_colleges(call: Call):
    """The colleges that may apply: those the call names, else all of the programme's."""
    colleges = call.eligible_colleges.all()
    return colleges if colleges.exists() else call.programme.colleges.all()


def applicant_college(*, user: User, call: Call) -> Organisation | None:
    role = ProgrammeRole.objects.filter(
        user=user, programme=call.programme, role=Role.APPLICANT
    ).first()
    return role.organisation if role else None


def _check_draft_values(call: Call, values: dict) -> dict[str, str]:
    errors: dict[str, str] = {}
    title = values.get("title")
    if title is not None and not str(title).strip():
        errors["title"] = _("Give your proposal a title.")
    elif title is not None and len(title) > TITLE_MAX_CHARS:
        errors["title"] = _("Shorten the title to %(limit)s characters.") % {
            "limit": TITLE_MAX_CHARS
        }
    for field, limit in LIMITS.items():
        if len(values.get(field) or "") > limit:
            errors[field] = _("Shorten this answer to %(limit)s characters.") % {"limit": limit}
    sector = values.get("sector")
    if sector is not None and not call.sectors.filter(pk=sector.pk).exists():
        errors["sector"] = _("This call does not fund that sector.")
    amount = values.get("requested_amount_rwf")
    if amount is not None and amount > call.max_grant_rwf:
        errors["requested_amount_rwf"] = _(
            "The amount requested is more than the maximum grant of %(max)s RWF."
        ) % {"max": formats.number(call.max_grant_rwf)}
    return errors


def _applying_college(
    *, user: User, call: Call, own: Organisation | None, named: Organisation | None
) -> Organisation:
    """The college `user` applies for: their own as applicant, else the eligible one named."""
    if own is None and roles_in(user, call.programme):
        raise ValidationError(
            {"__all__": _("Programme staff and reviewers cannot apply in this programme.")}
        )
    college = own or named
    if college is None:
        raise ValidationError({"college": _("Choose your college.")})
    if not eligible_colleges(call).filter(pk=college.pk).exists():
        raise ValidationError(
            {
                "college": _("Students and trainers of %(college)s cannot apply to this call.")
                % {"college": college}
            }
        )
    return college


@transaction.atomic
def proposal_start(
    *,
    user: User,
    call: Call,
    title: str,
    kind: str,
    sex: str,
    sector: Sector | None = None,
    college: Organisation | None = None,
) -> Proposal:
    """Start a draft with `user` as team lead.

    Refuses a call that is not open. Someone without a role in the programme
    becomes an applicant of the college they name; an applicant always
    applies for their own college. Audited as proposal.draft.
    """
    refuse_unless_open(call)
    own_college = applicant_college(user=user, call=call)
    college = _applying_college(user=user, call=call, own=own_college, named=college)
    errors = _check_draft_values(call, {"title": title, "sector": sector})
    if kind not in TeamMember.Kind.values:
        errors["kind"] = _("Say whether you are a student or a trainer.")
    if sex not in TeamMember.Sex.values:
        errors["sex"] = _("Choose an answer.")
    if errors:
        raise ValidationError(errors)
    if own_college is None:
        ProgrammeRole.objects.create(
            user=user, programme=call.programme, role=Role.APPLICANT, organisation=college
        )
    proposal = Proposal.objects.create(
        call=call, college=college, lead=user, sector=sector, title=title.strip()
    )
    TeamMember.objects.create(
        proposal=proposal,
        user=user,
        email=user.email,
        full_name=user.full_name,
        is_lead=True,
        kind=kind,
        sex=sex,
        status=TeamMember.Status.JOINED,
        joined_at=timezone.now(),
    )
    audit_record(
        actor=user,
        action="proposal.draft",
        target=proposal,
        before="",
        after=proposal.state,
        data={"transition": "start"},
    )
    return proposal


def _budget_line_errors(item: str, category: str, quantity, unit_cost_rwf) -> dict[str, str]:
    errors = {}
    if not (item or "").strip():
        errors["item"] = _("Name the item.")
    if category not in BudgetLine.Category.values:
        errors["category"] = _("Choose a category.")
    if quantity is None or quantity <= 0:
        errors["quantity"] = _("Enter a quantity above zero.")
    if unit_cost_rwf is None or unit_cost_rwf < 0:
        errors["unit_cost_rwf"] = _("Enter a cost of zero or more.")
    return errors


@transaction.atomic
def budget_line_add(
    *,
    actor: User,
    proposal: Proposal,
    item: str,
    category: str,
    quantity: Decimal,
    unit_cost_rwf: int,
) -> BudgetLine:
    """Add a budget line to a draft; the total is quantity × unit cost."""
    proposal = locked_proposal(proposal)
    refuse_unless_draft(proposal)
    errors = _budget_line_errors(item, category, quantity, unit_cost_rwf)
    if errors:
        raise ValidationError(errors)
    position = max((line.position for line in proposal.budget_lines.all()), default=0) + 1
    line = BudgetLine.objects.create(
        proposal=proposal,
        item=item.strip(),
        category=category,
        quantity=quantity,
        unit_cost_rwf=unit_cost_rwf,
        position=position,
    )
    proposal.save(update_fields=["updated_at"])
    return line


@transaction.atomic
def budget_line_update(
    *,
    actor: User,
    line: BudgetLine,
    item: str,
    category: str,
    quantity: Decimal,
    unit_cost_rwf: int,
) -> BudgetLine:
    """Change a line of a draft's budget in place; it keeps its place in the list."""
    proposal = locked_proposal(line.proposal)
    refuse_unless_draft(proposal)
    errors = _budget_line_errors(item, category, quantity, unit_cost_rwf)
    if errors:
        raise ValidationError(errors)
    line.item = item.strip()
    line.category = category
    line.quantity = quantity
    line.unit_cost_rwf = unit_cost_rwf
    line.save(update_fields=["item", "category", "quantity", "unit_cost_rwf"])
    proposal.save(update_fields=["updated_at"])
    return line


@transaction.atomic
def budget_line_remove(*, actor: User, line: BudgetLine) -> None:
    """Remove a budget line from a draft."""
    proposal = locked_proposal(line.proposal)
    refuse_unless_draft(proposal)
    line.delete()
    proposal.save(update_fields=["updated_at"])


@transaction.atomic
def attachment_add(*, actor: User, proposal: Proposal, kind: str, upload) -> Attachment:
    """Attach a document to a draft, after checking its kind, type and size."""
    proposal = locked_proposal(proposal)
    refuse_unless_draft(proposal)
    if kind not in [*proposal.call.required_documents, OTHER_DOCUMENT]:
        raise ValidationError({"kind": _("Choose which document this is.")})
    try:
        validate_upload(upload, extensions=DOCUMENTS, max_megabytes=ATTACHMENT_MAX_MEGABYTES)
    except ValidationError as error:
        raise ValidationError({"file": error.messages}) from error
    attachment = Attachment.objects.create(
        proposal=proposal,
        kind=kind,
        file=upload,
        original_name=upload.name[:255],
        content_type=getattr(upload, "content_type", "") or "application/octet-stream",
        size=upload.size,
        uploaded_by=actor,
    )
    proposal.save(update_fields=["updated_at"])
    return attachment


@transaction.atomic
def attachment_remove(*, actor: User, attachment: Attachment) -> None:
    """Remove an attachment from a draft, and its file once the removal is committed."""
    proposal = locked_proposal(attachment.proposal)
    refuse_unless_draft(proposal)
    field_file = attachment.file
    attachment.delete()
    proposal.save(update_fields=["updated_at"])
    transaction.on_commit(lambda: field_file.delete(save=False))


@transaction.atomic
def proposal_submit(*, actor: User, proposal: Proposal, now=None) -> Proposal:
    """Submit a complete draft before the deadline.

    Refuses after the deadline (the draft is kept), and lists every missing
    part. Freezes the snapshot, moves draft → submitted, audits it, mails
    a confirmation to each team member and asks the college's coordinators
    to confirm the team.
    """
    proposal = locked_proposal(proposal)
    refuse_unless_draft(proposal)
    refuse_unless_open(proposal.call, now=now)
    missing = proposal_missing_parts(proposal)
    if missing:
        raise ValidationError(missing)
    proposal.snapshot = proposal_snapshot(proposal)
    proposal.submitted_at = now or timezone.now()
    proposal_move(
        actor=actor,
        proposal=proposal,
        action="submit",
        update_fields=("snapshot", "submitted_at"),
    )
    return proposal


@transaction.atomic
def proposal_withdraw(*, actor: User, proposal: Proposal, reason: str = "") -> Proposal:
    """Withdraw a proposal: before a decision, or when selected or in reserve until a grant is
    awarded. Audited; the snapshot stays."""
    proposal = locked_proposal(proposal)
    PROPOSAL.refuse_unless_can(proposal, "withdraw")
    if proposal_has_grant(proposal):
        raise ValidationError(
            {"__all__": _("This proposal has a grant: ask the programme officer to end it.")}
        )
    proposal_move(actor=actor, proposal=proposal, action="withdraw", reason=reason)
    return proposal
