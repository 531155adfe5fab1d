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
from skillbridge.people.models import User
from skillbridge.programmes.models import Programme
from skillbridge.results.figures import take_snapshot
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
    audit_record(
        actor=actor, action="results.statement_saved", target=statement, before=before, after=text
    )
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
    errors = {}
    if statement.programme_id != programme.pk:
        errors["statement"] = _("Choose a statement of this programme.")
    if method == Indicator.Method.COMPUTED:
        if query not in REGISTRY:
            errors["query"] = _("Choose the query that computes this indicator.")
        else:
            unsupported = [d for d in disaggregations if d not in REGISTRY[query].dimensions]
            if unsupported:
                errors["disaggregations"] = _(
                    "This query cannot be disaggregated by: %(dimensions)s."
                ) % {"dimensions": ", ".join(unsupported)}
    else:
        query = ""
        if disaggregations:
            errors["disaggregations"] = _("Hand-entered indicators are reported as a total only.")
    known_dimensions = {d for d, _label in DIMENSIONS}
    if not set(disaggregations) <= known_dimensions:
        errors["disaggregations"] = _("Choose among sex, college, sector and country.")
    if not set(sdg_targets) <= {t for t, _label in SDG_TARGETS}:
        errors["sdg_targets"] = _("Choose among SDG targets 4.4, 10.7 and 17.16.")
    duplicate = Indicator.objects.filter(programme=programme, code=code)
    if indicator is not None:
        duplicate = duplicate.exclude(pk=indicator.pk)
    if duplicate.exists():
        errors["code"] = _("Another indicator already has this code.")
    if errors:
        raise ValidationError(errors)
    indicator = indicator or Indicator(programme=programme)
    for name_, value in {
        "statement": statement,
        "code": code,
        "name": name,
        "unit": unit,
        "baseline": baseline,
        "target": target,
        "method": method,
        "query": query,
        "disaggregations": list(disaggregations),
        "sdg_targets": list(sdg_targets),
        "definition": definition,
        "position": position,
    }.items():
        setattr(indicator, name_, value)
    indicator.save()
    audit_record(
        actor=actor,
        action="results.indicator_saved",
        target=indicator,
        data={"code": code, "target": str(target), "query": query},
    )
    return indicator


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
    audit_record(actor=actor, action="results.period_opened", target=period, after=label)
    return period


def _refuse_if_closed(period: ReportingPeriod) -> None:
    if period.is_closed:
        raise ValidationError(
            {"__all__": _("This period is closed: its report no longer changes.")}
        )


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
    period = ReportingPeriod.objects.select_for_update(of=("self",)).get(pk=period.pk)
    _refuse_if_closed(period)
    period.summary, period.achievements = summary, achievements
    period.challenges, period.next_steps = challenges, next_steps
    period.save(update_fields=["summary", "achievements", "challenges", "next_steps"])
    audit_record(actor=actor, action="results.narrative_updated", target=period)
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
    period = ReportingPeriod.objects.select_for_update(of=("self",)).get(pk=period.pk)
    _refuse_if_closed(period)
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
        action="results.value_entered",
        target=stored,
        after=str(value),
        data={"indicator": indicator.code, "period": period.label, "source": source},
    )
    return stored


@transaction.atomic
def period_close(*, actor: User, period: ReportingPeriod) -> ReportingPeriod:
    """Close a period: freeze everything its report shows, then lock it.

    Every named query's measure (all disaggregations, for the tables and the
    charts) and the donor envelope go into the period's snapshot; each
    computed indicator's total and cells are also stored as its values, from
    the same count. After this the period's report is read from what was
    frozen only, so a later correction of the data (a late payment, a
    re-vetted profile) does not rewrite a report already sent.
    """
    period = ReportingPeriod.objects.select_for_update(of=("self",)).get(pk=period.pk)
    _refuse_if_closed(period)
    _snapshot, figures = take_snapshot(period)
    values = []
    for indicator in Indicator.objects.filter(
        programme=period.programme, method=Indicator.Method.COMPUTED
    ):
        measure = figures.measure(indicator.query)
        values.append(
            IndicatorValue(
                indicator=indicator,
                period=period,
                value=measure.total.value,
                count=measure.total.count,
                source=_("computed by the query %(name)s") % {"name": indicator.query},
                entered_by=actor,
            )
        )
        for dimension in indicator.disaggregations:
            for category, cell in measure.by.get(dimension, {}).items():
                values.append(
                    IndicatorValue(
                        indicator=indicator,
                        period=period,
                        dimension=dimension,
                        category=category,
                        label=cell.label,
                        value=cell.value,
                        count=cell.count,
                        entered_by=actor,
                    )
                )
    IndicatorValue.objects.bulk_create(values)
    period.state = ReportingPeriod.State.CLOSED
    period.closed_at = timezone.now()
    period.closed_by = actor
    period.save(update_fields=["state", "closed_at", "closed_by"])
    audit_record(
        actor=actor,
        action="results.period_closed",
        target=period,
        before=ReportingPeriod.State.OPEN,
        after=ReportingPeriod.State.CLOSED,
        data={"values": len(values)},
    )
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
    audit_record(actor=actor, action="results.story_approved", target=story, after=text)
    return story


@transaction.atomic
def story_withdraw(*, actor: User, proposal: Proposal) -> None:
    """The team lead withdraws the project's description from publication."""
    story = ProjectStory.objects.filter(proposal=proposal).first()
    if story is None or proposal.lead_id != actor.pk:
        return
    audit_record(actor=actor, action="results.story_withdrawn", target=story, before=story.text)
    story.delete()
