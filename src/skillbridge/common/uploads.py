"""Checks for uploaded files, and downloads that go through a permission check."""

import mimetypes
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.utils.translation import gettext as _

# What a file must start with to be what its name says.
SIGNATURES = {
    ".pdf": (b"%PDF-",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".xlsx": (b"PK\x03\x04",),
    ".docx": (b"PK\x03\x04",),
}
PDF_ONLY = (".pdf",)
DOCUMENTS = (".pdf", ".docx", ".xlsx", ".png", ".jpg", ".jpeg")
IMAGES_AND_PDF = (".pdf", ".png", ".jpg", ".jpeg")


def validate_upload(upload, *, extensions: tuple[str, ...], max_megabytes: int) -> None:
    """Refuse a file of another type than allowed, a disguised one, or one too large.

    The message names the limit, so the person knows what to change.
    """
    suffix = PurePath(upload.name).suffix.lower()
    if suffix not in extensions:
        raise ValidationError(
            _("This file type is not accepted. Accepted types: %(types)s.")
            % {"types": ", ".join(e.lstrip(".").upper() for e in extensions)}
        )
    if upload.size > max_megabytes * 1024 * 1024:
        raise ValidationError(
            _("This file is too large. The limit is %(size)s MB.") % {"size": max_megabytes}
        )
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if not any(head.startswith(signature) for signature in SIGNATURES.get(suffix, (b"",))):
        raise ValidationError(_("This file's content does not match its type."))


def private_file_response(field_file, *, filename: str) -> FileResponse:
    """Stream a stored file as a download. Call only after checking permission."""
    content_type = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    response = FileResponse(
        field_file.open("rb"), as_attachment=True, filename=filename, content_type=content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
