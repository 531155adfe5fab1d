"""The API's router: detail routes take only a numeric id.

DRF's default route matches any text as the id, so `/api/v1/reviews/abc/`
reached the views, and a lookup written by hand (a selector called with the
raw id) failed with a ValueError: a 500. Matching digits only answers 404
before any view runs, for every viewset registered here, and the length limit
keeps the id inside a 64-bit primary key.
"""

from rest_framework.routers import SimpleRouter

from skillbridge.common.bounds import ID_PATTERN


class IdRouter(SimpleRouter):
    def get_lookup_regex(self, viewset, lookup_prefix=""):
        lookup_field = getattr(viewset, "lookup_field", "pk")
        lookup_url_kwarg = getattr(viewset, "lookup_url_kwarg", None) or lookup_field
        value = getattr(viewset, "lookup_value_regex", ID_PATTERN)
        return f"(?P<{lookup_prefix}{lookup_url_kwarg}>{value})"
