"""schemathesis over the whole /api/v1/ schema, as an officer and as an applicant.

Bounded: a few generated cases per operation and person, so it stays well
under three minutes on either database. Every answer must be no server
error, match its documented schema, and carry a documented status code.
"""

import pytest
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis import openapi
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    response_schema_conformance,
    status_code_conformance,
)

from skillbridge.api.services import token_issue
from skillbridge.people.models import User

CHECKS = [not_a_server_error, response_schema_conformance, status_code_conformance]
# The bound: 38 operations x 2 people x 8 cases, the same cases every run
# (derandomized), about a minute on one core.
EXAMPLES_PER_OPERATION = 8


@pytest.fixture
def wsgi_app():
    """The site as a WSGI app that keeps the test's database connection open.

    Like Django's test client: the start and end of a request would otherwise
    close the connection that holds the test's transaction (on PostgreSQL).
    """
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield get_wsgi_application()
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@pytest.mark.django_db(transaction=False)
def test_the_whole_api_answers_as_documented(wsgi_app):
    call_command("seed_demo", force=True)
    schema = openapi.from_wsgi("/api/v1/schema/?format=json", wsgi_app)
    tokens = {
        email: token_issue(user=User.objects.get(email=email))[0]
        for email in ("officer@example.org", "applicant@example.org")
    }
    failures: list[str] = []
    calls: list[str] = []
    operations = [result.ok() for result in schema.get_all_operations()]
    for operation in operations:
        for email, token in tokens.items():
            headers = {"Authorization": f"Bearer {token}"}

            @given(case=operation.as_strategy())
            @settings(
                max_examples=EXAMPLES_PER_OPERATION,
                deadline=None,
                database=None,
                suppress_health_check=list(HealthCheck),
                derandomize=True,
            )
            def run(case):
                calls.append(case.method)
                case.call_and_validate(headers=headers, checks=CHECKS)  # noqa: B023

            try:
                run()
            except BaseException as error:  # every failure is listed below
                if isinstance(error, KeyboardInterrupt):
                    raise
                failures.append(f"{email} {operation.label}: {type(error).__name__}: {error}")
    assert len(operations) > 30
    assert len(calls) > 4 * len(operations)
    assert failures == []
