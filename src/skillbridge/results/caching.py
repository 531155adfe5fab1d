"""The live figures in the shared cache, forgotten when their source data changes.

Counting the indicators reads most of the programme's tables, so the live figures
(a dashboard's, an open period's) are kept in the shared cache, per programme,
period, day, language (labels are translated) and, for what a reader is shown,
disclosure level. Every key carries the programme's version: any write to a record
an indicator reads (see `SOURCES`) moves the version on, so the next request
counts afresh and old entries simply expire. A closed period never needs this:
its figures are its snapshot.
"""

import time

from django.core.cache import cache
from django.core.exceptions import ObjectDoesNotExist
from django.db.models.signals import post_delete, post_save
from django.utils import timezone, translation

from skillbridge.calls.models import Call, Proposal, TeamMember
from skillbridge.experts.models import ExpertProfile
from skillbridge.grants.models import Disbursement, Grant, Tranche
from skillbridge.missions.models import Mission, Participant, Session, Survey
from skillbridge.pairing.models import Need, Pairing, TrainingRequest
from skillbridge.people.models import Organisation
from skillbridge.programmes.models import Programme, Sector

# Entries outlive no change, but a day bounds what a missed write could leave behind
# (a bulk update sends no signal).
TIMEOUT = 24 * 60 * 60
EVERY_PROGRAMME = "all"

# Each source of an indicator, and the path from a record to its programme's id.
# None: the record (a college, a sector: their names are labels) is every programme's.
SOURCES = {
    Programme: "pk",
    Proposal: "call.programme_id",
    TeamMember: "proposal.call.programme_id",
    Call: "programme_id",
    Grant: "programme_id",
    Tranche: "grant.programme_id",
    Disbursement: "grant.programme_id",
    ExpertProfile: "programme_id",
    Pairing: "programme_id",
    Need: "programme_id",
    TrainingRequest: "programme_id",
    Mission: "programme_id",
    Session: "mission.programme_id",
    Participant: "mission.programme_id",
    Survey: "mission.programme_id",
    Organisation: None,
    Sector: None,
}


def _version_key(scope) -> str:
    return f"results:version:{scope}"


def _version(scope) -> int:
    key = _version_key(scope)
    version = cache.get(key)
    if version is None:
        # A fresh start (or an evicted key) must not meet entries of an older version.
        cache.add(key, time.time_ns(), None)
        version = cache.get(key)
    return version


def figures_forget(programme_id=None) -> None:
    """Forget the cached figures of one programme, or of every programme (None)."""
    key = _version_key(EVERY_PROGRAMME if programme_id is None else programme_id)
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, time.time_ns(), None)


def figures_key(programme, *parts) -> str:
    """The cache key of one piece of a programme's live figures."""
    versions = f"{_version(EVERY_PROGRAMME)}.{_version(programme.pk)}"
    language = translation.get_language() or ""
    today = timezone.localdate().isoformat()
    return ":".join(("results", str(programme.pk), versions, today, language, *map(str, parts)))


def _programme_of(record, path: str | None):
    value = record
    for name in path.split(".") if path else ():
        value = getattr(value, name)
    return value if path else None


def _changed(sender, instance, **kwargs) -> None:
    try:
        programme_id = _programme_of(instance, SOURCES[sender])
    except ObjectDoesNotExist:
        # Deleted along with its parent: the programme cannot be told, so forget them all.
        programme_id = None
    figures_forget(programme_id)


def connect() -> None:
    """Listen to every source of the indicators (called once, when Django starts)."""
    for model in SOURCES:
        post_save.connect(_changed, sender=model, dispatch_uid=f"results-{model.__name__}-save")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"results-{model.__name__}-del")
