"""The certificate carries a QR code of its own verification link, and it scans as that link."""

import subprocess

import pytest
import segno
from PIL import Image

from skillbridge.missions import documents, services
from tests.missions.conftest import log

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate(under_way, expert, officer):
    log(under_way, expert, trainers_female=3)
    completed = services.mission_complete(actor=expert, mission=under_way)
    services.certificates_issue(actor=officer, mission=completed)
    return completed.certificates.get(kind="contribution")


def test_the_qr_code_is_made_from_the_exact_verification_link(certificate):
    url = documents.verification_url(certificate)
    expected = segno.make_qr(url, error="m").png_data_uri(scale=1, border=4)
    assert documents.verification_qr(url) == expected
    html = documents.html_in(
        "missions/pdf/certificate.html",
        {
            "certificate": certificate,
            "mission": certificate.mission,
            "verify_url": url,
            "verify_qr": documents.verification_qr(url),
        },
        language="en",
    )
    assert f'src="{expected}"' in html


def test_the_pdf_embeds_the_qr_code_module_for_module(certificate, tmp_path):
    """Without a QR decoder at hand, read the image back out of the PDF and compare every
    module with the code segno makes of the verification link."""
    url = documents.verification_url(certificate)
    pdf = tmp_path / "certificate.pdf"
    pdf.write_bytes(documents.certificate_pdf(certificate, language="en"))
    subprocess.run(["pdfimages", "-png", str(pdf), str(tmp_path / "img")], check=True)
    images = sorted(tmp_path.glob("img-*.png"))
    assert len(images) == 1  # the QR code (no partner logo was uploaded)

    qr = segno.make_qr(url, error="m")
    border = 4
    with Image.open(images[0]) as image:
        pixels = image.convert("L")
        size = qr.symbol_size(scale=1, border=border)
        assert pixels.size == size
        read = [
            [pixels.getpixel((x + border, y + border)) < 128 for x in range(len(row))]
            for y, row in enumerate(qr.matrix)
        ]
    assert read == [[bool(module) for module in row] for row in qr.matrix]
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert url in text
    assert text.count("\f") == 1  # still one landscape page
