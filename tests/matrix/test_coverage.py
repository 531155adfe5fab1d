"""The matrix covers the whole site: a URL pattern or API operation without a row fails here."""

from django.urls import URLPattern, URLResolver, get_resolver, resolve

from skillbridge.access_matrix import API, EXCLUDED, OBJECTS, PAGES, ROLES
from tests.matrix.answers import cases_of, operations
from tests.matrix.objects import FINDERS


def url_patterns(resolver=None, prefix="", namespace=""):
    """(route, name) of every URL pattern, namespaced names in full ("calls:call_detail")."""
    for entry in (resolver or get_resolver()).url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            inner = ":".join(n for n in (namespace, entry.namespace) if n)
            yield from url_patterns(entry, route, inner)
        elif isinstance(entry, URLPattern):
            name = f"{namespace}:{entry.name}" if namespace and entry.name else entry.name
            yield route, name


def in_the_matrix() -> list[tuple[str, str]]:
    return [
        (route, name) for route, name in url_patterns() if not route.startswith(tuple(EXCLUDED))
    ]


def api_pattern_names() -> set[str]:
    """The URL patterns behind the schema's operations (their ids made concrete)."""
    return {
        resolve(template.replace("{id}", "1")).view_name
        for _method, template in operations().values()
    }


def test_every_url_pattern_has_a_row():
    by_operation = api_pattern_names()
    missing = [
        f"{name or '(no name)'} at /{route}"
        for route, name in in_the_matrix()
        if name not in PAGES and name not in by_operation
    ]
    assert missing == [], "Add a row to the app's module in skillbridge/access_matrix/ for each"


def test_every_row_names_a_url_pattern_that_exists():
    names = {name for _route, name in in_the_matrix()}
    assert sorted(set(PAGES) - names) == []


def test_every_api_operation_has_a_row_and_every_row_an_operation():
    assert sorted(set(operations()) - set(API)) == [], "Add a row to access_matrix.API"
    assert sorted(set(API) - set(operations())) == []


def test_every_object_a_row_names_is_described_and_found():
    assert set(OBJECTS) == set(FINDERS)


def test_rows_name_only_demo_roles():
    for table in (PAGES, API):
        for name, row in table.items():
            for case in cases_of(row):
                named = {*case.ok, *case.forbidden, *case.codes}
                assert named <= set(ROLES), (name, named - set(ROLES))
