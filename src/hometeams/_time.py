"""Simulation time: minutes since Monday 00:00 of week 1, and the periods of the day.

A home-care evening shift that starts on the first Tuesday at 15:00 starts at minute
``1 * 1440 + 15 * 60 = 2340``. Periods default to day 07:00-15:00, evening 15:00-23:00 and night
23:00-07:00, and are configurable with :class:`PeriodClock`.

Examples
--------
>>> clock = PeriodClock()
>>> clock.period(2340.0), day_of(2340.0), weekday_of(2340.0), is_weekend(5 * 1440.0)
(<Period.EVENING: 'evening'>, 1, 1, True)
>>> clock.period(6 * 60.0)          # 06:00 belongs to the night that began at 23:00
<Period.NIGHT: 'night'>
"""

from __future__ import annotations

import enum
import math

import attrs

from hometeams._types import Minutes
from hometeams.errors import InvalidScenario

__all__ = [
    "DAY",
    "HOUR",
    "WEEK",
    "Period",
    "PeriodClock",
    "clock_time",
    "day_of",
    "is_weekend",
    "weekday_of",
]

HOUR: Minutes = 60.0
DAY: Minutes = 1440.0
WEEK: Minutes = 7 * DAY


class Period(enum.Enum):
    """A part of the day. Default clock times: day 07-15, evening 15-23, night 23-07.

    Public as :class:`hometeams.model.Period`: teams and staffing floors work in periods.
    """

    DAY = "day"
    EVENING = "evening"
    NIGHT = "night"


def day_of(t: Minutes) -> int:
    """Day index (0 = Monday of week 1) of time ``t``."""
    return math.floor(t / DAY)


def weekday_of(t: Minutes) -> int:
    """Weekday of time ``t``: Monday = 0 ... Sunday = 6."""
    return day_of(t) % 7


def is_weekend(t: Minutes) -> bool:
    """Whether ``t`` falls on a Saturday or Sunday."""
    return weekday_of(t) >= 5


def clock_time(t: Minutes) -> Minutes:
    """Minutes since midnight of time ``t``."""
    return t - day_of(t) * DAY


@attrs.frozen
class PeriodClock:
    """Where the day, evening and night begin, in minutes after midnight.

    The night wraps past midnight: it runs from ``night`` to ``day`` the next morning.

    Parameters
    ----------
    day, evening, night
        Start of each period, minutes after midnight; ``day < evening < night``.

    Examples
    --------
    >>> PeriodClock(day=8 * 60, evening=16 * 60, night=22 * 60).period(7 * 60 + 30)
    <Period.NIGHT: 'night'>
    """

    day: Minutes = attrs.field(default=7 * HOUR, kw_only=True)
    evening: Minutes = attrs.field(default=15 * HOUR, kw_only=True)
    night: Minutes = attrs.field(default=23 * HOUR, kw_only=True)

    def __attrs_post_init__(self) -> None:
        if not 0 <= self.day < self.evening < self.night <= DAY:
            raise InvalidScenario(
                "must satisfy 0 <= day < evening < night <= 1440 minutes, got "
                f"day={self.day!r}, evening={self.evening!r}, night={self.night!r}"
            )

    def period(self, t: Minutes) -> Period:
        """The period that time ``t`` falls in."""
        c = clock_time(t)
        if self.day <= c < self.evening:
            return Period.DAY
        if self.evening <= c < self.night:
            return Period.EVENING
        return Period.NIGHT

    def start(self, period: Period | str) -> Minutes:
        """Start of ``period`` in minutes after midnight."""
        p = Period(period)
        return {Period.DAY: self.day, Period.EVENING: self.evening, Period.NIGHT: self.night}[p]
