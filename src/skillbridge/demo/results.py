"""The results framework, a closed quarter, an open one, and stories (data/results.toml)."""

import datetime
from decimal import Decimal

from django.utils import timezone

from skillbridge.calls.models import Proposal
from skillbridge.demo.people import demo_user
from skillbridge.demo.programmes import demo_programme
from skillbridge.demo.texts import texts
from skillbridge.results import services
from skillbridge.results.models import Indicator, ProjectStory, ReportingPeriod, Statement

INDICATORS = texts("results")["indicators"]
STORIES = 6  # funded projects whose lead approved a description; the others have not yet


def _quarter(day: datetime.date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def seed_framework(programme) -> None:
    statements: dict[str, Statement] = {}
    for position, row in enumerate(texts("results")["statements"]):
        statements[row["code"]], _ = Statement.objects.update_or_create(
            programme=programme,
            code=row["code"],
            defaults={
                "level": row["level"],
                "parent": statements.get(row.get("parent")),
                "text": row["text"],
                "position": position,
            },
        )
    for position, row in enumerate(INDICATORS):
        Indicator.objects.update_or_create(
            programme=programme,
            code=row["code"],
            defaults={
                "statement": statements[row["statement"]],
                "name": row["name"],
                "unit": row["unit"],
                "baseline": Decimal(0),
                "target": Decimal(row["target"]),
                "method": row["method"],
                "query": row.get("query", ""),
                "disaggregations": list(row["disaggregations"]),
                "sdg_targets": list(row.get("sdg_targets", [])),
                "definition": row.get("definition", ""),
                "position": position,
            },
        )


def _period(programme, officer, year, quarter) -> ReportingPeriod:
    found = ReportingPeriod.objects.filter(
        programme=programme,
        kind=ReportingPeriod.Kind.QUARTER,
        starts_on=datetime.date(year, 3 * quarter - 2, 1),
    ).first()
    return found or services.period_open(
        actor=officer,
        programme=programme,
        kind=ReportingPeriod.Kind.QUARTER,
        year=year,
        quarter=quarter,
    )


def seed_stories(programme) -> None:
    funded = (
        Proposal.objects.filter(call__programme=programme, grant__isnull=False)
        .select_related("college", "lead")
        .order_by("pk")[:STORIES]
    )
    for proposal in funded:
        if not ProjectStory.objects.filter(proposal=proposal).exists():
            services.story_approve(
                actor=proposal.lead,
                proposal=proposal,
                text=texts("results")["story"].format(
                    college=proposal.college.name, title=proposal.title
                ),
            )


def _close(programme, officer, period: ReportingPeriod) -> None:
    """The quarter's narrative and the one figure entered by hand, then closing."""
    data = texts("results")
    services.period_narrative_update(actor=officer, period=period, **data["narrative"])
    services.value_enter(
        actor=officer,
        period=period,
        indicator=Indicator.objects.get(programme=programme, code="1.1"),
        value=Decimal(0),
        source=data["operating_source"],
        note=data["operating_note"],
    )
    services.period_close(actor=officer, period=period)


def seed_results() -> None:
    programme = demo_programme()
    officer = demo_user("officer@example.org")
    seed_framework(programme)
    seed_stories(programme)
    # A period is closed only once it has ended (results.states): the last quarter
    # is closed and the quarter under way, which has the demo's figures (its
    # records are dated the day it is seeded), is open.
    year, quarter = _quarter(timezone.localdate())
    last_year, last_quarter = (year, quarter - 1) if quarter > 1 else (year - 1, 4)
    closed = _period(programme, officer, last_year, last_quarter)
    if not closed.is_closed:
        _close(programme, officer, closed)
    current = _period(programme, officer, year, quarter)
    if not current.summary:
        services.period_narrative_update(
            actor=officer,
            period=current,
            summary=texts("results")["draft_summary"],
            achievements="",
            challenges="",
            next_steps="",
        )
