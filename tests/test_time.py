"""Tests of simulation time and the period clock."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hometeams._time import DAY, HOUR, WEEK, PeriodClock, clock_time, day_of, is_weekend, weekday_of
from hometeams.errors import InvalidScenario
from hometeams.model import Period


def test_hand_computed_times() -> None:
    """Tuesday 15:00 of week 1 is minute 2340; Sunday of week 2 is a weekend day."""
    assert day_of(2340.0) == 1
    assert weekday_of(2340.0) == 1
    assert clock_time(2340.0) == 15 * HOUR
    assert is_weekend(WEEK + 6 * DAY + 1.0)
    assert not is_weekend(WEEK + 4 * DAY)


@pytest.mark.parametrize(
    ("hour", "period"),
    [
        (7, Period.DAY),
        (14.99, Period.DAY),
        (15, Period.EVENING),
        (22.5, Period.EVENING),
        (23, Period.NIGHT),
        (0, Period.NIGHT),
        (6.99, Period.NIGHT),
    ],
)
def test_default_periods(hour: float, period: Period) -> None:
    """Day 07-15, evening 15-23, night 23-07 by default, start inclusive."""
    assert PeriodClock().period(3 * DAY + hour * HOUR) is period


@given(st.floats(min_value=0, max_value=52 * WEEK, allow_nan=False))
def test_every_minute_has_exactly_one_period(t: float) -> None:
    """Each moment falls in one period, consistent with the period start times."""
    clock = PeriodClock()
    period = clock.period(t)
    c = clock_time(t)
    inside = {
        Period.DAY: clock.day <= c < clock.evening,
        Period.EVENING: clock.evening <= c < clock.night,
        Period.NIGHT: c >= clock.night or c < clock.day,
    }
    assert [p for p, ok in inside.items() if ok] == [period]


def test_clock_must_be_ordered() -> None:
    """A clock whose evening starts before its day is refused."""
    with pytest.raises(InvalidScenario, match="day < evening < night"):
        PeriodClock(day=16 * HOUR, evening=15 * HOUR)
    assert PeriodClock().start("evening") == 15 * HOUR
