"""`skillbridge bench_targets` gives staff a second factor: only on the bench's own databases."""

import pytest
from django.core.management import CommandError, call_command


def test_it_refuses_any_database_but_the_benchs_own(db):
    with pytest.raises(CommandError, match="bench's own databases"):
        call_command("bench_targets")
