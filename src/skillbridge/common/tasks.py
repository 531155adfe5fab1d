"""Background work of the common app."""

from django.tasks import task

from skillbridge.common import background, delivery
from skillbridge.common.scheduling import DAY_MINUTES, scheduled


@task()
def deliver_outbox_message(*, message_id: int) -> str:
    return delivery.outbox_deliver(message_id=message_id).status


@task()
def export_run_task(*, job_id: int) -> str:
    return background.export_run(job_id=job_id).state


@scheduled(minutes=DAY_MINUTES)
def clean_old_exports() -> int:
    return background.export_files_clean()
