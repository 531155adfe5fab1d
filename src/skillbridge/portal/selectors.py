"""Reads of shared records, limited to what a user may see."""

from django.db.models import QuerySet

from skillbridge.common.models import OutboxMessage
from skillbridge.people.models import ProgrammeRole, Role


def outbox_for(user) -> QuerySet[OutboxMessage]:
    """Programme mail in the programmes where `user` is a programme officer.

    Account mail (verification and password-reset links) has no programme and
    is never shown: those links are secrets of their recipient.
    """
    programme_ids = ProgrammeRole.objects.filter(user=user, role=Role.PROGRAMME_OFFICER).values(
        "programme_id"
    )
    return OutboxMessage.objects.filter(programme_id__in=programme_ids).select_related("programme")
