"""Every URL pattern, requested as every demo role, answers as the access matrix says."""

import pytest

from skillbridge.access_matrix import PAGES
from tests.matrix.answers import describe, matches, page_url, params


@pytest.mark.parametrize(("name", "case", "role"), params(PAGES, pytest))
def test_each_role_gets_the_answer_the_matrix_gives(name, case, role, demo, client_as):
    url = page_url(name, case, demo)
    response = getattr(client_as(role), case.method)(url)
    expected = case.expected(role)
    assert matches(response, expected), (
        f"{name} {case.method.upper()} {url} as {role}: "
        f"expected {expected}, got {describe(response)}"
    )
