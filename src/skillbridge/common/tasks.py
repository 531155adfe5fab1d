"""Background work of the common app."""

from django.tasks import task

from skillbridge.common import delivery


@task()
def deliver_outbox_message(*, message_id: int) -> str:
    return delivery.outbox_deliver(message_id=message_id).status
