"""Every change to a programme's results: the framework, periods, values and stories.

Each function is one transaction that checks, writes and audits. Domain
errors are `ValidationError`s with a message per field.
"""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from skillbridge.calls.models import Proposal
from skillbridge.common.services import audit_record
from skillbridge.common.transitions import locked
from skillbridge.people.models import User
from skillbridge.programmes.models import Programme
from skillbridge.results import tasks
from skillbridge.results.figures import Figures, take_snapshot
from skillbridge.results.indicators import REGISTRY
from skillbridge.results.models import (
    DIMENSIONS,
    SDG_TARGETS,
    Indicator,
    IndicatorValue,
    ProjectStory,
    ReportingPeriod,
    Statement,
)
from skillbridge.results.states import PERIOD, refuse_if_closed, refuse_unless_closable

PARENT_LEVEL = {
    Statement.Level.OUTCOME: Statement.Level.OBJECTIVE,
    Statement.Level.OUTPUT: Statement.Level.OUTCOME,
}


@transaction.atomic
def statement_save(
    *,
    actor: User,
    programme: Programme,
    statement: Statement | None = None,
    level: str,
    parent: Statement | None,
    code: str,
    text: str,
    position: int = 0,
) -> Statement:
    """Add or change a statement of the framework.

    An objective has no parent; an outcome hangs under an objective and an
    output under an outcome, of the same programme. Codes are unique per programme.
    """
    errors = {}
    wanted_parent = PARENT_LEVEL.get(level)
    if wanted_parent is None and parent is not None:
        errors["parent"] = _("An objective contributes to nothing above it.")
    elif wanted_parent is not None and (
        parent is None or parent.level != wanted_parent or parent.programme_id != programme.pk
    ):
        errors["parent"] = _("Choose the %(level)s this contributes to.") % {
            "level": Statement.Level(wanted_parent).label
        }
    duplicate = Statement.objects.filter(programme=programme, code=code)
    if statement is not None:
        duplicate = duplicate.exclude(pk=statement.pk)
    if duplicate.exists():
        errors["code"] = _("Another statement already has this code.")
    if errors:
        raise ValidationError(errors)
    statement = statement or Statement(programme=programme)
    before = statement.text
    statement.level, statement.parent, statement.code = level, parent, code
    statement.text, statement.position = text, position
    statement.save()
    audit_record(actor=actor, action="statement.saved", target=statement, before=before, after=text)
    return statement


@transaction.atomic
def indicator_save(
    *,
    actor: User,
    programme: Programme,
    indicator: Indicator | None = None,
    statement: Statement,
    code: str,
    name: str,
    unit: str,
    baseline: Decimal,
    target: Decimal,
    method: str,
    query: str = "",
    disaggregations: list[str],
    sdg_targets: list[str],
    definition: str = "",
    position: int = 0,
) -> Indicator:
    """Add or change an indicator.

    A computed indicator names a registered query and may only be
    disaggregated the ways that query supports; a hand-entered one names none.
    """
    if method != Indicator.Method.COMPUTED:
        query = ""
    errors = {
        **_measure_errors(method=method, query=query, disaggregations=disaggregations),
        **_framework_errors(
            programme,
            indicator=indicator,
            statement=statement,
            code=code,
            disaggregations=disaggregations,
            sdg_targets=sdg_targets,
        ),
    }
    if errors:
        raise ValidationError(errors)
    indicator = indicator or Indicator(programme=programme)
    indicator.statement, indicator.code, indicator.name = statement, code, name
    indicator.unit, indicator.baseline, indicator.target = unit, baseline, target
    indicator.method, indicator.query = method, query
    indicator.disaggregations, indicator.sdg_targets = list(disaggregations), list(sdg_targets)
    indicator.definition, indicator.position = definition, position
    indicator.save()
    audit_record(
        actor=actor,
        action="indicator.saved",
        target=indicator,
        data={"code": code, "target": str(target), "query": query},
    )
    return indicator


