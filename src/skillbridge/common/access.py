"""The access log: every read of personal data by staff, one record or many.

Reading personal data is processing too (GDPR art. 4(2), and likewise
under Rwanda's Law 058/2021): the programme must be able to say who read
whose record, when, through which door and how many at once (the
accountability of GDPR art. 5(2) and 30, and of Law 058/2021). Every
place that shows or hands out personal records to staff, a page, a
download, the API or the admin site, calls `personal_data_read`, the one
way to write such an entry.
"""

from collections.abc import Sequence

from django.db import models, transaction

from skillbridge.common.models import AuditEntry
from skillbridge.common.services import audit_record

PERSONAL_DATA_READ = "personal_data.read"


@transaction.atomic
def personal_data_read(
    *,
    reader,
    records: Sequence[models.Model],
    what: str,
    via: str,
    scope: models.Model | None = None,
) -> AuditEntry | None:
    """Log that `reader` read `records` (personal data) through `via`. One entry per read.

    `what` names the data read ("profile", "cv", "pool"); `via` the door
    ("web", "csv", "xlsx", "api", "admin"). A single read is logged on the
    record itself; a bulk read (more than one record, or a list) on `scope`
    (the programme, or the model for the admin site), with the ids of every
    record read. Nothing is logged when nothing personal was shown.
    """
    records = list(records)
    if not records:
        return None
    if scope is None and len(records) > 1:
        raise ValueError("A bulk read of personal data is logged on a scope.")
    return audit_record(
        actor=reader,
        action=PERSONAL_DATA_READ,
        target=records[0] if scope is None else scope,
        data={
            "what": what,
            "via": via,
            "model": records[0]._meta.label_lower,
            "count": len(records),
            "ids": [str(record.pk) for record in records],
        },
    )


def personal_data_reads_of(record: models.Model) -> list[AuditEntry]:
    """Every logged read of `record`, single or bulk, newest first (for an access request).

    The ids are matched in Python: SQLite, the default database, has no
    JSON containment lookup.
    """
    key = str(record.pk)
    entries = AuditEntry.objects.filter(
        action=PERSONAL_DATA_READ, data__model=record._meta.label_lower
    ).select_related("actor")
    return [entry for entry in entries if key in entry.data.get("ids", [])]
