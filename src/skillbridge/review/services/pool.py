"""Naming the reviewers of a call."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from skillbridge.calls.models import Call
from skillbridge.common.services import audit_record
from skillbridge.people.models import ProgrammeRole, Role, User
from skillbridge.programmes.models import Sector
from skillbridge.review.models import PoolMember, Review


@transaction.atomic
def pool_member_save(
    *,
    actor: User,
    call: Call,
    reviewer: User,
    load_limit: int,
    sectors: Iterable[Sector] = (),
) -> PoolMember:
    """Name `reviewer` to the call's panel, or update their load limit and expertise.

    Checks that they hold the reviewer role in the programme (their organisation
    comes from that role) and that the limit is not below their current load;
    writes the pool entry; audits.
    """
    role = ProgrammeRole.objects.filter(
        user=reviewer, programme_id=call.programme_id, role=Role.REVIEWER
    ).first()
    if role is None:
        raise ValidationError({"reviewer": _("This person is not a reviewer in the programme.")})
    if load_limit < 1:
        raise ValidationError({"load_limit": _("The load limit must be at least 1.")})
    load = Review.objects.filter(
        reviewer=reviewer, proposal__call=call, status=Review.Status.ACTIVE
    ).count()
    if load_limit < load:
        raise ValidationError(
            {
                "load_limit": _(
                    "This reviewer already has %(load)s assignments; the limit cannot be lower."
                )
                % {"load": load}
            }
        )
    member, created = PoolMember.objects.update_or_create(
        call=call,
        reviewer=reviewer,
        defaults={"organisation_id": role.organisation_id, "load_limit": load_limit},
    )
    member.sectors.set(list(sectors))
    audit_record(
        actor=actor,
        action="review.pool_added" if created else "review.pool_updated",
        target=member,
        data={"call": call.pk, "load_limit": load_limit, "sectors": [s.slug for s in sectors]},
    )
    return member


@transaction.atomic
def pool_member_remove(*, actor: User, member: PoolMember) -> None:
    """Take a reviewer off the panel; refused while they hold current assignments."""
    if Review.objects.filter(
        reviewer_id=member.reviewer_id, proposal__call_id=member.call_id, status="active"
    ).exists():
        raise ValidationError(
            {"reviewer": _("Remove this reviewer's assignments before removing them.")}
        )
    audit_record(
        actor=actor,
        action="review.pool_removed",
        target=member.call,
        data={"reviewer": member.reviewer_id},
    )
    member.delete()
