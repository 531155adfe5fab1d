"""Progress against targets and the traffic lights shown next to each indicator.

Progress is how far the actual value has moved from the baseline towards the
target, in percent. Targets are end-of-programme targets, so a period is
judged against the share of the programme's time elapsed at its end (the
*expected* progress); a share indicator (unit percent) is a level to hold,
expected at 100 % of its target from the start.

Lights: green when progress reaches at least 90 % of the expected progress,
amber from 60 %, red below. No light when there is no actual value (hidden
from this reader, or not entered yet).
"""

import datetime
from decimal import Decimal

GREEN_FROM = Decimal("0.9")
AMBER_FROM = Decimal("0.6")
HUNDRED = Decimal(100)


def progress(*, actual: Decimal | None, baseline: Decimal, target: Decimal) -> Decimal | None:
    if actual is None:
        return None
    if target == baseline:
        return HUNDRED if actual >= target else Decimal(0)
    share = (actual - baseline) / (target - baseline) * HUNDRED
    return max(share, Decimal(0)).quantize(Decimal(1))


def expected(*, programme, period_end: datetime.date, unit: str) -> Decimal:
    """The progress expected by `period_end`: the share of the programme's time elapsed."""
    if unit == "percent" or not (programme.starts_on and programme.ends_on):
        return HUNDRED
    length = (programme.ends_on - programme.starts_on).days or 1
    elapsed = (period_end - programme.starts_on).days
    return (HUNDRED * min(max(Decimal(elapsed) / length, Decimal(0)), Decimal(1))).quantize(
        Decimal(1)
    )


def light(*, progress: Decimal | None, expected: Decimal) -> str:
    if progress is None:
        return ""
    if expected == 0 or progress >= expected * GREEN_FROM:
        return "green"
    if progress >= expected * AMBER_FROM:
        return "amber"
    return "red"
