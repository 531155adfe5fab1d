"""Markers shared across the suite."""

import pytest
from django.db import connection

# Row locks under concurrent transactions, and several processes on one database, need
# PostgreSQL: SQLite serialises writers. CI's second pass runs on PostgreSQL, where these run.
needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Needs PostgreSQL (row locks, or several processes on one database); "
    "CI's PostgreSQL pass runs it.",
)
