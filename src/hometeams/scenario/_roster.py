"""Rosters (*turnus*): who works which shift on which day.

A home-care district's rota says that Kari works day shifts Monday to Friday, Ola works evenings
every other weekend, and the night patrol covers every night. Here a :class:`Roster` is a list of
:class:`RosterLine` rows -- one staff member, one named shift, a set of weekdays, optionally the
team the shift is for and the weeks of a multi-week cycle -- plus any shift times of its own.

The named shifts ``day``, ``evening`` and ``night`` take their times from the scenario's
:class:`~hometeams._time.PeriodClock` (by default 07-15, 15-23 and 23-07, the night ending the
next morning). Other shifts, such as a long day 07:30-19:30 or a short evening 16-21, are
:class:`Shift` entries of the roster; a shift belongs to the period its start falls in.

A multi-week pattern has ``cycle`` weeks; week ``w`` of the simulation uses week ``w % cycle``
of the pattern, so a three-week rota repeats every three weeks. :meth:`Roster.weekly` and
:meth:`Roster.rotation` build rosters from the way planners write rotas::

    Roster.weekly({"kari": {"weekdays": "day"}, "ola": {"mon": "evening", "sat": "day"}})

A staffing :class:`Floor` says a team must have at least so many staff rostered in a period (at
least two on every evening); the scenario refuses a roster that breaks a floor.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence

import attrs

from hometeams._checks import items_of
from hometeams._parse import check_count, check_id, clock_minutes, weekdays
from hometeams._time import DAY
from hometeams._types import Minutes, StaffId, TeamId
from hometeams._words import Phrase, phrase
from hometeams.errors import InvalidScenario
from hometeams.model import ALL_DAYS, Period

__all__ = ["Floor", "Roster", "RosterLine", "Shift"]

BUILTIN_SHIFTS: tuple[str, ...] = tuple(p.value for p in Period)


def _start(value: object) -> float:
    return clock_minutes(value, field="start")


def _end(value: object) -> float:
    return clock_minutes(value, field="end")


def _days(value: object) -> frozenset[int]:
    return weekdays(value, field="days")


@attrs.frozen
class Shift:
    """A named shift with clock times; an end at or before the start runs past midnight.

    Parameters
    ----------
    name
        The name roster lines use, e.g. ``"long-day"``. A roster's own ``day``, ``evening`` or
        ``night`` replaces the times the clock gives those names.
    start, end
        Clock times, ``"HH:MM"`` or minutes after midnight.

    Examples
    --------
    >>> Shift("long-day", start="07:30", end="19:30").length
    720.0
    >>> Shift("late", start="22:00", end="06:00").length
    480.0
    """

    name: str
    start: Minutes = attrs.field(converter=_start, kw_only=True)
    end: Minutes = attrs.field(converter=_end, kw_only=True)

    def __attrs_post_init__(self) -> None:
        check_id(self.name, field="name")
        if self.start == self.end:
            raise InvalidScenario(
                f"must differ from start; a shift cannot last 0 or 24 hours, got {self.end:g}",
                path="end",
            )

    @property
    def length(self) -> Minutes:
        """Length in minutes."""
        return (self.end - self.start) % DAY


def _weeks(value: Iterable[int] | int | None) -> frozenset[int] | None:
    if value is None:
        return None
    if isinstance(value, int):
        return frozenset((value,))
    try:
        return frozenset(value)
    except TypeError:  # a float, a table: not a week or a list of weeks
        raise InvalidScenario(
            f"must be a week of the cycle (0, 1, ...) or a list of them, got {value!r}",
            path="weeks",
        ) from None


@attrs.frozen
class RosterLine:
    """One row of a roster: a staff member works a shift on some weekdays.

    Parameters
    ----------
    staff
        Staff id.
    shift
        A shift name: ``day``, ``evening``, ``night`` or one of the roster's own shifts.
    days
        Weekdays: names (``"mon"``), numbers (Monday = 0), or ``"daily"``, ``"weekdays"``,
        ``"weekend"``.
    team
        The team the shift is worked for; ``None`` for all the staff member's teams.
    weeks
        Weeks of the roster's cycle (0-based) the line applies to; ``None`` for every week.

    Examples
    --------
    >>> line = RosterLine("kari", shift="evening", days=["sat", "sun"], weeks=[1])
    >>> sorted(line.days), sorted(line.weeks)
    ([5, 6], [1])
    """

    staff: StaffId
    shift: str = attrs.field(kw_only=True)
    days: frozenset[int] = attrs.field(default=ALL_DAYS, converter=_days, kw_only=True)
    team: TeamId | None = attrs.field(default=None, kw_only=True)
    weeks: frozenset[int] | None = attrs.field(default=None, converter=_weeks, kw_only=True)

    def __attrs_post_init__(self) -> None:
        check_id(self.staff, field="staff")
        check_id(self.shift, field="shift")
        if self.team is not None:
            check_id(self.team, field="team")
        if self.weeks is not None:
            if not self.weeks:
                raise InvalidScenario("must name at least one week, or be left out", path="weeks")
            for i, week in enumerate(sorted(self.weeks, key=str)):
                check_count(week, field=f"weeks[{i}]")


def _lines(values: Iterable[RosterLine]) -> tuple[RosterLine, ...]:
    return items_of(values, RosterLine, field="lines")


def _shifts(values: Iterable[Shift]) -> tuple[Shift, ...]:
    return items_of(values, Shift, field="shifts")


@attrs.frozen
class Roster:
    """Who works which shift on which day, as a weekly or multi-week pattern.

    Parameters
    ----------
    lines
        The :class:`RosterLine` rows.
    shifts
        The roster's own :class:`Shift` times, in addition to (or replacing) the clock's
        ``day``, ``evening`` and ``night``.
    cycle
        Length of the pattern in weeks (a *turnus* of 1 to 12 weeks, say).

    Examples
    --------
    >>> roster = Roster.weekly({"kari": {"weekdays": "day"}, "ola": {"daily": "evening"}})
    >>> [(line.staff, line.shift, len(line.days)) for line in roster.lines]
    [('kari', 'day', 5), ('ola', 'evening', 7)]
    >>> Roster([RosterLine("kari", shift="late-day", days="mon")])
    Traceback (most recent call last):
    ...
    hometeams.errors.InvalidScenario: lines[0].shift: unknown shift 'late-day'; ...
    """

    lines: tuple[RosterLine, ...] = attrs.field(converter=_lines)
    shifts: tuple[Shift, ...] = attrs.field(default=(), converter=_shifts, kw_only=True)
    cycle: int = attrs.field(default=1, kw_only=True)

    def __attrs_post_init__(self) -> None:
        check_count(self.cycle, field="cycle", low=1)
        names: dict[str, int] = {}
        for i, shift in enumerate(self.shifts):
            if shift.name in names:
                raise InvalidScenario(
                    f"duplicate shift name {shift.name!r}", path=f"shifts[{i}].name"
                )
            names[shift.name] = i
        known = set(BUILTIN_SHIFTS) | set(names)
        for i, line in enumerate(self.lines):
            if line.shift not in known:
                raise InvalidScenario(
                    f"unknown shift {line.shift!r}; use one of {', '.join(sorted(known))}",
                    path=f"lines[{i}].shift",
                )
            for week in sorted(line.weeks or ()):
                if week >= self.cycle:
                    raise InvalidScenario(
                        f"must be weeks 0 to {self.cycle - 1} of the {self.cycle}-week cycle, "
                        f"got {week}",
                        path=f"lines[{i}].weeks",
                    )

    @classmethod
    def weekly(
        cls,
        pattern: Mapping[StaffId, Mapping[str, str | Sequence[str]]],
        *,
        team: TeamId | None = None,
        shifts: Iterable[Shift] = (),
    ) -> Roster:
        """A one-week pattern from ``{staff: {days: shift or [shifts]}}``.

        ``days`` is a weekday name (``"mon"``), ``"daily"``, ``"weekdays"`` or ``"weekend"``.
        Every line gets ``team`` (``None``: the staff member's teams in general).

        Examples
        --------
        >>> r = Roster.weekly({"kari": {"mon": ["day", "evening"], "tue": "day"}})
        >>> [(line.shift, sorted(line.days)) for line in r.lines]
        [('day', [0, 1]), ('evening', [0])]
        """
        return cls(_pattern_lines(pattern, team=team, week=None), shifts=shifts)

    @classmethod
    def rotation(
        cls,
        weeks: Sequence[Mapping[StaffId, Mapping[str, str | Sequence[str]]]],
        *,
        team: TeamId | None = None,
        shifts: Iterable[Shift] = (),
    ) -> Roster:
        """A multi-week pattern: one ``{staff: {days: shift}}`` mapping per week of the cycle.

        Examples
        --------
        >>> r = Roster.rotation([{"kari": {"weekdays": "day"}},
        ...                      {"kari": {"weekend": "evening"}}])
        >>> r.cycle, [(line.shift, sorted(line.weeks)) for line in r.lines]
        (2, [('day', [0]), ('evening', [1])])
        """
        lines: list[RosterLine] = []
        for w, week in enumerate(weeks):
            lines.extend(_pattern_lines(week, team=team, week=w))
        return cls(lines, shifts=shifts, cycle=max(len(weeks), 1))

    def shift_times(self, name: str, *, day: Minutes, evening: Minutes, night: Minutes) -> Shift:
        """The clock times of shift ``name``, given where the clock's periods begin."""
        for shift in self.shifts:
            if shift.name == name:
                return shift
        if name == Period.DAY.value:
            return Shift(name, start=day, end=evening)
        if name == Period.EVENING.value:
            return Shift(name, start=evening, end=night % DAY)
        if name == Period.NIGHT.value:
            return Shift(name, start=night % DAY, end=day)
        raise InvalidScenario(f"unknown shift {name!r}", path="shift")

    @property
    def staff(self) -> frozenset[StaffId]:
        """Everyone on the roster."""
        return frozenset(line.staff for line in self.lines)


def _pattern_lines(
    pattern: Mapping[StaffId, Mapping[str, str | Sequence[str]]],
    *,
    team: TeamId | None,
    week: int | None,
) -> list[RosterLine]:
    lines: list[RosterLine] = []
    for staff, plan in pattern.items():
        days_of: dict[str, set[int]] = {}
        for key, value in plan.items():
            try:
                days = weekdays(key, field="days")
            except InvalidScenario as err:
                raise InvalidScenario(err.rule, path=f"pattern[{staff!r}][{key!r}]") from None
            for shift in (value,) if isinstance(value, str) else value:
                days_of.setdefault(shift, set()).update(days)
        lines.extend(
            RosterLine(staff, shift=shift, days=sorted(days), team=team, weeks=week)
            for shift, days in days_of.items()
        )
    return lines


def _period(value: Period | str) -> Period:
    try:
        return Period(value)
    except ValueError:
        choices = ", ".join(BUILTIN_SHIFTS)
        raise InvalidScenario(f"must be one of {choices}, got {value!r}", path="period") from None


@attrs.frozen
class Floor:
    """A staffing floor: at least ``minimum`` staff of ``team`` rostered in ``period``.

    A rostered shift counts for the team if its line names the team, or names no team and the
    staff member belongs to it; it counts for the period its start falls in.

    Parameters
    ----------
    team
        Team id.
    period
        ``day``, ``evening`` or ``night``.
    minimum
        Least number of staff.
    days
        Weekdays the floor applies to (default every day).

    Examples
    --------
    >>> floor = Floor("north", period="evening", minimum=2, days="weekdays")
    >>> floor.period, floor.minimum, sorted(floor.days)
    (<Period.EVENING: 'evening'>, 2, [0, 1, 2, 3, 4])
    """

    team: TeamId
    period: Period = attrs.field(converter=_period, kw_only=True)
    minimum: int = attrs.field(kw_only=True)
    days: frozenset[int] = attrs.field(default=ALL_DAYS, converter=_days, kw_only=True)

    def __attrs_post_init__(self) -> None:
        check_id(self.team, field="team")
        check_count(self.minimum, field="minimum", low=1)


_WEEKDAY = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def weekday_name(cycle_day: int, cycle: int) -> str:
    """``"Tuesday"`` or, in a multi-week cycle, ``"Tuesday of week 2"`` (1-based)."""
    name = _WEEKDAY[cycle_day % 7]
    return name if cycle == 1 else f"{name} of week {cycle_day // 7 + 1}"


def weekday_phrase(cycle_day: int, cycle: int) -> Phrase:
    """:func:`weekday_name` as a phrase of the word table, to be said in either language."""
    day = phrase(f"weekday.{_WEEKDAY[cycle_day % 7].lower()}")
    return day if cycle == 1 else phrase("weekday.in_week", day=day, week=cycle_day // 7 + 1)


def horizon_days(horizon: Minutes) -> int:
    """Number of calendar days that overlap ``[0, horizon)``."""
    return math.ceil(horizon / DAY)
