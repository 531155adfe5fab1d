"""What happened during a mission: sessions, their evidence, named participants, certificates."""

import datetime
import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from skillbridge.common.choices import COUNTED_SEXES
from skillbridge.common.services import audit_record
from skillbridge.common.transitions import locked
from skillbridge.common.uploads import IMAGES_AND_PDF, validate_upload
from skillbridge.missions.models import Certificate, Evidence, Mission, Participant, Session
from skillbridge.missions.models.work import COUNT_FIELDS, Category
from skillbridge.missions.services.moves import RELATED
from skillbridge.missions.states import (
    CERTIFICATES_OPEN,
    EVIDENCE_OPEN,
    PARTICIPANTS_OPEN,
    SESSIONS_OPEN,
)
from skillbridge.people.models import User

EVIDENCE_MAX_MEGABYTES = 5
# Unambiguous letters and digits for codes people type from paper.
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 10


@transaction.atomic
def session_log(
    *,
    actor: User,
    mission: Mission,
    held_on: datetime.date,
    hours,
    topic: str,
    modality: str,
    notes: str = "",
    **counts: int,
) -> Session:
    """Log one session of a mission under way (or just completed), with head counts.

    `counts` are the six head counts by category and sex (trainers_female …
    staff_male); at least one person must have come. The date falls within the
    mission's dates and not in the future. Audited.
    """
    unknown = set(counts) - set(COUNT_FIELDS.values())
    if unknown:
        raise TypeError(f"Not head counts: {sorted(unknown)}")
    mission = locked(mission, *RELATED)
    SESSIONS_OPEN.refuse_unless_open(mission)
    errors = {}
    if not mission.starts_on <= held_on <= mission.ends_on:
        errors["held_on"] = _("Choose a day between the mission's first and last day.")
    elif held_on > timezone.localdate():
        errors["held_on"] = _("A session cannot be logged before it takes place.")
    if hours is None or not 0 < hours <= 24:
        errors["hours"] = _("Give the length in hours, more than 0 and at most 24.")
    if not topic.strip():
        errors["topic"] = _("Give the session's topic.")
    if modality not in Session.Modality.values:
        errors["modality"] = _("Choose on site or remote.")
    if any(value is None or value < 0 for value in counts.values()):
        errors["__all__"] = _("Head counts are whole numbers, zero or more.")
    elif sum(counts.values()) < 1:
        errors["__all__"] = _("Count at least one participant.")
    if errors:
        raise ValidationError(errors)
    session = Session.objects.create(
        mission=mission,
        held_on=held_on,
        hours=hours,
        topic=topic.strip(),
        modality=modality,
        notes=notes.strip(),
        logged_by=actor,
        **counts,
    )
    audit_record(
        actor=actor,
        action="mission.session_logged",
        target=mission,
        data={"session": session.pk, "participants": session.participants},
    )
    return session


@transaction.atomic
def evidence_add(*, actor: User, session: Session, upload) -> Evidence:
    """Attach an attendance sheet (PDF) or a photo to a session, within the size limit."""
    mission = locked(session.mission, *RELATED)
    EVIDENCE_OPEN.refuse_unless_open(mission)
    try:
        validate_upload(upload, extensions=IMAGES_AND_PDF, max_megabytes=EVIDENCE_MAX_MEGABYTES)
    except ValidationError as error:
        raise ValidationError({"file": error.messages}) from error
    evidence = Evidence.objects.create(
        session=session, file=upload, original_name=upload.name[:200], uploaded_by=actor
    )
    audit_record(
        actor=actor,
        action="mission.evidence_added",
        target=mission,
        data={"session": session.pk, "evidence": evidence.pk},
    )
    return evidence


@transaction.atomic
def participant_add(
    *, actor: User, mission: Mission, full_name: str, category: str, sex: str, email: str = ""
) -> Participant:
    """Name a trainee of the mission, for their certificate and their surveys."""
    mission = locked(mission, *RELATED)
    PARTICIPANTS_OPEN.refuse_unless_open(mission)
    errors = {}
    if not full_name.strip():
        errors["full_name"] = _("Give the participant's name as it should appear.")
    if category not in Category.values:
        errors["category"] = _("Choose trainer, student or staff.")
    if sex not in COUNTED_SEXES:
        errors["sex"] = _("Choose female or male.")
    email = email.strip().lower()
    if email and mission.participants.filter(email=email).exists():
        errors["email"] = _("This address is already listed for this mission.")
    if errors:
        raise ValidationError(errors)
    participant = Participant.objects.create(
        mission=mission, full_name=full_name.strip(), email=email, category=category, sex=sex
    )
    audit_record(
        actor=actor,
        action="mission.participant_added",
        target=mission,
        data={"participant": participant.pk},
    )
    return participant


@transaction.atomic
def participant_remove(*, actor: User, participant: Participant) -> None:
    """Take a named trainee off the mission, unless their certificate is already issued."""
    mission = locked(participant.mission, *RELATED)
    PARTICIPANTS_OPEN.refuse_unless_open(mission)
    if Certificate.objects.filter(participant=participant).exists():
        raise ValidationError(
            {"__all__": _("This participant already has a certificate: they stay on the list.")}
        )
    data = {"participant": participant.pk}
    participant.delete()
    audit_record(actor=actor, action="mission.participant_removed", target=mission, data=data)


def new_certificate_code() -> str:
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if not Certificate.objects.filter(code=code).exists():
            return code


@transaction.atomic
def certificates_issue(*, actor: User, mission: Mission) -> int:
    """Issue the missing certificates of a completed mission; return how many were issued.

    One certificate of contribution for the professional, one of
    participation for each named participant. Running it again issues only
    those still missing. Audited.
    """
    mission = locked(mission, *RELATED)
    CERTIFICATES_OPEN.refuse_unless_open(mission)
    issued = 0
    # No certificate of contribution for a professional who erased their data: no one holds it.
    if (
        mission.expert.user_id is not None
        and not mission.certificates.filter(kind=Certificate.Kind.CONTRIBUTION).exists()
    ):
        Certificate.objects.create(
            mission=mission,
            kind=Certificate.Kind.CONTRIBUTION,
            full_name=mission.expert.user.get_full_name(),
            code=new_certificate_code(),
        )
        issued += 1
    for participant in mission.participants.filter(certificate__isnull=True).order_by("pk"):
        Certificate.objects.create(
            mission=mission,
            kind=Certificate.Kind.PARTICIPATION,
            participant=participant,
            full_name=participant.full_name,
            code=new_certificate_code(),
        )
        issued += 1
    if issued:
        audit_record(
            actor=actor,
            action="mission.certificates_issued",
            target=mission,
            data={"count": issued},
        )
    return issued
