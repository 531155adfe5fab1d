"""Production refuses the immediate task backend and the in-process cache (check --deploy)."""

from django.core import checks

from skillbridge.common.checks import production_shares_tasks_and_cache
from tests.test_settings import PRODUCTION, SHARED_SERVICES, run_skillbridge

IMMEDIATE = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
DATABASE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
LOCMEM = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
REDIS = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:6379/0",
    }
}


def error_ids(settings, *, debug, tasks, caches):
    settings.DEBUG, settings.TASKS, settings.CACHES = debug, tasks, caches
    return [error.id for error in production_shares_tasks_and_cache(None)]


def test_production_refuses_the_immediate_task_backend(settings):
    assert error_ids(settings, debug=False, tasks=IMMEDIATE, caches=REDIS) == ["common.E001"]


def test_production_refuses_the_in_process_cache(settings):
    assert error_ids(settings, debug=False, tasks=DATABASE, caches=LOCMEM) == ["common.E002"]


def test_production_with_the_database_queue_and_a_shared_cache_passes(settings):
    assert error_ids(settings, debug=False, tasks=DATABASE, caches=REDIS) == []


def test_local_work_may_use_both(settings):
    assert error_ids(settings, debug=True, tasks=IMMEDIATE, caches=LOCMEM) == []


OURS = {"common.E001", "common.E002"}


def test_it_is_a_deploy_check(settings):
    settings.DEBUG, settings.TASKS, settings.CACHES = False, IMMEDIATE, LOCMEM
    # Only the caches' checks: the models' would open the database, which this test has not.
    caches = [checks.Tags.caches]
    assert {m.id for m in checks.run_checks(tags=caches, include_deployment_checks=True)} >= OURS
    assert not {m.id for m in checks.run_checks(tags=caches)} & OURS


def test_the_deploy_check_fails_without_the_shared_services():
    # Named empty, not left out: CI's PostgreSQL pass runs with a shared cache in its environment.
    without = {"TASKS_BACKEND": "immediate", "CACHE_URL": ""}
    result = run_skillbridge("check", "--deploy", **PRODUCTION, **without)
    assert result.returncode != 0
    assert "common.E001" in result.stderr
    assert "common.E002" in result.stderr


def test_the_deploy_check_passes_with_the_shared_services():
    result = run_skillbridge("check", "--deploy", **PRODUCTION, **SHARED_SERVICES)
    assert result.returncode == 0, result.stderr
