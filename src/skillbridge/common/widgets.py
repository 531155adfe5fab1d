"""The browser's own date and time pickers, for every form of the project.

An `<input type="date">` accepts only `2027-02-01`, whatever the page's
language. Django's widgets render a value in the active language's format
(`01/02/2027` in French), which the browser throws away: the field shows
empty and the next save wipes the date. These widgets always render ISO 8601.
Django's date and time fields always accept ISO input in every language, so
what they render is also what they parse back.
"""

from django import forms

DATE_FORMAT = "%Y-%m-%d"
TIME_FORMAT = "%H:%M"
DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


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
