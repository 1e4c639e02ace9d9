"""Tests for hometeams.scenario._gaps: times when work arrives and nobody is on duty."""

from __future__ import annotations

import pytest

from hometeams.model import Organisation, Staff, User, Zone
from hometeams.scenario import (
    Alarms,
    ArrivalProcess,
    Demand,
    Finding,
    Roster,
    Scenario,
    Shift,
    VisitPlan,
    audit,
)
from hometeams.scenario._gaps import off_duty

STAFF = [
    Staff("d", profession="nurse", competences=["medication"]),
    Staff("e", profession="nurse", competences=["medication"]),
    Staff("n", profession="health-worker"),
]
EARLY = Shift("early", start="07:30", end="15:00")  # case E's day shift
LATE = Shift("late", start="15:00", end="22:30")  # case E's evening shift
ORG = Organisation("x", zones=[Zone("z")], users=[User("u", zone="z")], staff=STAFF)


def _scenario(pattern: dict[str, dict[str, str]], demand: Demand) -> Scenario:
    return Scenario(ORG, Roster.weekly(pattern, shifts=[EARLY, LATE]), demand=demand)


def _gaps(s: Scenario) -> list[Finding]:
    return [f for f in audit(s) if f.kind == "gap"]


def _window(f: Finding) -> tuple[object, object, object]:
    numbers = dict(f.numbers)
    return numbers["start"], numbers["end"], numbers["days"]


def test_evening_to_22_30_and_night_from_23_is_one_warning_with_the_expected_alarms() -> None:
    """Alarms at 0.5 an hour all day; nobody 22:30-23:00: 0.5 x 0.5 h x 7 days = 1.75 a week."""
    s = _scenario(
        {"d": {"daily": "day"}, "e": {"daily": "late"}, "n": {"daily": "night"}},
        Demand(alarms=[Alarms(0.5)]),
    )
    [found] = _gaps(s)
    assert (found.kind, found.severity, found.path) == ("gap", "warning", "roster")
    assert found.message == (
        "nobody is on duty 22:30-23:00 on every day, while work arrives: 1.75 expected alarms "
        "from 'alarm' a week"
    )
    assert dict(found.numbers) == {
        "start": "22:30",
        "end": "23:00",
        "minutes": 30.0,
        "days": 7,
        "arrivals_per_week": pytest.approx(1.75),
        "arrivals_per_week.alarm": pytest.approx(1.75),
    }


def test_nights_of_23_07_between_days_from_07_30_and_evenings_to_22_30_leave_two_gaps() -> None:
    """Days from 07:30, evenings to 22:30, nights 23-07: 07:00-07:30 and 22:30-23:00.

    Case E's roster until its night patrol worked 22:30-07:30.
    """
    s = _scenario(
        {"d": {"daily": "early"}, "e": {"daily": "late"}, "n": {"daily": "night"}},
        Demand(alarms=[Alarms(2.0)]),  # 2 an hour: 1 each half hour, 7 a week
    )
    found = _gaps(s)
    assert [_window(f) for f in found] == [("07:00", "07:30", 7), ("22:30", "23:00", 7)]
    assert [dict(f.numbers)["arrivals_per_week"] for f in found] == pytest.approx([7.0, 7.0])


def test_in_norwegian() -> None:
    s = _scenario(
        {"d": {"daily": "day"}, "e": {"daily": "late"}, "n": {"daily": "night"}},
        Demand(alarms=[Alarms(0.5)]),
    )
    [found] = _gaps(s)
    assert found.text("nb") == (
        "ingen er på vakt kl. 22:30-23:00 alle dager, mens det kommer arbeid: 1,75 forventede "
        "alarmer fra 'alarm' i uken"
    )


def test_a_roster_without_gaps_has_no_gap_finding() -> None:
    """Day 07-15, evening 15-23, night 23-07 every day: someone always on duty."""
    s = _scenario(
        {"d": {"daily": "day"}, "e": {"daily": "evening"}, "n": {"daily": "night"}},
        Demand(alarms=[Alarms(0.5)], arrivals=[ArrivalProcess(1.0, duration=30)]),
    )
    assert off_duty(s) == []
    assert _gaps(s) == []


def test_visits_only_in_staffed_hours_are_no_gap() -> None:
    """Day shifts only: nobody 15:00-07:00, but the visits are at 08:00 and 14:00."""
    visits = [VisitPlan("u", times=["08:00", "14:00"], duration=30)]
    s = _scenario({"d": {"daily": "day"}}, Demand(visits=visits))
    assert off_duty(s)  # there are gaps...
    assert _gaps(s) == []  # ...but no work arrives in them


