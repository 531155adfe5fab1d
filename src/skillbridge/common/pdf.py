"""PDF documents rendered by WeasyPrint from a template, never fetching anything.

Fonts come from the system (DejaVu) and each stylesheet from its app's `pdf/`
folder. A document that asked for any URL (an image, a font, a stylesheet on
the network) is refused rather than rendered: a PDF must not leak who opened
it, nor wait on a network the server may not have. An image travels inside the
HTML as a data: URI (a programme partner's logo).
"""

from pathlib import Path

from django.template.loader import render_to_string
from django.utils import translation
from weasyprint import CSS, HTML
from weasyprint.urls import FatalURLFetchingError, URLFetcher


def embedded_only() -> URLFetcher:
    """A fetcher that reads only what the document carries (data: URIs, such as a
    partner's logo) and stops the rendering at any other URL. One per document: a
    WeasyPrint fetcher keeps the request it is serving."""
    return URLFetcher(allowed_protocols=("data",), fail_on_errors=True)


def html_in(template: str, context: dict, *, language: str) -> str:
    """The document's HTML, rendered in `language`."""
    with translation.override(language):
        return render_to_string(template, context)


def pdf_document(html: str, *, stylesheet: Path):
    """The laid-out WeasyPrint document (pages and boxes), before it is written to PDF."""
    try:
        return HTML(string=html, url_fetcher=embedded_only()).render(
            stylesheets=[CSS(filename=str(stylesheet))]
        )
    except FatalURLFetchingError as error:
        # WeasyPrint's refusal is a BaseException, which no error page would catch.
        raise ValueError(f"A document may not load anything: {error}") from None


def pdf_bytes(template: str, context: dict, *, language: str, stylesheet: Path) -> bytes:
    """Render `template` with `context` in `language` to a PDF, styled by `stylesheet`."""
    return pdf_document(
        html_in(template, context, language=language), stylesheet=stylesheet
    ).write_pdf()
