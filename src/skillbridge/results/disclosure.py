"""Small-group suppression for everything a donor or the public sees.

The rule (DESIGN §2 and §5: donors see aggregates only, nobody can be
re-identified) hides only what could single out people: the cells of a
disaggregated count of people (or of records that each stand for a person or
a team: proposals, pairings, missions). Money, shares, person-days and every
total are always shown: a total names no group, and the programme's headline
figures must be true.

1. Primary suppression. A cell with 1 to 4 people behind it is hidden and
   shown as "<5". Zero is shown: it names nobody.
2. Complementary suppression, per disaggregation. The total and the visible
   cells are public, so a reader knows the sum of the hidden cells and that
   each "<5" lies between 1 and 4 and each "x" holds at least 5. While that
   lets a hidden cell be worked out exactly, or the hidden cells together
   hold fewer than five people, the smallest visible non-zero cell is hidden
   as well, shown as "x".
3. Differences between indicators. When one indicator counts a subset of the
   people of another (approved professionals among the registered ones,
   declared with `within=` on the query), a category shown in both whose
   difference is 1 to 4 would single out that small group: the subset's cell
   is hidden ("x"), and rule 2 runs again on its disaggregation.

4. A disaggregation that no hiding can protect while its total is shown (all
   the people in one category, or one person in each) is withheld: it shows
   no category at all, since naming the categories would tell their counts.

Officers see the unsuppressed values; every donor page, export, the public
page and the donor's API answers go through `disclose_all()`, always over the
whole chain of nested indicators, so a query's cells are hidden the same way
on every page that shows them.
"""

from dataclasses import dataclass
from decimal import Decimal

from skillbridge.results.indicators import REGISTRY, Cell, Measure

THRESHOLD = 5
SMALL = "<5"
COMPLEMENTARY = "x"
PEOPLE_UNITS = ("count", "people")


@dataclass
class Shown:
    """A value as one reader may see it: `value` is None when it is hidden."""

    value: Decimal | None
    label: str = ""
    marker: str = ""  # "", SMALL or COMPLEMENTARY
    count: int | None = None

    @property
    def hidden(self) -> bool:
        return self.value is None


Disclosed = tuple[Shown, dict[str, dict[str, Shown]]]


def counts_people(name: str) -> bool:
    return REGISTRY[name].unit in PEOPLE_UNITS


def ancestors(name: str) -> list[str]:
    """The queries whose people include those of `name`, nearest first."""
    found = []
    parent = REGISTRY[name].within
    while parent:
        found.append(parent)
        parent = REGISTRY[parent].within
    return found


def _n(cell: Cell) -> int:
    return cell.count or 0


def _small(cell: Cell) -> bool:
    return 0 < _n(cell) < THRESHOLD


def _pinned(cells: dict[str, Cell], hidden: set[str]) -> bool:
    """Whether a reader can work out some hidden cell exactly from the total and the rest.

    The hidden cells add up to the total minus the visible ones. A reader
    knows a "<5" lies in [1, 4], and that an "x" is not small (it would read
    "<5"), so at least 5. A cell is pinned when those bounds leave it one
    possible value.
    """
    rest = sum(_n(cells[key]) for key in hidden)
    bounds = {
        key: (1, THRESHOLD - 1) if _small(cells[key]) else (THRESHOLD, max(rest, THRESHOLD))
        for key in hidden
    }
    low_sum = sum(low for low, _high in bounds.values())
    high_sum = sum(high for _low, high in bounds.values())
    for low, high in bounds.values():
        least = max(low, rest - (high_sum - high))
        most = min(high, rest - (low_sum - low))
        if most <= least:
            return True
    return False


def protect(cells: dict[str, Cell], hidden: set[str]) -> set[str] | None:
    """`hidden` grown by complementary cells until no hidden cell can be worked out (rule 2).

    Zero is never hidden (it names nobody, and an "x" would read as at least
    5 anyway). None when nothing can protect it: the disaggregation is
    withheld (rule 4).
    """
    hidden = set(hidden)
    while hidden:
        weak = _pinned(cells, hidden)
        if not weak and sum(_n(cells[key]) for key in hidden) >= THRESHOLD:
            break
        candidates = [(_n(c), key) for key, c in cells.items() if key not in hidden and _n(c)]
        if not candidates:
            return None if weak else hidden
        hidden.add(min(candidates)[1])
    return hidden


def _hidden_cells(measure: Measure) -> dict[str, set[str] | None]:
    return {
        dimension: protect(cells, {key for key, cell in cells.items() if _small(cell)})
        for dimension, cells in measure.by.items()
    }


def _hide_differences(
    name: str,
    parent: str,
    measures: dict[str, Measure],
    hidden: dict[str, dict[str, set[str] | None]],
) -> bool:
    """Rule 3 between `name` and one query whose people include its own; whether it hid a cell."""
    changed = False
    for dimension, cells in measures[name].by.items():
        outer = measures[parent].by.get(dimension, {})
        mine, theirs = hidden[name][dimension], hidden[parent].get(dimension)
        if mine is None or theirs is None:
            continue  # withheld: no cell of it is shown
        for key, cell in cells.items():
            if key in mine or key in theirs or key not in outer:
                continue
            if 0 < _n(outer[key]) - _n(cell) < THRESHOLD:
                mine = hidden[name][dimension] = protect(cells, mine | {key})
                changed = True
                if mine is None:
                    break
    return changed


def _apply_differences(
    measures: dict[str, Measure], hidden: dict[str, dict[str, set[str] | None]]
) -> None:
    """Rule 3: hide a subset's cell whose difference from its superset's cell is small.

    A cell hidden for one pair changes what another pair shows: repeat until nothing more
    is hidden.
    """
    changed = True
    while changed:
        changed = False
        for name in measures:
            if name not in hidden:
                continue
            for parent in ancestors(name):
                if parent in measures and parent in hidden:
                    changed |= _hide_differences(name, parent, measures, hidden)


def _shown(cell: Cell, hidden: bool) -> Shown:
    if hidden:
        return Shown(None, cell.label, SMALL if _small(cell) else COMPLEMENTARY)
    return Shown(cell.value, cell.label)


def disclose_all(measures: dict[str, Measure]) -> dict[str, Disclosed]:
    """Each named measure with its small groups of people hidden (see the module rule).

    `measures` maps query names to measures taken at the same moment; it must
    hold the ancestors (see `ancestors`) of every name in it, so that a
    difference with any of them is caught.
    """
    hidden = {name: _hidden_cells(m) for name, m in measures.items() if counts_people(name)}
    _apply_differences(measures, hidden)
    disclosed = {}
    for name, measure in measures.items():
        masked = hidden.get(name, {})
        by = {}
        for dimension, cells in measure.by.items():
            hide = masked.get(dimension, set())
            by[dimension] = (
                {}
                if hide is None
                else {key: _shown(cell, key in hide) for key, cell in cells.items()}
            )
        disclosed[name] = (Shown(measure.total.value, measure.total.label), by)
    return disclosed


def reveal(measure: Measure) -> Disclosed:
    """The same shape, nothing hidden: what officers see."""

    def shown(cell: Cell) -> Shown:
        return Shown(cell.value, cell.label, count=cell.count)

    return shown(measure.total), {
        dimension: {key: shown(cell) for key, cell in cells.items()}
        for dimension, cells in measure.by.items()
    }
