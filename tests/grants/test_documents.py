"""Documents people are proud of: the programme's partners, logos and signature on the
agreement, embedded so the PDF fetches nothing."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image

from skillbridge.common.pdf import pdf_document
from skillbridge.grants.documents import STYLESHEET, agreement_document, agreement_html
from skillbridge.programmes import services
from skillbridge.programmes.models import DocumentPartner
from tests.common.test_pages import assert_clean
from tests.queries import same_queries

pytestmark = pytest.mark.django_db


def _png(name="iom.png"):
    buffer = io.BytesIO()
    Image.new("RGB", (60, 30), (0, 90, 160)).save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def _documents_url(programme):
    return f"/grants/programme/{programme.slug}/documents/"


def test_the_officer_adds_partners_orders_them_and_sets_the_signatory(client, officer, programme):
    client.force_login(officer)
    url = _documents_url(programme)
    assert_clean(client.get(url))
    client.post(url, {"action": "add", "name": "IOM Rwanda", "logo": _png()})
    client.post(url, {"action": "add", "name": "Rwanda Polytechnic"})
    second = DocumentPartner.objects.get(name="Rwanda Polytechnic")
    client.post(url, {"action": "up", "partner": second.pk})
    assert list(programme.document_partners.values_list("name", flat=True)) == [
        "Rwanda Polytechnic",
        "IOM Rwanda",
    ]
    client.post(
        url,
        {
            "action": "signatory",
            "signatory_name": "Mari Nakamura",
            "signatory_title": "Chief of Mission",
        },
    )
    programme.refresh_from_db()
    assert (programme.signatory_name, programme.signatory_title) == (
        "Mari Nakamura",
        "Chief of Mission",
    )


def test_a_logo_that_is_not_an_image_is_refused_at_the_field(client, officer, programme):
    client.force_login(officer)
    response = client.post(
        _documents_url(programme),
        {"action": "add", "name": "IOM", "logo": SimpleUploadedFile("logo.png", b"<svg>")},
    )
    assert response.status_code == 200
    assert response.context["partner_form"].errors["logo"]
    assert not DocumentPartner.objects.exists()


def test_the_documents_page_is_constant_in_its_partners(
    client, officer, programme, django_assert_num_queries
):
    def add(n):
        for i in range(n):
            logo = _png(f"logo{i}.png") if i % 2 == 0 else None
            name = f"Partner {programme.document_partners.count()}"
            services.partner_add(actor=officer, programme=programme, name=name, logo=logo)

    add(1)
    client.force_login(officer)
    response = same_queries(
        client, _documents_url(programme), lambda: add(6), django_assert_num_queries
    )
    rows = response.context["rows"]
    assert [partner.name for partner, _shown in rows] == [f"Partner {i}" for i in range(7)]
    with CaptureQueriesContext(connection) as read:
        client.get(_documents_url(programme))
    partners_table = DocumentPartner._meta.db_table
    assert sum(f'FROM "{partners_table}"' in q["sql"] for q in read.captured_queries) == 1
    assert [bool(shown["logo"]) for _partner, shown in rows] == [True] + [True, False] * 3


@pytest.mark.parametrize("persona", ["finance", "applicant"])
def test_only_the_officer_edits_the_documents(client, request, persona, programme):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(_documents_url(programme)).status_code in {403, 404}


def test_the_agreement_carries_the_partners_logos_and_the_signature_offline(
    client, officer, grant, programme
):
    client.force_login(officer)
    client.post(_documents_url(programme), {"action": "add", "name": "IOM Rwanda", "logo": _png()})
    programme.signatory_name, programme.signatory_title = "Mari Nakamura", "Chief of Mission"
    programme.save()
    grant.refresh_from_db()
    html = agreement_html(grant, language="en")
    assert "IOM Rwanda" in html
    assert "document_partners" not in html
    assert 'src="data:image/png;base64,' in html
    assert "Mari Nakamura" in html
    assert "Chief of Mission" in html
    document = agreement_document(grant, language="en")
    images = [
        box
        for page in document.pages[:1]
        for box in _descendants(page._page_box)
        if type(box).__name__.endswith("ReplacedBox")
    ]
    assert len(images) == 1


def _descendants(box):
    yield box
    for child in getattr(box, "children", []):
        yield from _descendants(child)


def test_a_document_asking_for_a_url_is_refused():
    with pytest.raises(ValueError, match="may not load"):
        pdf_document('<img src="http://example.org/logo.png">', stylesheet=STYLESHEET)
