"""The labels of a list page's choices, translated once per page."""

from types import SimpleNamespace

from django.utils import translation

from skillbridge.common.choices import Sex, with_labels


def test_each_row_gets_its_label_in_the_active_language_and_an_unknown_value_itself():
    rows = [
        SimpleNamespace(sex="female"),
        SimpleNamespace(sex="other"),
        SimpleNamespace(sex="male"),
    ]
    with translation.override("fr"):
        labelled = with_labels(iter(rows), sex=Sex.choices)
    assert [row.sex_label for row in labelled] == ["femme", "other", "homme"]
