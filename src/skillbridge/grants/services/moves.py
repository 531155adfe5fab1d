"""The one function that moves each of a grant's aggregates: the grant, a milestone, a report,
an amendment.

Each is called by the service of the step, inside its transaction, with the
object locked (grant first, as every money step locks it); each checks the
table of grants.states, writes, audits `<noun>.<state reached>` and does what
the step sets off (a tranche becoming payable, mail to the team).
"""

from django.utils import timezone

from skillbridge.grants.models import Amendment, FinancialReport, Grant, Milestone
from skillbridge.grants.services.common import mail_each, team_recipients, tranche_make_payable
from skillbridge.grants.states import AMENDMENT, FINANCIAL_REPORT, GRANT, MILESTONE

REVIEWS = {"approve", "return"}


def grant_move(
    *,
    actor,
    grant: Grant,
    action: str,
    reason: str | None = None,
    update_fields: tuple[str, ...] = (),
    **data,
) -> str:
    """Move `grant` by `action`; return the state it left.

    Refuses with the action's message unless the state allows it; writes the
    state, the reason when one is given (the team reads it on the grant's
    page) and the caller's other changed `update_fields`; audits it with
    `data`. An accepted agreement makes the first tranche payable, which tells
    the finance officers.
    """
    fields = list(update_fields)
    if reason is not None:
        grant.state_reason = reason
        fields.append("state_reason")
        data["reason"] = reason
    before = GRANT.move(grant, action, actor=actor, data=data, update_fields=tuple(fields))
    if action == "accept_agreement":
        first = grant.tranches.get(number=1)
        first.grant = grant
        tranche_make_payable(actor=actor, tranche=first)
    return before


def milestone_move(
    *,
    actor,
    milestone: Milestone,
    action: str,
    comments: str = "",
    update_fields: tuple[str, ...] = (),
) -> str:
    """Move `milestone` by `action` (submit, approve, return); return the state it left.

    Refuses with the action's message unless the state allows it; a review
    writes the officer's comments and when. Audits it with the deliverable
    (and the comments sent back). Approval makes the tranche payable, which
    tells the finance officers; a return mails the team the comments.
    """
    fields = list(update_fields)
    data = {"deliverable": milestone.deliverable}
    if action in REVIEWS:
        milestone.review_comments = comments.strip()
        milestone.reviewed_at = timezone.now()
        fields += ["review_comments", "reviewed_at"]
    if action == "return":
        data["comments"] = milestone.review_comments
    before = MILESTONE.move(milestone, action, actor=actor, data=data, update_fields=tuple(fields))
    grant = milestone.tranche.grant
    if action == "approve":
        tranche_make_payable(actor=actor, tranche=milestone.tranche)
    elif action == "return":
        mail_each(
            team_recipients(grant),
            template="grants/mail/milestone_returned",
            context={"grant": grant, "milestone": milestone},
            grant=grant,
            kind="grants.milestone_returned",
        )
    return before


def report_move(*, actor, report: FinancialReport, action: str, comments: str = "") -> str:
    """Approve or return a submitted financial report with the officer's comments; return the
    state it left. Refuses a report already reviewed; audits it with its kind."""
    report.review_comments = comments.strip()
    report.reviewed_at = timezone.now()
    return FINANCIAL_REPORT.move(
        report,
        action,
        actor=actor,
        data={"kind": report.kind},
        update_fields=("review_comments", "reviewed_at"),
    )


def amendment_move(*, actor, amendment: Amendment, action: str, comments: str = "") -> str:
    """Approve or reject a pending amendment, recording who decided, when and their comments;
    return the state it left. Refuses one already decided; audits it with its kind and grant
    (and, for a rejection, the comments). The caller applies an approved change."""
    amendment.decided_by = actor
    amendment.decided_at = timezone.now()
    amendment.comments = comments.strip()
    data = {"kind": amendment.kind, "grant": amendment.grant_id}
    if action == "reject":
        data["comments"] = amendment.comments
    return AMENDMENT.move(
        amendment,
        action,
        actor=actor,
        data=data,
        update_fields=("decided_by", "decided_at", "comments"),
    )
