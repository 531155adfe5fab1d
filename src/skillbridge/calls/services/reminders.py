"""Deadline reminders to teams whose proposal is still a draft."""

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from skillbridge.calls.models import DeadlineReminder, Proposal
from skillbridge.calls.services._common import mail_team

WINDOWS = [
    (DeadlineReminder.Kind.DAY_1, datetime.timedelta(hours=24)),
    (DeadlineReminder.Kind.DAYS_3, datetime.timedelta(hours=72)),
]


def _due_kind(closes_at, now) -> str | None:
    """The most urgent reminder due now; a team first reached at 20 hours gets only that one."""
    for kind, before in WINDOWS:
        if now < closes_at <= now + before:
            return kind
    return None


def deadline_reminders_send(*, now: datetime.datetime | None = None) -> int:
    """Remind each team with a draft 72 and 24 hours before its call's deadline.

    Each reminder is recorded in the same transaction as its mail, under a
    unique constraint, so running this again (or twice at once) sends
    nothing twice. Answers the number of reminders sent.
    """
    now = now or timezone.now()
    drafts = Proposal.objects.filter(
        state=Proposal.State.DRAFT,
        call__is_published=True,
        call__closes_at__gt=now,
        call__closes_at__lte=now + WINDOWS[-1][1],
    ).select_related("call__programme")
    sent = 0
    for proposal in drafts:
        kind = _due_kind(proposal.call.closes_at, now)
        if kind is None or proposal.reminders.filter(kind__in=_covering(kind)).exists():
            continue
        try:
            with transaction.atomic():
                reminder = DeadlineReminder.objects.create(proposal=proposal, kind=kind)
                reminder.recipients = mail_team(
                    proposal=proposal,
                    template="calls/mail/reminder",
                    context={"hours": 24 if kind == DeadlineReminder.Kind.DAY_1 else 72},
                    kind="deadline_reminder",
                )
                reminder.save(update_fields=["recipients"])
        except IntegrityError:
            continue  # Another run recorded this reminder first.
        sent += 1
    return sent


def _covering(kind: str) -> list[str]:
    # Once the 24-hour reminder is out, the 72-hour one is no longer news.
    if kind == DeadlineReminder.Kind.DAYS_3:
        return [DeadlineReminder.Kind.DAYS_3, DeadlineReminder.Kind.DAY_1]
    return [kind]
