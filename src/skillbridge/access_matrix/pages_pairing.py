"""The matrix rows of the pairing pages (see the package's docstring)."""

from skillbridge.access_matrix.shapes import (
    EXPERTS,
    INVITATION_READERS,
    INVITED,
    OFFICER,
    TEAM_PAIRING_READERS,
    index,
    programme_page,
    seen_by,
)

PAGES = {
    # pairing ---------------------------------------------------------------------------
    # An officer of one programme goes straight to its pairing.
    "pairing:index": index(ok=(), codes={"officer": 302}),
    "pairing:mine": index(ok=EXPERTS),
    "pairing:detail": [
        seen_by(INVITATION_READERS, INVITED),
        seen_by(TEAM_PAIRING_READERS, {"pk": "team_pairing"}),
    ],
    "pairing:accept": seen_by(INVITATION_READERS, INVITED, ok=("expert",), method="post"),
    "pairing:decline": seen_by(INVITATION_READERS, INVITED, ok=("expert",), method="post"),
    "pairing:cancel": seen_by(INVITATION_READERS, INVITED, ok=OFFICER, method="post"),
    "pairing:action": seen_by(
        INVITATION_READERS, {**INVITED, "action": "confirm"}, ok=OFFICER, method="post"
    ),
    "pairing:overview": programme_page({}, ok=OFFICER),
    "pairing:mentors": programme_page({}, ok=("applicant", "applicant2")),
    "pairing:pairings": programme_page({}, ok=OFFICER),
    "pairing:request_new": programme_page({}, ok=OFFICER),
    # The coordinator files for their own college; officers record requests on request_new.
    "pairing:college_requests": [
        programme_page({}, ok=("coordinator",)),
        programme_page({}, ok=("coordinator",), method="post"),
    ],
    "pairing:request_need_new": programme_page({"pk": "training_request"}, ok=OFFICER),
    "pairing:project_need_new": programme_page({"pk": "project"}, ok=OFFICER),
    "pairing:need": programme_page({"pk": "need"}, ok=OFFICER),
    "pairing:need_edit": programme_page({"pk": "need"}, ok=OFFICER),
    "pairing:decide": programme_page({"pk": "need"}, ok=OFFICER, method="post"),
    "pairing:undecide": programme_page({"pk": "pair_decision"}, ok=OFFICER, method="post"),
    "pairing:runs": programme_page({}, ok=OFFICER),
    "pairing:run_start": programme_page({}, ok=OFFICER, method="post"),
    "pairing:run": programme_page({"pk": "run"}, ok=OFFICER),
    "pairing:run_progress": programme_page({"pk": "run"}, ok=OFFICER),
    "pairing:run_rerun": programme_page({"pk": "run"}, ok=OFFICER, method="post"),
    # The preview (GET) changes nothing; the confirmation is the POST.
    "pairing:run_confirm": [
        programme_page({"pk": "run"}, ok=OFFICER),
        programme_page({"pk": "run"}, ok=OFFICER, method="post"),
    ],
}
