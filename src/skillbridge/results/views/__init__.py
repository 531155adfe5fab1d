from skillbridge.results.views.framework import framework, indicator_form, statement_form
from skillbridge.results.views.pages import dashboard, home
from skillbridge.results.views.periods import (
    period_close,
    period_detail,
    period_narrative,
    period_report,
    period_value,
    periods,
)
from skillbridge.results.views.public import impact, stories, story

__all__ = [
    "dashboard",
    "framework",
    "home",
    "impact",
    "indicator_form",
    "period_close",
    "period_detail",
    "period_narrative",
    "period_report",
    "period_value",
    "periods",
    "statement_form",
    "stories",
    "story",
]
