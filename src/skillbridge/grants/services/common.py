"""Helpers shared by the grant services: recipients, audit and payable tranches."""

from django.utils import timezone

from skillbridge.common.services import audit_record, mail_queue
from skillbridge.grants.models import Grant, Tranche
from skillbridge.people.models import ProgrammeRole, Role


def team_recipients(grant: Grant) -> list[tuple[str, str]]:
    """(email, language) of every joined member of the funded team, lead first."""
    seen: dict[str, str] = {}
    members = grant.proposal.members.filter(status="joined").select_related("user")
    for member in members.order_by("-is_lead", "id"):
        if member.user is not None:
            seen.setdefault(member.user.email, member.user.preferred_language)
        else:
            seen.setdefault(member.email, "en")
    return list(seen.items())


def finance_recipients(grant: Grant) -> list[tuple[str, str]]:
    roles = ProgrammeRole.objects.filter(
        programme_id=grant.programme_id, role=Role.FINANCE_OFFICER
    ).select_related("user")
    return [(r.user.email, r.user.preferred_language) for r in roles.order_by("user__email")]


def mail_each(
    recipients: list[tuple[str, str]], *, template: str, context: dict, grant: Grant, kind: str
):
    for email, language in recipients:
        mail_queue(
            to=email,
            template=template,
            context=context,
            language=language,
            programme=grant.programme,
            kind=kind,
        )


def grant_audit(*, actor, grant: Grant, event: str, after: str = "", **data):
    """Log `grant.<event>` against the grant: what happened to it without moving its state.

    Moves are audited by the machines (grants.states), against the object moved.
    """
    return audit_record(actor=actor, action=f"grant.{event}", target=grant, after=after, data=data)


def tranche_make_payable(*, actor, tranche: Tranche) -> None:
    """Mark a tranche payable (its condition is met) and tell the finance officers."""
    if tranche.payable_since is not None:
        return
    tranche.payable_since = timezone.now()
    tranche.save(update_fields=["payable_since"])
    grant = tranche.grant
    audit_record(
        actor=actor,
        action="tranche.payable",
        target=tranche,
        after="payable",
        data={"tranche": tranche.number, "amount_rwf": tranche.amount_rwf},
    )
    mail_each(
        finance_recipients(grant),
        template="grants/mail/tranche_payable",
        context={"grant": grant, "tranche": tranche},
        grant=grant,
        kind="grants.tranche_payable",
    )
