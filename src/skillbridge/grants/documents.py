"""The grant agreement as a PDF, rendered by WeasyPrint from a template.

Fonts come from the system (DejaVu) and the print stylesheet from this app's
`pdf/` folder: the document never fetches anything from the network.
"""

from pathlib import Path

from django.template.loader import render_to_string
from django.utils import timezone, translation
from weasyprint import CSS, HTML

from skillbridge.grants.models import Grant

STYLESHEET = Path(__file__).resolve().parent / "pdf" / "agreement.css"


def _refuse_fetch(url: str, *args, **kwargs):
    raise ValueError(f"The agreement may not load {url}")


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
    with translation.override(language):
        return render_to_string("grants/agreement.html", agreement_context(grant))


def agreement_document(grant: Grant, *, language: str):
    """The laid-out WeasyPrint document (pages and boxes), before it is written to PDF."""
    return HTML(string=agreement_html(grant, language=language), url_fetcher=_refuse_fetch).render(
        stylesheets=[CSS(filename=str(STYLESHEET))]
    )


def agreement_pdf(grant: Grant, *, language: str) -> bytes:
    return agreement_document(grant, language=language).write_pdf()
