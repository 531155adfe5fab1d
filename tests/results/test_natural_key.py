"""Indicator codes sort as people read them, whatever an officer types."""

from skillbridge.results.selectors import natural_key


def test_codes_sort_by_their_numbers():
    codes = ["1.10", "1.2", "1.1.1", "1.1", "2"]
    assert sorted(codes, key=natural_key) == ["1.1", "1.1.1", "1.2", "1.10", "2"]


def test_a_superscript_digit_sorts_as_text_instead_of_failing():
    assert sorted(["1.²", "1.2"], key=natural_key) == ["1.2", "1.²"]
