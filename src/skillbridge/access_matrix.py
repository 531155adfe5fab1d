"""Who gets what: every URL pattern and every API operation, for every demo role.

This table is the reference for "who may" (issue 13): tests/matrix requests
every row as every demo account of DESIGN.md, and anonymously, against the
seeded demo, on SQLite and on PostgreSQL. A URL pattern or API operation
without a row fails the suite, so a new page starts here.

The rule the rows follow (DESIGN §2 and §4, docs/architecture.md):

- Anonymous: pages that need an account send them to sign in (SIGN_IN);
  the API answers 401. Public pages answer 200.
- A page or endpoint about one object (its URL names a proposal, grant,
  mission...) answers 404 to whoever may not see that object at all (another
  team's applicant, another college's coordinator, another professional, a
  donor, someone outside the programme), 403 to whoever may see it but lacks
  the right, and 200 (a form or a page) to whoever holds the right. What each
  role may see is DESIGN §2's "sees" column, as the app's `*_visible_to`
  selectors and `view_*` rules state it.
- A programme's own pages (the URL names the programme by its slug: an
  officer's pool, a dashboard...) answer 404 to anyone without a role in
  the programme and 403 to its members without the right, whatever else the
  URL names: the right is the programme's, and nothing is read before it.
  So do the programme's own objects, which belong to no team, college or
  professional (a reporting period): their pages are the programme's too.
- Index pages (no object in the URL) answer 403 to whoever holds the right
  in no programme, and personal pages (one's own dashboard, proposals,
  missions) answer 200 to anyone signed in.
- A site administrator's rights stay in the admin site: on these pages the
  admin account is someone signed in without any programme role.

A page that only accepts POST is sent an empty body, so the right is tested
without changing anything worth keeping (each test's writes are rolled
back): DONE means the request got past the access checks (200, 400 or a
redirect elsewhere than the sign-in page). GET pages answer exactly 200
unless the row says otherwise.
"""

from dataclasses import dataclass, field

# The demo accounts (DESIGN §4 "Demo accounts", password skillbridge-demo), and nobody.
ANONYMOUS = "anonymous"
ROLES = {
    ANONYMOUS: "not signed in",
    "applicant": "team lead of three IPRC Kigali proposals: a draft, a submitted one and a "
    "selected, funded one",
    "applicant2": "team lead of a submitted IPRC Huye proposal: another team, another college",
    "coordinator": "college coordinator of IPRC Kigali",
    "reviewer1": "reviewer (RP), assigned to the applicant's selected proposal",
    "reviewer2": "reviewer (MINAFFET), not assigned to it",
    "reviewer3": "reviewer (IOM), not assigned to it",
    "officer": "programme officer",
    "finance": "finance officer",
    "expert": "diaspora professional with a profile, an invitation and missions",
    "expert2": "another professional, mentor of the applicant's funded project",
    "donor": "donor viewer",
    "admin": "site administrator: is_superuser, no programme role",
}
SIGNED_IN = tuple(role for role in ROLES if role != ANONYMOUS)
MEMBERS = tuple(role for role in SIGNED_IN if role != "admin")
REVIEWERS = ("reviewer1", "reviewer2", "reviewer3")
EXPERTS = ("expert", "expert2")

