"""Reads about grants, already limited to what a user may see."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.db.models import (
    Case,
    Count,
    DecimalField,
    ExpressionWrapper,
    F,
    Prefetch,
    Q,
    QuerySet,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Round
from django.utils import timezone

from skillbridge.calls.models import Proposal, TeamMember
from skillbridge.common.accessors import object_for
from skillbridge.common.choices import with_labels
from skillbridge.common.models import AuditEntry
from skillbridge.grants.models import (
    Amendment,
    Disbursement,
    Expense,
    FinancialReport,
    Grant,
    GrantBudgetLine,
    Milestone,
    Tranche,
)
from skillbridge.grants.phrases import event_label
from skillbridge.people.models import ProgrammeRole, Role
from skillbridge.programmes.models import Programme

STAFF_ROLES = (Role.PROGRAMME_OFFICER, Role.FINANCE_OFFICER)
# The proposal's frozen submission: large, and no grant page reads it.
FROZEN_PROPOSAL = ("proposal__snapshot", "proposal__answer_versions")
# What a list of grants shows: its project, college, state and money.
LIST_COLUMNS = (
    "state",
    "amount_rwf",
    "paid_rwf",
    "proposal__title",
    "proposal__college__short_name",
)
CENT = Decimal("0.01")
MONEY = DecimalField(max_digits=20, decimal_places=2)


def grants_for(user) -> QuerySet[Grant]:
    """Grants in programmes where `user` is an officer or finance officer, and their own team's.

    Both sides are subqueries on the grant's own columns: joining the team members
    would repeat each grant per member and need a DISTINCT over whole rows.
    """
    if not user.is_authenticated:
        return Grant.objects.none()
    staff_programmes = ProgrammeRole.objects.filter(user=user, role__in=STAFF_ROLES).values(
        "programme_id"
    )
    team_proposals = TeamMember.objects.filter(user=user, status="joined").values("proposal_id")
    return (
        Grant.objects.filter(
            Q(programme_id__in=staff_programmes) | Q(proposal_id__in=team_proposals)
        )
        .select_related("proposal", "proposal__college", "proposal__lead", "programme")
        .defer(*FROZEN_PROPOSAL)
    )


def staff_programmes(user) -> QuerySet[Programme]:
    """Programmes where `user` is a programme or finance officer."""
    if not user.is_authenticated:
        return Programme.objects.none()
    return (
        Programme.objects.filter(roles__user=user, roles__role__in=STAFF_ROLES)
        .distinct()
        .order_by("name")
    )


def _with_everything(grants: QuerySet[Grant]) -> QuerySet[Grant]:
    """Grants with everything their page shows, in a fixed number of queries."""
    return grants.select_related("agreement_accepted_by").prefetch_related(
        Prefetch("tranches", Tranche.objects.select_related("milestone").order_by("number")),
        Prefetch(
            "budget_lines", GrantBudgetLine.objects.annotate(spent=Sum("expenses__amount_rwf"))
        ),
        Prefetch(
            "disbursements",
            Disbursement.objects.select_related(
                "tranche", "recorded_by", "reverses", "reversed_by"
            ),
        ),
        Prefetch("expenses", Expense.objects.select_related("budget_line")),
        Prefetch("reports", FinancialReport.objects.select_related("submitted_by")),
        "proposal__members",
    )


def grant_for(user, pk: int, perm: str | None = None, *, everything: bool = False) -> Grant:
    """The grant `pk`: 404 unless `user` may see it, 403 unless they hold `perm` on it.

    `everything=True` also reads all its page shows (tranches, ledger, spending).
    """
    visible = grants_for(user)
    return object_for(user, _with_everything(visible) if everything else visible, perm=perm, pk=pk)


def milestone_for(user, pk: int, perm: str | None = None) -> Milestone:
    """A milestone of a grant `user` may see (else 404), if they hold `perm` on it (else 403)."""
    visible = Milestone.objects.select_related(
        "tranche__grant__proposal", "tranche__grant__programme"
    ).filter(tranche__grant__in=grants_for(user))
    return object_for(user, visible, perm=perm, pk=pk)


def disbursement_for(user, pk: int, perm: str | None = None) -> Disbursement:
    """A ledger entry of a grant `user` may see (else 404), if they hold `perm` on it (else 403)."""
    visible = Disbursement.objects.select_related(
        "grant__proposal", "grant__programme", "tranche", "reversed_by"
    ).filter(grant__in=grants_for(user))
    return object_for(user, visible, perm=perm, pk=pk)


def expense_for(user, pk: int, perm: str | None = None) -> Expense:
    """An expense of a grant `user` may see (else 404), if they hold `perm` on it (else 403)."""
    visible = Expense.objects.select_related(
        "grant__proposal", "grant__programme", "budget_line"
    ).filter(grant__in=grants_for(user))
    return object_for(user, visible, perm=perm, pk=pk)


def report_for(user, pk: int, perm: str | None = None) -> FinancialReport:
    """A financial report of a grant `user` may see (else 404), if they hold `perm` (else 403)."""
    visible = FinancialReport.objects.select_related(
        "grant__proposal", "grant__programme", "submitted_by"
    ).filter(grant__in=grants_for(user))
    return object_for(user, visible, perm=perm, pk=pk)


def programme_grants(programme: Programme) -> QuerySet[Grant]:
    """Every grant of a programme, for its officers, with only the columns a list shows.
    Call after the permission check."""
    return (
        Grant.objects.filter(programme=programme)
        .select_related("proposal__college")
        .only(*LIST_COLUMNS)
        .order_by("proposal__title", "id")
    )


def grant_list_for(user) -> QuerySet[Grant]:
    """The grants `user` may see, with only the columns a list shows."""
    return (
        grants_for(user)
        .select_related(None)
        .select_related("proposal__college")
        .only(*LIST_COLUMNS)
        .order_by("proposal__title", "id")
    )


def with_state_labels(grants: Iterable[Grant]) -> list[Grant]:
    """The grants of a list page, each with `state_label`: the labels are translated once
    per page, where `get_state_display` rebuilt the choices' dictionary on every row."""
    return with_labels(grants, state=Grant.State.choices)


