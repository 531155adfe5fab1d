"""What releasing a call's decisions would send, shown before anything is sent."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from skillbridge.calls.models import Call, TeamMember
from skillbridge.review.models import Decision
from skillbridge.review.selectors import applicant_comments
from skillbridge.review.services.deciding import (
    decision_mail_context,
    release_digest,
    team_recipients,
)

TEMPLATE = "review/mail/decision"


@dataclass(frozen=True)
class SampleMail:
    outcome: str  # the decision's label
    to: str
    language: str
    subject: str
    body: str


@dataclass(frozen=True)
class ReleasePreview:
    counts: list[tuple[str, int]]  # (outcome label, how many), in the outcomes' order
    mails: int  # messages the release would queue
    samples: list[SampleMail]  # one rendered mail per outcome
    share_comments: bool
    digest: str

    @property
    def total(self) -> int:
        return sum(count for _, count in self.counts)


def _render(decision: Decision, share_comments: bool, recipient) -> SampleMail:
    email, name, language = recipient
    comments = applicant_comments(decision.proposal) if share_comments else []
    context = {
        "site_url": settings.SITE_URL,
        **decision_mail_context(decision, comments, name),
    }
    with translation.override(language):
        subject = render_to_string(f"{TEMPLATE}_subject.txt", context).strip()
        body = render_to_string(f"{TEMPLATE}_body.txt", context)
    return SampleMail(decision.get_outcome_display(), email, language, subject, body)


def _recipients_count(call: Call) -> int:
    """How many messages the release queues: one per joined member's address, per proposal."""
    members = TeamMember.objects.filter(
        proposal__decision__call=call,
        proposal__decision__released_at__isnull=True,
        status=TeamMember.Status.JOINED,
    ).values_list("proposal_id", "user__email", "email")
    return len({(proposal_id, (own or email).lower()) for proposal_id, own, email in members})


def release_preview(*, call: Call, share_comments: bool) -> ReleasePreview:
    """Counts per outcome and one mail of each kind, as `decisions_release` would send them.

    Reads only: no decision moves, no message reaches the outbox, nothing is
    audited. Its `digest` goes back with the officer's confirmation.
    """
    staged = list(
        Decision.objects.filter(call=call, released_at__isnull=True)
        .select_related("proposal__call__programme", "proposal__lead")
        .order_by("proposal_id")
    )
    counts, samples = [], []
    for outcome, label in Decision.Outcome.choices:
        of_kind = [d for d in staged if d.outcome == outcome]
        counts.append((label, len(of_kind)))
        for decision in of_kind:
            recipients = team_recipients(decision)
            if recipients:
                samples.append(_render(decision, share_comments, recipients[0]))
                break
    return ReleasePreview(
        counts=counts,
        mails=_recipients_count(call),
        samples=samples,
        share_comments=share_comments,
        digest=release_digest(staged, share_comments),
    )
