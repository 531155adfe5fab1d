"""The matrix rows of the REST API and what is left out of the matrix."""

from skillbridge.access_matrix.shapes import (
    ASSIGNMENT_READERS,
    EXPERTS,
    GRANT_READERS,
    HUYE_READERS,
    INVITATION_READERS,
    MISSION_READERS,
    OFFICER,
    PROPOSAL_READERS,
    RESULTS_READERS,
    SIGNED_IN,
    TEAM_PAIRING_READERS,
    Case,
    index,
    personal,
    public,
    seen_by,
)

# Parts of the site outside the matrix, and why. Static files are served by WhiteNoise's
# middleware and uploads only through views that check who asks: neither has a URL pattern.
EXCLUDED = {
    "admin/": "Django's admin site: staff only, signed in through allauth with the second "
    "factor (tests/calls/test_superuser.py, tests/people/test_mfa.py)",
    "accounts/": "allauth's own pages (sign in, sign up, email, MFA): open to anyone by "
    "nature, tested in tests/people",
    "i18n/": "Django's language switch: open to anyone, changes only the visitor's language",
}


# The REST API, by operation id in /api/v1/schema/. The same rule as the pages, except that
# anonymous gets 401. `body` is sent as JSON.


def api(case: Case) -> Case:
    return Case(**{**case.__dict__, "anonymous": 401})


def names_programme(ok, **more) -> Case:
    """An operation whose query or body names the programme: as a programme's own page."""
    return Case(ok=ok, others=403, codes={"admin": 404}, anonymous=401, **more)


API = {
    "root_retrieve": public(),
    # An empty body: a message per field, to anyone (this is how one gets a token).
    "auth_token_create": Case(others=400, anonymous=400, method="post"),
    "me_retrieve": api(personal()),
    "calls_list": api(personal()),
    "calls_retrieve": api(personal({"id": "call"})),
    "calls_ranking_list": api(seen_by(SIGNED_IN, {"id": "call"}, ok=OFFICER)),
    "calls_assignments_list": api(seen_by(SIGNED_IN, {"id": "call"}, ok=OFFICER)),
    "calls_conflicts_list": api(seen_by(SIGNED_IN, {"id": "call"}, ok=OFFICER)),
    "assignments_list": api(personal()),
    "conflicts_list": api(personal()),
    "proposals_list": api(personal()),
    # Applicants, and people without a role in the programme, start a draft of a call.
    "proposals_create": api(
        index(
            ok=("applicant", "applicant2", "admin"),
            method="post",
            body={"call": "call", "title": "Matrix", "kind": "student", "sex": "female"},
        )
    ),
    "proposals_retrieve": [
        api(seen_by(PROPOSAL_READERS, {"id": "draft"})),
        api(seen_by(HUYE_READERS, {"id": "huye_proposal"})),
    ],
    "proposals_partial_update": api(
        seen_by(PROPOSAL_READERS, {"id": "draft"}, ok=("applicant",), method="patch")
    ),
    "proposals_submit_create": api(
        seen_by(PROPOSAL_READERS, {"id": "draft"}, ok=("applicant",), method="post")
    ),
    "proposals_withdraw_create": api(
        seen_by(PROPOSAL_READERS, {"id": "submitted"}, ok=("applicant",), method="post")
    ),
    "reviews_list": api(personal()),
    "reviews_retrieve": api(seen_by(ASSIGNMENT_READERS, {"id": "review"}, ok=("reviewer1",))),
    "reviews_update": api(
        seen_by(ASSIGNMENT_READERS, {"id": "review"}, ok=("reviewer1",), method="put")
    ),
    "reviews_submit_create": api(
        seen_by(ASSIGNMENT_READERS, {"id": "review"}, ok=("reviewer1",), method="post")
    ),
    "reviews_declare_create": api(
        seen_by(ASSIGNMENT_READERS, {"id": "review_to_declare"}, ok=("reviewer1",), method="post")
    ),
    "grants_list": api(personal()),
    "grants_retrieve": api(seen_by(GRANT_READERS, {"id": "grant"})),
    "grants_disbursements_create": api(
        seen_by(GRANT_READERS, {"id": "grant"}, ok=("finance",), method="post")
    ),
    # The officers' pool of professionals (of the first programme they run).
    "experts_list": api(index(ok=OFFICER)),
    "experts_me_retrieve": api(index(ok=EXPERTS)),
    "experts_me_update": api(index(ok=EXPERTS, method="put")),
    # The body names the programme: 404 outside it, 403 to its members but the officers.
    "matching_runs_create": names_programme(
        ok=OFFICER, method="post", body={"programme": "programme", "objective": "total"}
    ),
    "matching_runs_retrieve": api(seen_by(OFFICER, {"id": "run"})),
    "pairings_list": api(personal()),
    "pairings_retrieve": [
        api(seen_by(INVITATION_READERS, {"id": "invited_pairing"})),
        api(seen_by(TEAM_PAIRING_READERS, {"id": "team_pairing"})),
    ],
    "pairings_accept_create": api(
        seen_by(INVITATION_READERS, {"id": "invited_pairing"}, ok=("expert",), method="post")
    ),
    "pairings_decline_create": api(
        seen_by(INVITATION_READERS, {"id": "invited_pairing"}, ok=("expert",), method="post")
    ),
    "pairings_confirm_create": api(
        seen_by(INVITATION_READERS, {"id": "invited_pairing"}, ok=OFFICER, method="post")
    ),
    "missions_list": api(personal()),
    "missions_retrieve": api(seen_by(MISSION_READERS, {"id": "mission"})),
    "missions_sessions_create": api(
        seen_by(MISSION_READERS, {"id": "mission"}, ok=("officer", "expert"), method="post")
    ),
    # The query names the programme: 404 outside it, 403 to its members who do not read results.
    "indicators_list": names_programme(ok=RESULTS_READERS, query={"programme": "programme"}),
}
