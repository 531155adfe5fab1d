"""Widgets for every form of the project: the browser's own date and time pickers,
long selects without a template per option, and searchable lists.

An `<input type="date">` accepts only `2027-02-01`, whatever the page's
language. Django's widgets render a value in the active language's format
(`01/02/2027` in French), which the browser throws away: the field shows
empty and the next save wipes the date. These widgets always render ISO 8601.
Django's date and time fields always accept ISO input in every language, so
what they render is also what they parse back.
"""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

DATE_FORMAT = "%Y-%m-%d"
TIME_FORMAT = "%H:%M"
DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


def searchable(label) -> dict:
    """The attributes that give a select or a checkbox list a search box named `label`.

    common/pickers.js adds the box (the page loads it, with common/pickers.css);
    without JavaScript the list is whole. A checkbox list also takes the class
    `pick-list`, so that it scrolls in its own box.
    """
    return {"data-filter": label}


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format=DATE_FORMAT)


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format=TIME_FORMAT)


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format=DATETIME_FORMAT)


class LongSelect(forms.Select):
    """A select of hundreds of options (countries, languages, time zones), built in Python.

    Django renders each option through a template of its own: for 250 countries
    that is most of the time a page takes (a profile form, the officers' pool).
    This writes the same markup, `<select>` and `<option value selected>`, with
    every value and label escaped, without a template per option.
    """

    def render(self, name, value, attrs=None, renderer=None):
        context = self.get_context(name, value, attrs)["widget"]
        # Joined as plain strings, each value and label escaped: format_html per option
        # was still most of a pool page's time.
        options = "".join(
            _option(option)
            for _group, group_options, _index in context["optgroups"]
            for option in group_options
        )
        return format_html(
            "<select{}>{}</select>",
            flatatt({**context["attrs"], "name": context["name"]}),
            mark_safe(options),  # noqa: S308 -- every part escaped in _option
        )


def _option(option: dict) -> str:
    value = "" if option["value"] is None else option["value"]
    selected = " selected" if option["selected"] else ""
    return (
        f'<option value="{conditional_escape(value)}"{selected}>'
        f"{conditional_escape(option['label'])}</option>"
    )