def _measure_errors(*, method: str, query: str, disaggregations: list[str]) -> dict[str, str]:
    """A computed indicator names a known query and its supported disaggregations only."""
    if method != Indicator.Method.COMPUTED:
        if disaggregations:
            return {"disaggregations": _("Hand-entered indicators are reported as a total only.")}
        return {}
    if query not in REGISTRY:
        return {"query": _("Choose the query that computes this indicator.")}
    unsupported = [d for d in disaggregations if d not in REGISTRY[query].dimensions]
    if unsupported:
        return {
            "disaggregations": _("This query cannot be disaggregated by: %(dimensions)s.")
            % {"dimensions": ", ".join(unsupported)}
        }
    return {}


def _framework_errors(
    programme: Programme,
    *,
    indicator: Indicator | None,
    statement: Statement,
    code: str,
    disaggregations: list[str],
    sdg_targets: list[str],
) -> dict[str, str]:
    """The statement is the programme's, the choices are known, the code is free."""
    errors = {}
    if statement.programme_id != programme.pk:
        errors["statement"] = _("Choose a statement of this programme.")
    if not set(disaggregations) <= {d for d, _label in DIMENSIONS}:
        errors["disaggregations"] = _("Choose among sex, college, sector and country.")
    if not set(sdg_targets) <= {t for t, _label in SDG_TARGETS}:
        errors["sdg_targets"] = _("Choose among SDG targets 4.4, 10.7 and 17.16.")
    duplicate = Indicator.objects.filter(programme=programme, code=code)
    if indicator is not None:
        duplicate = duplicate.exclude(pk=indicator.pk)
    if duplicate.exists():
        errors["code"] = _("Another indicator already has this code.")
    return errors


def period_bounds(
    kind: str, year: int, quarter: int | None
) -> tuple[str, datetime.date, datetime.date]:
    if kind == ReportingPeriod.Kind.YEAR:
        return str(year), datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    first_month = 3 * (quarter - 1) + 1
    starts_on = datetime.date(year, first_month, 1)
    next_start = (
        datetime.date(year + 1, 1, 1) if quarter == 4 else datetime.date(year, first_month + 3, 1)
    )
    return f"{year} Q{quarter}", starts_on, next_start - datetime.timedelta(days=1)


@transaction.atomic
def period_open(
    *, actor: User, programme: Programme, kind: str, year: int, quarter: int | None = None
) -> ReportingPeriod:
    """Open a quarterly or annual reporting period; each exists once per programme."""
    if kind == ReportingPeriod.Kind.QUARTER and quarter not in (1, 2, 3, 4):
        raise ValidationError({"quarter": _("Choose the quarter, 1 to 4.")})
    label, starts_on, ends_on = period_bounds(kind, year, quarter)
    if ReportingPeriod.objects.filter(programme=programme, kind=kind, starts_on=starts_on).exists():
        raise ValidationError({"year": _("This period is already open or closed.")})
    period = ReportingPeriod.objects.create(
        programme=programme, kind=kind, label=label, starts_on=starts_on, ends_on=ends_on
    )
    audit_record(
        actor=actor,
        action="reporting_period.open",
        target=period,
        after=ReportingPeriod.State.OPEN,
        data={"label": label},
    )
    return period


@transaction.atomic
def period_narrative_update(
    *,
    actor: User,
    period: ReportingPeriod,
    summary: str,
    achievements: str,
    challenges: str,
    next_steps: str,
) -> ReportingPeriod:
    """Write the officer's narrative of the donor report; only while the period is open."""
    period = locked(period, "programme")
    refuse_if_closed(period)
    period.summary, period.achievements = summary, achievements
    period.challenges, period.next_steps = challenges, next_steps
    period.save(update_fields=["summary", "achievements", "challenges", "next_steps"])
    audit_record(actor=actor, action="reporting_period.narrative_updated", target=period)
    return period


