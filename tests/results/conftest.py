import datetime

import pytest

from skillbridge.results.indicators import Horizon
from tests.results.factories import generate


@pytest.fixture
def data(programme, officer):
    return generate(programme, officer)


@pytest.fixture
def year_end():
    return Horizon(ends_on=datetime.date(2026, 12, 31))
