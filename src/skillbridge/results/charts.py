"""Charts as data: bars with their values, drawn as SVG by templates/results/includes/chart.html.

A chart is built from `Shown` values, so a hidden value has no bar and keeps
its marker ("<5" or "x") in the chart and in the table behind it. Geometry
is computed here, in SVG user units, so templates hold no arithmetic.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.text import capfirst

from skillbridge.common import formats
from skillbridge.results.disclosure import Shown

# Each row: the label on its own line, the bar under it, the value after the bar.
# Labels above bars keep the text readable when a phone shrinks the chart.
WIDTH = 320
VALUE_SPACE = 70
BAR_SPACE = WIDTH - VALUE_SPACE
LABEL_HEIGHT = 17
BAR_HEIGHT = 14
ROW_HEIGHT = LABEL_HEIGHT + BAR_HEIGHT + 9


@dataclass
class Bar:
    label: str
    shown: Shown
    y: int = 0
    width: int = 0
    label_y: int = 0
    text_x: int = 0
    text_y: int = 0

    @property
    def text(self) -> str:
        if self.shown.hidden:
            return self.shown.marker
        value = self.shown.value
        return formats.number(value, digits=0 if value == value.to_integral_value() else 1)


@dataclass
class Chart:
    slug: str
    title: str
    unit: str
    bars: list[Bar] = field(default_factory=list)
    height: int = 0
    bar_x: int = 0
    bar_height: int = BAR_HEIGHT
    width: int = WIDTH
    withheld: bool = False  # empty because its groups would name who is in them

    @property
    def is_empty(self) -> bool:
        return not self.bars


def bar_chart(slug: str, title, unit, rows: list[tuple[str, Shown]]) -> Chart:
    """Horizontal bars, one per row, scaled to the largest visible value."""
    largest = max((s.value for _label, s in rows if not s.hidden), default=Decimal(0))
    bars = []
    for index, (label, shown) in enumerate(rows):
        width = 0
        if not shown.hidden and largest > 0:
            width = max(int(BAR_SPACE * shown.value / largest), 1 if shown.value > 0 else 0)
        top = index * ROW_HEIGHT
        y = top + LABEL_HEIGHT
        bars.append(
            Bar(
                label=capfirst(str(label)),
                shown=shown,
                y=y,
                width=width,
                label_y=top + LABEL_HEIGHT - 4,
                text_x=width + 6,
                text_y=y + BAR_HEIGHT - 2,
            )
        )
    return Chart(slug, str(title), str(unit), bars, height=len(rows) * ROW_HEIGHT)
