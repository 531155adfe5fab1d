"""Background work of the experts app."""

from django.tasks import task

from skillbridge.common.scheduling import scheduled
from skillbridge.experts.services.import_files import import_previews_clean
from skillbridge.experts.services.import_rows import import_batch_run


@task()
def run_expert_import(*, batch_id: int) -> str:
    return import_batch_run(batch_id=batch_id).status


# Hourly, so an upload never outlives its day by much.
@scheduled(minutes=60)
def delete_unconfirmed_imports() -> int:
    return import_previews_clean()
