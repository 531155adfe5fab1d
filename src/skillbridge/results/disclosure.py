"""Small-group suppression for everything a donor or the public sees.

The rule (DESIGN §2 and §5: donors see aggregates only, nobody can be
re-identified):

1. A category cell of any disaggregation with 1 to 4 people or records behind
   it is hidden and shown as "<5" (primary suppression). Zero is shown: it
   names nobody.
2. Complementary suppression, per disaggregation: while the hidden cells of a
   disaggregation are exactly one, or add up to fewer than 5, the smallest
   visible non-zero cell is hidden as well (shown as "x"), so a hidden value
   can never be worked out as the total minus the visible cells.
3. The total of an indicator that counts (people, proposals, pairings …) is
   hidden as "<5" when it is 1 to 4, and then every cell of it is hidden too:
   otherwise two hidden cells under a total of 2 would each be 1. Totals of
   amounts, days and shares are shown: their `count` is never shown, so no
   cell can be worked out from them.

Officers see the unsuppressed values; every donor page, export, the public
page and the donor's API answers go through `disclose()`.
"""

from dataclasses import dataclass
from decimal import Decimal

from skillbridge.results.indicators import Cell, Measure

THRESHOLD = 5
SMALL = "<5"
COMPLEMENTARY = "x"


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


def _small(cell: Cell) -> bool:
    return cell.count is not None and 0 < cell.count < THRESHOLD


def _dimension(cells: dict[str, Cell]) -> dict[str, Shown]:
    hidden = {key for key, cell in cells.items() if _small(cell)}
    if hidden:
        while len(hidden) == 1 or sum(cells[key].count for key in hidden) < THRESHOLD:
            visible = [
                (cell.count, key) for key, cell in cells.items() if key not in hidden and cell.count
            ]
            if not visible:
                break
            hidden.add(min(visible)[1])
    return {
        key: (
            Shown(None, cell.label, SMALL if _small(cell) else COMPLEMENTARY)
            if key in hidden
            else Shown(cell.value, cell.label)
        )
        for key, cell in cells.items()
    }


def disclose(measure: Measure, *, is_count: bool) -> tuple[Shown, dict[str, dict[str, Shown]]]:
    """The total and the cells of `measure` with small groups hidden (see the module rule)."""
    if is_count and _small(measure.total):
        total = Shown(None, measure.total.label, SMALL)
        by = {
            dimension: {
                key: Shown(None, cell.label, SMALL if _small(cell) else COMPLEMENTARY)
                for key, cell in cells.items()
            }
            for dimension, cells in measure.by.items()
        }
        return total, by
    total = Shown(measure.total.value, measure.total.label)
    return total, {dimension: _dimension(cells) for dimension, cells in measure.by.items()}


def reveal(measure: Measure) -> tuple[Shown, dict[str, dict[str, Shown]]]:
    """The same shape, nothing hidden: what officers see."""

    def shown(cell: Cell) -> Shown:
        return Shown(cell.value, cell.label, count=cell.count)

    return shown(measure.total), {
        dimension: {key: shown(cell) for key, cell in cells.items()}
        for dimension, cells in measure.by.items()
    }
