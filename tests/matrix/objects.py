"""The demo objects the permission matrix names, found by rule rather than by id.

Each name in `skillbridge.access_matrix.OBJECTS` has a finder here that
returns the URL value (a pk, a slug, a token or a code) from the seeded
demo. Ids differ between databases and runs (PostgreSQL sequences survive a
rollback), so nothing is hard-coded.

The demo lacks a few things a page needs before it can answer at all;
`complete_the_demo` adds exactly those, and says why for each.
"""

from django.core.files.base import ContentFile

from skillbridge.calls.models import Attachment, Call, Proposal, TeamMember
from skillbridge.calls.tokens import invitation_token
from skillbridge.common.models import ExportJob
from skillbridge.experts.models import ExpertProfile, ImportBatch, QualificationLevel, Skill
from skillbridge.experts.tokens import claim_token_make
from skillbridge.grants.models import Disbursement, Expense, FinancialReport, Grant, Milestone
from skillbridge.missions.models import (
    Certificate,
    ChecklistItem,
    CostLine,
    Evidence,
    ItineraryLeg,
    Mission,
    Participant,
    PlanDay,
    Session,
    Survey,
)
from skillbridge.missions.tokens import survey_token
from skillbridge.pairing.models import MatchingRun, Need, PairDecision, Pairing, TrainingRequest
from skillbridge.people.models import ApiToken, User
from skillbridge.programmes.models import Programme
from skillbridge.results.models import Indicator, ReportingPeriod, Statement
from skillbridge.review.models import Decision, PoolMember, Review

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


def _programme() -> Programme:
    return Programme.objects.get()


def _applicants_proposal(state: str) -> Proposal:
    return Proposal.objects.get(lead__email="applicant@example.org", state=state)


def _draft() -> Proposal:
    return _applicants_proposal(Proposal.State.DRAFT)


def _submitted() -> Proposal:
    return _applicants_proposal(Proposal.State.SUBMITTED)


def _selected() -> Proposal:
    return _applicants_proposal(Proposal.State.SELECTED)


def _grant() -> Grant:
    return Grant.objects.get(proposal=_selected())


def _review() -> Review:
    return Review.objects.get(reviewer__email="reviewer1@example.org", proposal=_selected())


def _expert_mission() -> Mission:
    return Mission.objects.get(expert__user__email="expert@example.org", state="completed")


def _project_mission() -> Mission:
    return Mission.objects.get(
        pairing__need__proposal__lead__email="applicant@example.org", state="workplan_agreed"
    )


def _first_pk(queryset) -> int:
    return queryset.order_by("pk").values_list("pk", flat=True)[0]


