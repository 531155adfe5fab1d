"""Apps register their periodic jobs; `run_scheduled` runs each and survives a failure."""

import logging

import pytest
from django.core.management import call_command
from django.utils import timezone

from skillbridge.common.models import ScheduledJob
from skillbridge.common.scheduling import (
    JOBS,
    SKIPPED_DONE,
    Job,
    period_start,
    register_job,
)


def test_each_app_registers_its_jobs_when_django_starts():
    assert [(job.name, job.minutes) for job in JOBS.values()] == [
        ("skillbridge.common.tasks.clean_old_exports", 24 * 60),
        ("skillbridge.calls.tasks.send_deadline_reminders", 15),
        ("skillbridge.experts.tasks.delete_unconfirmed_imports", 60),
        ("skillbridge.pairing.tasks.expire_invitations", 15),
        ("skillbridge.missions.tasks.send_survey_invitations", 15),
    ]


def test_a_job_runs_at_most_once_a_day():
    registered = len(JOBS)
    with pytest.raises(ValueError, match="at most once a day"):
        register_job(lambda: None, minutes=2 * 24 * 60)
    assert len(JOBS) == registered


def failing_job():
    raise RuntimeError("the mail server is down")


@pytest.mark.django_db
def test_a_failing_job_is_logged_with_its_traceback_and_the_next_job_still_runs(
    monkeypatch, caplog, capsys
):
    monkeypatch.setitem(JOBS, "tests.failing", Job("tests.failing", failing_job, 15))
    monkeypatch.setitem(JOBS, "tests.after", Job("tests.after", lambda: "done", 15))

    with caplog.at_level(logging.ERROR), pytest.raises(SystemExit) as exit_code:
        call_command("run_scheduled")

    assert exit_code.value.code == 1
    out, err = capsys.readouterr()
    assert out.splitlines()[-1] == "tests.after: done"
    assert err == "tests.failing: failed (RuntimeError: the mail server is down)\n"
    [record] = caplog.records
    assert record.getMessage() == "scheduled job tests.failing failed"
    assert record.exc_info[0] is RuntimeError
    assert "Traceback (most recent call last)" in caplog.text
    assert ScheduledJob.objects.get(name="tests.after").last_result == "done"
    assert ScheduledJob.objects.get(name="tests.failing").last_period_start is None


@pytest.mark.django_db
def test_a_job_with_a_longer_cadence_keeps_it_under_a_shorter_period(monkeypatch, capsys):
    hourly = Job("tests.hourly", lambda: "ran", 60)
    monkeypatch.setitem(JOBS, hourly.name, hourly)
    ScheduledJob.objects.create(
        name=hourly.name, last_period_start=period_start(now=timezone.now(), minutes=60)
    )

    call_command("run_scheduled", "--period-minutes", "15")

    assert capsys.readouterr().out.splitlines()[-1] == f"tests.hourly: {SKIPPED_DONE}"
