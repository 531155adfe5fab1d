"""The demo call's proposals and their teams (data/proposals.toml), in every state.

Everything is keyed by title or email and skipped when present, so running it
again changes nothing. States are written as history (with their audit
entries and frozen snapshots) rather than replayed through the services, so
seeding does not mail forty teams.
"""

import datetime
from decimal import Decimal

from django.core.files.base import ContentFile
from django.db.models import Case, IntegerField, QuerySet, Value, When
from django.utils.text import slugify

from skillbridge.calls.checks import budget_total, proposal_snapshot
from skillbridge.calls.models import Attachment, BudgetLine, Call, Proposal, TeamMember
from skillbridge.common.services import audit_record
from skillbridge.demo.documents import pdf_page
from skillbridge.demo.people import demo_person
from skillbridge.demo.texts import texts
from skillbridge.people.models import Organisation, ProgrammeRole, Role, User
from skillbridge.programmes.models import Programme, Sector

# What an incomplete draft has not written yet.
UNWRITTEN = ("innovation", "market", "implementation_plan")
LEAD_EMAIL = "applicant@example.org"  # the demo team lead the walkthroughs follow


def _person(email: str, full_name: str, college: Organisation, programme: Programme) -> User:
    user = demo_person(email, full_name, signs_in=False)  # Demo team members never sign in.
    ProgrammeRole.objects.get_or_create(
        user=user, programme=programme, role=Role.APPLICANT, defaults={"organisation": college}
    )
    return user


def _coordinator(college: Organisation, programme: Programme) -> User:
    role = ProgrammeRole.objects.filter(
        programme=programme, role=Role.COLLEGE_COORDINATOR, organisation=college
    ).first()
    if role:
        return role.user
    slug = slugify(college.short_name.replace("IPRC", "")).strip("-")
    user = demo_person(
        f"coordinator.{slug}@example.org", f"Coordinator, {college.short_name}", signs_in=False
    )
    ProgrammeRole.objects.get_or_create(
        user=user,
        programme=programme,
        role=Role.COLLEGE_COORDINATOR,
        defaults={"organisation": college},
    )
    return user


def _name(index: int, shift: int) -> tuple[str, str, str]:
    names = texts("proposals")["names"]
    first, _, sex = names[(index + shift) % len(names)]
    last = names[(3 * index + 2 * shift + 5) % len(names)][1]
    return first, last, sex


def _email(prefix: str, first: str, last: str, index: int) -> str:
    return f"{prefix}.{slugify(first)}.{slugify(last)}.{index}@example.org".replace("-", "")


def _texts(row: dict, *, complete: bool) -> dict:
    written = {field: text.format(**row) for field, text in texts("proposals")["texts"].items()}
    if not complete:
        written.update(dict.fromkeys(UNWRITTEN, ""))
    return written


def _lead(index: int, row: dict, college: Organisation, programme: Programme):
    """The team lead and their sex: a demo account, or someone made up."""
    if "lead" in row:
        return User.objects.get(email=row["lead"]), row["lead_sex"]
    first, last, sex = _name(index, 0)
    lead = _person(_email("lead", first, last, index), f"{first} {last}", college, programme)
    return lead, sex


def _team(proposal: Proposal, index: int, row: dict, lead_sex: str, programme: Programme) -> None:
    """The lead, one to three joined members, and an open invitation on some drafts."""
    call = proposal.call
    TeamMember.objects.create(
        proposal=proposal,
        user=proposal.lead,
        email=proposal.lead.email,
        full_name=proposal.lead.full_name,
        is_lead=True,
        kind="trainer" if index % 4 == 1 else "student",
        sex=lead_sex,
        status="joined",
        joined_at=call.opens_at + datetime.timedelta(days=1),
    )
    for k in range(1, 2 + index % 3):
        first, last, sex = _name(index, k * 5)
        member = _person(
            _email("member", first, last, index), f"{first} {last}", proposal.college, programme
        )
        TeamMember.objects.create(
            proposal=proposal,
            user=member,
            email=member.email,
            full_name=member.full_name,
            kind="trainer" if k == 2 else "student",
            sex=sex,
            status="joined",
            joined_at=call.opens_at + datetime.timedelta(days=2),
        )
    if row["state"] == "draft" and index % 2 == 1:
        first, last, _sex = _name(index, 17)
        TeamMember.objects.create(
            proposal=proposal,
            email=_email("invited", first, last, index),
            full_name=f"{first} {last}",
            kind="student",
        )


