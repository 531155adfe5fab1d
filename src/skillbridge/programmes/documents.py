"""What a programme's documents show of it: its partners' names and logos, and its signatory.

Logos are read from storage and embedded as data: URIs, so a PDF renders
without fetching anything (common.pdf). The shared template
`includes/document_partners.html` lays them out; pass it this context as
`document_partners`.
"""

import base64
import mimetypes

from skillbridge.programmes.models import Programme


def _data_uri(field_file) -> str:
    if not field_file:
        return ""
    kind = mimetypes.guess_type(field_file.name)[0] or "image/png"
    with field_file.open("rb") as handle:
        content = base64.b64encode(handle.read()).decode("ascii")
    return f"data:{kind};base64,{content}"


def document_partners(programme: Programme) -> dict:
    """The partners in order, each with its logo as a data: URI (or none), and the signatory."""
    return {
        "partners": [
            {"name": partner.name, "logo": _data_uri(partner.logo)}
            for partner in programme.document_partners.all()
        ],
        "signatory": {"name": programme.signatory_name, "title": programme.signatory_title},
        "organisation": programme.lead_organisation.name,
    }
