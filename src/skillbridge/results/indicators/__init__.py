"""Named, documented queries that compute the programme's indicators.

Each query is a function `(programme, period) -> Measure`, registered under a
stable name that an `Indicator` row stores in `query`. Every query counts
cumulatively, from the start of the programme to the end of the period (the
end date included, in the programme's time zone), because the framework's
targets are end-of-programme targets. `period` is anything with `ends_on`
(a ReportingPeriod, or a `Horizon` for "as of today" on the dashboards).

A `Measure` holds the total and, per disaggregation, one `Cell` per
category. Every cell carries `count`, the number of people or records behind
the value; the donor's view hides the small groups of queries that count
people (see results.disclosure). A query declared `within=` another counts a
subset of its people, which disclosure needs to catch differences.
"""

# Importing a module of queries registers them.
from skillbridge.results.indicators import missions, money, people, pipeline
from skillbridge.results.indicators.base import (
    REGISTRY,
    Cell,
    Horizon,
    Measure,
    Query,
    compute,
    cutoff,
)

__all__ = [
    "REGISTRY",
    "Cell",
    "Horizon",
    "Measure",
    "Query",
    "compute",
    "cutoff",
    "missions",
    "money",
    "people",
    "pipeline",
]
