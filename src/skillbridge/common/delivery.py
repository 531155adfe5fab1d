"""Delivery of outbox messages through Django's email backend."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone

from skillbridge.common.models import OutboxMessage


def outbox_deliver(*, message_id: int) -> OutboxMessage:
    """Send one queued message through the configured email backend.

    The row is locked so that two workers never send the same message twice.
    """
    with transaction.atomic():
        message = OutboxMessage.objects.select_for_update(of=("self",)).get(pk=message_id)
        if message.status == OutboxMessage.Status.SENT:
            return message
        email = EmailMultiAlternatives(
            subject=message.subject,
            body=message.body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[message.to],
        )
        if message.html_body:
            email.attach_alternative(message.html_body, "text/html")
        message.attempts += 1
        try:
            email.send()
        except OSError as error:
            message.status = OutboxMessage.Status.FAILED
            message.error = str(error)
        else:
            message.status = OutboxMessage.Status.SENT
            message.sent_at = timezone.now()
            message.error = ""
        message.save(update_fields=["status", "sent_at", "attempts", "error"])
    return message
