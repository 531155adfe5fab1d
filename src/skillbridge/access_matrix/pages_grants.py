"""The matrix rows of the grants pages (see the package's docstring)."""

from skillbridge.access_matrix.shapes import (
    GRANT,
    GRANT_READERS,
    OFFICER,
    personal,
    programme_page,
    seen_by,
)

PAGES = {
    # grants ----------------------------------------------------------------------------
    "grants:home": personal(),
    "grants:programme": programme_page({}, ok=("officer", "finance")),
    "grants:finance": programme_page({}, ok=("officer", "finance")),
    "grants:payment_batch": programme_page({}, ok=("finance",)),
    "grants:documents": programme_page({}, ok=OFFICER),
    "grants:award": programme_page({"proposal_pk": "awaiting_grant"}, ok=OFFICER),
    "grants:detail": seen_by(GRANT_READERS, GRANT),
    "grants:agreement": seen_by(GRANT_READERS, GRANT),
    "grants:accept": seen_by(GRANT_READERS, GRANT, ok=("applicant",), method="post"),
    "grants:schedule": seen_by(GRANT_READERS, GRANT, ok=OFFICER),
    "grants:budget": seen_by(GRANT_READERS, GRANT, ok=OFFICER),
    "grants:state": seen_by(
        GRANT_READERS, {**GRANT, "action": "suspend"}, ok=OFFICER, method="post"
    ),
    "grants:pay": seen_by(GRANT_READERS, GRANT, ok=("finance",)),
    "grants:amendments": seen_by(GRANT_READERS, GRANT),
    "grants:amendment_new": seen_by(
        GRANT_READERS, {**GRANT, "kind": "extension"}, ok=("applicant", "officer")
    ),
    # The demo grant has no pending amendment: the officer is sent back to its page.
    "grants:amendment_decide": seen_by(GRANT_READERS, GRANT, ok=OFFICER, method="post"),
    "grants:expense_new": seen_by(GRANT_READERS, GRANT, ok=("applicant",)),
    "grants:report_new": seen_by(GRANT_READERS, GRANT, ok=("applicant",)),
    "grants:milestone_evidence": seen_by(GRANT_READERS, {"pk": "milestone"}, ok=("applicant",)),
    "grants:milestone_review": seen_by(GRANT_READERS, {"pk": "milestone"}, ok=OFFICER),
    "grants:milestone_file": seen_by(GRANT_READERS, {"pk": "milestone"}),
    "grants:reverse": seen_by(GRANT_READERS, {"pk": "disbursement"}, ok=("finance",)),
    "grants:receipt": seen_by(GRANT_READERS, {"pk": "expense"}),
    # Another team's report: the applicant is not on it.
    "grants:report": seen_by(("officer", "finance"), {"pk": "other_report"}),
    "grants:report_review": seen_by(("officer", "finance"), {"pk": "other_report"}, ok=OFFICER),
}
