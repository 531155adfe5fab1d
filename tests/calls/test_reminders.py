"""Deadline reminders: 72 and 24 hours before, to teams with drafts, never twice."""

import datetime

from django.core.management import call_command
from django.utils import timezone

from skillbridge.calls import services
from skillbridge.calls.models import DeadlineReminder
from skillbridge.common.models import OutboxMessage
from tests.calls.factories import ProposalFactory


def closing_in(call, hours):
    call.closes_at = timezone.now() + datetime.timedelta(hours=hours)
    call.save()


def reminders():
    return list(
        OutboxMessage.objects.filter(kind="deadline_reminder")
        .order_by("id")
        .values_list("to", "language")
    )


def test_teams_with_a_draft_are_reminded_72_hours_before_once(draft, member, call):
    member.preferred_language = "fr"
    member.save()
    closing_in(call, 70)

    assert services.deadline_reminders_send() == 1
    assert services.deadline_reminders_send() == 0

    assert reminders() == [("amani@example.org", "en"), ("mia@example.org", "fr")]
    assert list(DeadlineReminder.objects.values_list("kind", "recipients")) == [("72h", 2)]


def test_the_24_hour_reminder_follows_the_72_hour_one(draft, call):
    closing_in(call, 70)
    services.deadline_reminders_send()

    later = timezone.now() + datetime.timedelta(hours=47)
    assert services.deadline_reminders_send(now=later) == 1
    assert services.deadline_reminders_send(now=later) == 0

    assert sorted(DeadlineReminder.objects.values_list("kind", flat=True)) == ["24h", "72h"]


def test_a_team_first_reached_within_24_hours_gets_only_that_reminder(draft, call):
    closing_in(call, 20)

    services.deadline_reminders_send()
    services.deadline_reminders_send(now=timezone.now() + datetime.timedelta(hours=1))

    assert list(DeadlineReminder.objects.values_list("kind", flat=True)) == ["24h"]
    assert len(reminders()) == 1


def test_nobody_is_reminded_too_early_after_the_deadline_or_after_submitting(
    draft, applicant, call, college
):
    closing_in(call, 100)
    assert services.deadline_reminders_send() == 0

    closing_in(call, 30)
    services.proposal_submit(actor=applicant, proposal=draft)
    late_draft = ProposalFactory(call=call, lead=applicant, college=college)
    closing_in(call, -1)
    assert services.deadline_reminders_send() == 0
    assert late_draft.reminders.count() == 0


def test_run_scheduled_sends_the_reminders(draft, call, capsys):
    closing_in(call, 60)

    call_command("run_scheduled")
    call_command("run_scheduled")

    assert len(reminders()) == 1
    assert "skillbridge.calls.tasks.send_deadline_reminders: 1" in capsys.readouterr().out