def awaiting_grant_list(programme: Programme) -> QuerySet[Proposal]:
    """`proposals_awaiting_grant` with only what the programme's page lists of them: never
    their texts or their frozen submission."""
    return (
        proposals_awaiting_grant(programme)
        .select_related(None)
        .select_related("college")
        .only("pk", "title", "requested_amount_rwf", "college__short_name")
    )


def proposals_awaiting_grant(programme: Programme) -> QuerySet[Proposal]:
    """Selected proposals of the programme that have no grant yet."""
    return (
        Proposal.objects.filter(
            call__programme=programme, state=Proposal.State.SELECTED, grant__isnull=True
        )
        .select_related("college", "lead")
        .order_by("title")
    )


@dataclass(frozen=True)
class Envelope:
    envelope_eur: Decimal
    committed_eur: Decimal
    disbursed_eur: Decimal

    @property
    def free_eur(self) -> Decimal:
        return self.envelope_eur - self.committed_eur


def _eur(rwf) -> Round:
    """A grant's francs in EUR at its own rate, rounded to the cent as `Grant.amount_eur`."""
    # Times 1.0 first: SQLite keeps a whole-number rate as an integer and would divide
    # integers, dropping the cents; PostgreSQL divides numerics either way.
    exact = ExpressionWrapper(rwf * Value(Decimal("1.0")) / F("exchange_rate"), output_field=MONEY)
    return Round(exact, 2, output_field=MONEY)


def envelope_of(programme: Programme) -> Envelope:
    """The programme's donor envelope in EUR: committed by grants, disbursed, and free.

    Summed by the database: a terminated grant holds only what it was paid.
    """
    totals = Grant.objects.filter(programme=programme).aggregate(
        committed=Sum(
            Case(
                When(state=Grant.State.TERMINATED, then=_eur(F("paid_rwf"))),
                default=_eur(F("amount_rwf")),
                output_field=MONEY,
            )
        ),
        disbursed=Sum(_eur(F("paid_rwf"))),
    )
    return Envelope(
        envelope_eur=programme.envelope_eur,
        committed_eur=Decimal(totals["committed"] or 0).quantize(CENT),
        disbursed_eur=Decimal(totals["disbursed"] or 0).quantize(CENT),
    )


def budget_vs_actual(grant: Grant) -> list[dict]:
    """Each budget line with its budget, what was spent, and whether it is overspent.

    Expects `budget_lines` annotated with `spent` (as `grant_for(everything=True)` reads them).
    """
    rows = []
    for line in grant.budget_lines.all():
        # The annotation is None for a line with no expense: that is 0, not a query.
        if hasattr(line, "spent"):
            spent = line.spent
        else:
            spent = line.expenses.aggregate(total=Sum("amount_rwf"))["total"]
        spent = spent or 0
        rows.append(
            {
                "line": line,
                "budget_rwf": line.amount_rwf,
                "spent_rwf": spent,
                "balance_rwf": line.amount_rwf - spent,
                "overspent": spent > line.amount_rwf,
            }
        )
    return rows


