"""The selected proposals' grants at believable stages (data/grants.toml).

Everything goes through the services, as a real officer, team and finance officer
would, so the audit log, ledger and outbox tell the same story. Idempotent: a
proposal that already has a grant is left alone.
"""

import datetime
from decimal import Decimal
from typing import NamedTuple

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from skillbridge.calls.models import Proposal
from skillbridge.demo.documents import pdf_page
from skillbridge.demo.people import demo_user
from skillbridge.demo.programmes import demo_programme
from skillbridge.demo.proposals import selected_proposals
from skillbridge.demo.texts import texts
from skillbridge.grants.models import Grant, Tranche
from skillbridge.grants.services import awards, milestones, payments, spending
from skillbridge.people.models import User


class Cast(NamedTuple):
    """Who acts on one grant."""

    officer: User
    finance: User
    lead: User


def scaled_budget(lines: list[dict], amount: int) -> list[dict]:
    """The budget lines in proportion to `amount`, in whole francs that add up to it."""
    total = sum(line["amount_rwf"] for line in lines)
    scaled = [{**line, "amount_rwf": line["amount_rwf"] * amount // total} for line in lines]
    scaled[-1]["amount_rwf"] += amount - sum(line["amount_rwf"] for line in scaled)
    return scaled


def _award(proposal: Proposal, *, officer: User, started_days_ago: int) -> Grant:
    data = texts("grants")
    requested = proposal.requested_amount_rwf
    amount = min(requested or 15_000_000, proposal.call.max_grant_rwf)
    starts_on = timezone.localdate() - datetime.timedelta(days=started_days_ago)
    grant = awards.grant_award(
        actor=officer,
        proposal=proposal,
        amount_rwf=amount,
        amount_reason="" if amount == requested else data["amount_reason"],
        exchange_rate=Decimal(data["exchange_rate"]),
        starts_on=starts_on,
        ends_on=starts_on + datetime.timedelta(days=365),
    )
    lines = [
        {"item": line.item, "category": line.category, "amount_rwf": line.amount_rwf}
        for line in grant.budget_lines.order_by("position", "id")
    ] or [
        {"item": item, "category": category, "amount_rwf": share}
        for item, category, share in data["default_budget"]
    ]
    if not grant.budget_lines.exists() or sum(line["amount_rwf"] for line in lines) != amount:
        # A cut award: the officer scales the budget to it, as the grant page asks, so
        # the agreement's budget adds up to the award.
        awards.grant_set_budget(actor=officer, grant=grant, lines=scaled_budget(lines, amount))
    return grant


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
        upload = SimpleUploadedFile(file_name, pdf_page(f"{grant.proposal.title}: {text}"))
    return milestones.milestone_submit_evidence(
        actor=lead, milestone=milestone, text=text, upload=upload
    )


def _approve(grant: Grant, number: int, *, officer) -> None:
    milestone = grant.tranches.get(number=number).milestone
    milestones.milestone_approve(actor=officer, milestone=milestone)


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
                pdf_page(f"Receipt: {line.item}, {amount} RWF"),
            ),
        )


def _spending_reported(grant: Grant, stage: dict, cast: Cast) -> None:
    _spend(grant, lead=cast.lead, share=30, days_ago=60)
    _evidence(grant, 2, lead=cast.lead, text=stage["evidence"], file_name=stage["evidence_file"])


def _evidence_returned(grant: Grant, stage: dict, cast: Cast) -> None:
    milestones.milestone_return(
        actor=cast.officer,
        milestone=_evidence(grant, 2, lead=cast.lead, text=stage["evidence"]),
        comments=stage["comments"],
    )


def _second_tranche_paid(grant: Grant, stage: dict, cast: Cast, *, overspend: bool) -> None:
    _spend(grant, lead=cast.lead, share=40, days_ago=80, overspend=overspend)
    _evidence(grant, 2, lead=cast.lead, text=stage["evidence"])
    _approve(grant, 2, officer=cast.officer)
    _pay(grant, 2, finance=cast.finance, days_ago=40)


def _interim_report(grant: Grant, stage: dict, cast: Cast) -> None:
    _second_tranche_paid(grant, stage, cast, overspend=True)
    spending.report_submit(
        actor=cast.lead, grant=grant, kind="interim", narrative=stage["narrative"]
    )


def _closed(grant: Grant, stage: dict, cast: Cast) -> None:
    _second_tranche_paid(grant, stage, cast, overspend=False)
    _evidence(grant, 3, lead=cast.lead, text=stage["final_evidence"])
    _approve(grant, 3, officer=cast.officer)
    _pay(grant, 3, finance=cast.finance, days_ago=10)
    _spend(grant, lead=cast.lead, share=55, days_ago=5)
    report = spending.report_submit(
        actor=cast.lead, grant=grant, kind="final", narrative=stage["narrative"]
    )
    spending.report_approve(actor=cast.officer, report=report, comments=stage["approval"])
    awards.grant_close(actor=cast.officer, grant=grant, reason=stage["reason"])


def _milestone_approved(grant: Grant, stage: dict, cast: Cast) -> None:
    _evidence(grant, 2, lead=cast.lead, text=stage["evidence"])
    _approve(grant, 2, officer=cast.officer)


def _payment_reversed(grant: Grant, stage: dict, cast: Cast) -> None:
    """The first tranche went to a wrong number: reversed, then paid again."""
    payments.disbursement_reverse(
        actor=cast.finance, entry=grant.disbursements.get(), reason=stage["reason"]
    )
    tranche = grant.tranches.get(number=1)
    payments.disbursement_record(
        actor=cast.finance,
        grant=grant,
        tranche_id=tranche.pk,
        amount_rwf=tranche.amount_rwf,
        paid_on=timezone.localdate() - datetime.timedelta(days=95),
        method="mobile_money",
        reference=f"DEMO-{grant.pk:03d}-T1-B",
    )


def _suspended(grant: Grant, stage: dict, cast: Cast) -> None:
    awards.grant_suspend(actor=cast.officer, grant=grant, reason=stage["reason"])


# What happens after the first tranche is paid, by stage.
AFTER_FIRST_TRANCHE = {
    "spending_reported": _spending_reported,
    "evidence_returned": _evidence_returned,
    "interim_report": _interim_report,
    "milestone_approved": _milestone_approved,
    "closed": _closed,
    "payment_reversed": _payment_reversed,
    "suspended": _suspended,
}


def _stage(position: int, grant: Grant, cast: Cast) -> None:
    """Bring the grant to stage number `position` of data/grants.toml."""
    stage = texts("grants")["stages"][position]
    if stage["name"] == "awarded":
        return
    awards.grant_accept_agreement(actor=cast.lead, grant=grant)
    if stage["name"] == "agreement_accepted":
        return
    method = "mobile_money" if position % 2 else "bank_transfer"
    _pay(grant, 1, finance=cast.finance, days_ago=100, method=method)
    if stage["name"] in AFTER_FIRST_TRANCHE:
        AFTER_FIRST_TRANCHE[stage["name"]](grant, stage, cast)


def seed_grants() -> None:
    officer = demo_user("officer@example.org")
    finance = demo_user("finance@example.org")
    stages = texts("grants")["stages"]
    for index, proposal in enumerate(selected_proposals(demo_programme())):
        if Grant.objects.filter(proposal=proposal).exists():
            continue
        position = index % len(stages)
        grant = _award(
            proposal, officer=officer, started_days_ago=stages[position]["started_days_ago"]
        )
        _stage(position, grant, Cast(officer, finance, proposal.lead))
