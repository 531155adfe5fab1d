"""Any number of `skillbridge db_worker` processes take each task exactly once."""

import os
import subprocess
import sys
import threading

import pytest
from django.conf import settings as django_settings
from django_tasks_db.models import DBTaskResult

from skillbridge.common.models import OutboxMessage
from skillbridge.common.tasks import deliver_outbox_message
from tests.markers import needs_postgresql
from tests.ops.seaweed import free_port
from tests.ops.smtp import SmtpSink


def _database_url() -> str:
    db = django_settings.DATABASES["default"]
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_two_workers_send_each_queued_mail_exactly_once(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    sink = SmtpSink(free_port())
    threading.Thread(target=sink.serve_forever, daemon=True).start()
    recipients = [f"person{n}@example.org" for n in range(16)]
    for to in recipients:
        message = OutboxMessage.objects.create(
            to=to, subject="Hello", body="One message.", language="en"
        )
        deliver_outbox_message.enqueue(message_id=message.pk)
    environment = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "TASKS_BACKEND": "database",
        "EMAIL_DELIVERY": "smtp",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(sink.server_address[1]),
        "EMAIL_USE_TLS": "false",
    }
    workers = [
        subprocess.Popen(
            [sys.executable, "-m", "skillbridge", "db_worker", "--batch", "--interval", "0.05"],
            env=environment,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for _ in range(2)
    ]
    try:
        for worker in workers:
            assert worker.wait(timeout=300) == 0, worker.stderr.read()
    finally:
        sink.shutdown()
        sink.server_close()
    received = sorted(
        to for message in sink.messages for to in recipients if f"To: {to}".encode() in message
    )
    assert received == sorted(recipients)
    results = list(DBTaskResult.objects.all())
    assert len(results) == 16
    assert {result.status for result in results} == {"SUCCESSFUL"}
    assert all(len(result.worker_ids) == 1 for result in results)
    assert set(OutboxMessage.objects.values_list("status", "attempts")) == {("sent", 1)}
