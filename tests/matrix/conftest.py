"""One seeded demo for the whole matrix, and one signed-in client per demo role.

The demo is seeded once, inside a transaction that is rolled back when the
last matrix test has run, so the rest of the suite never sees it. Each test
runs in its own savepoint within it (pytest-django's `db`), so a POST that
changes something is undone before the next request.
"""

import io
from dataclasses import dataclass
from http.cookies import SimpleCookie

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client, override_settings
from rest_framework.test import APIClient

from skillbridge.access_matrix import ANONYMOUS, API, OBJECTS, PAGES, SIGNED_IN
from tests.matrix.objects import complete_the_demo, resolve

DEMO_PASSWORD = "skillbridge-demo"


def email_of(role: str) -> str:
    return f"{role}@example.org"


@dataclass
class Demo:
    values: dict  # object name -> the value its URL takes
    sessions: dict  # role -> session cookie
    tokens: dict  # role -> API token


def _sign_in(role: str) -> str:
    client = Client()
    assert client.login(email=email_of(role), password=DEMO_PASSWORD), role
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def _api_token(role: str) -> str:
    response = APIClient().post(
        "/api/v1/auth/token/",
        {"email": email_of(role), "password": DEMO_PASSWORD},
        format="json",
    )
    assert response.status_code == 200, (role, response.content)
    return response.json()["token"]


def _named_objects() -> set[str]:
    names = set()
    for table in (PAGES, API):
        for cases in table.values():
            for case in cases if isinstance(cases, list) else [cases]:
                names.update(
                    v for v in [*case.kwargs.values(), *case.body.values()] if v in OBJECTS
                )
    return names


def _seeded() -> Demo:
    call_command("seed_demo", force=True, stdout=io.StringIO())
    complete_the_demo()
    tokens = {role: _api_token(role) for role in SIGNED_IN}  # "applicant_token" names one
    demo = Demo(
        values=resolve(_named_objects()),
        sessions={role: _sign_in(role) for role in SIGNED_IN},
        tokens=tokens,
    )
    # PostgreSQL checks deferred foreign keys when each test's teardown asks it to: checked
    # once here, the seed's rows are not checked again after every request.
    connection.check_constraints()
    return demo


@pytest.fixture(scope="package")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    overrides = override_settings(
        MEDIA_ROOT=tmp_path_factory.mktemp("media"),
        # Staff roles need a second factor, except the demo's addresses where this allows.
        MFA_EXEMPT_DEMO_ACCOUNTS=True,
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
    )
    with django_db_blocker.unblock(), overrides:
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield _seeded()
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture(scope="package")
def clients():
    """One test client per role, reused (its cookies are reset before each request)."""
    return {role: Client() for role in [ANONYMOUS, *SIGNED_IN]}


@pytest.fixture
def client_as(demo, clients, db):
    def client_as(role: str) -> Client:
        client = clients[role]
        client.cookies = SimpleCookie()
        if role != ANONYMOUS:
            client.cookies[settings.SESSION_COOKIE_NAME] = demo.sessions[role]
        return client

    return client_as
