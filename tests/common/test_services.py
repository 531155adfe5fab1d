import pytest
from django.core import mail
from django.db import transaction

from skillbridge.common.models import AuditEntry, OutboxMessage
from skillbridge.common.services import audit_record, mail_queue_rendered


@pytest.mark.django_db(transaction=True)
def test_queued_mail_is_delivered_after_the_step_commits():
    with transaction.atomic():
        message = mail_queue_rendered(
            to="amani@example.org", subject="Hello", body="Body text", language="en"
        )
        assert mail.outbox == []
    message.refresh_from_db()
    assert message.status == OutboxMessage.Status.SENT
    assert message.attempts == 1
    assert [(m.to, m.subject, m.body) for m in mail.outbox] == [
        (["amani@example.org"], "Hello", "Body text")
    ]


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_step_sends_no_mail():

    class StepFailed(Exception):
        pass

    @transaction.atomic
    def failing_step():
        mail_queue_rendered(to="amani@example.org", subject="Hi", body="x", language="en")
        raise StepFailed

    with pytest.raises(StepFailed):
        failing_step()
    assert OutboxMessage.objects.count() == 0
    assert mail.outbox == []


def test_audit_record_keeps_who_what_and_the_transition(officer, programme):
    entry = audit_record(
        actor=officer, action="programme.renamed", target=programme, before="a", after="b"
    )
    stored = AuditEntry.objects.get()
    assert stored == entry
    assert (stored.actor, stored.action, stored.target, stored.before, stored.after) == (
        officer,
        "programme.renamed",
        programme,
        "a",
        "b",
    )


def test_a_long_before_or_after_is_kept_whole_in_the_details(officer, programme):
    story = "A long text. " * 40
    entry = audit_record(actor=officer, action="story.approved", target=programme, after=story)
    entry.refresh_from_db()
    assert entry.after == story[:255]
    assert entry.data == {"after": story}
