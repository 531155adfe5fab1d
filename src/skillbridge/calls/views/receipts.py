"""The receipt of a submitted proposal, as a page and as a printable PDF."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render

from skillbridge.calls import selectors
from skillbridge.calls.receipts import proposal_reference, receipt_context, receipt_pdf


@login_required
def proposal_receipt(request, pk: int):
    """The team, the coordinator of its college and the programme officers: the receipt."""
    proposal = selectors.proposal_for(request.user, pk, "calls.view_proposal")
    return render(request, "calls/receipt.html", receipt_context(proposal))


@login_required
def proposal_receipt_pdf(request, pk: int):
    """The team, the coordinator of its college and the programme officers: download the
    proposal as submitted, with its reference and what happens next, as a PDF."""
    proposal = selectors.proposal_for(request.user, pk, "calls.view_proposal")
    pdf = receipt_pdf(proposal, language=request.LANGUAGE_CODE)
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = f"proposal-{proposal_reference(proposal)}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
