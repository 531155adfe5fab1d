"""The small-group rule: primary "<5", complementary "x", small totals hidden."""

from decimal import Decimal

from skillbridge.results.disclosure import disclose
from skillbridge.results.indicators import Cell, Measure


def measure(total, **cells):
    return Measure(
        Cell(Decimal(total), total),
        {"sex": {key: Cell(Decimal(n), n, key) for key, n in cells.items()}},
    )


def markers(measure_, is_count=True):
    total, by = disclose(measure_, is_count=is_count)
    return (total.marker or total.value), {
        key: (shown.marker or shown.value) for key, shown in by["sex"].items()
    }


def test_a_cell_of_fewer_than_five_is_hidden_with_its_smallest_neighbour():
    assert markers(measure(23, female=3, male=12, undisclosed=8)) == (
        23,
        {"female": "<5", "male": 12, "undisclosed": "x"},
    )


def test_two_small_cells_that_add_up_to_less_than_five_take_a_third_with_them():
    assert markers(measure(14, female=1, male=10, undisclosed=3)) == (
        14,
        {"female": "<5", "male": "x", "undisclosed": "<5"},
    )


def test_zero_is_shown_and_never_used_as_the_complementary_cell():
    assert markers(measure(13, female=3, male=10, undisclosed=0)) == (
        13,
        {"female": "<5", "male": "x", "undisclosed": Decimal(0)},
    )


def test_groups_of_five_or_more_are_shown():
    assert markers(measure(11, female=5, male=6)) == (11, {"female": 5, "male": 6})


def test_a_small_count_hides_its_total_and_every_cell():
    assert markers(measure(4, female=2, male=2)) == (4 and "<5", {"female": "<5", "male": "<5"})


def test_the_total_of_an_amount_stays_visible():
    money = Measure(Cell(Decimal(9_000_000), 3), {"sex": {"female": Cell(Decimal(9_000_000), 3)}})
    total, by = disclose(money, is_count=False)
    assert total.value == Decimal(9_000_000)
    assert by["sex"]["female"].marker == "<5"
