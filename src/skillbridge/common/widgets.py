"""Widgets for every form of the project: the browser's own date and time pickers,
long selects without a template per option, and searchable lists.

An `<input type="date">` accepts only `2027-02-01`, whatever the page's
language. Django's widgets render a value in the active language's format
(`01/02/2027` in French), which the browser throws away: the field shows
empty and the next save wipes the date. These widgets always render ISO 8601.
Django's date and time fields always accept ISO input in every language, so
what they render is also what they parse back.
"""

from collections.abc import Iterator

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
        attrs = self.build_attrs(self.attrs, attrs)
        if self.allow_multiple_selected:
            attrs["multiple"] = True
        # Straight from the choices, joined as plain strings, each value and label
        # escaped: Django's optgroups builds a dictionary per option, and format_html
        # per option was still most of a pool page's time.
        options = "".join(
            _options(self.choices, self.format_value(value), self.allow_multiple_selected)
        )
        return format_html(
            "<select{}>{}</select>",
            flatatt({**attrs, "name": name}),
            mark_safe(options),  # noqa: S308 -- every part escaped in _option
        )


def _options(choices, chosen: list[str], multiple: bool) -> Iterator[str]:
    """Each option, a group's flattened in place; only the first match is selected
    unless the select is multiple, as Django's optgroups does."""
    found = False
    for value, label in choices:
        group = (
            label if isinstance(label, list | tuple) else [("" if value is None else value, label)]
        )
        for option_value, option_label in group:
            selected = (multiple or not found) and str(option_value) in chosen
            found |= selected
            yield _option(option_value, option_label, selected)


def _option(value, label, selected: bool) -> str:
    value = "" if value is None else value
    return (
        f'<option value="{conditional_escape(value)}"{" selected" if selected else ""}>'
        f"{conditional_escape(label)}</option>"
    )
