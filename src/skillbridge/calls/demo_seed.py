"""The demo call "Innovation Call 2027" and its proposals (the seed step of the calls app).

Runs after seed_accounts. Everything is keyed by title or email and skipped
when present, so running it again changes nothing. States are written as
history (with their audit entries and frozen snapshots) rather than replayed
through the services, so seeding does not mail forty teams.
"""

import datetime
from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.text import slugify

from skillbridge.calls.checks import budget_total, proposal_snapshot
from skillbridge.calls.demo_data import (
    BUDGETS,
    INELIGIBLE_REASONS,
    LEVELS,
    NAMES,
    PROJECTS,
    WEIGHTS,
)
from skillbridge.calls.models import (
    Attachment,
    BudgetLine,
    Call,
    Proposal,
    RubricCriterion,
    TeamMember,
)
from skillbridge.common.services import audit_record
from skillbridge.people.models import Organisation, ProgrammeRole, Role, User
from skillbridge.programmes.models import Programme, Sector

CALL_TITLE = "Innovation Call 2027"
MAX_GRANT = 15_000_000
DOCUMENTS = ["Letter of support from the college", "CVs of the team members"]
LEADS = {
    0: "applicant@example.org",
    1: "applicant@example.org",
    2: "applicant@example.org",
    3: "applicant2@example.org",
}


def _pdf(title: str, line: str) -> bytes:
    """A small, valid one-page PDF with two lines of text."""

    def esc(text: str) -> str:
        return (
            text.encode("latin-1", "replace").decode("latin-1").replace("(", "[").replace(")", "]")
        )

    stream = f"BT /F1 14 Tf 60 760 Td ({esc(title)}) Tj 0 -24 Td /F1 11 Tf ({esc(line)}) Tj ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out


def _kigali(day: datetime.date, hour: int) -> datetime.datetime:
    return datetime.datetime.combine(
        day, datetime.time(hour), tzinfo=timezone.get_current_timezone()
    )


def seed_call(programme: Programme) -> Call:
    call = Call.objects.filter(programme=programme, title=CALL_TITLE).first()
    if call is not None:
        return call
    today = timezone.localdate()
    call = Call.objects.create(
        programme=programme,
        title=CALL_TITLE,
        description=(
            "Rwanda Polytechnic and IOM invite teams of students and trainers of the eight IPRCs "
            "to propose innovative projects in agriculture, ICT, mechanical engineering, "
            "electrical engineering and energy.\n\n"
            "The ten most innovative proposals receive a grant of up to 15,000,000 RWF, paid in "
            "tranches against milestones, and are paired with a Rwandan professional living in "
            "Europe who comes to share their skills. Teams are led by a student or a trainer "
            "and all members belong to the same college."
        ),
        opens_at=_kigali(today - datetime.timedelta(days=21), 8),
        closes_at=_kigali(today + datetime.timedelta(days=28), 17),
        max_grant_rwf=MAX_GRANT,
        awards_planned=10,
        reviews_per_proposal=3,
        required_documents=DOCUMENTS,
        is_published=True,
    )
    call.sectors.set(programme.sectors.all())
    call.eligible_colleges.set(programme.colleges.all())
    for position, (name, (description, levels)) in enumerate(LEVELS.items(), start=1):
        RubricCriterion.objects.create(
            call=call,
            name=name,
            description=description,
            weight=WEIGHTS[name],
            levels={str(i): text for i, text in enumerate(levels, start=1)},
            position=position,
        )
    return call


