"""Django's formats for Kinyarwanda, which Django does not ship.

The separators come from CLDR through Babel (common/formats.py), so the
`|date`, `localize` and form inputs agree with the sb_formats filters.
"""

from babel import Locale

_SYMBOLS = Locale.parse("rw").number_symbols["latn"]

DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y, H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d", "%d/%m/%y"]
DATETIME_INPUT_FORMATS = ["%d/%m/%Y %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d"]
DECIMAL_SEPARATOR = _SYMBOLS["decimal"]
THOUSAND_SEPARATOR = _SYMBOLS["group"]
NUMBER_GROUPING = 3