def _budget(proposal: Proposal, index: int, *, complete: bool) -> None:
    lines = texts("calls")["budgets"][proposal.sector.slug]
    for position, (item, category, quantity, unit_cost) in enumerate(
        lines if complete else lines[:1], start=1
    ):
        BudgetLine.objects.create(
            proposal=proposal,
            item=item,
            category=category,
            quantity=Decimal(quantity),
            unit_cost_rwf=unit_cost + 10_000 * (index % 5),
            position=position,
        )
    proposal.requested_amount_rwf = budget_total(proposal) if complete else None
    proposal.save(update_fields=["requested_amount_rwf"])


def _documents(proposal: Proposal, documents: dict[str, bytes]) -> None:
    for kind, content in documents.items():
        name = f"{slugify(kind)}-{slugify(proposal.title)[:40]}.pdf"
        Attachment.objects.create(
            proposal=proposal,
            kind=kind,
            file=ContentFile(content, name=name),
            original_name=name,
            content_type="application/pdf",
            size=len(content),
            uploaded_by=proposal.lead,
        )


def _seed_proposal(index: int, row: dict, call: Call, programme: Programme, documents) -> None:
    if Proposal.objects.filter(call=call, title=row["title"]).exists():
        return
    college = Organisation.objects.get(short_name=row["college"])
    lead, lead_sex = _lead(index, row, college, programme)
    complete = not (row["state"] == "draft" and index in (0, 9))
    proposal = Proposal.objects.create(
        call=call,
        college=college,
        lead=lead,
        sector=Sector.objects.get(slug=row["sector"]),
        title=row["title"],
        **_texts(row, complete=complete),
    )
    _team(proposal, index, row, lead_sex, programme)
    _budget(proposal, index, complete=complete)
    if complete:
        _documents(proposal, documents)
    if row["state"] != "draft":
        _advance(proposal, row["state"], index, programme)


def _confirm_affiliations(proposal: Proposal, state: str, index: int, programme) -> None:
    """The college coordinator's answers about the team, one audit entry each."""
    coordinator = _coordinator(proposal.college, programme)
    members = list(proposal.members.filter(status="joined"))
    rejected = state == "ineligible" and index % 3 == 1
    for position, member in enumerate(members):
        member.affiliation = (
            "rejected" if rejected and position == len(members) - 1 else "confirmed"
        )
        member.save(update_fields=["affiliation"])
        audit_record(
            actor=coordinator,
            action=f"team.affiliation_{member.affiliation}",
            target=member,
            before="pending",
            after=member.affiliation,
        )


def _record(proposal: Proposal, actor: User, before: str, after: str, **data) -> None:
    """The audit entry the service would have written for this step."""
    audit_record(
        actor=actor,
        action=f"proposal.{after}",
        target=proposal,
        before=before,
        after=after,
        data=data,
    )


def _decide(proposal: Proposal, state: str, index: int) -> None:
    """The officer's eligibility decision, or the team's withdrawal, after submission."""
    data = texts("proposals")
    if state in ("eligible", "ineligible"):
        proposal.state = state
        if state == "ineligible":
            reasons = data["ineligible_reasons"]
            proposal.state_reason = reasons[index % len(reasons)]
        officer = User.objects.get(email="officer@example.org")
        _record(proposal, officer, "submitted", state, reason=proposal.state_reason)
    elif state == "withdrawn":
        proposal.state = state
        proposal.state_reason = data["withdrawn_reason"]
        _record(proposal, proposal.lead, "submitted", state)


def _advance(proposal: Proposal, state: str, index: int, programme: Programme) -> None:
    """Write the proposal's history up to `state`, with the audit entries of each step."""
    if state in ("eligible", "ineligible") or (state == "submitted" and index % 2 == 0):
        _confirm_affiliations(proposal, state, index, programme)
    submitted_at = proposal.call.opens_at + datetime.timedelta(days=3 + index % 15, hours=index % 9)
    proposal.submitted_at = submitted_at
    proposal.snapshot = proposal_snapshot(proposal)
    proposal.state = Proposal.State.SUBMITTED
    _record(proposal, proposal.lead, "draft", "submitted")
    _decide(proposal, state, index)
    proposal.save()


def seed_proposals(call: Call, programme: Programme) -> None:
    documents = {
        document["kind"]: pdf_page(document["title"], document["line"])
        for document in texts("calls")["documents"]
    }
    for index, row in enumerate(texts("proposals")["proposals"]):
        _seed_proposal(index, row, call, programme, documents)


def selected_proposals(programme: Programme) -> QuerySet[Proposal]:
    """The selected proposals, the demo lead's first so it always gets the walkthrough's stage."""
    return (
        Proposal.objects.filter(call__programme=programme, state=Proposal.State.SELECTED)
        .select_related("call", "sector", "college", "lead")
        .annotate(
            is_demo_lead=Case(
                When(lead__email=LEAD_EMAIL, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("is_demo_lead", "pk")
    )