FINDERS = {
    "programme": lambda: _programme().slug,
    "call": lambda: Call.objects.get().pk,
    "draft": lambda: _draft().pk,
    "draft_line": lambda: _first_pk(_draft().budget_lines),
    "draft_member": lambda: _first_pk(_draft().members.filter(is_lead=False)),
    "submitted": lambda: _submitted().pk,
    "submitted_attachment": lambda: _first_pk(Attachment.objects.filter(proposal=_submitted())),
    "submitted_member": lambda: _first_pk(_submitted().members.filter(is_lead=False)),
    "huye_proposal": lambda: Proposal.objects.get(lead__email="applicant2@example.org").pk,
    "selected": lambda: _selected().pk,
    "awaiting_grant": lambda: _first_pk(
        Proposal.objects.filter(state=Proposal.State.SELECTED, grant__isnull=True)
    ),
    "invitation": lambda: invitation_token(
        TeamMember.objects.filter(status=TeamMember.Status.INVITED).order_by("pk").first()
    ),
    "review": lambda: _review().pk,
    "review_to_declare": lambda: _first_pk(
        Review.objects.filter(reviewer__email="reviewer1@example.org", declaration="pending")
    ),
    "panel_member": lambda: PoolMember.objects.get(reviewer__email="reviewer1@example.org").pk,
    "grant": lambda: _grant().pk,
    "milestone": lambda: _first_pk(
        Milestone.objects.filter(tranche__grant=_grant()).exclude(evidence_file="")
    ),
    "disbursement": lambda: _first_pk(Disbursement.objects.filter(grant=_grant())),
    "expense": lambda: _first_pk(Expense.objects.filter(grant=_grant())),
    "other_report": lambda: FinancialReport.objects.get(state="submitted").pk,
    "profile": lambda: ExpertProfile.objects.get(user__email="expert@example.org").pk,
    "claim": lambda: claim_token_make(
        ExpertProfile.objects.filter(claimed_at__isnull=True, user__isnull=False)
        .order_by("pk")
        .first()
    ),
    "import_batch": lambda: ImportBatch.objects.get().pk,
    "skill": lambda: Skill.objects.get(name="Solar PV installation").pk,
    "sector": lambda: _programme().sectors.get(slug="energy").pk,
    "qualification_level": lambda: QualificationLevel.objects.order_by("rank", "pk").first().pk,
    "invited_pairing": lambda: (
        Pairing.objects.get(expert__user__email="expert@example.org", state="invited").pk
    ),
    "team_pairing": lambda: Pairing.objects.get(need__proposal=_selected()).pk,
    "project": lambda: _selected().pk,
    "training_request": lambda: TrainingRequest.objects.get(college__short_name="IPRC Kigali").pk,
    "need": lambda: Need.objects.get(proposal=_selected()).pk,
    "pair_decision": lambda: _first_pk(PairDecision.objects.all()),
    "run": lambda: MatchingRun.objects.get().pk,
    "mission": lambda: _expert_mission().pk,
    "mission_plan_day": lambda: _first_pk(PlanDay.objects.filter(mission=_expert_mission())),
    "mission_checklist_item": lambda: _first_pk(
        ChecklistItem.objects.filter(mission=_expert_mission())
    ),
    "mission_cost_line": lambda: _first_pk(CostLine.objects.filter(mission=_expert_mission())),
    "mission_itinerary_leg": lambda: _first_pk(
        ItineraryLeg.objects.filter(mission=_expert_mission())
    ),
    "mission_participant": lambda: _first_pk(Participant.objects.filter(mission=_expert_mission())),
    "mission_session": lambda: _first_pk(Session.objects.filter(mission=_expert_mission())),
    "mission_evidence": lambda: Evidence.objects.get(session__mission=_expert_mission()).pk,
    "mission_certificate": lambda: (
        Certificate.objects.filter(mission=_expert_mission())
        .order_by("pk")
        .values_list("code", flat=True)[0]
    ),
    "mission_survey": lambda: survey_token(
        Survey.objects.filter(mission=_expert_mission(), answered_at__isnull=True)
        .order_by("pk")
        .first()
    ),
    "project_mission": lambda: _project_mission().pk,
    "remote_mission": lambda: (
        Mission.objects.get(
            expert__user__email="expert2@example.org",
            kind="remote",
            host_college__short_name="IPRC Kigali",
        ).pk
    ),
    "statement": lambda: _first_pk(Statement.objects.all()),
    "manual_indicator": lambda: _first_pk(Indicator.objects.filter(method="manual")),
    "open_period": lambda: ReportingPeriod.objects.get(state="open").pk,
    "closed_period": lambda: ReportingPeriod.objects.get(state="closed").pk,
    "applicant_token": lambda: _first_pk(
        ApiToken.objects.filter(user__email="applicant@example.org")
    ),
    "export_job": lambda: ExportJob.objects.get(owner__email="officer@example.org").pk,
}


def complete_the_demo() -> None:
    """Add what the demo lacks and a page needs to answer at all.

    - a selected proposal still waiting for its grant (the demo awards every
      selected one): a reserve proposal is moved to selected, for the award page;
    - an import batch (the demo imports nobody), for the import pages;
    - a CV on the expert's profile (demo profiles have none), for both CV pages;
    - an evidence file on a session of the expert's mission (none in the demo);
    - a finished background export of the officer's (the demo starts none).
    """
    reserve = Decision.objects.filter(outcome="reserve").order_by("pk").first().proposal
    Proposal.objects.filter(pk=reserve.pk).update(state=Proposal.State.SELECTED)
    officer = User.objects.get(email="officer@example.org")
    ImportBatch.objects.create(
        programme=_programme(), created_by=officer, filename="matrix.csv", status="previewed"
    )
    profile = ExpertProfile.objects.get(user__email="expert@example.org")
    profile.cv.save("cv.pdf", ContentFile(PDF), save=True)
    session = Session.objects.filter(mission=_expert_mission()).order_by("pk").first()
    evidence = Evidence(session=session, original_name="attendance.pdf", uploaded_by=officer)
    evidence.file.save("attendance.pdf", ContentFile(PDF), save=True)
    export = ExportJob(owner=officer, title="Matrix", builder="skillbridge.x", language="en")
    export.state, export.filename = ExportJob.State.DONE, "matrix.pdf"
    export.file.save("matrix.pdf", ContentFile(PDF), save=True)


def resolve(names) -> dict:
    """Each name's URL value, found once per run."""
    return {name: FINDERS[name]() for name in names}
