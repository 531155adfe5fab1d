"""Writes shared by every app: audit entries and outgoing mail."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.template.loader import render_to_string
from django.utils import translation

# A module import: common.tasks runs background exports, which mail through this module.
from skillbridge.common import tasks
from skillbridge.common.models import AuditEntry, OutboxMessage

AUDIT_STATE_LENGTH = AuditEntry._meta.get_field("before").max_length


def audit_record(
    *,
    actor,
    action: str,
    target: models.Model,
    before: str = "",
    after: str = "",
    data: dict | None = None,
) -> AuditEntry:
    """Add one entry to the audit log. Call it inside the step's transaction.

    `before` and `after` are short states; a longer value (a text that was
    changed) is kept whole in `data` and shortened in the column.
    """
    data = dict(data or {})
    for name, value in (("before", before), ("after", after)):
        if len(value) > AUDIT_STATE_LENGTH:
            data.setdefault(name, value)
    before, after = before[:AUDIT_STATE_LENGTH], after[:AUDIT_STATE_LENGTH]
    return AuditEntry.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        content_type=ContentType.objects.get_for_model(target),
        object_id=str(target.pk),
        before=before,
        after=after,
        data=data,
    )


def mail_queue(
    *,
    to: str,
    template: str,
    context: dict,
    language: str,
    programme=None,
    kind: str = "",
) -> OutboxMessage:
    """Write a message to the outbox in the recipient's language.

    `template` names a pair of templates, `<template>_subject.txt` and
    `<template>_body.txt`. Delivery is queued for after the surrounding
    transaction commits, so a step that fails sends nothing.
    """
    context = {"site_url": settings.SITE_URL, **context}
    with translation.override(language):
        subject = render_to_string(f"{template}_subject.txt", context).strip()
        body = render_to_string(f"{template}_body.txt", context)
    return mail_queue_rendered(
        to=to, subject=subject, body=body, language=language, programme=programme, kind=kind
    )


def mail_queue_rendered(
    *,
    to: str,
    subject: str,
    body: str,
    language: str,
    html_body: str = "",
    programme=None,
    kind: str = "",
) -> OutboxMessage:
    """Write an already rendered message to the outbox and queue its delivery."""
    message = OutboxMessage.objects.create(
        to=to,
        subject=" ".join(subject.split())[:255],
        body=body,
        html_body=html_body,
        language=language,
        programme=programme,
        kind=kind,
    )
    transaction.on_commit(lambda: tasks.deliver_outbox_message.enqueue(message_id=message.pk))
    return message
