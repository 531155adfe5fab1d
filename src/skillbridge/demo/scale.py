"""`seed_demo --scale N`: the demo programme grown N times, for benchmarks and load tests.

The demo is a believable programme: 41 proposals in every state, their teams,
budgets, reviews, decisions, ten grants with their money, pairings, missions,
sessions and surveys. Growing it copies that whole web of records N - 1 times
(the reference data stays one: the programme, its call, sectors, skills,
colleges, indicators), so every page sees the same mix of states as the demo,
N times over. Professionals are copied more often, since a real registry holds
far more of them than the projects need: about PROFESSIONALS_PER_UNIT per unit.

The copies are written with `bulk_create` in a few statements per table, which
is what makes 100x take minutes, not hours: the domain's services would send
mail, write audit entries and check every transition for rows whose history
is already settled in the originals. Each copy of a row gets the primary key
`original + copy * span` (span: one more than the table's largest key before
growing), so a foreign key of a copy is found by arithmetic, and rows that point
to rows of their own table (a reversal to its disbursement) need no lookup.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection, models

# The web of records that makes up the programme's activity, copied as a whole.
ACTIVITY = (
    "people.User",
    "account.EmailAddress",
    "people.ProgrammeRole",
    "people.Consent",
    "calls.Proposal",
    "calls.TeamMember",
    "calls.BudgetLine",
    "calls.Attachment",
    "review.PoolMember",
    "review.Review",
    "review.Score",
    "review.Decision",
    "grants.Grant",
    "grants.GrantBudgetLine",
    "grants.Tranche",
    "grants.Milestone",
    "grants.Disbursement",
    "grants.Expense",
    "grants.FinancialReport",
    "experts.ExpertProfile",
    "experts.ExpertLanguage",
    "experts.AvailabilityWindow",
    "pairing.TrainingRequest",
    "pairing.Need",
    "pairing.MatchingRun",
    "pairing.Candidate",
    "pairing.PairDecision",
    "pairing.Pairing",
    "missions.Mission",
    "missions.ChecklistItem",
    "missions.ItineraryLeg",
    "missions.CostLine",
    "missions.PlanDay",
    "missions.Session",
    "missions.Participant",
    "missions.Survey",
    "missions.Evidence",
    "missions.Certificate",
    "results.ProjectStory",
)
# The professionals alone (their accounts, profiles, languages, availability, consent).
REGISTRY = (
    "people.User",
    "account.EmailAddress",
    "people.ProgrammeRole",
    "people.Consent",
    "experts.ExpertProfile",
    "experts.ExpertLanguage",
    "experts.AvailabilityWindow",
)
PROFESSIONALS_PER_UNIT = 500
BATCH_SIZE = 2000
RESERVE_GAP = 100


@dataclass
class Copier:
    """Copies a set of tables, rows filtered per table, as copy number `index`."""

    tables: list[type[models.Model]]
    spans: dict[type[models.Model], int]
    rows: dict[type[models.Model], Callable[[models.QuerySet], models.QuerySet]] = field(
        default_factory=dict
    )

    def copy(self, index: int) -> int:
        written = 0
        for table in self.tables:
            # Originals only: a copy of a copy would collide with another copy's keys.
            originals = table._base_manager.filter(pk__lt=self.spans[table])
            queryset = self.rows.get(table, lambda rows: rows)(originals)
            written += _write(table, _copies(table, queryset, index, self), index)
        return written

    def new_key(self, table: type[models.Model], key, index: int):
        # Only the tables copied in this pass move; the rest (the programme, its call)
        # are shared by every copy.
        if key is None or table not in self.tables:
            return key
        return key + index * self.spans[table]


def _copies(table, queryset, index: int, copier: Copier) -> Iterable[models.Model]:
    columns = [column.attname for column in table._meta.concrete_fields]
    for row in queryset.order_by("pk").values(*columns).iterator(chunk_size=BATCH_SIZE):
        yield table(**_copied_row(table, row, index, copier))


def _copied_row(table, row: dict, index: int, copier: Copier) -> dict:
    for column in table._meta.concrete_fields:
        value = row[column.attname]
        if column.primary_key:
            row[column.attname] = copier.new_key(table, value, index)
        elif column.is_relation:
            row[column.attname] = copier.new_key(column.related_model, value, index)
        elif value and (column.name == "email" or isinstance(column, models.EmailField)):
            local, _, domain = value.partition("@")
            row[column.attname] = f"{local}+{index}@{domain}"
        elif value and column.unique and isinstance(column, models.CharField):
            row[column.attname] = f"{value}-{index}"[: column.max_length]
    return _believable(table, row, index)


def _believable(table, row: dict, index: int) -> dict:
    """What a copy must not share with its original: rights, ranks, titles."""
    label = table._meta.label
    if label == "people.User":
        row.update(is_superuser=False, is_staff=False)
    elif label == "review.Decision" and row["reserve_rank"] is not None:
        # Each copy's reserve list follows the original's, after a gap.
        row["reserve_rank"] += index * RESERVE_GAP
    elif label == "calls.Proposal":
        row["title"] = f"{row['title']} ({index + 1})"
    return row


def _write(table, objects: Iterable[models.Model], index: int) -> int:
    batch, written = [], 0
    for obj in objects:
        batch.append(obj)
        if len(batch) == BATCH_SIZE:
            written += len(table._base_manager.bulk_create(batch))
            batch = []
    if batch:
        written += len(table._base_manager.bulk_create(batch))
    return written


def _with_links(labels: Iterable[str]) -> list[type[models.Model]]:
    """The tables, then the link tables of their many-to-many fields (a profile's skills)."""
    tables = [apps.get_model(label) for label in labels]
    links = [
        relation.remote_field.through
        for table in tables
        for relation in table._meta.local_many_to_many
        if relation.remote_field.through._meta.auto_created
    ]
    return tables + links


def _spans(tables) -> dict[type[models.Model], int]:
    spans = {}
    for table in tables:
        largest = table._base_manager.aggregate(largest=models.Max("pk"))["largest"] or 0
        spans[table] = largest + 1
    return spans


def _registry_rows(spans) -> dict:
    """The professionals' own rows: accounts with a profile, and what hangs on them."""
    professional = models.Q(expert_profiles__isnull=False)
    user_model = apps.get_model("people.User")
    users = user_model._base_manager.filter(professional).values("pk")
    by_user = {
        "account.EmailAddress": lambda rows: rows.filter(user__in=users),
        "people.ProgrammeRole": lambda rows: rows.filter(user__in=users, role="expert"),
        "people.Consent": lambda rows: rows.filter(user__in=users),
        "people.User": lambda rows: rows.filter(professional).distinct(),
    }
    return {apps.get_model(label): rows for label, rows in by_user.items()}


def is_grown() -> bool:
    """Copies carry `+N` in their addresses: a grown demo is not grown again."""
    user_model = apps.get_model("people.User")
    return user_model._base_manager.filter(email__regex=r"\+[0-9]+@").exists()


def grow(scale: int, *, say: Callable[[str], None] = print) -> None:
    """Copy the programme's activity `scale - 1` times, and the registry up to its size."""
    if scale <= 1:
        return
    activity = _with_links(ACTIVITY)
    registry = _with_links(REGISTRY)
    spans = _spans(activity)
    everything = Copier(activity, spans)
    professionals = Copier(registry, spans, _registry_rows(spans))
    for index in range(1, scale):
        written = everything.copy(index)
        say(f"Copy {index + 1} of {scale}: {written} rows")
    per_unit = max(1, apps.get_model("experts.ExpertProfile")._base_manager.count() // scale)
    extra_copies = max(0, round(PROFESSIONALS_PER_UNIT / per_unit) - 1) * scale
    for index in range(scale, scale + extra_copies):
        professionals.copy(index)
    say(f"Registry: {extra_copies} more copies of the professionals")
    _reset_sequences(activity)


def _reset_sequences(tables) -> None:
    """Keys were given explicitly: the next row a person creates must come after them."""
    statements = connection.ops.sequence_reset_sql(no_style(), tables)
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
