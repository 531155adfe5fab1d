"""The team's receipt for a submitted proposal: its reference, what happens next, and a PDF.

The PDF is the proposal exactly as submitted (its frozen snapshot), rendered
by common.pdf: system fonts, nothing fetched.
"""

from pathlib import Path

from django.http import Http404
from django.utils.translation import gettext as _

from skillbridge.calls.models import Proposal
from skillbridge.calls.questions import QUESTIONS
from skillbridge.common.pdf import html_in, pdf_document

STYLESHEET = Path(__file__).resolve().parent / "pdf" / "receipt.css"


def proposal_reference(proposal: Proposal) -> str:
    """The number a team quotes when it writes to the programme: the call's year and the id."""
    return f"SB-{proposal.call.opens_at.year}-{proposal.pk:05d}"


def next_steps(proposal: Proposal) -> list[dict]:
    """What happens after submission, each step with the call's planned date (or none)."""
    call = proposal.call
    return [
        {
            "what": _(
                "The college confirms that each member belongs to it, and the programme "
                "officers check that the proposal is eligible."
            ),
            "by": call.eligibility_by,
        },
        {
            "what": _(
                "A panel from Rwanda Polytechnic, MINAFFET and IOM scores eligible "
                "proposals on the call's rubric."
            ),
            "by": call.reviews_by,
        },
        {
            "what": _("The decisions are announced: every member of the team gets an email."),
            "by": call.decisions_by,
        },
    ]


def receipt_context(proposal: Proposal) -> dict:
    """The receipt of a submitted proposal; a draft has none (404)."""
    if proposal.submitted_at is None or not proposal.snapshot:
        raise Http404
    frozen = proposal.snapshot
    return {
        "proposal": proposal,
        "reference": proposal_reference(proposal),
        "steps": next_steps(proposal),
        "frozen": frozen,
        "answers": [(q.label, frozen.get(q.field, "")) for q in QUESTIONS],
    }


def receipt_pdf(proposal: Proposal, *, language: str) -> bytes:
    html = html_in("calls/pdf/receipt.html", receipt_context(proposal), language=language)
    return pdf_document(html, stylesheet=STYLESHEET).write_pdf()
