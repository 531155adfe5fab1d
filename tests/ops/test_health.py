"""`GET /health/` names each dependency; 503 names the one that is down."""

import pytest
from django.test import override_settings
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from skillbridge.common.health import CHECKS
from skillbridge.common.tasks import deliver_outbox_message
from tests.test_settings import PRODUCTION, run_skillbridge


@pytest.mark.django_db
def test_all_up_answers_200_with_each_dependency(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(2):
        response = client.get(reverse("health"))
    assert response.status_code == 200
    assert response.json() == {
        "status": "up",
        "checks": {"database": "up", "cache": "up", "storage": "up"},
        "down": [],
        "tasks": {"oldest_queued_seconds": None},
    }
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_a_cache_that_is_down_answers_503_naming_it(client):
    # A Redis server that is not there: nothing listens on port 1 of loopback.
    redis_nowhere = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        }
    }
    with override_settings(CACHES=redis_nowhere):
        response = client.get(reverse("health"))
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "down"
    assert body["down"] == ["cache"]
    assert body["checks"] == {"database": "up", "cache": "down", "storage": "up"}
    assert "127.0.0.1:1" not in response.content.decode()


@pytest.mark.django_db
def test_a_bucket_that_is_missing_answers_503_naming_storage(client, s3_storage, seaweedfs):
    seaweedfs.client().delete_bucket(Bucket=s3_storage)
    response = client.get(reverse("health"))
    assert response.status_code == 503
    assert response.json()["down"] == ["storage"]


@pytest.mark.django_db
def test_a_bucket_that_answers_is_up(client, s3_storage):
    assert client.get(reverse("health")).json()["checks"]["storage"] == "up"


@pytest.mark.django_db
def test_it_gives_the_age_of_the_oldest_queued_task(client, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    deliver_outbox_message.enqueue(message_id=1)
    DBTaskResult.objects.update(enqueued_at="2020-01-01T00:00:00Z")
    age = client.get(reverse("health")).json()["tasks"]["oldest_queued_seconds"]
    assert age > 60 * 60 * 24 * 365


@pytest.mark.django_db
def test_it_needs_no_sign_in_and_reveals_no_versions(client):
    response = client.get(reverse("health"))
    text = response.content.decode().lower()
    for secret in ("django", "postgres", "sqlite", "redis", "version", "secret"):
        assert secret not in text


def test_in_production_the_health_check_is_not_redirected_to_https(tmp_path):
    script = (
        "from django.test import Client; c = Client(HTTP_HOST='skillbridge.example.org');"
        "print(c.get('/health/').status_code, c.get('/').status_code)"
    )
    # A new, unmigrated SQLite file: the queue's age is unknown, the answer still 200.
    var = str(tmp_path)
    result = run_skillbridge(
        "shell", "--no-imports", "-c", script, SKILLBRIDGE_VAR_DIR=var, **PRODUCTION
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["200", "301"]


@pytest.mark.django_db
def test_the_liveness_check_answers_without_asking_the_dependencies(client, monkeypatch):
    def down():
        raise RuntimeError("the database is down")

    monkeypatch.setitem(CHECKS, "database", down)

    assert client.get(reverse("health")).status_code == 503
    response = client.get(reverse("health_live"))
    assert (response.status_code, response.json()) == (200, {"status": "live"})
