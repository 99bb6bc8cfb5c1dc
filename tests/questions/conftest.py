import pytest

from .simulation import Clock, frozen


@pytest.fixture
def clock():
    """A clock the test moves; every `timezone.now()` in the app reads it."""
    with frozen(Clock()) as clock:
        yield clock
