"""Writing imported professionals, from the command line or from an officer's upload.

Rows are matched by email (case folded) and updated in place: a blank cell
leaves the field as it is, a filled cell replaces it, and the row's
availability window is added if it is not there yet. So importing the same
file twice changes nothing the second time. New professionals whose row
says consent `yes` are invited to claim their account; none is matchable
before they do.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from skillbridge.common.services import audit_record, mail_queue
from skillbridge.experts import importing
from skillbridge.experts.models import (
    AvailabilityWindow,
    ExpertLanguage,
    ExpertProfile,
    ImportBatch,
)
from skillbridge.experts.services.profiles import skills_for_names
from skillbridge.experts.tokens import INVITATION_VALID_DAYS, claim_token_make
from skillbridge.people.models import ProgrammeRole, Role, User
from skillbridge.programmes.models import Programme

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[importing.RowError] = field(default_factory=list)

    @property
    def rejected(self) -> int:
        return len(self.errors)

    def count(self, outcome: str) -> None:
        setattr(self, outcome, getattr(self, outcome) + 1)


def _snapshot(profile: ExpertProfile) -> tuple:
    return (
        profile.user.full_name,
        str(profile.country),
        profile.city,
        profile.profession,
        profile.employer,
        profile.years_experience,
        frozenset(profile.sectors.values_list("pk", flat=True)),
        frozenset(profile.skills.values_list("pk", flat=True)),
        frozenset(profile.languages.values_list("code", flat=True)),
        frozenset(profile.availability.values_list("starts_on", "ends_on")),
        profile.onsite,
        profile.remote,
        profile.capacity,
        profile.imported_consent,
    )


def claim_invite(profile: ExpertProfile) -> None:
    profile.invited_at = timezone.now()
    profile.save(update_fields=["invited_at"])
    mail_queue(
        to=profile.user.email,
        template="experts/mail/invitation",
        context={
            "profile": profile,
            "programme": profile.programme,
            "token": claim_token_make(profile),
            "valid_days": INVITATION_VALID_DAYS,
        },
        language=profile.user.preferred_language,
        programme=profile.programme,
        kind="experts:invitation",
    )


def _account_for(row: importing.ImportRow) -> User:
    """The account of the row's address, created (without a password) when there is none."""
    user = User.objects.filter(email__iexact=row.email).first()
    if user is None:
        language = "fr" if "fr" in row.languages and "en" not in row.languages else "en"
        user = User.objects.create_user(
            email=row.email, password=None, full_name=row.full_name, preferred_language=language
        )
    return user


def _write_fields(profile: ExpertProfile, row: importing.ImportRow) -> None:
    """Write the row's filled cells on the profile and its owner's name (while unclaimed)."""
    user = profile.user
    if profile.claimed_at is None and row.full_name and user.full_name != row.full_name:
        # Once the person has claimed the account, their name is theirs to change.
        user.full_name = row.full_name
        user.save(update_fields=["full_name"])
    for name in ("country", "city", "profession", "employer", "years_experience", "capacity"):
        value = getattr(row, name)
        if value not in ("", None):
            setattr(profile, name, value)
    if row.modalities:
        profile.onsite = "onsite" in row.modalities
        profile.remote = "remote" in row.modalities
    profile.imported_consent = row.consent
    profile.save()


def _write_lists(profile: ExpertProfile, row: importing.ImportRow) -> None:
    """Replace sectors, skills and languages the row lists; add its availability window."""
    if row.sector_ids:
        profile.sectors.set(row.sector_ids)
    if row.skills:
        profile.skills.set(skills_for_names(row.skills))
    if row.languages:
        profile.languages.exclude(code__in=row.languages).delete()
        for code in row.languages:
            ExpertLanguage.objects.get_or_create(profile=profile, code=code)
    if row.window:
        AvailabilityWindow.objects.get_or_create(
            profile=profile, starts_on=row.window[0], ends_on=row.window[1]
        )


@transaction.atomic
def import_row_apply(*, programme: Programme, row: importing.ImportRow, actor) -> str:
    """Create or update one professional from a checked row; say which it was."""
    user = _account_for(row)
    profile, created = ExpertProfile.objects.get_or_create(
        user=user,
        programme=programme,
        defaults={"source": ExpertProfile.Source.IMPORTED, "country": row.country},
    )
    before = None if created else _snapshot(profile)
    _write_fields(profile, row)
    _write_lists(profile, row)
    ProgrammeRole.objects.get_or_create(user=user, programme=programme, role=Role.EXPERT)
    outcome = CREATED if created else (UNCHANGED if before == _snapshot(profile) else UPDATED)
    if outcome != UNCHANGED:
        audit_record(
            actor=actor, action=f"expert.import_{outcome}", target=profile, data={"line": row.line}
        )
    if profile.claimed_at is None and profile.invited_at is None and profile.imported_consent:
        claim_invite(profile)
    return outcome


def import_file(
    *, programme: Programme, filename: str, content: bytes, actor=None, dry_run: bool = False
) -> ImportReport:
    """Import every good row of a file; report counts and the rejected rows.

    Each row is its own transaction, so good rows are kept whatever happens
    to others. With `dry_run` the same work runs and is rolled back, so the
    counts are exact and nothing is written or sent.
    """
    good, errors = importing.rows_check(importing.rows_read(filename, content))
    report = ImportReport(errors=errors)
    with transaction.atomic():
        for row in good:
            report.count(import_row_apply(programme=programme, row=row, actor=actor))
        if dry_run:
            transaction.set_rollback(True)
    return report


def import_batch_run(*, batch_id: int) -> ImportBatch:
    """Run a confirmed import row by row, recording progress for the page that polls it.

    The uploaded file is deleted at the end: it holds other people's data.
    """
    batch = ImportBatch.objects.select_related("programme", "created_by").get(pk=batch_id)
    if batch.status != ImportBatch.Status.QUEUED:
        return batch
    ImportBatch.objects.filter(pk=batch.pk).update(status=ImportBatch.Status.RUNNING)
    try:
        with batch.file.open("rb") as handle:
            content = handle.read()
        good, errors = importing.rows_check(importing.rows_read(batch.filename, content))
    except (OSError, importing.ImportFileError):
        ImportBatch.objects.filter(pk=batch.pk).update(
            status=ImportBatch.Status.FAILED, finished_at=timezone.now()
        )
        batch.refresh_from_db()
        return batch
    report = ImportReport(errors=errors)
    ImportBatch.objects.filter(pk=batch.pk).update(valid_rows=len(good))
    for done, row in enumerate(good, start=1):
        report.count(import_row_apply(programme=batch.programme, row=row, actor=batch.created_by))
        ImportBatch.objects.filter(pk=batch.pk).update(processed_rows=done)
    batch.refresh_from_db()
    if batch.file:
        batch.file.delete(save=False)
    batch.status = ImportBatch.Status.DONE
    batch.finished_at = timezone.now()
    batch.created_count = report.created
    batch.updated_count = report.updated
    batch.unchanged_count = report.unchanged
    batch.rejected_count = report.rejected
    batch.errors = [{"line": e.line, "reason": e.reason} for e in errors]
    batch.save()
    return batch
