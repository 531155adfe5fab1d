"""LOG_FORMAT=json: one JSON object per line, with the request's id, user id and timing."""

import io
import json
import logging

import pytest
from django.urls import reverse

from skillbridge.common.logs import JsonFormatter, RequestContextFilter
from skillbridge.common.tasks import deliver_outbox_message
from tests.test_settings import run_skillbridge


@pytest.fixture
def json_lines():
    """Every line the root logger writes while the test runs, as JSON would print it."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RequestContextFilter())
    root = logging.getLogger()
    root.addHandler(handler)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    root.removeHandler(handler)


def test_a_request_logs_its_id_user_path_status_and_duration(client, officer, json_lines):
    client.force_login(officer)
    response = client.get(reverse("dashboard"))
    assert response.status_code == 200
    request_id = response["X-Request-ID"]
    assert len(request_id) == 32
    [line] = [entry for entry in json_lines() if entry["logger"] == "skillbridge.request"]
    assert line["request_id"] == request_id
    assert line["user_id"] == officer.pk
    assert line["path"] == "/dashboard/"
    assert line["status"] == 200
    assert line["level"] == "INFO"
    assert line["message"] == "GET /dashboard/ 200"
    assert isinstance(line["duration_ms"], float)
    assert set(line) >= {"time", "level", "logger", "message"}
    assert officer.email not in json.dumps(json_lines())


def test_a_sane_request_id_from_the_proxy_is_kept_and_a_strange_one_replaced(db, client):
    kept = client.get(reverse("health"), HTTP_X_REQUEST_ID="proxy-1234abcd")
    assert kept["X-Request-ID"] == "proxy-1234abcd"
    replaced = client.get(reverse("health"), HTTP_X_REQUEST_ID='bad"\nid')
    assert replaced["X-Request-ID"] != 'bad"\nid'
    assert len(replaced["X-Request-ID"]) == 32


def test_an_anonymous_request_logs_no_user(db, client, json_lines):
    client.get(reverse("home"))
    [line] = [entry for entry in json_lines() if entry["logger"] == "skillbridge.request"]
    assert line["user_id"] is None
    assert line["status"] == 200


def test_a_failing_background_task_logs_its_traceback(db, json_lines):
    result = deliver_outbox_message.enqueue(message_id=987654)
    assert result.status == "FAILED"
    [line] = [e for e in json_lines() if e["logger"] == "django.tasks" and e["level"] == "ERROR"]
    assert "deliver_outbox_message" in line["message"]
    assert line["traceback"].startswith("Traceback (most recent call last):")
    assert "OutboxMessage.DoesNotExist" in line["traceback"]


def test_log_format_json_prints_one_object_per_line_on_stdout():
    script = "import logging; logging.getLogger('skillbridge.check').warning('hello %s', 'there')"
    result = run_skillbridge("shell", "--no-imports", "-c", script, LOG_FORMAT="json")
    assert result.returncode == 0, result.stderr
    [line] = [json.loads(text) for text in result.stdout.splitlines()]
    assert line["logger"] == "skillbridge.check"
    assert line["message"] == "hello there"
    assert line["level"] == "WARNING"
    assert line["request_id"] is None
