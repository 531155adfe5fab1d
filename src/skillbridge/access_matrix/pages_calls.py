"""The matrix rows of the calls pages (see the package's docstring)."""

from skillbridge.access_matrix.shapes import (
    DRAFT,
    HUYE_READERS,
    OFFICER,
    PROPOSAL_READERS,
    SUBMITTED,
    SUBMITTED_DOCUMENT,
    call_page,
    index,
    personal,
    programme_page,
    public,
    seen_by,
)

PAGES = {
    # calls -----------------------------------------------------------------------------
    "calls:open_calls": public(),
    "calls:call_detail": public({"pk": "call"}),
    "calls:call_edit": call_page(),
    "calls:call_translations": call_page(),
    # Applicants, and people without a role in the programme (they become applicants).
    "calls:proposal_start": call_page(ok=("applicant", "applicant2", "admin")),
    "calls:calls_manage": index(ok=OFFICER),
    "calls:call_create": programme_page({}, ok=OFFICER),
    "calls:my_proposals": personal(),
    "calls:proposal_list": index(ok=("officer", "coordinator")),
    "calls:affiliations_to_confirm": index(ok=("coordinator", "officer")),
    "calls:proposal_detail": [
        seen_by(PROPOSAL_READERS, DRAFT),
        seen_by(HUYE_READERS, {"pk": "huye_proposal"}),
    ],
    "calls:proposal_edit": seen_by(PROPOSAL_READERS, DRAFT, ok=("applicant",)),
    "calls:proposal_autosave": seen_by(PROPOSAL_READERS, DRAFT, ok=("applicant",), method="post"),
    "calls:proposal_merge": seen_by(PROPOSAL_READERS, DRAFT, ok=("applicant",), method="post"),
    "calls:budget_line_add": seen_by(PROPOSAL_READERS, DRAFT, ok=("applicant",), method="post"),
    "calls:budget_line_edit": seen_by(
        PROPOSAL_READERS, {**DRAFT, "line_pk": "draft_line"}, ok=("applicant",)
    ),
    "calls:budget_line_delete": seen_by(
        PROPOSAL_READERS, {**DRAFT, "line_pk": "draft_line"}, ok=("applicant",), method="post"
    ),
    "calls:attachment_add": seen_by(PROPOSAL_READERS, DRAFT, ok=("applicant",), method="post"),
    "calls:attachment_download": seen_by(PROPOSAL_READERS, SUBMITTED_DOCUMENT),
    "calls:attachment_delete": seen_by(
        PROPOSAL_READERS, SUBMITTED_DOCUMENT, ok=("applicant",), method="post"
    ),
    "calls:proposal_submit": seen_by(PROPOSAL_READERS, DRAFT, ok=("applicant",), method="post"),
    # The receipt of a submitted proposal, and its PDF: whoever may read the proposal.
    "calls:proposal_receipt": seen_by(PROPOSAL_READERS, SUBMITTED),
    "calls:proposal_receipt_pdf": seen_by(PROPOSAL_READERS, SUBMITTED),
    "calls:proposal_withdraw": seen_by(
        PROPOSAL_READERS, SUBMITTED, ok=("applicant",), method="post"
    ),
    "calls:member_invite": seen_by(PROPOSAL_READERS, DRAFT, ok=("applicant",), method="post"),
    "calls:member_remove": seen_by(
        PROPOSAL_READERS, {**DRAFT, "member_pk": "draft_member"}, ok=("applicant",), method="post"
    ),
    "calls:affiliation_decide": seen_by(
        PROPOSAL_READERS,
        {**DRAFT, "member_pk": "draft_member"},
        ok=("coordinator",),
        method="post",
    ),
    "calls:affiliation_confirm_by_officer": seen_by(
        PROPOSAL_READERS,
        {**SUBMITTED, "member_pk": "submitted_member"},
        ok=OFFICER,
        method="post",
    ),
    "calls:eligibility_decide": seen_by(PROPOSAL_READERS, SUBMITTED, ok=OFFICER, method="post"),
    # The signed link is the right: whoever holds it reads the invitation, once signed in.
    "calls:invitation": personal({"token": "invitation"}),
}
