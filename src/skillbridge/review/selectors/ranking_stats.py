"""The ranking's statistics per call: computed once, kept in the shared cache and in each
web process, dropped when a review of the call is submitted."""

from __future__ import annotations

import uuid

from django.core.cache import cache
from django.db import transaction

from skillbridge.calls.models import Call
from skillbridge.review.models import Review
from skillbridge.review.scoring import ProposalStats, SubmittedScore, proposal_stats

# The ranking's statistics are kept in the shared cache per call, and dropped when
# a review of the call is submitted (`ranking_forget`): a page of the ranking, or
# a decision on one proposal, then reads them instead of calibrating the panel again.
STATS_SECONDS = 60 * 60

# Each web process also keeps the statistics it last read, with the call's version at
# that moment: reading 4,000 proposals' statistics back from the shared cache took a
# third of a ranking page at 100 times the demo. The version lives in the shared cache
# and changes whenever the statistics are dropped, so every process sees the change.
_read_here: dict[int, tuple[str, dict[int, ProposalStats]]] = {}


def _stats_key(call_id: int) -> str:
    return f"review:ranking-stats:{call_id}"


def _version_key(call_id: int) -> str:
    return f"review:ranking-version:{call_id}"


def _new_version(call_id: int) -> str:
    version = uuid.uuid4().hex
    cache.set(_version_key(call_id), version, None)
    return version


def _drop_stats(call_id: int) -> None:
    cache.delete(_stats_key(call_id))
    _new_version(call_id)


def ranking_forget(call_id: int) -> None:
    """Drop the call's cached statistics: now, and again once the transaction commits (a
    page computing them meanwhile would store the scores from before the change)."""
    _drop_stats(call_id)
    transaction.on_commit(lambda: _drop_stats(call_id))


def call_stats(call: Call) -> dict[int, ProposalStats]:
    """Proposal id → its statistics over the call's submitted reviews, from the cache.

    One query of three columns when not cached; each reviewer's mean and deviation
    are computed once (`scoring.calibrate`).
    """
    # The version is read first: statistics read after it are at least as new.
    version = cache.get(_version_key(call.pk)) or _new_version(call.pk)
    here = _read_here.get(call.pk)
    if here is not None and here[0] == version:
        return here[1]
    key = _stats_key(call.pk)
    # Stored with the version they were computed at: statistics a slow page stores after
    # a review changed them carry the old version, and nobody reads them.
    stored_version, stats = cache.get(key) or ("", None)
    if stats is None or stored_version != version:
        submitted = Review.objects.filter(
            proposal__call=call, submitted_at__isnull=False, weighted_score__isnull=False
        ).values_list("proposal_id", "reviewer_id", "weighted_score")
        stats = proposal_stats([SubmittedScore(p, r, float(v)) for p, r, v in submitted])
        cache.set(key, (version, stats), STATS_SECONDS)
    _read_here[call.pk] = (version, stats)
    return stats
