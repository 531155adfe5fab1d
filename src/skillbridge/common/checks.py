"""Deploy checks (`skillbridge check --deploy`) of the services production shares.

With several web and worker processes, a task must wait in the database queue
for a worker, not run inside the request that queued it, and rate limits must
be counted in one cache that every process sees. The immediate task backend
and the in-process cache work on one machine and in tests, so only production
(DEBUG off) refuses them.
"""

from django.conf import settings
from django.core import checks

IMMEDIATE_TASKS = "django.tasks.backends.immediate.ImmediateBackend"
IN_PROCESS_CACHE = "django.core.cache.backends.locmem.LocMemCache"


def production_shares_tasks_and_cache(app_configs, **kwargs) -> list[checks.CheckMessage]:
    if settings.DEBUG:
        return []
    refused = [
        (
            any(task["BACKEND"] == IMMEDIATE_TASKS for task in settings.TASKS.values()),
            "Tasks run inside the request that queues them (the immediate backend) "
            "while DEBUG is off.",
            "Set TASKS_BACKEND=database and run `skillbridge db_worker` processes.",
            "common.E001",
        ),
        (
            any(cache["BACKEND"] == IN_PROCESS_CACHE for cache in settings.CACHES.values()),
            "The cache lives inside each process (no CACHE_URL) while DEBUG is off: "
            "sign-in rate limits are not shared between processes.",
            "Set CACHE_URL=redis://… to the shared Redis.",
            "common.E002",
        ),
    ]
    return [
        checks.Error(message, hint=hint, id=check_id)
        for found, message, hint, check_id in refused
        if found
    ]
