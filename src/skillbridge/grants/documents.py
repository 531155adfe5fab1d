"""The grant agreement as a PDF (common.pdf: system fonts, nothing fetched)."""

from pathlib import Path

from django.utils import timezone

from skillbridge.common.pdf import html_in, pdf_document
from skillbridge.grants.models import Grant

STYLESHEET = Path(__file__).resolve().parent / "pdf" / "agreement.css"


def agreement_context(grant: Grant) -> dict:
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
    }


def agreement_html(grant: Grant, *, language: str) -> str:
    return html_in("grants/agreement.html", agreement_context(grant), language=language)


def agreement_document(grant: Grant, *, language: str):
    """The laid-out WeasyPrint document (pages and boxes), before it is written to PDF."""
    return pdf_document(agreement_html(grant, language=language), stylesheet=STYLESHEET)


def agreement_pdf(grant: Grant, *, language: str) -> bytes:
    return agreement_document(grant, language=language).write_pdf()
