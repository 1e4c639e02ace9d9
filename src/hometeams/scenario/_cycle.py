"""A roster laid out on its cycle: every shift with its clock times, and the roster's checks.

Before a roster can be simulated, each line's named shift gets its clock times from the
scenario's :class:`~hometeams._time.PeriodClock` and each weekday of each week of the cycle
becomes one shift. On that cyclic timeline two things are checked: that nobody works two
overlapping shifts (one person is in one place at a time; back-to-back shifts such as an evening
followed by a night are fine), and that each staffing floor holds on every day it covers.
"""

from __future__ import annotations

import itertools
from collections import defaultdict

import attrs

from hometeams._time import DAY, PeriodClock
from hometeams._types import Minutes, StaffId
from hometeams.errors import InvalidScenario
from hometeams.model import Organisation, Period
from hometeams.scenario._roster import Floor, Roster, weekday_name

__all__ = ["CycleShift", "check_floors", "check_overlaps", "cycle_shifts"]


@attrs.frozen
class CycleShift:
    """One shift of the roster's cycle: minutes from the start of the cycle's first Monday."""

    line: int
    staff: StaffId
    cycle_day: int
    start: Minutes
    end: Minutes
    period: Period


def cycle_shifts(roster: Roster, clock: PeriodClock) -> list[CycleShift]:
    """Every shift of one cycle of ``roster``, in line order then day order."""
    out: list[CycleShift] = []
    for i, line in enumerate(roster.lines):
        shift = roster.shift_times(
            line.shift, day=clock.day, evening=clock.evening, night=clock.night
        )
        period = clock.period(shift.start)
        weeks = range(roster.cycle) if line.weeks is None else sorted(line.weeks)
        for week in weeks:
            for weekday in sorted(line.days):
                cycle_day = 7 * week + weekday
                start = cycle_day * DAY + shift.start
                out.append(
                    CycleShift(i, line.staff, cycle_day, start, start + shift.length, period)
                )
    return out


def check_overlaps(roster: Roster, shifts: list[CycleShift]) -> None:
    """Refuse a roster that puts one person on two overlapping shifts.

    Raises
    ------
    InvalidScenario
        At ``lines[j]`` of the later line, naming both lines and the day.
    """
    length = 7 * roster.cycle * DAY
    by_staff: dict[StaffId, list[CycleShift]] = defaultdict(list)
    for shift in shifts:
        by_staff[shift.staff].append(shift)
    for staff, own in by_staff.items():
        own.sort(key=lambda s: (s.start, s.line))
        # The cycle repeats: the last shift of the cycle may run into the first of the next.
        wrapped = [
            *own,
            *(attrs.evolve(s, start=s.start + length, end=s.end + length) for s in own),
        ]
        for a, b in itertools.pairwise(wrapped):
            if a.start >= length:
                break
            if b.start < a.end:
                first, second = sorted((a, b), key=lambda s: s.line)
                raise InvalidScenario(
                    f"staff {staff!r} is rostered on overlapping shifts: line {first.line} "
                    f"({roster.lines[first.line].shift}, {weekday_name(a.cycle_day, roster.cycle)})"
                    f" and line {second.line} ({roster.lines[second.line].shift}, "
                    f"{weekday_name(b.cycle_day % (7 * roster.cycle), roster.cycle)}); one person "
                    "works one shift at a time",
                    path=f"lines[{second.line}]",
                )


def check_floors(
    floors: tuple[Floor, ...], roster: Roster, shifts: list[CycleShift], org: Organisation
) -> None:
    """Refuse a roster that staffs a team below one of its floors on some day.

    Raises
    ------
    InvalidScenario
        At ``floors[i]``, naming the team, the day, the period, the rostered count and the floor.
    """
    teams = org.teams_by_id
    for i, floor in enumerate(floors):
        if floor.team not in teams:
            raise InvalidScenario(f"unknown team {floor.team!r}", path=f"floors[{i}].team")
        members = set(teams[floor.team].staff_ids)
        on: dict[int, set[StaffId]] = defaultdict(set)
        for shift in shifts:
            line = roster.lines[shift.line]
            counts = line.team == floor.team or (line.team is None and line.staff in members)
            if counts and shift.period is floor.period:
                on[shift.cycle_day].add(shift.staff)
        for cycle_day in range(7 * roster.cycle):
            if cycle_day % 7 not in floor.days:
                continue
            n = len(on[cycle_day])
            if n < floor.minimum:
                raise InvalidScenario(
                    f"team {floor.team!r} has {n} staff rostered on the {floor.period.value} of "
                    f"{weekday_name(cycle_day, roster.cycle)}, below the floor of {floor.minimum}",
                    path=f"floors[{i}]",
                )
