"""Teams: invitations, joining, removal, and the coordinator's check of affiliations."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from skillbridge.calls.models import Proposal, TeamMember
from skillbridge.calls.services._common import language_of, locked_proposal, refuse_unless_draft
from skillbridge.calls.states import AFFILIATION_OPEN, OFFICER_AFFILIATION_OPEN
from skillbridge.calls.tokens import INVITATION_MAX_AGE, invitation_token
from skillbridge.common.services import audit_record, mail_queue
from skillbridge.common.transitions import Window
from skillbridge.people.models import ProgrammeRole, Role, User
from skillbridge.people.selectors import roles_in


def _refuse_other_college(*, user: User | None, email: str, proposal: Proposal) -> None:
    """Members come from the lead's college: refuse an applicant of another one."""
    user = user or User.objects.filter(email__iexact=email).first()
    if user is None:
        return
    role = ProgrammeRole.objects.filter(
        user=user, programme=proposal.call.programme, role=Role.APPLICANT
    ).first()
    if role and role.organisation_id != proposal.college_id:
        raise ValidationError(
            {
                "email": _(
                    "This person applies for %(other)s. Team members must all come from "
                    "%(college)s."
                )
                % {"other": role.organisation, "college": proposal.college}
            }
        )
    if role is None and roles_in(user, proposal.call.programme):
        raise ValidationError(
            {"email": _("Programme staff and reviewers cannot join a team in this programme.")}
        )


@transaction.atomic
def member_invite(
    *, actor: User, proposal: Proposal, email: str, full_name: str, kind: str
) -> TeamMember:
    """Invite someone of the same college to a draft's team by email.

    Writes the member as invited, audits it, and mails a signed link that
    expires after two weeks, in the invitee's language if they have an
    account (else the lead's).
    """
    proposal = locked_proposal(proposal)
    refuse_unless_draft(proposal)
    email = User.objects.normalize_email(email.strip()).lower()
    errors = {}
    if kind not in TeamMember.Kind.values:
        errors["kind"] = _("Say whether this person is a student or a trainer.")
    existing = next((m for m in proposal.members.all() if m.email.lower() == email), None)
    if existing and existing.status != TeamMember.Status.REMOVED:
        errors["email"] = _("This person is already on the team or invited.")
    if errors:
        raise ValidationError(errors)
    _refuse_other_college(user=None, email=email, proposal=proposal)
    member = existing or TeamMember(proposal=proposal, email=email)
    member.full_name = full_name.strip()
    member.kind = kind
    member.user = None
    member.status = TeamMember.Status.INVITED
    member.affiliation = TeamMember.Affiliation.PENDING
    member.affiliation_note = ""
    member.joined_at = None
    member.save()
    if existing:
        # A fresh invitation date makes links sent before the removal stop working.
        TeamMember.objects.filter(pk=member.pk).update(invited_at=timezone.now())
        member.refresh_from_db()
    audit_record(actor=actor, action="team.member_invited", target=proposal, data={"email": email})
    link = reverse("calls:invitation", args=[invitation_token(member)])
    mail_queue(
        to=email,
        template="calls/mail/invitation",
        context={
            "proposal": proposal,
            "lead": actor,
            "college": proposal.college,
            "call": proposal.call,
            "link": link,
            "days": INVITATION_MAX_AGE.days,
        },
        language=language_of(email, default=actor.preferred_language),
        programme=proposal.call.programme,
        kind="team_invitation",
    )
    return member


@transaction.atomic
def invitation_accept(*, user: User, member: TeamMember, kind: str, sex: str) -> TeamMember:
    """Join a team through an invitation sent to `user`'s own address.

    Someone without a role becomes an applicant of the team's college. The
    affiliation then waits for the coordinator. Audited.
    """
    proposal = locked_proposal(member.proposal)
    refuse_unless_draft(proposal)
    member = TeamMember.objects.select_for_update(of=("self",)).get(pk=member.pk)
    if member.status != TeamMember.Status.INVITED:
        raise ValidationError({"__all__": _("This invitation was already answered.")})
    if member.email.lower() != user.email.lower():
        raise ValidationError(
            {
                "__all__": _(
                    "This invitation was sent to another address. Sign in as %(email)s to "
                    "accept it."
                )
                % {"email": member.email}
            }
        )
    errors = {}
    if kind not in TeamMember.Kind.values:
        errors["kind"] = _("Say whether you are a student or a trainer.")
    if sex not in TeamMember.Sex.values:
        errors["sex"] = _("Choose an answer.")
    if errors:
        raise ValidationError(errors)
    _refuse_other_college(user=user, email=user.email, proposal=proposal)
    if not ProgrammeRole.objects.filter(
        user=user, programme=proposal.call.programme, role=Role.APPLICANT
    ).exists():
        ProgrammeRole.objects.create(
            user=user,
            programme=proposal.call.programme,
            role=Role.APPLICANT,
            organisation=proposal.college,
        )
    member.user = user
    member.full_name = user.full_name or member.full_name
    member.kind = kind
    member.sex = sex
    member.status = TeamMember.Status.JOINED
    member.joined_at = timezone.now()
    member.save()
    audit_record(
        actor=user,
        action="team.member_joined",
        target=proposal,
        before=TeamMember.Status.INVITED,
        after=TeamMember.Status.JOINED,
        data={"member": member.pk},
    )
    return member


