"""Demo data of the results app: the framework, a closed quarter, an open one, and stories."""

import datetime
from decimal import Decimal

from django.utils import timezone

from skillbridge.calls.demo import demo_programme
from skillbridge.calls.models import Proposal
from skillbridge.people.demo import demo_user
from skillbridge.results import services
from skillbridge.results.models import (
    Indicator,
    ProjectStory,
    ReportingPeriod,
    Statement,
)

OBJECTIVE, OUTCOME, OUTPUT = Statement.Level
COMPUTED, MANUAL = Indicator.Method

# (code, level, parent, text)
STATEMENTS = [
    (
        "OBJ",
        OBJECTIVE,
        None,
        "Diaspora professionals strengthen skills and innovation in Rwanda's TVET colleges.",
    ),
    (
        "OC1",
        OUTCOME,
        "OBJ",
        "Students and trainers of the IPRCs turn innovative ideas into operating projects.",
    ),
    ("OP1.1", OUTPUT, "OC1", "The most innovative projects are selected, funded and paid on time."),
    (
        "OC2",
        OUTCOME,
        "OBJ",
        "Trainers and students apply the skills transferred by diaspora professionals.",
    ),
    (
        "OP2.1",
        OUTPUT,
        "OC2",
        "Diaspora professionals are mobilised, vetted and paired with projects and colleges.",
    ),
    ("OP2.2", OUTPUT, "OC2", "Skills-transfer missions are delivered on site and remotely."),
    ("OC3", OUTCOME, "OBJ", "Lasting partnerships link Rwandan colleges with the diaspora."),
]

# (code, statement, name, unit, target, method, query, disaggregations, sdg, definition)
INDICATORS = [
    (
        "1.1.1",
        "OP1.1",
        "Proposals received",
        "count",
        120,
        COMPUTED,
        "proposals_received",
        ["college", "sector", "sex"],
        [],
        "",
    ),
    (
        "1.1.2",
        "OP1.1",
        "Grants awarded",
        "count",
        10,
        COMPUTED,
        "grants_awarded",
        ["college", "sector", "sex"],
        [],
        "",
    ),
    (
        "1.1.3",
        "OP1.1",
        "Amount disbursed to grantees",
        "rwf",
        80_000_000,
        COMPUTED,
        "amount_disbursed_rwf",
        ["college", "sector"],
        [],
        "",
    ),
    (
        "1.1.4",
        "OP1.1",
        "Share of tranches paid on time",
        "percent",
        90,
        COMPUTED,
        "tranches_paid_on_time",
        ["college"],
        [],
        "",
    ),
    (
        "1.1",
        "OC1",
        "Funded projects still operating twelve months after their grant started",
        "count",
        8,
        MANUAL,
        "",
        [],
        [],
        "Entered by the programme officer from the twelve-month follow-up visit of each funded "
        "project (is the product or service still sold or used?). Not computed: SkillBridge "
        "records no trading data of the projects.",
    ),
    (
        "2.1.1",
        "OP2.1",
        "Diaspora professionals registered",
        "people",
        100,
        COMPUTED,
        "professionals_registered",
        ["country", "sex"],
        ["10.7"],
        "",
    ),
    (
        "2.1.2",
        "OP2.1",
        "Diaspora professionals approved after vetting",
        "people",
        60,
        COMPUTED,
        "professionals_approved",
        ["country", "sex"],
        ["10.7"],
        "",
    ),
    (
        "2.1.3",
        "OP2.1",
        "Diaspora professionals deployed",
        "people",
        25,
        COMPUTED,
        "professionals_deployed",
        ["country", "sex"],
        ["10.7"],
        "",
    ),
    (
        "2.1.4",
        "OP2.1",
        "Pairings accepted by professionals",
        "count",
        25,
        COMPUTED,
        "pairings_accepted",
        ["college", "sector", "sex"],
        [],
        "",
    ),
    (
        "2.2.1",
        "OP2.2",
        "Missions completed",
        "count",
        25,
        COMPUTED,
        "missions_completed",
        ["college", "country"],
        [],
        "",
    ),
    (
        "2.2.2",
        "OP2.2",
        "Person-days of professionals on site",
        "person_days",
        250,
        COMPUTED,
        "person_days_on_site",
        ["college"],
        ["10.7"],
        "",
    ),
    (
        "2.2.3",
        "OP2.2",
        "TVET trainers trained",
        "people",
        80,
        COMPUTED,
        "trainers_trained",
        ["college", "sex"],
        ["4.4"],
        "",
    ),
    (
        "2.2.4",
        "OP2.2",
        "Students trained",
        "people",
        300,
        COMPUTED,
        "students_trained",
        ["college", "sex"],
        ["4.4"],
        "",
    ),
    (
        "2.1",
        "OC2",
        "Share of T+12 respondents still using the skills",
        "percent",
        70,
        COMPUTED,
        "skills_still_used_t12",
        ["college"],
        ["4.4"],
        "",
    ),
    (
        "3.1",
        "OC3",
        "Partnerships formed between colleges and diaspora professionals",
        "count",
        20,
        COMPUTED,
        "partnerships_formed",
        ["college", "country"],
        ["17.16"],
        "",
    ),
]

