"""Demo data of the grants app: the selected proposals' grants at believable stages.

Everything goes through the services, as a real officer, team and finance officer
would, so the audit log, ledger and outbox tell the same story. Idempotent: a
proposal that already has a grant is left alone.
"""

import datetime
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Case, IntegerField, Value, When
from django.utils import timezone

from skillbridge.calls.demo import demo_programme
from skillbridge.calls.models import Proposal
from skillbridge.grants.models import Grant, Tranche
from skillbridge.grants.services import awards, milestones, payments, spending
from skillbridge.people.demo import demo_user

EXCHANGE_RATE = Decimal("1550.0000")  # RWF per EUR when the demo grants were awarded
LEAD_EMAIL = "applicant@example.org"
DEFAULT_BUDGET = [  # shares of the award when a proposal has no budget lines
    ("Equipment and tools", "equipment", 45),
    ("Materials and supplies", "materials", 25),
    ("Business registration and licences", "licences", 10),
    ("Training and user testing", "training", 20),
]


def receipt_pdf(text: str) -> bytes:
    """A one-page PDF with one line of text: a stand-in for a scanned receipt."""
    stream = f"BT /F1 14 Tf 60 760 Td ({text}) Tj ET".encode("latin-1", "replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _award(proposal: Proposal, *, officer, started_days_ago: int) -> Grant:
    today = timezone.localdate()
    requested = proposal.requested_amount_rwf
    amount = min(requested or 15_000_000, proposal.call.max_grant_rwf)
    starts_on = today - datetime.timedelta(days=started_days_ago)
    grant = awards.grant_award(
        actor=officer,
        proposal=proposal,
        amount_rwf=amount,
        amount_reason="" if amount == requested else "Set by the selection committee.",
        exchange_rate=EXCHANGE_RATE,
        starts_on=starts_on,
        ends_on=starts_on + datetime.timedelta(days=365),
    )
    lines = [
        {"item": line.item, "category": line.category, "amount_rwf": line.amount_rwf}
        for line in grant.budget_lines.order_by("position", "id")
    ] or [
        {"item": item, "category": category, "amount_rwf": share}
        for item, category, share in DEFAULT_BUDGET
    ]
    if not grant.budget_lines.exists() or sum(line["amount_rwf"] for line in lines) != amount:
        # A cut award: the officer scales the budget to it, as the grant page asks, so
        # the agreement's budget adds up to the award.
        awards.grant_set_budget(actor=officer, grant=grant, lines=scaled_budget(lines, amount))
    return grant


def scaled_budget(lines: list[dict], amount: int) -> list[dict]:
    """The budget lines in proportion to `amount`, in whole francs that add up to it."""
    total = sum(line["amount_rwf"] for line in lines)
    scaled = [{**line, "amount_rwf": line["amount_rwf"] * amount // total} for line in lines]
    scaled[-1]["amount_rwf"] += amount - sum(line["amount_rwf"] for line in scaled)
    return scaled


def _pay(grant: Grant, number: int, *, finance, days_ago: int, method="bank_transfer") -> None:
    tranche = Tranche.objects.get(grant=grant, number=number)
    payments.disbursement_record(
        actor=finance,
        grant=grant,
        tranche_id=tranche.pk,
        amount_rwf=tranche.amount_rwf - tranche.paid_rwf,
        paid_on=timezone.localdate() - datetime.timedelta(days=days_ago),
        method=method,
        reference=f"DEMO-{grant.pk:03d}-T{number}",
    )


def _evidence(grant: Grant, number: int, *, lead, text: str, file_name: str = ""):
    milestone = Tranche.objects.get(grant=grant, number=number).milestone
    upload = None
    if file_name:
        upload = SimpleUploadedFile(file_name, receipt_pdf(f"{grant.proposal.title}: {text}"))
    return milestones.milestone_submit_evidence(
        actor=lead, milestone=milestone, text=text, upload=upload
    )


def _spend(grant: Grant, *, lead, share: int, days_ago: int, overspend: bool = False) -> None:
    """Report one expense per budget line, `share` percent of it (more on the first line
    when `overspend`)."""
    spent_on = max(grant.starts_on, timezone.localdate() - datetime.timedelta(days=days_ago))
    for index, line in enumerate(grant.budget_lines.order_by("position", "id")):
        percent = share + (25 if overspend and index == 0 else 0)
        amount = line.amount_rwf * percent // 100
        if amount <= 0:
            continue
        spending.expense_report(
            actor=lead,
            grant=grant,
            budget_line_id=line.pk,
            spent_on=spent_on,
            description=f"{line.item}: first purchase",
            amount_rwf=amount,
            receipt=SimpleUploadedFile(
                f"receipt-{grant.pk}-{index + 1}.pdf",
                receipt_pdf(f"Receipt: {line.item}, {amount} RWF"),
            ),
        )


def _stage(index: int, grant: Grant, *, officer, finance, lead) -> None:
    """Bring grant number `index` to one of the stages a real portfolio shows."""
    if index == 1:
        return  # awarded, waiting for the team to accept the agreement
    awards.grant_accept_agreement(actor=lead, grant=grant)
    if index == 2:
        return  # first tranche payable, not yet paid
    _pay(
        grant,
        1,
        finance=finance,
        days_ago=100,
        method="mobile_money" if index % 2 else "bank_transfer",
    )
    if index == 0:
        # The lead's own team: money arrived, spending reported, milestone 2 with the officer.
        _spend(grant, lead=lead, share=30, days_ago=60)
        _evidence(
            grant,
            2,
            lead=lead,
            text="The ticketing system runs at the college gate; RDB registration attached.",
            file_name="rdb-registration-certificate.pdf",
        )
    elif index == 3:
        milestones.milestone_return(
            actor=officer,
            milestone=_evidence(grant, 2, lead=lead, text="Photos of the prototype."),
            comments=(
                "The photos do not show the prototype working, and the business licence is "
                "missing. Please add a short video and the RDB certificate."
            ),
        )
    elif index in (4, 7):
        _spend(grant, lead=lead, share=40, days_ago=80, overspend=index == 4)
        _evidence(grant, 2, lead=lead, text="Prototype demonstrated to the college; licence.")
        milestones.milestone_approve(
            actor=officer, milestone=grant.tranches.get(number=2).milestone
        )
        _pay(grant, 2, finance=finance, days_ago=40)
        if index == 4:
            spending.report_submit(
                actor=lead,
                grant=grant,
                kind="interim",
                narrative="The prototype is built; the first two customers are testing it.",
            )
            return
        _evidence(grant, 3, lead=lead, text="Interim report and twelve paying customers.")
        milestones.milestone_approve(
            actor=officer, milestone=grant.tranches.get(number=3).milestone
        )
        _pay(grant, 3, finance=finance, days_ago=10)
        _spend(grant, lead=lead, share=55, days_ago=5)
        report = spending.report_submit(
            actor=lead, grant=grant, kind="final", narrative="Every franc spent as planned."
        )
        spending.report_approve(actor=officer, report=report, comments="Complete and clear.")
        awards.grant_close(actor=officer, grant=grant, reason="Project completed.")
    elif index == 5:
        _evidence(grant, 2, lead=lead, text="Prototype demonstration held on campus.")
        milestones.milestone_approve(
            actor=officer, milestone=grant.tranches.get(number=2).milestone
        )
    elif index == 8:
        entry = grant.disbursements.get()
        payments.disbursement_reverse(
            actor=finance, entry=entry, reason="Paid to a wrong mobile money number."
        )
        tranche = grant.tranches.get(number=1)
        payments.disbursement_record(
            actor=finance,
            grant=grant,
            tranche_id=tranche.pk,
            amount_rwf=tranche.amount_rwf,
            paid_on=timezone.localdate() - datetime.timedelta(days=95),
            method="mobile_money",
            reference=f"DEMO-{grant.pk:03d}-T1-B",
        )
    elif index == 9:
        awards.grant_suspend(
            actor=officer, grant=grant, reason="Two team members left; waiting for the new plan."
        )


# How long ago each demo grant started: the older ones have milestones falling due.
STARTED_DAYS_AGO = [130, 20, 30, 140, 200, 150, 160, 330, 120, 135]


def seed_grants() -> None:
    programme = demo_programme()
    officer = demo_user("officer@example.org")
    finance = demo_user("finance@example.org")
    # The demo lead's team first, so it always gets the stage the walkthrough uses.
    selected = (
        Proposal.objects.filter(state=Proposal.State.SELECTED, call__programme=programme)
        .select_related("call", "lead")
        .annotate(
            is_demo_lead=Case(
                When(lead__email=LEAD_EMAIL, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("is_demo_lead", "id")
    )
    for index, proposal in enumerate(selected):
        if Grant.objects.filter(proposal=proposal).exists():
            continue
        grant = _award(
            proposal,
            officer=officer,
            started_days_ago=STARTED_DAYS_AGO[index % len(STARTED_DAYS_AGO)],
        )
        _stage(
            index % len(STARTED_DAYS_AGO),
            grant,
            officer=officer,
            finance=finance,
            lead=proposal.lead,
        )
