# The calls cast lives in tests.calls.cast, so the API tests can share it.
from tests.calls.cast import *  # noqa: F403
