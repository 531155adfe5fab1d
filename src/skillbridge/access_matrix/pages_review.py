"""The matrix rows of the review pages (see the package's docstring)."""

from skillbridge.access_matrix.shapes import (
    ASSIGNMENT_READERS,
    DONE,
    OFFICER,
    PROPOSAL_READERS,
    REVIEWERS,
    SIGNED_IN,
    Case,
    call_page,
    index,
    personal,
    seen_by,
)

PAGES = {
    # review ----------------------------------------------------------------------------
    "review:index": index(ok=OFFICER, codes=dict.fromkeys(REVIEWERS, 302)),
    "review:mine": personal(),
    "review:declare": seen_by(ASSIGNMENT_READERS, {"pk": "review_to_declare"}, ok=("reviewer1",)),
    "review:review": seen_by(ASSIGNMENT_READERS, {"pk": "review"}, ok=("reviewer1",)),
    # A document of another proposal: the reviewer may open their own, and finds no such
    # document in it; the officer reads assignments but never opens them as a reviewer.
    "review:attachment": seen_by(
        ASSIGNMENT_READERS,
        {"pk": "review", "attachment_pk": "submitted_attachment"},
        ok=(),
        codes={"reviewer1": 404},
    ),
    # It answers about one's own assignments only: the next one, or none left.
    "review:next": Case({"call_pk": "call"}, codes=dict.fromkeys(SIGNED_IN, 302)),
    "review:pool": call_page(),
    "review:pool_remove": call_page({"member_pk": "panel_member"}, method="post"),
    "review:assignments": call_page(),
    "review:assignment_run": call_page(),
    "review:assignment_remove": call_page({"review_pk": "review"}, method="post"),
    "review:ranking": call_page(),
    # It starts a background export and sends the officer to its progress page.
    "review:ranking_export": call_page({"file_format": "csv"}, codes={"officer": DONE}),
    "review:proposal_reviews": call_page({"proposal_pk": "selected"}),
    "review:selection": call_page(),
    "review:decisions": call_page(),
    "review:release": call_page(),
    "review:decide": call_page({"proposal_pk": "selected"}),
    "review:disqualify": call_page({"proposal_pk": "selected"}),
    "review:reserve": call_page(),
    "review:outcomes": personal(),
    "review:outcome": seen_by(PROPOSAL_READERS, {"pk": "selected"}),
}
