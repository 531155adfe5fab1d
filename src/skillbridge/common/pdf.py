"""PDF documents rendered by WeasyPrint from a template, never fetching anything.

Fonts come from the system (DejaVu) and each stylesheet from its app's `pdf/`
folder. A document that asked for any URL (an image, a font, a stylesheet on
the network) is refused rather than rendered: a PDF must not leak who opened
it, nor wait on a network the server may not have.
"""

from pathlib import Path

from django.template.loader import render_to_string
from django.utils import translation
from weasyprint import CSS, HTML


def refuse_fetch(url: str, *args, **kwargs):
    raise ValueError(f"A document may not load {url}")


def html_in(template: str, context: dict, *, language: str) -> str:
    """The document's HTML, rendered in `language`."""
    with translation.override(language):
        return render_to_string(template, context)


def pdf_document(html: str, *, stylesheet: Path):
    """The laid-out WeasyPrint document (pages and boxes), before it is written to PDF."""
    return HTML(string=html, url_fetcher=refuse_fetch).render(
        stylesheets=[CSS(filename=str(stylesheet))]
    )


def pdf_bytes(template: str, context: dict, *, language: str, stylesheet: Path) -> bytes:
    """Render `template` with `context` in `language` to a PDF, styled by `stylesheet`."""
    return pdf_document(
        html_in(template, context, language=language), stylesheet=stylesheet
    ).write_pdf()
