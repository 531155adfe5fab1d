"""The vocabulary of the matrix: the demo roles, the objects, and the shapes of rows."""

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
    "skill": "a skill of the taxonomy (Solar PV installation)",
    "sector": "a sector of the demo programme (energy)",
    "qualification_level": "a qualification level (the lowest rank)",
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
    "mission_itinerary_leg": "a step of that mission's itinerary",
    "mission_participant": "a named participant of that mission",
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
    "export_job": "a finished background export the officer started",
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
