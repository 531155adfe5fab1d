"""Uploads of professionals that nobody confirmed: other people's personal data, kept a day."""

import datetime

from django.db import transaction
from django.utils import timezone

from skillbridge.experts.models import ImportBatch

UNCONFIRMED_KEPT = datetime.timedelta(days=1)


def import_previews_clean(*, now: datetime.datetime | None = None) -> int:
    """Delete the imports previewed more than a day ago and never confirmed, with their files.

    An officer who uploads a file and walks away leaves other people's
    personal data on the server (data minimisation, GDPR art. 5(1)(e)).
    Returns how many were deleted.
    """
    cutoff = (now or timezone.now()) - UNCONFIRMED_KEPT
    deleted = 0
    stale = ImportBatch.objects.filter(status=ImportBatch.Status.PREVIEWED, created_at__lt=cutoff)
    for batch in stale.only("pk", "file"):
        with transaction.atomic():
            if batch.file:
                batch.file.delete(save=False)
            batch.delete()
        deleted += 1
    return deleted
