"""Background and scheduled work of the calls app (thin wrappers over services)."""

from skillbridge.calls import services
from skillbridge.common.scheduling import scheduled


@scheduled(minutes=15)
def send_deadline_reminders() -> int:
    """Scheduled by `skillbridge run_scheduled`: the 72- and 24-hour deadline reminders."""
    return services.deadline_reminders_send()
