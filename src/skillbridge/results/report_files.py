"""A period's donor report as files: rendered once for a closed period, then served.

A closed period's report is made from its snapshot only, so it never changes:
closing queues the rendering of every language and format (`tasks`), and a file
not rendered yet is rendered on first request and kept. An open period's report
is built in the background (common.background) with a download link when ready.
"""

import json

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import translation

from skillbridge.common.background import ExportFile, export_builder
from skillbridge.common.exports import XLSX_TYPE
from skillbridge.results import reports
from skillbridge.results.models import ReportFile, ReportingPeriod

CONTENT_TYPES = {"pdf": "application/pdf", "xlsx": XLSX_TYPE, "json": "application/json"}


def report_filename(period: ReportingPeriod, file_format: str) -> str:
    return f"results-{period.programme.slug}-{period.label.replace(' ', '-')}.{file_format}"


def report_bytes(period: ReportingPeriod, *, file_format: str, language: str) -> bytes:
    """The donor report of `period` in `file_format`, built now."""
    if file_format == "pdf":
        return reports.report_pdf(period, language=language)
    if file_format == "xlsx":
        return reports.report_xlsx(period, language=language)
    with translation.override(language):
        document = reports.report_iati(period)
    return json.dumps(document, ensure_ascii=False, indent=2).encode()


def report_file(period: ReportingPeriod, *, file_format: str, language: str) -> ReportFile:
    """The stored report of a closed period, rendered and kept on first use."""
    stored = ReportFile.objects.filter(
        period=period, language=language, file_format=file_format
    ).first()
    if stored is not None:
        return stored
    content = report_bytes(period, file_format=file_format, language=language)
    stored = ReportFile(period=period, language=language, file_format=file_format)
    stored.file.save(report_filename(period, file_format), ContentFile(content), save=False)
    try:
        with transaction.atomic():
            stored.save()
    except IntegrityError:
        # Rendered meanwhile by another request or the worker: keep theirs.
        stored.file.delete(save=False)
        return ReportFile.objects.get(period=period, language=language, file_format=file_format)
    return stored


def report_files_store(*, period_id: int) -> int:
    """Render every language and format of a closed period's report; answers how many."""
    period = ReportingPeriod.objects.select_related("programme").get(pk=period_id)
    if not period.is_closed:
        return 0
    for language, _name in settings.LANGUAGES:
        for file_format in CONTENT_TYPES:
            report_file(period, file_format=file_format, language=language)
    return len(settings.LANGUAGES) * len(CONTENT_TYPES)


@export_builder
def period_report(*, params: dict, progress) -> ExportFile:
    """An open period's donor report, built in the background in the starter's language."""
    period = ReportingPeriod.objects.select_related("programme").get(pk=params["period"])
    file_format = params["format"]
    progress(0, 1)
    content = report_bytes(
        period, file_format=file_format, language=translation.get_language() or "en"
    )
    progress(1, 1)
    return ExportFile(
        filename=report_filename(period, file_format),
        content_type=CONTENT_TYPES[file_format],
        content=content,
    )
