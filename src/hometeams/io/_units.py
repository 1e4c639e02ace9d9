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

Each way of writing a field is a :class:`~hometeams.io._codec.Form` here -- :data:`MINUTES`,
:data:`CLOCK`, :data:`DAYS`, :data:`TIMES` and the rest -- with its reading hook, its writer and
its JSON Schema side by side; :mod:`hometeams.io._layout` says which field takes which.

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
from collections.abc import Callable, Mapping
from types import MappingProxyType

from hometeams._parse import clock_minutes
from hometeams.errors import InvalidScenario
from hometeams.io._codec import Form, Schema, passthrough
from hometeams.io._convert import WEEKDAY_NAMES
from hometeams.model import Period

__all__ = [
    "CLOCK",
    "CLOCK_VALUE",
    "DAYS",
    "DURATION_PATTERN",
    "MEANS",
    "MINUTES",
    "MINUTES_SCHEMA",
    "NUMBER",
    "PERIOD",
    "PROFILE",
    "TIMES",
    "UNITS",
    "UNIT_SCHEMAS",
    "WEEKS",
    "format_clock",
    "format_days",
    "format_minutes",
    "number_data",
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


def number_data(value: float) -> float | int:
    """A number as a file writes it: a whole number as an int (``[0, 0, 1, 2]``, not ``0.0``).

    Examples
    --------
    >>> number_data(2.0), number_data(2.5)
    (2, 2.5)
    """
    return int(value) if float(value).is_integer() and abs(value) < 2**53 else float(value)


# -- reading hooks and writers ----------------------------------------------------------------


def _minutes(value: object, _: object) -> float:
    return parse_minutes(value, field="")


def _clock(value: object, _: object) -> float:
    return clock_minutes(value, field="")


def _number(value: object, _: object) -> float:
    """A number kept as written (``-5`` stays ``-5``), so a refusal quotes the planner's value."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        shown = f"the string {value!r}" if isinstance(value, str) else repr(value)
        raise InvalidScenario(f"must be a number, got {shown}")
    return value


def _times(values: tuple[float, ...]) -> list[str | float]:
    return [format_clock(v) for v in values]


def _weeks(value: frozenset[int] | None) -> list[int] | None:
    return None if value is None else sorted(value)


def _profile(values: tuple[float, ...] | None) -> list[float | int] | None:
    return None if values is None else [number_data(v) for v in values]


def _means(values: tuple[float, ...]) -> object:
    return values[0] if len(set(values)) == 1 else _profile(values)


def _period(value: Period) -> str:
    return value.value


# -- JSON Schema fragments ------------------------------------------------------------------

_DURATION_STRING = {"type": "string", "pattern": DURATION_PATTERN}
MINUTES_SCHEMA: Schema = {
    "description": 'A length of time: minutes, or a string like "4 weeks", "2 days", '
    '"3 hours", "90 min".',
    "anyOf": [{"type": "number", "minimum": 0}, _DURATION_STRING],
}
"""The schema of a length of time (``#/$defs/minutes``)."""
_CLOCK_SCHEMA: Schema = {
    "description": 'A clock time "HH:MM", or minutes after midnight.',
    "anyOf": [
        {"type": "string", "pattern": r"^\s*([01]?[0-9]|2[0-3]):[0-5][0-9]\s*$"},
        {"type": "number", "minimum": 0, "exclusiveMaximum": 1440},
    ],
}
_DAY = {
    "anyOf": [
        {"enum": list(WEEKDAY_NAMES)},
        {"type": "integer", "minimum": 0, "maximum": 6},
    ]
}
_DAYS_SCHEMA: Schema = {
    "description": 'Weekdays: "daily", "weekdays", "weekend", a day "mon" ... "sun", or a list '
    "of days (0 = Monday ... 6 = Sunday).",
    "anyOf": [
        {"enum": ["daily", "weekdays", "weekend", *WEEKDAY_NAMES]},
        {"type": "integer", "minimum": 0, "maximum": 6},
        {"type": "array", "items": _DAY, "minItems": 1},
    ],
}
_TIMES_SCHEMA: Schema = {
    "description": 'Planned start(s): a clock time "HH:MM" or a list of them.',
    "anyOf": [_CLOCK_SCHEMA, {"type": "array", "items": _CLOCK_SCHEMA, "minItems": 1}],
}
_WEEKS_SCHEMA: Schema = {
    "description": "Weeks of the roster's cycle (0-based) the line applies to; every week if "
    "left out.",
    "anyOf": [
        {"type": "integer", "minimum": 0},
        {"type": "array", "items": {"type": "integer", "minimum": 0}, "minItems": 1},
    ],
}
_MEANS_SCHEMA: Schema = {
    "description": "Mean discharges per day: one number, or 7 (Monday first).",
    "anyOf": [
        {"type": "number", "minimum": 0},
        {
            "type": "array",
            "items": {"type": "number", "minimum": 0},
            "minItems": 7,
            "maxItems": 7,
        },
    ],
}

UNIT_SCHEMAS: Mapping[str, Callable[[], Schema]] = MappingProxyType(
    {
        "minutes": lambda: MINUTES_SCHEMA,
        "clock": lambda: _CLOCK_SCHEMA,
        "days": lambda: _DAYS_SCHEMA,
        "times": lambda: _TIMES_SCHEMA,
    }
)
"""The schemas of units that many fields refer to (``#/$defs/minutes``), by name."""

# -- the forms ----------------------------------------------------------------------------------

MINUTES = Form(read=_minutes, write=format_minutes, schema={"$ref": "#/$defs/minutes"})
"""A length of time: minutes or ``"4 weeks"``."""
CLOCK = Form(read=passthrough, write=format_clock, schema={"$ref": "#/$defs/clock"})
"""A clock time, read by the class's own converter."""
CLOCK_VALUE = Form(read=_clock, write=format_clock, schema={"$ref": "#/$defs/clock"})
"""A clock time, read here (for classes without a converter of their own)."""
DAYS = Form(read=passthrough, write=format_days, schema={"$ref": "#/$defs/days"})
"""Weekdays: a shortcut, a day or a list of days."""
TIMES = Form(read=passthrough, write=_times, schema={"$ref": "#/$defs/times"})
"""Planned start times."""
NUMBER = Form(read=_number, schema={"type": "number"})
"""A number, kept as written so that a refusal quotes it."""
WEEKS = Form(read=passthrough, write=_weeks, schema=_WEEKS_SCHEMA)
"""Weeks of a roster's cycle."""
MEANS = Form(read=passthrough, write=_means, schema=_MEANS_SCHEMA)
"""Mean discharges per day: one number or seven."""
PERIOD = Form(read=passthrough, write=_period, schema={"enum": [p.value for p in Period]})
"""A period of the day."""
PROFILE = Form(write=_profile)
"""Weights by hour, weekday or zone, read by type and written with whole numbers as ints."""