@transaction.atomic
def member_remove(*, actor: User, member: TeamMember) -> TeamMember:
    """Take a member (or an open invitation) off a draft's team. The lead stays. Audited."""
    proposal = locked_proposal(member.proposal)
    refuse_unless_draft(proposal)
    member = TeamMember.objects.select_for_update(of=("self",)).get(pk=member.pk)
    if member.is_lead:
        raise ValidationError({"__all__": _("The team lead cannot be removed.")})
    if member.status == TeamMember.Status.REMOVED:
        raise ValidationError({"__all__": _("This person is no longer on the team.")})
    before = member.status
    member.status = TeamMember.Status.REMOVED
    member.save(update_fields=["status"])
    audit_record(
        actor=actor,
        action="team.member_removed",
        target=proposal,
        before=before,
        after=member.status,
        data={"member": member.pk, "email": member.email},
    )
    return member


def _set_affiliation(
    *,
    actor: User,
    member: TeamMember,
    affiliation: str,
    note: str,
    window: Window = AFFILIATION_OPEN,
    action: str = "",
    data: dict | None = None,
    only_pending: bool = False,
) -> TeamMember:
    proposal = locked_proposal(member.proposal)
    window.refuse_unless_open(proposal)
    member = TeamMember.objects.select_for_update(of=("self",)).get(pk=member.pk)
    if member.status != TeamMember.Status.JOINED:
        raise ValidationError({"__all__": _("Only members who joined the team can be checked.")})
    if only_pending and member.affiliation != TeamMember.Affiliation.PENDING:
        raise ValidationError(
            {"__all__": _("The college coordinator already decided about this member.")}
        )
    before = member.affiliation
    member.affiliation = affiliation
    member.affiliation_note = note.strip()[:255]
    member.save(update_fields=["affiliation", "affiliation_note"])
    audit_record(
        actor=actor,
        action=action or f"team.affiliation_{affiliation}",
        target=member,
        before=before,
        after=affiliation,
        data={"proposal": proposal.pk, **(data or {})},
    )
    return member


@transaction.atomic
def member_affiliation_confirm(*, actor: User, member: TeamMember, note: str = "") -> TeamMember:
    """The coordinator confirms that a member studies or teaches at the team's college."""
    return _set_affiliation(
        actor=actor, member=member, affiliation=TeamMember.Affiliation.CONFIRMED, note=note
    )


@transaction.atomic
def member_affiliation_reject(*, actor: User, member: TeamMember, note: str) -> TeamMember:
    """The coordinator finds a member does not belong to the college, saying why."""
    if not note.strip():
        raise ValidationError({"note": _("Say why, so the team understands.")})
    return _set_affiliation(
        actor=actor, member=member, affiliation=TeamMember.Affiliation.REJECTED, note=note
    )


@transaction.atomic
def member_affiliation_confirm_by_officer(
    *, actor: User, member: TeamMember, reason: str
) -> TeamMember:
    """A programme officer confirms a member's affiliation when the coordinator does not act.

    Only for a submitted proposal, so eligibility never waits on an absent
    coordinator; a member still pending only (a rejection stands). The
    reason is required and goes to the audit log with the officer's name.
    """
    reason = reason.strip()
    if not reason:
        raise ValidationError(
            {"reason": _("Say why you confirm instead of the college coordinator.")}
        )
    return _set_affiliation(
        actor=actor,
        member=member,
        affiliation=TeamMember.Affiliation.CONFIRMED,
        note=reason,
        window=OFFICER_AFFILIATION_OPEN,
        action="team.affiliation_confirmed_by_officer",
        data={"reason": reason},
        only_pending=True,
    )
