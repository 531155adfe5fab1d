"""Dates, numbers and amounts in the reader's language: {% load sb_formats %}.

{{ call.budget|money }}              RF 2.350.000 / 2 350 000 RWF / RWF 2,350,000
{{ line.amount|money:"EUR" }}        € 1.234,50 / 1 234,50 € / €1,234.50
{{ count|number }}                   2 350 000
{{ call.closes_at|longdate }}        28 Ukuboza 2026
{{ call.closes_at|shortdate }}       28/12/2026
{{ call.closes_at|longdatetime }}    28 Ukuboza 2026, 17:00
{{ call.closes_at|count_left }}      iminsi 28 n'amasaha 4 (through ngettext)
{% countdown_forms %}                data attributes for the ticking countdown
"""

from django import template
from django.utils.html import format_html

from skillbridge.common import formats

register = template.Library()


@register.filter
def money(amount, currency="RWF"):
    return formats.money(amount, currency)


@register.filter
def number(value, digits=None):
    return formats.number(value, digits=None if digits in (None, "") else int(digits))


@register.filter
def longdate(value):
    return formats.date(value, "long")


@register.filter
def shortdate(value):
    return formats.date(value, "short")


@register.filter
def longdatetime(value):
    return formats.date_time(value, "long")


@register.filter
def count_left(value):
    return formats.count_left(value) if value else ""


@register.filter
def duration(value):
    return formats.duration(value) if value else ""


@register.simple_tag
def countdown_forms():
    """The words a countdown needs, as data attributes: each unit's singular and
    plural (common/static/common/countdown.js picks one with Intl.PluralRules) and
    the phrases that join them, with __N__, __A__ and __B__ where the numbers go."""
    marker = "__N__"
    attributes = {
        "day-one": formats.days(1, marker),
        "day-other": formats.days(2, marker),
        "hour-one": formats.hours(1, marker),
        "hour-other": formats.hours(2, marker),
        "minute-one": formats.minutes(1, marker),
        "minute-other": formats.minutes(2, marker),
        "both": formats.both("__A__", "__B__"),
        "left": formats.left("__A__"),
    }
    return format_html(" ".join(f'data-{name}="{{}}"' for name in attributes), *attributes.values())