def test_a_gap_with_no_work_is_no_finding() -> None:
    """Nobody 22:30-23:00, and calls arrive from 08 to 22 and alarms from 23 to 07 only."""
    calls = [0.0] * 8 + [1.0] * 14 + [0.0] * 2
    night = [1.0] * 7 + [0.0] * 16 + [1.0]
    s = _scenario(
        {"d": {"daily": "day"}, "e": {"daily": "late"}, "n": {"daily": "night"}},
        Demand(
            arrivals=[ArrivalProcess(1.0, by_hour=calls, duration=30)],
            alarms=[Alarms(0.5, by_hour=night)],
        ),
    )
    assert _gaps(s) == []


def test_calls_from_07_with_day_shifts_from_07_30_are_a_gap_from_07() -> None:
    """No nights: nobody 22:30-07:30, but calls arrive from 07:00, so the gap is 07:00-07:30.

    Weekdays only, 3 an hour in the 07 hour: 1.5 in the half hour, 7.5 a week.
    """
    calls = [0.0] * 7 + [3.0] + [1.0] * 14 + [0.0] * 2
    s = _scenario(
        {"d": {"daily": "early"}, "e": {"daily": "late"}},
        Demand(
            arrivals=[
                ArrivalProcess(
                    1.0, by_hour=calls, by_weekday=[1] * 5 + [0] * 2, duration=30, name="calls"
                )
            ]
        ),
    )
    [found] = _gaps(s)
    assert _window(found) == ("07:00", "07:30", 5)
    assert dict(found.numbers)["arrivals_per_week.calls"] == pytest.approx(7.5)
    assert found.message == (
        "nobody is on duty 07:00-07:30 on Monday, Tuesday, Wednesday, Thursday, Friday, while "
        "work arrives: 7.5 expected unplanned jobs from 'calls' a week"
    )


def test_a_visit_that_waits_for_the_day_shift_is_in_the_gap() -> None:
    """A 07:00 visit with a 60-minute window: the 07:30 shift makes it, but it waits."""
    visits = [VisitPlan("u", days="weekdays", times="07:00", duration=30)]
    s = _scenario({"d": {"daily": "early"}}, Demand(visits=visits))
    assert s.findings() == ()
    [found] = _gaps(s)
    assert _window(found) == ("07:00", "07:30", 5)
    assert dict(found.numbers)["visits_per_week"] == 5
    assert "while work arrives: 5 planned visits a week" in found.message


def test_a_visit_nobody_comes_for_in_its_window_is_the_existing_error_only() -> None:
    """A 06:00 visit with a 60-minute window before the 07:30 shift: ``outside-shift``."""
    visits = [VisitPlan("u", times="06:00", duration=30)]
    s = _scenario({"d": {"daily": "early"}}, Demand(visits=visits))
    assert [f.kind for f in s.findings()] == ["outside-shift"]
    assert _gaps(s) == []


def test_who_may_take_the_work_holds_its_required_competences() -> None:
    """The night is worked by a health worker: medication alarms find nobody who may go.

    0.5 an hour: 23:00-24:00 is 0.5 a day, 00:00-07:00 is 3.5 a day, on every day.
    """
    s = _scenario(
        {"d": {"daily": "day"}, "e": {"daily": "evening"}, "n": {"daily": "night"}},
        Demand(alarms=[Alarms(0.5, required=["medication"])]),
    )
    found = _gaps(s)
    assert [_window(f) for f in found] == [("00:00", "07:00", 7), ("23:00", "24:00", 7)]
    assert [dict(f.numbers)["arrivals_per_week"] for f in found] == pytest.approx([24.5, 3.5])
    assert found[0].message.startswith("nobody holding 'medication' is on duty 00:00-07:00")
    assert found[0].text("nb").startswith("ingen som har 'medication', er på vakt kl. 00:00")


def test_a_multi_week_cycle_names_the_weeks_and_averages_the_week() -> None:
    """Nights only in the first week of two: the second week's nights are a gap.

    Alarms at 1 an hour: 8 hours a night (23-07), 7 nights a fortnight, 56 / 2 = 28 a week,
    in two stretches (23-24 on each day, 00-07 on each day) of week 2 and the Monday of week 1.
    """
    roster = Roster.rotation(
        [
            {"d": {"daily": "day"}, "e": {"daily": "evening"}, "n": {"daily": "night"}},
            {"d": {"daily": "day"}, "e": {"daily": "evening"}},
        ]
    )
    s = Scenario(ORG, roster, demand=Demand(alarms=[Alarms(1.0)]))
    found = _gaps(s)
    assert [_window(f) for f in found] == [("00:00", "07:00", 7), ("23:00", "24:00", 7)]
    assert sum(dict(f.numbers)["arrivals_per_week"] for f in found) == pytest.approx(28.0)
    assert "on Monday of week 1, Tuesday of week 2" in found[0].message
