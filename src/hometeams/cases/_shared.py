"""What the flagship cases share: argument checks, evenly spread visit times, fair rotas.

Every case lays out a small, made-up district the same way: visits planned evenly over a
stretch of the day (a planner spreads the evening round rather than booking everyone at 20:00),
and rotas where a pool of staff covers a fixed number of shifts a day, each person in turn.
These helpers keep those choices identical across the cases, and their argument errors in the
library's style (``weeks: must be an integer >= 1, got 0``).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from hometeams._time import DAY, WEEK
from hometeams._types import Minutes, StaffId, TeamId
from hometeams.errors import InvalidArgument
from hometeams.scenario import RosterLine

__all__ = [
    "check_count",
    "check_minutes",
    "check_probability",
    "horizon",
    "rota",
    "rota_lines",
    "spread",
]


def check_count(name: str, value: object, *, low: int = 1) -> int:
    """``value`` if it is an integer ``>= low``; otherwise an error naming it.

    Examples
    --------
    >>> check_count("weeks", 4)
    4
    >>> check_count("weeks", 0)
    Traceback (most recent call last):
    ...
    hometeams.errors.InvalidArgument: weeks: must be an integer >= 1, got 0
    """
    if isinstance(value, bool) or not isinstance(value, int) or value < low:
        raise InvalidArgument(f"{name}: must be an integer >= {low}, got {value!r}")
    return value


def check_minutes(name: str, value: object) -> float:
    """``value`` as a float if it is a finite number of minutes ``>= 0``.

    Examples
    --------
    >>> check_minutes("overflow_after", 15)
    15.0
    >>> check_minutes("overflow_after", -1)
    Traceback (most recent call last):
    ...
    hometeams.errors.InvalidArgument: overflow_after: must be a finite number of minutes >= 0, ...
    """
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not math.isfinite(value)
        or value < 0
    ):
        raise InvalidArgument(f"{name}: must be a finite number of minutes >= 0, got {value!r}")
    return float(value)


def check_probability(name: str, value: object) -> float:
    """``value`` as a float if it is a probability in ``[0, 1)``.

    A probability of 1 (everyone always away) leaves nobody to simulate and is refused.

    Examples
    --------
    >>> check_probability("sick_leave", 0.08)
    0.08
    >>> check_probability("sick_leave", 1)
    Traceback (most recent call last):
    ...
    hometeams.errors.InvalidArgument: sick_leave: must be a probability >= 0 and < 1, got 1
    """
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not math.isfinite(value)
        or not 0 <= value < 1
    ):
        raise InvalidArgument(f"{name}: must be a probability >= 0 and < 1, got {value!r}")
    return float(value)


def horizon(weeks: int, *, warmup_weeks: int = 0) -> tuple[Minutes, Minutes]:
    """``(horizon, warmup)`` in minutes for ``weeks`` measured weeks after a warm-up.

    Examples
    --------
    >>> horizon(4, warmup_weeks=2)
    (60480.0, 20160.0)
    """
    return (warmup_weeks + weeks) * WEEK, warmup_weeks * WEEK


def spread(first: Minutes, last: Minutes, n: int) -> list[Minutes]:
    """``n`` clock times evenly spaced from ``first`` to ``last`` (minutes after midnight).

    A planner spreads a round's visits over the shift; the first visit is at ``first`` and the
    last at ``last``. One visit goes at ``first``.

    Examples
    --------
    >>> spread(15 * 60, 18 * 60, 4)
    [900.0, 960.0, 1020.0, 1080.0]
    >>> spread(900, 1000, 1)
    [900.0]
    """
    check_count("n", n)
    if not 0 <= first <= last < DAY:
        raise InvalidArgument(
            f"first, last: must satisfy 0 <= first <= last < 1440, got {first!r}, {last!r}"
        )
    if n == 1:
        return [float(first)]
    step = (last - first) / (n - 1)
    return [float(first + i * step) for i in range(n)]


def rota(
    staff: Sequence[StaffId], *, per_day: int, days: Sequence[int] = range(7)
) -> dict[StaffId, list[int]]:
    """Share ``per_day`` shifts on each of ``days`` among ``staff``, each person in turn.

    Shift ``j`` of the ``k``-th listed day goes to ``staff[(k * per_day + j) % len(staff)]``,
    so every person works the same number of shifts (give or take one) and nobody works twice
    on a day. Days are numbered over a rota's cycle: day ``d`` is weekday ``d % 7`` of week
    ``d // 7``, so ``days=range(14)`` shares a two-week rota, in which people whose shifts do
    not divide evenly over one week alternate (see :func:`rota_lines`).

    Returns
    -------
    dict
        Each person's days (Monday of the first week = 0), in ``staff`` order; people without
        a shift are left out.

    Examples
    --------
    >>> rota(["a", "b", "c", "d"], per_day=2)
    {'a': [0, 2, 4, 6], 'b': [0, 2, 4, 6], 'c': [1, 3, 5], 'd': [1, 3, 5]}
    >>> rota(["a", "b", "c", "d"], per_day=2, days=range(14))["a"]  # 3.5 shifts a week
    [0, 2, 4, 6, 8, 10, 12]
    >>> rota(["a"], per_day=2)
    Traceback (most recent call last):
    ...
    hometeams.errors.InvalidArgument: per_day: must be at most the 1 staff given, got 2
    """
    check_count("per_day", per_day)
    if per_day > len(staff):
        raise InvalidArgument(
            f"per_day: must be at most the {len(staff)} staff given, got {per_day}"
        )
    out: dict[StaffId, list[int]] = {}
    for k, day in enumerate(days):
        for j in range(per_day):
            out.setdefault(staff[(k * per_day + j) % len(staff)], []).append(day)
    return {person: out[person] for person in staff if person in out}


def rota_lines(
    plan: Mapping[StaffId, Sequence[int]], *, shift: str, team: TeamId
) -> list[RosterLine]:
    """Roster lines for a :func:`rota`: each person on ``shift`` for ``team`` on their days.

    A plan within one week gives one line a person, for every week; a plan over a longer cycle
    (days from 7 on) one line a person and week they work, with its ``weeks``.

    Examples
    --------
    >>> [(line.staff, sorted(line.days)) for line in
    ...  rota_lines({"a": [0, 2], "b": [1]}, shift="evening", team="rehab")]
    [('a', [0, 2]), ('b', [1])]
    >>> [(line.staff, sorted(line.days), sorted(line.weeks or ())) for line in
    ...  rota_lines({"a": [0, 2, 8]}, shift="day", team="rehab")]
    [('a', [0, 2], [0]), ('a', [1], [1])]
    """
    if all(day < 7 for days in plan.values() for day in days):
        return [
            RosterLine(person, shift=shift, days=days, team=team) for person, days in plan.items()
        ]
    lines = []
    for person, days in plan.items():
        for week in sorted({day // 7 for day in days}):
            weekdays = [day % 7 for day in days if day // 7 == week]
            lines.append(RosterLine(person, shift=shift, days=weekdays, team=team, weeks=[week]))
    return lines