# What the URL values name, in the seeded demo (tests/matrix/objects.py finds each by this
# rule). A URL value that is not a name here is sent as it is ("suspend", "xlsx").
OBJECTS = {
    "programme": "the demo programme (its slug)",
    "call": "the demo call: published and open",
    "draft": "the applicant's draft (team lead: applicant; IPRC Kigali)",
    "draft_line": "a budget line of that draft",
    "draft_member": "a member of that draft's team other than the lead",
    "submitted": "the applicant's submitted proposal (IPRC Kigali)",
    "submitted_attachment": "a document attached to that proposal",
    "submitted_member": "a member of that proposal's team other than the lead",
    "huye_proposal": "applicant2's submitted proposal (IPRC Huye)",
    "selected": "the applicant's selected proposal, funded by a grant (IPRC Kigali)",
    "awaiting_grant": "a selected proposal that has no grant yet",
    "invitation": "the signed link of a pending invitation to a team",
    "review": "reviewer1's submitted review of the applicant's selected proposal",
    "review_to_declare": "an assignment of reviewer1 still waiting for the declaration",
    "panel_member": "reviewer1's place on the demo call's panel",
    "grant": "the grant of the applicant's selected proposal (active)",
    "milestone": "that grant's milestone with evidence submitted",
    "disbursement": "a payment of that grant",
    "expense": "an expense of that grant, with its receipt",
    "other_report": "another team's submitted financial report",
    "profile": "the expert's profile (approved, with a CV)",
    "claim": "the signed link of an imported professional who has not claimed the profile",
    "import_batch": "an import of professionals, previewed",
    "invited_pairing": "the expert's pairing waiting for the answer",
    "team_pairing": "expert2's accepted pairing with the applicant's funded project",
    "project": "the applicant's funded project (its proposal)",
    "training_request": "IPRC Kigali's training request",
    "need": "the need stated for the applicant's funded project",
    "pair_decision": "a lock or forbid of a pair",
    "run": "the demo's matching run",
    "mission": "the expert's completed training of trainers, hosted by IPRC Kigali",
    "mission_plan_day": "a day of that mission's work plan",
    "mission_checklist_item": "an item of that mission's logistics checklist",
    "mission_cost_line": "a cost line of that mission",
    "mission_session": "a session of that mission",
    "mission_evidence": "an evidence file of that session",
    "mission_certificate": "a certificate of that mission (its code)",
    "mission_survey": "the signed link of an unanswered survey of that mission",
    "project_mission": "expert2's coaching of the applicant's project, work plan agreed",
    "remote_mission": "expert2's remote mentoring series hosted by IPRC Kigali",
    "statement": "a statement of the results framework",
    "manual_indicator": "an indicator whose values are entered by hand",
    "open_period": "the open reporting period",
    "closed_period": "the closed reporting period",
    "applicant_token": "the applicant's API token",
}

# Answers. An int is the exact status code.
SIGN_IN = "sign-in"  # 302 to the sign-in page, which brings the person back afterwards
DONE = "done"  # past the access checks: 200, 400, or a redirect elsewhere than sign-in


@dataclass(frozen=True)
class Case:
    """One request (the URL's values, the method) and who gets what.

    `ok` get 200 (GET) or DONE (other methods), `forbidden` 403, `codes` what
    they say; every other signed-in role gets `others`, and anonymous gets
    `anonymous`. `query` and `body` are sent with the request, with object
    names replaced like the URL's values.
    """

    kwargs: dict = field(default_factory=dict)
    ok: tuple = ()
    forbidden: tuple = ()
    others: int = 404
    anonymous: int | str = SIGN_IN
    method: str = "get"
    codes: dict = field(default_factory=dict)
    query: dict = field(default_factory=dict)
    body: dict = field(default_factory=dict)

    def expected(self, role: str) -> int | str:
        if role == ANONYMOUS:
            return self.anonymous
        if role in self.codes:
            return self.codes[role]
        if role in self.ok:
            return 200 if self.method == "get" else DONE
        if role in self.forbidden:
            return 403
        return self.others

    @property
    def label(self) -> str:
        return "-".join(str(value) for value in self.kwargs.values()) or "-"


# The shapes of rows. Each gives every signed-in role its answer; `codes` adds exceptions.


def public(url_values=None, **more) -> Case:
    """Anyone, signed in or not."""
    return Case(url_values or {}, ok=SIGNED_IN, anonymous=200, **more)


def personal(url_values=None, **more) -> Case:
    """Anyone signed in: their own things (an empty page for those who have none)."""
    return Case(url_values or {}, ok=SIGNED_IN, **more)


def index(ok, **more) -> Case:
    """A page naming no object: 403 to whoever holds the right in no programme."""
    return Case({}, ok=ok, others=403, **more)


def programme_page(url_values, ok, **more) -> Case:
    """A programme's own page: 404 outside the programme, 403 to members without the right."""
    codes = {"admin": 404, **more.pop("codes", {})}
    return Case({"slug": "programme", **url_values}, ok=ok, others=403, codes=codes, **more)


def of_programme(url_values, ok, **more) -> Case:
    """A page about an object of the programme's own (a reporting period): as its pages."""
    codes = {"admin": 404, **more.pop("codes", {})}
    return Case(url_values, ok=ok, others=403, codes=codes, **more)


