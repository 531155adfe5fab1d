"""Reading a table row into requests, and a response against the row's answer."""

from functools import cache
from urllib.parse import urlsplit

from django.urls import reverse
from drf_spectacular.generators import SchemaGenerator

from skillbridge.access_matrix import DONE, OBJECTS, ROLES, SIGN_IN
from tests.matrix.findings import xfail_mark

SIGN_IN_PATH = "/accounts/login/"


def cases_of(row) -> list:
    return row if isinstance(row, list) else [row]


def params(table: dict, pytest) -> list:
    """One pytest param per (row, case, role), named for all three, xfail where a finding is."""
    found = []
    for name, row in table.items():
        cases = cases_of(row)
        for case in cases:
            for role in ROLES:
                label = f"{name}[{case.label}]" if len(cases) > 1 else name
                mark = xfail_mark(name, case.label, role)
                found.append(
                    pytest.param(
                        name, case, role, id=f"{label}-{role}", marks=[mark] if mark else []
                    )
                )
    return found


def filled(values: dict, demo) -> dict:
    """A row's URL values (or body) with each object's name replaced by the demo's value."""
    return {key: demo.values[value] if value in OBJECTS else value for key, value in values.items()}


def page_url(name: str, case, demo) -> str:
    return reverse(name, kwargs=filled(case.kwargs, demo))


def to_sign_in(response) -> bool:
    if response.status_code != 302:
        return False
    location = urlsplit(response["Location"])
    return location.path == SIGN_IN_PATH and "next=" in location.query


def answer_of(response) -> int | str:
    """The response in the table's terms, for the failure message."""
    if to_sign_in(response):
        return SIGN_IN
    return response.status_code


def matches(response, expected, done_codes=(200, 302, 400)) -> bool:
    if expected == SIGN_IN:
        return to_sign_in(response)
    if expected == DONE:
        return response.status_code in done_codes and not to_sign_in(response)
    return response.status_code == expected


def describe(response) -> str:
    where = f" to {response['Location']}" if response.has_header("Location") else ""
    return f"{answer_of(response)}{where}"


@cache
def operations() -> dict[str, tuple[str, str]]:
    """Each API operation id in the OpenAPI schema, with its method and path template."""
    schema = SchemaGenerator().get_schema(request=None, public=True)
    return {
        operation["operationId"]: (method, path)
        for path, methods in schema["paths"].items()
        for method, operation in methods.items()
    }
