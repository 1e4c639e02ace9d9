"""Tests for hometeams.scenario._cycle: the roster on its cycle, overlaps and floors."""

from __future__ import annotations

import pytest

from hometeams._time import PeriodClock
from hometeams.errors import InvalidScenario
from hometeams.model import Period
from hometeams.scenario import Floor, Roster, RosterLine, Shift
from hometeams.scenario._cycle import check_floors, check_overlaps, cycle_shifts
from sim_strategies import small_district

CLOCK = PeriodClock()


def test_cycle_shifts_lay_out_each_day() -> None:
    """Weekday day shifts start at 07:00 + 1440 d and end at 15:00 + 1440 d, d = 0..4."""
    shifts = cycle_shifts(Roster.weekly({"kari": {"weekdays": "day"}}), CLOCK)
    assert [(s.start, s.end) for s in shifts] == [
        (420 + 1440 * d, 900 + 1440 * d) for d in range(5)
    ]
    assert {s.period for s in shifts} == {Period.DAY}


def test_night_shift_ends_next_morning_and_custom_shift_takes_period_of_start() -> None:
    """A Sunday night runs 23:00 Sunday to 07:00 Monday; a 14:00 shift is a day shift."""
    roster = Roster(
        [RosterLine("kari", shift="night", days="sun"), RosterLine("ola", shift="mid", days="mon")],
        shifts=[Shift("mid", start="14:00", end="20:00")],
    )
    night, mid = cycle_shifts(roster, CLOCK)
    assert (night.start, night.end, night.period) == (6 * 1440 + 1380, 7 * 1440 + 420, Period.NIGHT)
    assert (mid.start, mid.end, mid.period) == (840, 1200, Period.DAY)


def test_multi_week_cycle_uses_line_weeks() -> None:
    """In a 2-week cycle a week-1 line falls on days 7-13 of the cycle."""
    roster = Roster.rotation([{"kari": {"mon": "day"}}, {"kari": {"tue": "day"}}])
    assert [s.cycle_day for s in cycle_shifts(roster, CLOCK)] == [0, 8]


def test_back_to_back_shifts_do_not_overlap() -> None:
    """Day, evening and night on the same days are back to back, never overlapping."""
    roster = Roster.weekly({"kari": {"daily": ["day", "evening", "night"]}})
    check_overlaps(roster, cycle_shifts(roster, CLOCK))


def test_overlapping_shifts_are_refused_naming_both_lines() -> None:
    """A 12:00-20:00 shift on a day-shift Monday overlaps; the later line is named."""
    roster = Roster(
        [RosterLine("kari", shift="day", days="mon"), RosterLine("kari", shift="mid", days="mon")],
        shifts=[Shift("mid", start="12:00", end="20:00")],
    )
    with pytest.raises(InvalidScenario) as info:
        check_overlaps(roster, cycle_shifts(roster, CLOCK))
    assert info.value.path == "lines[1]"
    assert "'kari'" in info.value.rule
    assert "line 0" in info.value.rule
    assert "Monday" in info.value.rule


def test_overlap_across_the_cycle_wrap_is_found() -> None:
    """Sunday night (to Monday 07:00) overlaps a Monday 06:00 shift of the next cycle."""
    roster = Roster(
        [
            RosterLine("kari", shift="night", days="sun"),
            RosterLine("kari", shift="early", days="mon"),
        ],
        shifts=[Shift("early", start="06:00", end="12:00")],
    )
    with pytest.raises(InvalidScenario) as info:
        check_overlaps(roster, cycle_shifts(roster, CLOCK))
    assert info.value.path == "lines[1]"


def test_different_people_may_work_at_the_same_time() -> None:
    """Two staff on the same shift is not an overlap."""
    roster = Roster.weekly({"kari": {"daily": "day"}, "ola": {"daily": "day"}})
    check_overlaps(roster, cycle_shifts(roster, CLOCK))


def test_floor_met_passes_and_floor_missed_names_team_day_period_counts() -> None:
    """Two on every evening holds with kari and ola; without ola on Tuesday it fails."""
    org = small_district()
    good = Roster.weekly({"kari": {"daily": "evening"}, "ola": {"daily": "evening"}})
    floors = (Floor("north", period="evening", minimum=2),)
    check_floors(floors, good, cycle_shifts(good, CLOCK), org)
    bad = Roster.weekly({"kari": {"daily": "evening"}, "ola": {"mon": "evening", "wed": "evening"}})
    with pytest.raises(InvalidScenario) as info:
        check_floors(floors, bad, cycle_shifts(bad, CLOCK), org)
    assert info.value.path == "floors[0]"
    rule = info.value.rule
    for word in ("'north'", "Tuesday", "evening", "1 staff", "floor of 2"):
        assert word in rule


def test_floor_counts_only_lines_for_the_team() -> None:
    """A shift rostered for another team does not count toward this team's floor."""
    org = small_district()
    roster = Roster([RosterLine("kari", shift="day", days="daily", team="north")])
    check_floors(
        (Floor("north", period="day", minimum=1),), roster, cycle_shifts(roster, CLOCK), org
    )
    with pytest.raises(InvalidScenario):
        check_floors(
            (Floor("south", period="day", minimum=1),), roster, cycle_shifts(roster, CLOCK), org
        )


def test_floor_only_on_its_days() -> None:
    """A weekday floor ignores the weekend; week 2 of a rotation is checked too."""
    org = small_district()
    roster = Roster.rotation([{"kari": {"weekdays": "day"}}, {"ola": {"weekdays": "day"}}])
    floor = Floor("north", period="day", minimum=1, days="weekdays")
    check_floors((floor,), roster, cycle_shifts(roster, CLOCK), org)
    thin = Roster.rotation([{"kari": {"weekdays": "day"}}, {"ola": {"mon": "day"}}])
    with pytest.raises(InvalidScenario, match="Tuesday of week 2"):
        check_floors((floor,), thin, cycle_shifts(thin, CLOCK), org)
