"""The matrix rows of the people pages (see the package's docstring)."""

from skillbridge.access_matrix.shapes import (
    OFFICER,
    index,
    personal,
    seen_by,
)

PAGES = {
    # people and portal: one's own account, and the officers' outbox -----------------------
    "people:account": personal(),
    "people:token_revoke": seen_by(("applicant",), {"pk": "applicant_token"}, method="post"),
    # Signing out everywhere ends at the sign-in page.
    "people:sign_out_everywhere": personal(method="post"),
    "portal:outbox": index(ok=OFFICER),
}
