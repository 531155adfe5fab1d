"""The seeded demo for the page-language check: seeded once for this package, rolled back after."""

import io

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client, override_settings

from tests.matrix.objects import complete_the_demo


@pytest.fixture(scope="package")
def seeded_demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The seeded demo, and a cache of its objects' URL values (tests/matrix/objects.py)."""
    overrides = override_settings(
        MEDIA_ROOT=tmp_path_factory.mktemp("media"),
        MFA_EXEMPT_DEMO_ACCOUNTS=True,
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
    )
    with django_db_blocker.unblock(), overrides:
        outer = transaction.atomic()
        outer.__enter__()
        try:
            call_command("seed_demo", force=True, stdout=io.StringIO())
            complete_the_demo()
            yield {}  # object name -> URL value, found when a page first needs it
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture(scope="package")
def signed_in(seeded_demo, django_db_blocker):
    """One client per role the check reads as (anonymous included), kept for the package."""
    clients = {"anonymous": Client()}
    with django_db_blocker.unblock():
        for role in ("applicant", "expert"):
            clients[role] = Client()
            assert clients[role].login(email=f"{role}@example.org", password="skillbridge-demo")
    return clients
