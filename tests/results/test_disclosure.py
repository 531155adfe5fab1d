"""The small-group rule: only disaggregated counts of people are hidden, totals and money
always shown; complementary cells so no hidden cell can be worked out, also between nested
indicators."""

from decimal import Decimal

from skillbridge.results.disclosure import disclose_all
from skillbridge.results.indicators import Cell, Measure

PEOPLE = "professionals_registered"


def measure(total, dimension="sex", **cells):
    return Measure(
        Cell(Decimal(total), total),
        {dimension: {key: Cell(Decimal(n), n, key) for key, n in cells.items()}},
    )


def markers(measure_, name=PEOPLE, dimension="sex", others=None):
    disclosed = disclose_all({name: measure_, **(others or {})})
    total, by = disclosed[name]
    return (total.marker or total.value), {
        key: (shown.marker or shown.value) for key, shown in by[dimension].items()
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


def test_two_small_cells_that_could_only_be_four_each_take_a_third_with_them():
    # 28 - 20 = 8 hidden, and a "<5" is at most 4: both would read as 4.
    assert markers(measure(28, female=4, male=4, undisclosed=20)) == (
        28,
        {"female": "<5", "male": "<5", "undisclosed": "x"},
    )


def test_a_complementary_cell_that_could_only_be_five_takes_another():
    # 26 - 20 = 6 hidden; an "x" is at least 5, so the "<5" could only be 1.
    assert markers(measure(26, female=1, male=5, undisclosed=20)) == (
        26,
        {"female": "<5", "male": "x", "undisclosed": "x"},
    )


def test_zero_is_shown_and_never_used_as_the_complementary_cell():
    assert markers(measure(13, female=3, male=10, undisclosed=0)) == (
        13,
        {"female": "<5", "male": "x", "undisclosed": Decimal(0)},
    )


def test_groups_of_five_or_more_are_shown():
    assert markers(measure(11, female=5, male=6)) == (11, {"female": 5, "male": 6})


def test_a_small_total_is_shown_and_its_cells_are_hidden():
    assert markers(measure(4, female=2, male=2)) == (4, {"female": "<5", "male": "<5"})


def test_a_disaggregation_that_would_name_everyone_is_withheld():
    # Two people, one per category: with the total shown, each "<5" could only be 1.
    assert markers(measure(2, female=1, male=1)) == (2, {})
    # Everyone in one category: the category alone would say it.
    assert markers(measure(3, "country", BE=3), dimension="country") == (3, {})


def test_money_is_never_hidden_whatever_the_number_of_grants_behind_it():
    money = Measure(
        Cell(Decimal(10_700_000), 2),
        {"college": {"IPRC Gishari": Cell(Decimal(10_700_000), 2, "IPRC Gishari")}},
    )
    assert markers(money, "amount_disbursed_rwf", "college") == (
        Decimal(10_700_000),
        {"IPRC Gishari": Decimal(10_700_000)},
    )


def test_a_share_is_never_hidden():
    share = Measure(Cell(Decimal("50.0"), 2), {"college": {"A": Cell(Decimal("50.0"), 2, "A")}})
    assert markers(share, "tranches_paid_on_time", "college") == (
        Decimal("50.0"),
        {"A": Decimal("50.0")},
    )


def test_a_subset_that_differs_from_its_superset_by_a_small_group_is_hidden():
    registered = measure(22, "country", BE=10, DE=12)
    approved = measure(17, "country", BE=8, DE=9)
    # Shown side by side, 10 - 8 would name two registered Belgians not approved.
    assert markers(approved, "professionals_approved", "country", {PEOPLE: registered}) == (
        17,
        {"BE": "x", "DE": "x"},
    )
    assert markers(registered, PEOPLE, "country", {"professionals_approved": approved}) == (
        22,
        {"BE": 10, "DE": 12},
    )


def test_differences_count_across_the_whole_chain_of_subsets():
    registered = measure(70, "country", BE=20, DE=10, NL=40)
    approved = measure(52, "country", BE=19, DE=3, NL=30)  # BE hidden next to DE's "<5"
    deployed = measure(43, "country", BE=18, DE=0, NL=25)
    others = {PEOPLE: registered, "professionals_approved": approved}
    assert markers(approved, "professionals_approved", "country", others)[1] == {
        "BE": "x",
        "DE": "<5",
        "NL": 30,
    }
    # Approved BE is hidden, but registered BE is not: 20 - 18 would still name two people.
    assert markers(deployed, "professionals_deployed", "country", others) == (
        43,
        {"BE": "x", "DE": Decimal(0), "NL": "x"},
    )


def test_a_subset_far_from_its_superset_is_shown():
    registered = measure(40, "country", BE=20, DE=20)
    approved = measure(20, "country", BE=10, DE=10)
    assert markers(approved, "professionals_approved", "country", {PEOPLE: registered}) == (
        20,
        {"BE": 10, "DE": 10},
    )
