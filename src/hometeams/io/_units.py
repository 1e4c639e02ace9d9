"""Lengths of time, clock times and weekdays as a planner writes them in a scenario file.

A planner thinks "four weeks, the first one a warm-up", "visits may start up to an hour late",
"the evening starts at 15:00", "Monday to Friday". A scenario file says the same:

- a **length of time** is a number of minutes or a string of a number and a unit --
  ``"4 weeks"``, ``"2 days"``, ``"1.5 hours"``, ``"90 min"`` (Norwegian ``"4 uker"``,
  ``"2 dager"``, ``"1,5 timer"``, ``"90 minutter"`` too; units in lower case); a *point* in
  time (an absence's start) is the length of time since Monday 00:00 of the first week;
- a **clock time** is ``"HH:MM"`` or minutes after midnight;
- **weekdays** are ``"daily"``, ``"weekdays"``, ``"weekend"`` or a list of ``"mon"`` ... ``"sun"``.

Reading is lenient in form and strict in meaning; writing is canonical: the largest unit that
divides a length exactly (``"1 week"``, ``"36 hours"``, ``"90 min"``), ``"HH:MM"`` for whole
minutes, and a weekday shortcut where one fits, so that a file written and read back is equal.

Examples
--------
>>> parse_minutes("4 weeks", field="horizon"), parse_minutes("90 min", field="window")
(40320.0, 90.0)
>>> format_minutes(40320.0), format_minutes(90.0), format_minutes(0.5)
('4 weeks', '90 min', 0.5)
>>> format_clock(1380.0), format_days(frozenset(range(5)))
('23:00', 'weekdays')
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from types import MappingProxyType

from hometeams.errors import InvalidScenario
from hometeams.io._convert import WEEKDAY_NAMES

__all__ = [
    "DURATION_PATTERN",
    "UNITS",
    "format_clock",
    "format_days",
    "format_minutes",
    "parse_minutes",
]

UNITS: Mapping[str, float] = MappingProxyType(
    {
        **dict.fromkeys(("min", "mins", "minute", "minutes", "minutt", "minutter"), 1.0),
        **dict.fromkeys(("h", "hour", "hours", "time", "timer"), 60.0),
        **dict.fromkeys(("d", "day", "days", "dag", "dager", "døgn"), 1440.0),
        **dict.fromkeys(("w", "week", "weeks", "uke", "uker"), 10080.0),
    }
)
"""Units of time a file may use, in minutes (English and Norwegian names)."""

_UNIT_WORDS = "|".join(sorted(UNITS, key=len, reverse=True))
DURATION_PATTERN = rf"^\s*[0-9]+([.,][0-9]+)?\s*({_UNIT_WORDS})\s*$"
"""A regular expression for a length of time written as a string (used by the JSON Schema)."""
_DURATION = re.compile(DURATION_PATTERN)
_NUMBER = re.compile(r"[0-9]+([.,][0-9]+)?")
_CANONICAL = (("week", 10080.0), ("day", 1440.0), ("hour", 60.0))
_SHORTCUTS = {
    frozenset(range(7)): "daily",
    frozenset(range(5)): "weekdays",
    frozenset((5, 6)): "weekend",
}


def parse_minutes(value: object, *, field: str) -> float:
    """Minutes from a number of minutes or a string such as ``"4 weeks"``.

    Numbers pass through as floats (whether they are in range is the field's own rule).

    Raises
    ------
    InvalidScenario
        At ``field``, for anything else.

    Examples
    --------
    >>> parse_minutes(30, field="window"), parse_minutes("2 dager", field="horizon")
    (30.0, 2880.0)
    >>> parse_minutes("four weeks", field="horizon")
    Traceback (most recent call last):
    ...
    hometeams.errors.InvalidScenario: horizon: must be a length of time like "4 weeks", ...
    """
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, str):
        match = _DURATION.match(value)
        if match:
            number = _NUMBER.search(value)
            assert number is not None  # the pattern starts with one
            return float(number[0].replace(",", ".")) * UNITS[match[2]]
    raise InvalidScenario(
        'must be a length of time like "4 weeks", "2 days", "3 hours" or "90 min", or a number '
        f"of minutes, got {value!r}",
        path=field,
    )


def format_minutes(minutes: float) -> str | float:
    """A length of time in its canonical form: the largest unit that divides it exactly.

    Whole minutes that no larger unit divides are ``"N min"``; anything else (fractions of a
    minute, zero, infinity) stays a number.

    Examples
    --------
    >>> format_minutes(10080.0), format_minutes(2160.0), format_minutes(60.0)
    ('1 week', '36 hours', '1 hour')
    >>> format_minutes(0.0), format_minutes(12.25)
    (0.0, 12.25)
    """
    value = float(minutes)
    if not math.isfinite(value) or value <= 0 or value != int(value):
        return value
    for unit, size in _CANONICAL:
        if value % size == 0:
            n = int(value // size)
            return f"{n} {unit}" if n == 1 else f"{n} {unit}s"
    return f"{int(value)} min"


def format_clock(minutes: float) -> str | float:
    """A clock time as ``"HH:MM"``, or the number of minutes if it is not whole.

    Examples
    --------
    >>> format_clock(510.0), format_clock(510.5)
    ('08:30', 510.5)
    """
    value = float(minutes)
    if value != int(value) or not 0 <= value < 1440:
        return value
    hours, mins = divmod(int(value), 60)
    return f"{hours:02d}:{mins:02d}"


def format_days(days: frozenset[int]) -> str | list[str]:
    """Weekdays as a shortcut (``"daily"``, ``"weekdays"``, ``"weekend"``) or a list of names.

    Examples
    --------
    >>> format_days(frozenset({5, 6})), format_days(frozenset({0, 3}))
    ('weekend', ['mon', 'thu'])
    """
    shortcut = _SHORTCUTS.get(frozenset(days))
    if shortcut is not None:
        return shortcut
    return [WEEKDAY_NAMES[day] for day in sorted(days)]
