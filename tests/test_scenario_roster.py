"""Tests for hometeams.scenario._roster: shifts, roster lines, rosters and floors."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hometeams.errors import InvalidScenario
from hometeams.model import Period
from hometeams.scenario import Floor, Roster, RosterLine, Shift

CLOCK = {"day": 420.0, "evening": 900.0, "night": 1380.0}


def test_shift_length_wraps_past_midnight() -> None:
    """A 22:00-06:00 shift lasts 8 hours; 07:30-19:30 lasts 12."""
    assert Shift("late", start="22:00", end="06:00").length == 480.0
    assert Shift("long", start="07:30", end="19:30").length == 720.0


@given(st.integers(0, 1439), st.integers(0, 1439))
def test_shift_length_is_between_zero_and_a_day(start: int, end: int) -> None:
    """Every shift with start != end lasts (end - start) mod 1440 minutes, in (0, 1440)."""
    if start == end:
        with pytest.raises(InvalidScenario):
            Shift("s", start=start, end=end)
        return
    length = Shift("s", start=start, end=end).length
    assert 0 < length < 1440
    assert (start + length) % 1440 == end


def test_builtin_shift_times_come_from_the_clock() -> None:
    """day, evening and night take the clock's period starts; night ends at day start."""
    roster = Roster([])
    assert roster.shift_times("day", **CLOCK) == Shift("day", start=420, end=900)
    assert roster.shift_times("evening", **CLOCK) == Shift("evening", start=900, end=1380)
    night = roster.shift_times("night", **CLOCK)
    assert (night.start, night.end, night.length) == (1380.0, 420.0, 480.0)


def test_roster_shift_overrides_builtin_name() -> None:
    """A roster's own 'day' shift replaces the clock's times for that name."""
    roster = Roster([], shifts=[Shift("day", start="08:00", end="15:30")])
    assert roster.shift_times("day", **CLOCK).length == 450.0


def test_weekly_groups_days_by_shift() -> None:
    """Roster.weekly turns {staff: {days: shift(s)}} into one line per staff and shift."""
    roster = Roster.weekly(
        {"kari": {"weekdays": "day", "sat": ["day", "evening"]}, "ola": {"sun": "night"}},
        team="north",
    )
    got = {(line.staff, line.shift): (sorted(line.days), line.team) for line in roster.lines}
    assert got == {
        ("kari", "day"): ([0, 1, 2, 3, 4, 5], "north"),
        ("kari", "evening"): ([5], "north"),
        ("ola", "night"): ([6], "north"),
    }
    assert roster.cycle == 1
    assert roster.staff == {"kari", "ola"}


def test_rotation_sets_cycle_and_weeks() -> None:
    """Roster.rotation gives a cycle of as many weeks as patterns, each line in its week."""
    roster = Roster.rotation(
        [{"kari": {"weekdays": "day"}}, {"kari": {"weekend": "day"}}, {"ola": {"mon": "night"}}]
    )
    assert roster.cycle == 3
    assert [(line.staff, sorted(line.weeks or ())) for line in roster.lines] == [
        ("kari", [0]),
        ("kari", [1]),
        ("ola", [2]),
    ]


def test_weekly_names_the_bad_day_key() -> None:
    """A bad day key in Roster.weekly is reported at pattern[staff][key]."""
    with pytest.raises(InvalidScenario) as info:
        Roster.weekly({"kari": {"monday": "day"}})
    assert info.value.path == "pattern['kari']['monday']"


@pytest.mark.parametrize(
    ("build", "path"),
    [
        (lambda: Roster([RosterLine("kari", shift="late")]), "lines[0].shift"),
        (
            lambda: Roster([RosterLine("kari", shift="day", weeks=[2])], cycle=2),
            "lines[0].weeks",
        ),
        (lambda: Roster([], cycle=0), "cycle"),
        (
            lambda: Roster([], shifts=[Shift("x", start=0, end=60), Shift("x", start=0, end=90)]),
            "shifts[1].name",
        ),
        (lambda: RosterLine("kari", shift="day", weeks=[]), "weeks"),
        (lambda: RosterLine("kari", shift="day", weeks=[-1]), "weeks[0]"),
        (lambda: RosterLine("kari", shift="day", weeks=-1.5), "weeks"),  # type: ignore[arg-type]
        (lambda: RosterLine("kari", shift="day", weeks=[{}]), "weeks"),
        (lambda: RosterLine("", shift="day"), "staff"),
        (lambda: RosterLine("kari", shift="day", days=["funday"]), "days[0]"),
        (lambda: Shift("s", start="09:00", end="09:00"), "end"),
        (lambda: Shift("s", start="25:00", end="09:00"), "start"),
        (lambda: Floor("north", period="afternoon", minimum=1), "period"),
        (lambda: Floor("north", period="day", minimum=0), "minimum"),
        (lambda: Floor("north", period="day", minimum=1.5), "minimum"),
    ],
)
def test_bad_roster_parts_name_the_field(build: object, path: str) -> None:
    """Each impossible roster part is refused with InvalidScenario naming its field."""
    with pytest.raises(InvalidScenario) as info:
        build()  # type: ignore[operator]
    assert info.value.path == path


def test_floor_defaults_to_every_day() -> None:
    """A floor without days applies to all seven; period strings become Periods."""
    floor = Floor("north", period="evening", minimum=2)
    assert floor.days == frozenset(range(7))
    assert floor.period is Period.EVENING
