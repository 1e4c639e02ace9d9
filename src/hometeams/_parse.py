"""Readers for the small values a planner writes: clock times, weekdays, ids and numbers.

A planner writes ``"08:30"`` for half past eight and ``"weekdays"`` for Monday to Friday; these
helpers turn such values into minutes after midnight and sets of weekday numbers (Monday = 0),
and raise :class:`~hometeams.errors.InvalidScenario` naming the field when a value makes no
sense. They are shared by the roster and the demand descriptions.
"""

from __future__ import annotations

import math
import numbers
import re
from collections.abc import Iterable, Mapping
from types import MappingProxyType

from hometeams._checks import check_id
from hometeams._time import DAY
from hometeams.errors import InvalidScenario

__all__ = [
    "DAY_NAMES",
    "check_count",
    "check_id",
    "check_nonnegative",
    "check_positive",
    "check_probability",
    "clock_minutes",
    "id_set",
    "weekdays",
]

DAY_NAMES: Mapping[str, int] = MappingProxyType(
    {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
)
"""Three-letter English weekday names and their numbers (Monday = 0)."""

_SHORTCUTS: Mapping[str, frozenset[int]] = MappingProxyType(
    {
        "daily": frozenset(range(7)),
        "weekdays": frozenset(range(5)),
        "weekend": frozenset((5, 6)),
    }
)
_CLOCK = re.compile(r"^(\d{1,2}):(\d{2})$")


def _number(value: object) -> float | None:
    """``value`` as a float if it is a real number (not a bool), else ``None``."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        return None
    return float(value)


def _integer(value: object) -> int | None:
    """``value`` as an int if it is an integer (not a bool), else ``None``."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        return None
    return int(value)


def clock_minutes(value: object, *, field: str) -> float:
    """Minutes after midnight of ``"HH:MM"`` or a number of minutes in ``[0, 1440)``.

    Examples
    --------
    >>> clock_minutes("08:30", field="time"), clock_minutes(510, field="time")
    (510.0, 510.0)
    >>> clock_minutes("25:00", field="time")
    Traceback (most recent call last):
    ...
    hometeams.errors.InvalidScenario: time: must be a clock time 'HH:MM' from 00:00 to 23:59 ...
    """
    if isinstance(value, str):
        match = _CLOCK.match(value.strip())
        if match:
            hours, minutes = int(match[1]), int(match[2])
            if hours < 24 and minutes < 60:
                return float(hours * 60 + minutes)
    else:
        number = _number(value)
        if number is not None and 0 <= number < DAY:
            return number
    raise InvalidScenario(
        "must be a clock time 'HH:MM' from 00:00 to 23:59 or minutes after midnight in "
        f"[0, 1440), got {value!r}",
        path=field,
    )


def weekdays(value: object, *, field: str = "days") -> frozenset[int]:
    """Weekday numbers (Monday = 0) from names, numbers or a shortcut.

    Accepts ``"daily"``, ``"weekdays"``, ``"weekend"``, a day name (``"mon"`` ... ``"sun"``), a
    number 0-6, or a collection of names and numbers.

    Examples
    --------
    >>> sorted(weekdays("weekend")), sorted(weekdays(["mon", 2, "fri"]))
    ([5, 6], [0, 2, 4])
    >>> weekdays(["monday"])
    Traceback (most recent call last):
    ...
    hometeams.errors.InvalidScenario: days[0]: must be a weekday name (mon, tue, ...) ...
    """
    if isinstance(value, str):
        key = value.strip().lower()
        if key in _SHORTCUTS:
            return _SHORTCUTS[key]
        return weekdays([value], field=field)
    if _number(value) is not None:
        return weekdays([value], field=field)
    if not isinstance(value, Iterable):
        raise InvalidScenario(
            f"must be a day, a list of days or a shortcut, got {value!r}", path=field
        )
    out: set[int] = set()
    for i, day in enumerate(value):
        number = _integer(day)
        if isinstance(day, str) and day.strip().lower() in DAY_NAMES:
            out.add(DAY_NAMES[day.strip().lower()])
        elif number is not None and 0 <= number <= 6:
            out.add(number)
        else:
            raise InvalidScenario(
                "must be a weekday name (mon, tue, ..., sun) or number 0 (Monday) to 6 (Sunday), "
                f"got {day!r}",
                path=f"{field}[{i}]",
            )
    if not out:
        raise InvalidScenario("must name at least one day", path=field)
    return frozenset(out)


def id_set(values: Iterable[str] | str, *, field: str) -> frozenset[str]:
    """A set of ids; a bare string is one id (a common slip for a one-element list)."""
    items = (values,) if isinstance(values, str) else tuple(values)
    for i, item in enumerate(sorted(items, key=str)):
        check_id(item, field=f"{field}[{i}]")
    return frozenset(items)


def check_positive(value: object, *, field: str) -> None:
    """Require a finite number > 0."""
    number = _number(value)
    if number is None or not math.isfinite(number) or number <= 0:
        raise InvalidScenario(f"must be a finite number > 0, got {value!r}", path=field)


def check_nonnegative(value: object, *, field: str, finite: bool = True) -> None:
    """Require a number >= 0 (finite unless ``finite=False``)."""
    number = _number(value)
    bad = number is None or math.isnan(number) or number < 0
    if bad or (finite and not math.isfinite(number)):  # type: ignore[arg-type]
        kind = "a finite number" if finite else "a number"
        raise InvalidScenario(f"must be {kind} >= 0, got {value!r}", path=field)


def check_probability(value: object, *, field: str) -> None:
    """Require a number in ``[0, 1]``."""
    number = _number(value)
    if number is None or not 0 <= number <= 1:
        raise InvalidScenario(f"must be a probability in [0, 1], got {value!r}", path=field)


def check_count(value: object, *, field: str, low: int = 0, high: int | None = None) -> None:
    """Require an integer in ``[low, high]``."""
    number = _integer(value)
    if number is None or number < low or (high is not None and number > high):
        bound = f">= {low}" if high is None else f"from {low} to {high}"
        raise InvalidScenario(f"must be an integer {bound}, got {value!r}", path=field)
