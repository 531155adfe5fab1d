"""Background work of the experts app."""

from django.tasks import task

from skillbridge.experts.services.import_rows import import_batch_run


@task()
def run_expert_import(*, batch_id: int) -> str:
    return import_batch_run(batch_id=batch_id).status