NARRATIVE = {
    "summary": (
        "The first call closed with proposals from all eight IPRCs. Ten projects were selected "
        "and received their grants; the first tranches are paid and the pairing of funded "
        "projects with diaspora professionals has started."
    ),
    "achievements": (
        "Every college took part in the call, with women leading a majority of the teams. "
        "The pool of diaspora professionals grew in six European countries, and the first "
        "professionals accepted to mentor funded projects."
    ),
    "challenges": (
        "Several tranches were paid later than planned while grantees opened bank accounts; "
        "mobile money is now offered for the later tranches."
    ),
    "next_steps": (
        "Confirm the remaining pairings, agree the work plans of the first on-site missions, "
        "and run the baseline surveys (T0) with the host colleges."
    ),
}
OPERATING_NOTE = "No funded project has reached twelve months yet; the first does next year."

STORY = (
    "A team of students and trainers from {college} is building “{title}”. The grant pays for "
    "equipment and the first production run, and a diaspora professional coaches the team on "
    "quality and on reaching its first customers."
)
STORIES = 6  # funded projects whose lead approved a description; the others have not yet


def _quarter(day: datetime.date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def seed_framework(programme, officer) -> None:
    statements: dict[str, Statement] = {}
    for position, (code, level, parent, text) in enumerate(STATEMENTS):
        statements[code], _ = Statement.objects.update_or_create(
            programme=programme,
            code=code,
            defaults={
                "level": level,
                "parent": statements.get(parent),
                "text": text,
                "position": position,
            },
        )
    for position, (
        code,
        statement,
        name,
        unit,
        target,
        method,
        query,
        dims,
        sdg,
        definition,
    ) in enumerate(INDICATORS):
        Indicator.objects.update_or_create(
            programme=programme,
            code=code,
            defaults={
                "statement": statements[statement],
                "name": name,
                "unit": unit,
                "baseline": Decimal(0),
                "target": Decimal(target),
                "method": method,
                "query": query,
                "disaggregations": dims,
                "sdg_targets": sdg,
                "definition": definition,
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
                text=STORY.format(college=proposal.college.name, title=proposal.title),
            )


def seed_results() -> None:
    programme = demo_programme()
    officer = demo_user("officer@example.org")
    seed_framework(programme, officer)
    seed_stories(programme)
    # The demo's records are dated the day it is seeded, so the quarter under way
    # is the one with figures: it is closed ahead of its end (as for a donor's
    # mid-quarter review, frozen at closing) and the next quarter is open.
    year, quarter = _quarter(timezone.localdate())
    next_year, next_quarter = (year, quarter + 1) if quarter < 4 else (year + 1, 1)
    closed = _period(programme, officer, year, quarter)
    if not closed.is_closed:
        services.period_narrative_update(actor=officer, period=closed, **NARRATIVE)
        services.value_enter(
            actor=officer,
            period=closed,
            indicator=Indicator.objects.get(programme=programme, code="1.1"),
            value=Decimal(0),
            source="Officer's follow-up visits",
            note=OPERATING_NOTE,
        )
        services.period_close(actor=officer, period=closed)
    current = _period(programme, officer, next_year, next_quarter)
    if not current.summary:
        services.period_narrative_update(
            actor=officer,
            period=current,
            summary="Draft: pairings and the first missions are under way.",
            achievements="",
            challenges="",
            next_steps="",
        )
