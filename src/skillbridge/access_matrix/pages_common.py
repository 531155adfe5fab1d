"""The matrix rows of the shared pages of common: a background export's progress and file."""

from skillbridge.access_matrix.shapes import seen_by

# An export is personal: the officer's export answers 404 to everyone else.
OWNER = ("officer",)

PAGES = {
    "exports:job": seen_by(OWNER, {"pk": "export_job"}),
    "exports:download": seen_by(OWNER, {"pk": "export_job"}),
}