def _person(email: str, full_name: str, college: Organisation, programme: Programme) -> User:
    user, created = User.objects.get_or_create(email=email, defaults={"full_name": full_name})
    if created:
        user.set_unusable_password()  # Demo team members never sign in.
        user.save(update_fields=["password"])
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
    user, created = User.objects.get_or_create(
        email=f"coordinator.{slug}@example.org",
        defaults={"full_name": f"Coordinator, {college.short_name}"},
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    ProgrammeRole.objects.get_or_create(
        user=user,
        programme=programme,
        role=Role.COLLEGE_COORDINATOR,
        defaults={"organisation": college},
    )
    return user


def _name(index: int, shift: int) -> tuple[str, str, str]:
    first, _, sex = NAMES[(index + shift) % len(NAMES)]
    last = NAMES[(3 * index + 2 * shift + 5) % len(NAMES)][1]
    return first, last, sex


def _email(prefix: str, first: str, last: str, index: int) -> str:
    return f"{prefix}.{slugify(first)}.{slugify(last)}.{index}@example.org".replace("-", "")


def _texts(title, sector, problem, solution, users, *, complete=True) -> dict:
    texts = {
        "summary": f"{title}. We will build {solution}, for {users}.",
        "problem": f"{problem}. We met users during our practical training and field visits, "
        "and they told us what it costs them in time and money every week.",
        "solution": f"We will build {solution}. The first version is made at the college "
        "workshop with our trainers, then tested with a first group of users for three months.",
        "innovation": "Nothing like this is sold in Rwanda today at a price our users can pay. "
        "We use local materials and skills, so it can be repaired and copied by young "
        "technicians across the country.",
        "market": f"Our first users are {users}. We spoke with more than thirty of them; most "
        "said they would pay if it saves them time or money. We will reach them through "
        "cooperatives, sector offices and radio.",
        "implementation_plan": "Months 1–3: design and first prototype at the college. "
        "Months 4–6: pilot with ten users and improvements. Months 7–9: business registration "
        "and first sales. Months 10–12: training of young technicians and a plan to grow.",
    }
    if not complete:
        for field in ("innovation", "market", "implementation_plan"):
            texts[field] = ""
    return texts


def _seed_proposal(index, row, call, programme, documents) -> None:
    college_name, sector_slug, state, title, problem, solution, users = row
    if Proposal.objects.filter(call=call, title=title).exists():
        return
    college = Organisation.objects.get(short_name=college_name)
    sector = Sector.objects.get(slug=sector_slug)
    if index in LEADS:
        lead = User.objects.get(email=LEADS[index])
        lead_sex = "female" if LEADS[index] == "applicant@example.org" else "male"
    else:
        first, last, lead_sex = _name(index, 0)
        lead = _person(_email("lead", first, last, index), f"{first} {last}", college, programme)
    complete = not (state == "draft" and index in (0, 9))
    proposal = Proposal.objects.create(
        call=call,
        college=college,
        lead=lead,
        sector=sector,
        title=title,
        **_texts(title, sector.name, problem, solution, users, complete=complete),
    )
    TeamMember.objects.create(
        proposal=proposal,
        user=lead,
        email=lead.email,
        full_name=lead.full_name,
        is_lead=True,
        kind="trainer" if index % 4 == 1 else "student",
        sex=lead_sex,
        status="joined",
        joined_at=call.opens_at + datetime.timedelta(days=1),
    )
    for k in range(1, 2 + index % 3):
        first, last, sex = _name(index, k * 5)
        member = _person(
            _email("member", first, last, index), f"{first} {last}", college, programme
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
    if state == "draft" and index % 2 == 1:
        first, last, _sex = _name(index, 17)
        TeamMember.objects.create(
            proposal=proposal,
            email=_email("invited", first, last, index),
            full_name=f"{first} {last}",
            kind="student",
        )
    lines = BUDGETS[sector_slug] if complete else BUDGETS[sector_slug][:1]
    for position, (item, category, quantity, unit_cost) in enumerate(lines, start=1):
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
    if complete:
        for kind, content in documents.items():
            name = f"{slugify(kind)}-{slugify(title)[:40]}.pdf"
            Attachment.objects.create(
                proposal=proposal,
                kind=kind,
                file=ContentFile(content, name=name),
                original_name=name,
                content_type="application/pdf",
                size=len(content),
                uploaded_by=lead,
            )
    if state != "draft":
        _advance(proposal, state, index, programme)


def _advance(proposal: Proposal, state: str, index: int, programme: Programme) -> None:
    """Write the proposal's history up to `state`, with the audit entries of each step."""
    officer = User.objects.get(email="officer@example.org")
    submitted_at = proposal.call.opens_at + datetime.timedelta(days=3 + index % 15, hours=index % 9)
    members = list(proposal.members.filter(status="joined"))
    if state in ("eligible", "ineligible") or (state == "submitted" and index % 2 == 0):
        coordinator = _coordinator(proposal.college, programme)
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
    proposal.submitted_at = submitted_at
    proposal.snapshot = proposal_snapshot(proposal)
    proposal.state = Proposal.State.SUBMITTED
    audit_record(
        actor=proposal.lead,
        action="proposal.submitted",
        target=proposal,
        before="draft",
        after="submitted",
    )
    if state in ("eligible", "ineligible"):
        proposal.state = state
        if state == "ineligible":
            proposal.state_reason = INELIGIBLE_REASONS[index % len(INELIGIBLE_REASONS)]
        audit_record(
            actor=officer,
            action=f"proposal.{state}",
            target=proposal,
            before="submitted",
            after=state,
            data={"reason": proposal.state_reason},
        )
    elif state == "withdrawn":
        proposal.state = state
        proposal.state_reason = "The team decided to join another college project."
        audit_record(
            actor=proposal.lead,
            action="proposal.withdrawn",
            target=proposal,
            before="submitted",
            after="withdrawn",
        )
    proposal.save()


def seed_proposals(programme: Programme) -> None:
    call = seed_call(programme)
    letter = "We confirm that the team members are students or trainers of the college."
    documents = {
        DOCUMENTS[0]: _pdf("Letter of support", letter),
        DOCUMENTS[1]: _pdf("CVs of the team members", "Education, skills and experience."),
    }
    for index, row in enumerate(PROJECTS):
        _seed_proposal(index, row, call, programme, documents)
