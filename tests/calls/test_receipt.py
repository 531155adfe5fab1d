"""After submitting, the team gets a receipt: a reference, what happens next and when, a PDF."""

import datetime
import subprocess

import pytest
from django.urls import reverse

from skillbridge.calls import services
from skillbridge.calls.receipts import proposal_reference


def url(name, *args):
    return reverse(f"calls:{name}", args=args)


@pytest.fixture
def submitted(draft, applicant, call):
    call.eligibility_by = (call.closes_at + datetime.timedelta(days=10)).date()
    call.decisions_by = (call.closes_at + datetime.timedelta(days=60)).date()
    call.save()
    return services.proposal_submit(actor=applicant, proposal=draft)


def test_the_reference_names_the_call_year_and_the_proposal(submitted):
    expected = f"SB-{submitted.call.opens_at.year}-{submitted.pk:05d}"
    assert proposal_reference(submitted) == expected


def test_the_receipt_gives_the_reference_and_the_planned_dates(client, submitted, applicant):
    client.force_login(applicant)
    page = client.get(url("proposal_receipt", submitted.pk)).content.decode()
    assert proposal_reference(submitted) in page
    eligibility = submitted.call.eligibility_by
    assert f"By {eligibility.day} {eligibility:%B %Y}." in page
    # Reviews have no planned date on this call.
    assert page.count("The date will be announced.") == 1
    assert url("proposal_receipt_pdf", submitted.pk) in page


def test_the_proposal_page_links_to_its_receipt_once_submitted(client, submitted, applicant):
    client.force_login(applicant)
    page = client.get(url("proposal_detail", submitted.pk)).content.decode()
    assert url("proposal_receipt", submitted.pk) in page


def test_a_draft_has_no_receipt(client, draft, applicant):
    client.force_login(applicant)
    page = client.get(url("proposal_detail", draft.pk)).content.decode()
    assert url("proposal_receipt", draft.pk) not in page
    assert client.get(url("proposal_receipt", draft.pk)).status_code == 404
    assert client.get(url("proposal_receipt_pdf", draft.pk)).status_code == 404


def test_the_pdf_is_the_proposal_as_submitted(client, submitted, applicant, tmp_path):
    client.force_login(applicant)
    response = client.get(url("proposal_receipt_pdf", submitted.pk))
    assert response["Content-Type"] == "application/pdf"
    reference = proposal_reference(submitted)
    assert f'filename="proposal-{reference}.pdf"' in response["Content-Disposition"]
    path = tmp_path / "receipt.pdf"
    path.write_bytes(response.content)
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert reference in text
    assert submitted.snapshot["title"] in text
    assert "What happens next" in text


def test_the_coordinator_reads_the_receipt_and_outsiders_do_not_find_it(
    client, submitted, coordinator, other_applicant
):
    client.force_login(coordinator)
    assert client.get(url("proposal_receipt", submitted.pk)).status_code == 200
    client.force_login(other_applicant)
    assert client.get(url("proposal_receipt", submitted.pk)).status_code == 404
    assert client.get(url("proposal_receipt_pdf", submitted.pk)).status_code == 404