@transaction.atomic
def value_enter(
    *,
    actor: User,
    period: ReportingPeriod,
    indicator: Indicator,
    value: Decimal,
    source: str,
    note: str = "",
) -> IndicatorValue:
    """Enter (or correct) the value of a hand-entered indicator for an open period."""
    period = locked(period, "programme")
    refuse_if_closed(period)
    if indicator.method != Indicator.Method.MANUAL or indicator.programme_id != period.programme_id:
        raise ValidationError({"value": _("This indicator is computed from the data.")})
    if not source.strip():
        raise ValidationError({"source": _("Say where the value comes from.")})
    stored, _created = IndicatorValue.objects.update_or_create(
        indicator=indicator,
        period=period,
        dimension="",
        category="",
        defaults={"value": value, "source": source, "note": note, "entered_by": actor},
    )
    audit_record(
        actor=actor,
        action="indicator_value.entered",
        target=stored,
        after=str(value),
        data={"indicator": indicator.code, "period": period.label, "source": source},
    )
    return stored


def _frozen_values(period: ReportingPeriod, figures: Figures, *, actor: User):
    """Each computed indicator's total and cells as `figures` count them, to store."""
    for indicator in Indicator.objects.filter(
        programme=period.programme, method=Indicator.Method.COMPUTED
    ):
        measure = figures.measure(indicator.query)
        yield IndicatorValue(
            indicator=indicator,
            period=period,
            value=measure.total.value,
            count=measure.total.count,
            source=_("computed by the query %(name)s") % {"name": indicator.query},
            entered_by=actor,
        )
        for dimension in indicator.disaggregations:
            for category, cell in measure.by.get(dimension, {}).items():
                yield IndicatorValue(
                    indicator=indicator,
                    period=period,
                    dimension=dimension,
                    category=category,
                    label=cell.label,
                    value=cell.value,
                    count=cell.count,
                    entered_by=actor,
                )


@transaction.atomic
def period_close(
    *, actor: User, period: ReportingPeriod, today: datetime.date | None = None
) -> ReportingPeriod:
    """Close a period: freeze everything its report shows, then lock it.

    The one function that moves a period (results.states). Every named
    query's measure (all disaggregations, for the tables and the charts) and
    the donor envelope go into the period's snapshot; each computed
    indicator's total and cells are also stored as its values, from the same
    count. After this the period's report is read from what was frozen only,
    so a later correction of the data (a late payment, a re-vetted profile)
    does not rewrite a report already sent. Refused before the period has
    ended (`today` defaults to Kigali's date). Audited as
    `reporting_period.closed`.
    """
    period = locked(period, "programme")
    refuse_unless_closable(period, today=today)
    _snapshot, figures = take_snapshot(period)
    values = IndicatorValue.objects.bulk_create(_frozen_values(period, figures, actor=actor))
    period.closed_at = timezone.now()
    period.closed_by = actor
    PERIOD.move(
        period,
        "close",
        actor=actor,
        data={"values": len(values)},
        update_fields=("closed_at", "closed_by"),
    )
    # Its report is made once, from the snapshot, by a worker (results.report_files).
    transaction.on_commit(lambda: tasks.store_period_reports.enqueue(period_id=period.pk))
    return period


@transaction.atomic
def story_approve(*, actor: User, proposal: Proposal, text: str) -> ProjectStory:
    """The team lead writes the project's public description and approves its publication."""
    if proposal.lead_id != actor.pk:
        raise ValidationError({"text": _("Only the team lead can approve the description.")})
    text = text.strip()
    if len(text) < 40:
        raise ValidationError({"text": _("Write at least a sentence or two (40 characters).")})
    story, _created = ProjectStory.objects.update_or_create(
        proposal=proposal,
        defaults={"text": text, "approved_by": actor, "approved_at": timezone.now()},
    )
    audit_record(actor=actor, action="project_story.approved", target=story, after=text)
    return story


@transaction.atomic
def story_withdraw(*, actor: User, proposal: Proposal) -> None:
    """The team lead withdraws the project's description from publication."""
    story = ProjectStory.objects.filter(proposal=proposal).first()
    if story is None or proposal.lead_id != actor.pk:
        return
    audit_record(actor=actor, action="project_story.withdrawn", target=story, before=story.text)
    story.delete()