def seen_by(readers, url_values, ok=None, **more) -> Case:
    """A page about one object that `readers` may see: `ok` (all of them unless given) hold
    the right, the other readers get 403, and everyone else 404."""
    ok = readers if ok is None else ok
    forbidden = tuple(role for role in readers if role not in ok)
    return Case(url_values, ok=ok, forbidden=forbidden, **more)


# Who may see what, in the demo (each app's `*_visible_to` selector and `view_*` rule).
# The applicant's IPRC Kigali proposals: the team, its college's coordinator, the officers.
PROPOSAL_READERS = ("applicant", "coordinator", "officer")
# applicant2's IPRC Huye proposal: the team and the officers (the coordinator is Kigali's).
HUYE_READERS = ("applicant2", "officer")
# The applicant's grant: the team, the officers and the finance officers; not the coordinator.
GRANT_READERS = ("applicant", "officer", "finance")
# A review assignment: its reviewer, and the officers (who see the call's assignments).
ASSIGNMENT_READERS = ("reviewer1", "officer")
# The expert's invitation: the professional and the officers (the team only once accepted).
INVITATION_READERS = ("expert", "officer")
# expert2's accepted pairing with the applicant's project: now the project's team too.
TEAM_PAIRING_READERS = ("expert2", "applicant", "officer")
# The expert's mission: the officers, the professional and the host college's coordinator.
MISSION_READERS = ("officer", "expert", "coordinator")
# A mission for the applicant's project: its team lead hosts it, with the coordinator.
PROJECT_MISSION_READERS = ("officer", "expert2", "applicant", "coordinator")
# A programme's results and reporting periods (results.view_results).
RESULTS_READERS = ("officer", "finance", "donor")

OFFICER = ("officer",)
DRAFT = {"pk": "draft"}
SUBMITTED = {"pk": "submitted"}
SUBMITTED_DOCUMENT = {"pk": "submitted", "attachment_pk": "submitted_attachment"}
GRANT = {"pk": "grant"}
INVITED = {"pk": "invited_pairing"}
MISSION = {"pk": "mission"}
PERIOD = {"pk": "open_period"}


def call_page(url_values=None, ok=OFFICER, **more) -> Case:
    """An officer's page about the demo call, which everyone signed in may see (published)."""
    return seen_by(SIGNED_IN, {"pk": "call", **(url_values or {})}, ok=ok, **more)


