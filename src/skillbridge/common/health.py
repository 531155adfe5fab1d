"""`GET /health/`: is this process able to serve? For load balancers and monitors.

Each dependency is checked with the smallest call that proves it answers. The
answer names each one with "up" or "down" and nothing else: no error text, host,
version or secret, since anyone may ask.
"""

import logging

from django.core.cache import cache
from django.core.files.storage import default_storage
from django.db import connection
from django.db.models import Min
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)

_CACHE_KEY = "skillbridge:health"


def _database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _cache() -> None:
    cache.set(_CACHE_KEY, "ok", timeout=30)
    if cache.get(_CACHE_KEY) != "ok":
        raise RuntimeError("the cache did not return what was just stored")


def _storage() -> None:
    bucket = getattr(default_storage, "bucket", None)
    if bucket is not None:
        # Object storage: the bucket must exist and the credentials must reach it.
        bucket.meta.client.head_bucket(Bucket=bucket.name)
    else:
        default_storage.exists("health")


CHECKS = {"database": _database, "cache": _cache, "storage": _storage}


def _oldest_queued_seconds() -> float | None:
    oldest = DBTaskResult.objects.ready().aggregate(oldest=Min("enqueued_at"))["oldest"]
    if oldest is None:
        return None
    return round((timezone.now() - oldest).total_seconds(), 1)


@never_cache
@require_GET
def health(request):
    """200 when every dependency answers, 503 naming the ones that do not."""
    checks = {}
    for name, check in CHECKS.items():
        try:
            check()
        except Exception:  # Any failure means "down"; the log keeps the reason.
            logger.exception("health check failed: %s", name)
            checks[name] = "down"
        else:
            checks[name] = "up"
    down = [name for name, status in checks.items() if status == "down"]
    tasks = {"oldest_queued_seconds": None}
    if checks["database"] == "up":
        try:
            tasks["oldest_queued_seconds"] = _oldest_queued_seconds()
        except Exception:  # A database not yet migrated: the age is unknown, not an error.
            logger.exception("health check could not read the task queue")
    body = {"status": "down" if down else "up", "checks": checks, "down": down, "tasks": tasks}
    return JsonResponse(body, status=503 if down else 200)


@never_cache
@require_GET
def live(request):
    """200 whenever the process answers, checking nothing behind it.

    A process manager restarts a process that stops answering this; it must not
    restart every web process because the database is briefly down, which
    `/health/` reports. It is also the floor of `make bench`: a bare Django view
    behind the same middleware.
    """
    return JsonResponse({"status": "live"})
