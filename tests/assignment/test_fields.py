"""Word lists: folded, blanks and repeats dropped, first occurrence kept, in the given order."""

import pytest

from skillbridge.assignment import InstanceError, parse_instance
from skillbridge.assignment.fields import read_words


def test_words_are_folded_and_deduplicated_keeping_the_first_occurrence():
    given = ["  Solar   PV ", "wind", "", "SOLAR pv", "   ", "Hydro", "wind"]
    assert read_words(given, "x") == ("solar pv", "wind", "hydro")
    assert read_words(None, "x") == ()


def test_the_first_word_that_is_not_a_string_is_named():
    with pytest.raises(InstanceError, match=r"^x\[2\]: must be a string$"):
        read_words(["a", "a", 3, None], "x")


def test_synonyms_merge_skills_after_mapping_keeping_the_first_place():
    instance = parse_instance(
        {
            "synonyms": {"PV": "Solar  Power"},
            "projects": [{"id": "P1", "skills": ["pv", "wind", "solar power", "PV"]}],
            "experts": [{"id": "E1", "skills": ["Wind", "wind "]}],
        }
    )
    assert instance.projects[0].skills == ("solar power", "wind")
    assert instance.experts[0].skills == ("wind",)
