"""One check for list pages: their number of queries does not grow with their rows."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def same_queries(client, url, grow, django_assert_num_queries):
    """Count the queries of `url`, let `grow` add rows, and expect the same count."""
    client.get(url)  # warm the session, the role and the content-type caches
    with CaptureQueriesContext(connection) as before:
        client.get(url)
    expected = len(before.captured_queries)  # read now: the next request empties the log
    grow()
    with django_assert_num_queries(expected):
        response = client.get(url)
    assert response.status_code == 200
    return response
