"""Background and scheduled work of the pairing app (thin wrappers over services)."""

from django.tasks import task

from skillbridge.common.scheduling import scheduled
from skillbridge.pairing.services import execution
from skillbridge.pairing.services.pairings import invitations_expire


@task()
def execute_matching_run(*, run_id: int) -> str:
    return execution.run_execute(run_id=run_id)


@scheduled(minutes=15)
def expire_invitations() -> int:
    """Scheduled by `skillbridge run_scheduled`: close invitations past their deadline."""
    return invitations_expire()
