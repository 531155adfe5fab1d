"""Settings come from the environment through strict helpers."""

import os
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from skillbridge import env

PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": "k7#Qz!v9Lr2@Wm5^Tx8&Nc3*Hb6(Jf1)Pd4-Sg0+Ya7=Ue2?Ko9",
    "ALLOWED_HOSTS": "skillbridge.example.org",
}
# What several processes share in production; the deploy check refuses to go without.
SHARED_SERVICES = {"TASKS_BACKEND": "database", "CACHE_URL": "redis://127.0.0.1:6379/0"}


def run_skillbridge(*args: str, **environ: str) -> subprocess.CompletedProcess:
    ignored = {"DEBUG", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {k: v for k, v in os.environ.items() if k not in ignored}
    return subprocess.run(
        [sys.executable, "-m", "skillbridge", *args],
        env={**clean, **environ},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_env_bool_reads_true_and_false(monkeypatch):
    monkeypatch.setenv("FLAG", "yes")
    assert env.env_bool("FLAG", default=False) is True
    monkeypatch.setenv("FLAG", "Off")
    assert env.env_bool("FLAG", default=True) is False


def test_env_bool_refuses_anything_else(monkeypatch):
    monkeypatch.setenv("FLAG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="FLAG must be true or false"):
        env.env_bool("FLAG", default=False)


def test_env_int_refuses_words_and_small_numbers(monkeypatch):
    monkeypatch.setenv("PORT", "eighty")
    with pytest.raises(ImproperlyConfigured, match="PORT must be a whole number"):
        env.env_int("PORT", 1)
    monkeypatch.setenv("PORT", "0")
    with pytest.raises(ImproperlyConfigured, match="PORT must be at least 1"):
        env.env_int("PORT", 1, minimum=1)


def test_env_choice_names_the_allowed_values(monkeypatch):
    monkeypatch.setenv("TASKS_BACKEND", "celery")
    with pytest.raises(ImproperlyConfigured, match="immediate, database"):
        env.env_choice("TASKS_BACKEND", "immediate", ("immediate", "database"))


def test_a_malformed_variable_stops_start_up_with_a_clear_message():
    result = run_skillbridge("check", DEBUG="perhaps")
    assert result.returncode != 0
    assert "DEBUG must be true or false, not 'perhaps'." in result.stderr


def test_production_requires_a_secret_key():
    result = run_skillbridge("check", DEBUG="false", ALLOWED_HOSTS="example.org")
    assert result.returncode != 0
    assert "SECRET_KEY is required when DEBUG is off." in result.stderr


def test_production_requires_allowed_hosts():
    result = run_skillbridge("check", DEBUG="false", SECRET_KEY=PRODUCTION["SECRET_KEY"])
    assert result.returncode != 0
    assert "ALLOWED_HOSTS is required when DEBUG is off." in result.stderr


def test_production_settings_pass_the_deploy_check_without_warnings():
    result = run_skillbridge(
        "check", "--deploy", "--fail-level", "WARNING", **PRODUCTION, **SHARED_SERVICES
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_seed_demo_refuses_to_run_with_debug_off():
    result = run_skillbridge("seed_demo", **PRODUCTION)
    assert result.returncode != 0
    assert "Refusing to load demo accounts" in result.stderr


DATABASE_SETTINGS = (
    "from django.conf import settings; d = settings.DATABASES['default']; "
    "print(d['CONN_MAX_AGE'], d['CONN_HEALTH_CHECKS'])"
)


def test_database_connections_are_kept_a_minute_and_checked_by_default(monkeypatch):
    monkeypatch.delenv("DATABASE_CONN_MAX_AGE", raising=False)
    result = run_skillbridge("shell", "--no-imports", "-c", DATABASE_SETTINGS, **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["60", "True"]


def test_database_connection_age_comes_from_the_environment_strictly():
    result = run_skillbridge(
        "shell", "--no-imports", "-c", DATABASE_SETTINGS, DATABASE_CONN_MAX_AGE="0"
    )
    assert result.stdout.split() == ["0", "True"]
    result = run_skillbridge("check", DATABASE_CONN_MAX_AGE="a minute")
    assert result.returncode != 0
    assert "DATABASE_CONN_MAX_AGE must be a whole number, not 'a minute'." in result.stderr
