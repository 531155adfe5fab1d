"""Trigram indexes for searching people by any part of their name or email address.

The officers' pool search asks `full_name ILIKE '%…%' OR email ILIKE '%…%'` (Django's
icontains, written UPPER(…) LIKE UPPER(…)): no b-tree serves a match inside a name, so
each search read all 50,000 profiles at 100 times the demo (115 ms a page). These GIN
indexes on the same expressions answer it from the trigrams (16 ms for a rare name).

PostgreSQL only: pg_trgm ships with PostgreSQL and is a trusted extension, so the
database's owner may create it (docs/operations.md). SQLite has neither, and scans.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

INDEXES = {
    "people_user_full_name_trgm": "full_name",
    "people_user_email_trgm": "email",
}


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, column in INDEXES.items():
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{name}" ON "people_user" '
            f'USING gin (UPPER("{column}"::text) gin_trgm_ops)'
        )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')


class Migration(migrations.Migration):
    dependencies = [("people", "0002_initial")]

    operations = [
        TrigramExtension(),
        migrations.RunPython(create_indexes, drop_indexes, elidable=False),
    ]
