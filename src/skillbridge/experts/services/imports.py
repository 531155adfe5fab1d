"""An officer's import from the web: upload, preview with row errors, confirm, run."""

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from skillbridge.common.services import audit_record
from skillbridge.common.uploads import validate_upload
from skillbridge.experts import importing
from skillbridge.experts.models import ImportBatch
from skillbridge.experts.tasks import run_expert_import
from skillbridge.people.models import User
from skillbridge.programmes.models import Programme

IMPORT_MAX_MEGABYTES = 5


@transaction.atomic
def import_batch_preview(
    *, programme: Programme, officer: User, upload: UploadedFile
) -> ImportBatch:
    """Store an officer's file and check it; nothing about professionals is written.

    The batch keeps the line-numbered reasons for the preview page.
    """
    try:
        validate_upload(upload, extensions=(".csv", ".xlsx"), max_megabytes=IMPORT_MAX_MEGABYTES)
    except ValidationError as error:
        raise ValidationError({"file": error.messages}) from error
    content = upload.read()
    upload.seek(0)
    try:
        raw_rows = importing.rows_read(upload.name, content)
    except importing.ImportFileError as error:
        raise ValidationError({"file": str(error)}) from error
    good, errors = importing.rows_check(raw_rows)
    batch = ImportBatch(
        programme=programme,
        created_by=officer,
        filename=upload.name[:200],
        total_rows=len(raw_rows),
        valid_rows=len(good),
        rejected_count=len(errors),
        errors=[{"line": e.line, "reason": e.reason} for e in errors],
    )
    batch.file.save(upload.name, upload, save=False)
    batch.save()
    audit_record(actor=officer, action="expert.import_previewed", target=batch)
    return batch


@transaction.atomic
def import_batch_confirm(*, batch: ImportBatch, officer: User) -> ImportBatch:
    """Queue a previewed import to run in the background."""
    batch = ImportBatch.objects.select_for_update(of=("self",)).get(pk=batch.pk)
    if batch.status != ImportBatch.Status.PREVIEWED:
        raise ValidationError({"file": _("This import has already been started.")})
    batch.status = ImportBatch.Status.QUEUED
    batch.save(update_fields=["status"])
    audit_record(actor=officer, action="expert.import_confirmed", target=batch)
    transaction.on_commit(lambda: run_expert_import.enqueue(batch_id=batch.pk))
    return batch
