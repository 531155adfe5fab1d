"""Every API operation, called as every demo role with its token, answers as the matrix says."""

import json
from urllib.parse import urlencode

import pytest
from django.test import Client

from skillbridge.access_matrix import ANONYMOUS, API
from tests.matrix.answers import describe, filled, matches, operations, params

# Past the access checks: read, created, refused input, or refused by the ledger (409).
API_DONE = (200, 201, 400, 409)


@pytest.mark.parametrize(("operation", "case", "role"), params(API, pytest))
def test_each_role_gets_the_answer_the_matrix_gives(operation, case, role, demo, db):
    method, template = operations()[operation]
    assert case.method == method, f"{operation} is a {method.upper()}"
    url = template.format(**filled(case.kwargs, demo))
    if case.query:
        url += "?" + urlencode(filled(case.query, demo))
    headers = {} if role == ANONYMOUS else {"Authorization": f"Bearer {demo.tokens[role]}"}
    response = Client().generic(
        method.upper(),
        url,
        json.dumps(filled(case.body, demo)),
        content_type="application/json",
        headers=headers,
    )
    expected = case.expected(role)
    assert matches(response, expected, done_codes=API_DONE), (
        f"{operation} {method.upper()} {url} as {role}: expected {expected}, "
        f"got {describe(response)}: {response.content[:300]!r}"
    )
