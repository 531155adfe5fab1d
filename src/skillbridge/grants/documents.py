"""The grant agreement as a PDF (common.pdf: system fonts, nothing fetched)."""

from pathlib import Path

from django.utils import timezone

from skillbridge.common.pdf import html_in, pdf_document
from skillbridge.grants.models import Amendment, Grant
from skillbridge.programmes.documents import document_partners

STYLESHEET = Path(__file__).resolve().parent / "pdf" / "agreement.css"


def agreement_context(grant: Grant, *, version: int | None = None) -> dict:
    tranches = list(grant.tranches.select_related("milestone").order_by("number"))
    return {
        "grant": grant,
        "proposal": grant.proposal,
        "programme": grant.programme,
        "members": grant.proposal.members.filter(status="joined").order_by("-is_lead", "id"),
        "tranches": tranches,
        "budget_lines": grant.budget_lines.all(),
        "budget_total": sum(line.amount_rwf for line in grant.budget_lines.all()),
        "today": timezone.localdate(),
        "version": version,
        "document_partners": document_partners(grant.programme),
        "amendments": grant.amendments.filter(state=Amendment.State.APPROVED)
        .select_related("decided_by")
        .order_by("decided_at", "id"),
    }


def agreement_html(grant: Grant, *, language: str, version: int | None = None) -> str:
    context = agreement_context(grant, version=version)
    return html_in("grants/agreement.html", context, language=language)


def agreement_document(grant: Grant, *, language: str, version: int | None = None):
    """The laid-out WeasyPrint document (pages and boxes), before it is written to PDF."""
    html = agreement_html(grant, language=language, version=version)
    return pdf_document(html, stylesheet=STYLESHEET)


def agreement_pdf(grant: Grant, *, language: str, version: int | None = None) -> bytes:
    """The agreement as the grant stands; `version` numbers a frozen copy (services)."""
    return agreement_document(grant, language=language, version=version).write_pdf()
