"""Small steps shared by the calls services: locking, the checks before a change, team mail."""

from django.core.exceptions import ValidationError
from django.db.models import prefetch_related_objects
from django.utils import timezone
from django.utils.translation import gettext as _

from skillbridge.calls.models import Call, Proposal, TeamMember
from skillbridge.calls.states import PROPOSAL
from skillbridge.common import formats
from skillbridge.common.services import mail_queue
from skillbridge.common.transitions import locked
from skillbridge.people.models import ProgrammeRole, Role, User


def locked_proposal(proposal: Proposal) -> Proposal:
    """The proposal re-read under a row lock, with its team, budget and attachments.

    Every change of a proposal starts here, so two requests (a double click,
    the web page and the API) cannot both move or edit the same proposal.
    """
    fresh = locked(proposal)
    prefetch_related_objects([fresh], "members", "budget_lines", "attachments")
    return fresh


def refuse_unless_draft(proposal: Proposal) -> None:
    """Refuse to change a proposal's answers, team, budget or documents once submitted.

    A draft can be edited exactly while it can be submitted, so the
    transition table answers (with its refusal).
    """
    PROPOSAL.refuse_unless_can(proposal, "submit")


def kigali_time(moment) -> str:
    return formats.date_time(moment) + " (Africa/Kigali)"


def refuse_unless_open(call: Call, *, now=None) -> None:
    """Refuse anything but a published call between its opening and its deadline."""
    now = now or timezone.now()
    if not call.is_published or now < call.opens_at:
        raise ValidationError({"__all__": _("This call is not open yet.")})
    if now >= call.closes_at:
        raise ValidationError(
            {
                "__all__": _(
                    "The deadline of this call passed on %(deadline)s. Your draft is kept and "
                    "you can still read and edit it, but it can no longer be submitted."
                )
                % {"deadline": kigali_time(call.closes_at)}
            }
        )


def language_of(email: str, default: str = "en") -> str:
    user = User.objects.filter(email__iexact=email).only("preferred_language").first()
    return user.preferred_language if user else default


def mail_team(*, proposal: Proposal, template: str, context: dict, kind: str) -> int:
    """Write one message to each member who joined the team, in their own language."""
    sent = 0
    members = proposal.members.select_related("user").filter(status=TeamMember.Status.JOINED)
    for member in members:
        language = member.user.preferred_language if member.user else "en"
        mail_queue(
            to=member.email,
            template=template,
            context={"proposal": proposal, "member": member, "call": proposal.call, **context},
            language=language,
            programme=proposal.call.programme,
            kind=kind,
        )
        sent += 1
    return sent


def mail_coordinators(*, proposal: Proposal, template: str, kind: str) -> int:
    """Write one message to each coordinator of the proposal's college, in their own language."""
    coordinators = (
        ProgrammeRole.objects.filter(
            programme=proposal.call.programme_id,
            role=Role.COLLEGE_COORDINATOR,
            organisation=proposal.college_id,
            user__is_active=True,
        )
        .select_related("user")
        .order_by("user__email")
    )
    sent = 0
    for role in {role.user_id: role for role in coordinators}.values():
        mail_queue(
            to=role.user.email,
            template=template,
            context={"proposal": proposal, "call": proposal.call, "coordinator": role.user},
            language=role.user.preferred_language,
            programme=proposal.call.programme,
            kind=kind,
        )
        sent += 1
    return sent