PAGES = {
    # The site --------------------------------------------------------------------------
    "home": public(),
    "health": public(),
    # people and portal: one's own account, and the officers' outbox -----------------------
    "people:dashboard": personal(),
    "people:account": personal(),
    "people:token_revoke": seen_by(("applicant",), {"pk": "applicant_token"}, method="post"),
    # Signing out everywhere ends at the sign-in page.
    "people:sign_out_everywhere": personal(method="post"),
    "portal:outbox": index(ok=OFFICER),
    # calls -----------------------------------------------------------------------------
    "calls:open_calls": public(),
    "calls:call_detail": public({"pk": "call"}),
    "calls:call_edit": call_page(),
    # Applicants, and people without a role in the programme (they become applicants).
    "calls:proposal_start": call_page(ok=("applicant", "applicant2", "admin")),
    "calls:calls_manage": index(ok=OFFICER),
    "calls:call_create": programme_page({}, ok=OFFICER),
    "calls:my_proposals": personal(),
    "calls:proposal_list": index(ok=("officer", "coordinator")),
    "calls:proposal_detail": [
        seen_by(PROPOSAL_READERS, DRAFT),
        seen_by(HUYE_READERS, {"pk": "huye_proposal"}),
    ],
    "calls:proposal_edit": seen_by(PROPOSAL_READERS, DRAFT, ok=("applicant",)),
    "calls:proposal_autosave": seen_by(PROPOSAL_READERS, DRAFT, ok=("applicant",), method="post"),
    "calls:proposal_merge": seen_by(PROPOSAL_READERS, DRAFT, ok=("applicant",), method="post"),
    "calls:budget_line_add": seen_by(PROPOSAL_READERS, DRAFT, ok=("applicant",), method="post"),
    "calls:budget_line_delete": seen_by(
        PROPOSAL_READERS, {**DRAFT, "line_pk": "draft_line"}, ok=("applicant",), method="post"
    ),
    "calls:attachment_add": seen_by(PROPOSAL_READERS, DRAFT, ok=("applicant",), method="post"),
    "calls:attachment_download": seen_by(PROPOSAL_READERS, SUBMITTED_DOCUMENT),
    "calls:attachment_delete": seen_by(
        PROPOSAL_READERS, SUBMITTED_DOCUMENT, ok=("applicant",), method="post"
    ),
    "calls:proposal_submit": seen_by(PROPOSAL_READERS, DRAFT, ok=("applicant",), method="post"),
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
    # review ----------------------------------------------------------------------------
    "review:index": index(ok=OFFICER, codes=dict.fromkeys(REVIEWERS, 302)),
    "review:mine": personal(),
    "review:declare": seen_by(ASSIGNMENT_READERS, {"pk": "review_to_declare"}, ok=("reviewer1",)),
    "review:review": seen_by(ASSIGNMENT_READERS, {"pk": "review"}, ok=("reviewer1",)),
    # It answers about one's own assignments only: the next one, or none left.
    "review:next": Case({"call_pk": "call"}, codes=dict.fromkeys(SIGNED_IN, 302)),
    "review:pool": call_page(),
    "review:pool_remove": call_page({"member_pk": "panel_member"}, method="post"),
    "review:assignments": call_page(),
    "review:assignment_run": call_page(method="post"),
    "review:assignment_remove": call_page({"review_pk": "review"}, method="post"),
    "review:ranking": call_page(),
    "review:selection": call_page(),
    "review:decisions": call_page(),
    "review:decide": call_page({"proposal_pk": "selected"}),
    "review:disqualify": call_page({"proposal_pk": "selected"}),
    "review:reserve": call_page(),
    "review:outcomes": personal(),
    "review:outcome": seen_by(PROPOSAL_READERS, {"pk": "selected"}),
    # grants ----------------------------------------------------------------------------
    "grants:home": personal(),
    "grants:programme": programme_page({}, ok=("officer", "finance")),
    "grants:finance": programme_page({}, ok=("officer", "finance")),
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
    # experts ---------------------------------------------------------------------------
    "experts:outreach": public(),
    # A professional who registered already is shown their profile.
    "experts:register": personal(codes=dict.fromkeys(EXPERTS, 302)),
    # The signed link is the right, without an account.
    "experts:claim": public({"token": "claim"}),
    "experts:pool_home": index(ok=(), codes={"officer": 302}),
    "experts:my_profile": programme_page({}, ok=EXPERTS),
    "experts:my_profile_edit": programme_page({}, ok=EXPERTS),
    "experts:my_profile_submit": programme_page({}, ok=EXPERTS, method="post"),
    "experts:my_consent": programme_page({}, ok=EXPERTS),
    "experts:my_data": programme_page({}, ok=EXPERTS),
    # expert2 has no CV to download.
    "experts:my_cv": programme_page({}, ok=("expert",), codes={"expert2": 404}),
    "experts:my_erase": programme_page({}, ok=EXPERTS),
    "experts:pool": programme_page({}, ok=OFFICER),
    "experts:pool_profile": programme_page({"pk": "profile"}, ok=OFFICER),
    "experts:pool_vet": programme_page({"pk": "profile"}, ok=OFFICER, method="post"),
    "experts:pool_cv": programme_page({"pk": "profile"}, ok=OFFICER),
    "experts:skills": programme_page({}, ok=OFFICER),
    "experts:import_list": programme_page({}, ok=OFFICER),
    "experts:import_detail": programme_page({"pk": "import_batch"}, ok=OFFICER),
    "experts:import_progress": programme_page({"pk": "import_batch"}, ok=OFFICER),
    "experts:import_confirm": programme_page({"pk": "import_batch"}, ok=OFFICER, method="post"),
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
    "pairing:run_confirm": programme_page({"pk": "run"}, ok=OFFICER, method="post"),
    # missions --------------------------------------------------------------------------
    "missions:list": personal(),
    "missions:calendar_mine": personal(),
    # Anyone may check a certificate, and the signed survey link is the right to answer.
    "missions:verify": public({"code": "mission_certificate"}),
    "missions:survey": public({"mission_pk": "mission", "token": "mission_survey"}),
    "missions:detail": [
        seen_by(MISSION_READERS, MISSION),
        seen_by(PROJECT_MISSION_READERS, {"pk": "project_mission"}),
    ],
    "missions:edit": seen_by(MISSION_READERS, MISSION),
    "missions:plan_day_add": seen_by(MISSION_READERS, MISSION, method="post"),
    "missions:plan_day_remove": seen_by(
        MISSION_READERS, {**MISSION, "day_pk": "mission_plan_day"}, method="post"
    ),
    "missions:sign": seen_by(MISSION_READERS, MISSION, ok=("expert", "coordinator"), method="post"),
    "missions:step": seen_by(
        MISSION_READERS, {**MISSION, "step": "start"}, ok=("officer", "expert"), method="post"
    ),
    "missions:cancel": seen_by(MISSION_READERS, MISSION, ok=OFFICER, method="post"),
    "missions:checklist": seen_by(
        MISSION_READERS, {**MISSION, "item_pk": "mission_checklist_item"}, ok=OFFICER, method="post"
    ),
    "missions:itinerary_add": seen_by(MISSION_READERS, MISSION, ok=OFFICER, method="post"),
    "missions:cost_add": seen_by(MISSION_READERS, MISSION, ok=OFFICER, method="post"),
    "missions:cost_actual": seen_by(
        MISSION_READERS, {**MISSION, "line_pk": "mission_cost_line"}, ok=OFFICER, method="post"
    ),
    "missions:session_new": [
        seen_by(MISSION_READERS, MISSION, ok=("officer", "expert")),
        # In a remote series the host college's coordinator logs sessions too.
        seen_by(("officer", "expert2", "coordinator"), {"pk": "remote_mission"}),
    ],
    "missions:evidence_add": seen_by(
        MISSION_READERS,
        {**MISSION, "session_pk": "mission_session"},
        ok=("officer", "expert"),
        method="post",
    ),
    "missions:evidence": seen_by(MISSION_READERS, {**MISSION, "evidence_pk": "mission_evidence"}),
    "missions:participant_add": seen_by(
        MISSION_READERS, MISSION, ok=("officer", "expert"), method="post"
    ),
    "missions:report": seen_by(MISSION_READERS, MISSION),
    "missions:calendar": seen_by(MISSION_READERS, MISSION),
    "missions:certificates_issue": seen_by(MISSION_READERS, MISSION, ok=OFFICER, method="post"),
    "missions:certificate": seen_by(MISSION_READERS, {**MISSION, "code": "mission_certificate"}),
    "missions:new": programme_page({}, ok=OFFICER),
    "missions:departures": programme_page({}, ok=OFFICER),
    "missions:survey_results": programme_page({}, ok=OFFICER),
    # results ---------------------------------------------------------------------------
    "results:home": personal(),
    "results:impact": public({"slug": "programme"}),
    "results:stories": personal(),
    # The team lead approves the project's public description.
    "results:story": seen_by(PROPOSAL_READERS, {"proposal_pk": "selected"}, ok=("applicant",)),
    "results:dashboard": programme_page({}, ok=RESULTS_READERS),
    "results:framework": programme_page({}, ok=RESULTS_READERS),
    "results:statement_new": programme_page({}, ok=OFFICER),
    "results:statement_edit": programme_page({"pk": "statement"}, ok=OFFICER),
    "results:indicator_new": programme_page({}, ok=OFFICER),
    "results:indicator_edit": programme_page({"pk": "manual_indicator"}, ok=OFFICER),
    "results:periods": programme_page({}, ok=RESULTS_READERS),
    "results:period": of_programme(PERIOD, ok=RESULTS_READERS),
    "results:narrative": of_programme(PERIOD, ok=OFFICER),
    "results:value": of_programme({**PERIOD, "indicator_pk": "manual_indicator"}, ok=OFFICER),
    "results:close": of_programme(PERIOD, ok=OFFICER, method="post"),
    "results:report": of_programme(
        {"pk": "closed_period", "file_format": "xlsx"}, ok=RESULTS_READERS
    ),
    # api: its operations are in API below; these two pages describe it, to anyone.
    "api:schema": public(),
    "api:docs": public(),
}

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