def _audit_of(grant: Grant) -> QuerySet[AuditEntry]:
    """The audit entries of the grant and of its tranches, milestones and financial reports."""
    tranches = list(grant.tranches.all())
    targets = {
        Grant: [grant.pk],
        Tranche: [tranche.pk for tranche in tranches],
        Milestone: [t.milestone.pk for t in tranches if getattr(t, "milestone", None)],
        FinancialReport: [report.pk for report in grant.reports.all()],
        Amendment: list(grant.amendments.values_list("pk", flat=True)),
    }
    about = Q()
    for model, ids in targets.items():
        about |= Q(
            content_type=ContentType.objects.get_for_model(model),
            object_id__in=[str(pk) for pk in ids],
        )
    return AuditEntry.objects.filter(about).select_related("actor")


def timeline_of(grant: Grant) -> list[dict]:
    """Everything that happened to a grant, newest first: audit entries, ledger, due dates."""
    events = [
        {
            "when": e.created_at,
            "kind": "audit",
            "entry": e,
            "actor": e.actor,
            "label": event_label(e),
        }
        for e in _audit_of(grant)
    ]
    for entry in grant.disbursements.all():
        events.append(
            {
                "when": entry.recorded_at,
                "kind": "ledger",
                "entry": entry,
                "actor": entry.recorded_by,
            }
        )
    tz = timezone.get_current_timezone()
    for tranche in grant.tranches.all():
        milestone = getattr(tranche, "milestone", None)
        if milestone is not None:
            due = datetime.datetime.combine(milestone.due_on, datetime.time(17, 0), tzinfo=tz)
            events.append({"when": due, "kind": "due", "entry": milestone, "actor": None})
    return sorted(events, key=lambda e: e["when"], reverse=True)


def payable_tranches(programme: Programme) -> QuerySet[Tranche]:
    """Tranches whose condition is met and that are not yet fully paid, with their grant's
    payee and `payments` (how many payments the tranche already had, for its batch reference)."""
    return (
        Tranche.objects.filter(
            grant__programme=programme,
            grant__state__in=Grant.PAYABLE_STATES,
            payable_since__isnull=False,
        )
        .exclude(paid_rwf__gte=F("amount_rwf"))
        .annotate(payments=Count("disbursements", filter=Q(disbursements__kind="payment")))
        .select_related("grant__proposal__college", "grant__proposal__lead")
        .defer("grant__proposal__snapshot", "grant__proposal__answer_versions")
        .order_by("payable_since", "id")
    )


def tranche_payments(tranche: Tranche) -> int:
    """How many payments the ledger holds for `tranche` (reversed ones too)."""
    return tranche.disbursements.filter(kind=Disbursement.Kind.PAYMENT).count()


def overdue_milestones(programme: Programme, *, today: datetime.date) -> QuerySet[Milestone]:
    """Milestones past their due date that are not yet approved, on running grants."""
    return (
        Milestone.objects.filter(
            tranche__grant__programme=programme,
            tranche__grant__state__in=Grant.PAYABLE_STATES,
            due_on__lt=today,
        )
        .exclude(state=Milestone.State.APPROVED)
        .select_related("tranche__grant__proposal")
        .order_by("due_on", "id")
    )


def upcoming_tranches(programme: Programme, *, today: datetime.date) -> QuerySet[Tranche]:
    """Tranches not yet payable, planned in the next 90 days, on running grants."""
    return (
        Tranche.objects.filter(
            grant__programme=programme,
            grant__state__in=Grant.PAYABLE_STATES,
            payable_since__isnull=True,
            planned_on__lte=today + datetime.timedelta(days=90),
        )
        .select_related("grant__proposal", "milestone")
        .order_by("planned_on", "id")
    )


def amendments_of(grant: Grant) -> QuerySet[Amendment]:
    """The grant's amendments, newest first, with who asked, who decided and the version made."""
    return grant.amendments.select_related("requested_by", "decided_by", "version")


def pending_amendment(grant: Grant) -> Amendment | None:
    return grant.amendments.filter(state=Amendment.State.PENDING).first()
