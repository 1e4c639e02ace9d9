"""Tests for hometeams.scenario._load: offered load against rostered minutes, by hand."""

from __future__ import annotations

import pytest

from hometeams.model import Organisation, Period, Staff, User, Zone
from hometeams.scenario import (
    Alarms,
    ArrivalProcess,
    Demand,
    Discharges,
    Episode,
    LoadCell,
    Roster,
    Scenario,
    Shift,
    VisitPlan,
    load_table,
)

ZONES = [Zone("n"), Zone("s")]
USERS = [User(f"n{i}", zone="n") for i in range(11)] + [User("s0", zone="s")]


def _org(*staff: Staff) -> Organisation:
    return Organisation("x", zones=ZONES, staff=list(staff), users=USERS)


KARI = Staff("kari", profession="nurse", zone="n")
PER = Staff("per", profession="nurse", zone="s")


def _cell(cells: tuple[LoadCell, ...], zone: str, day: int, period: Period) -> LoadCell:
    [found] = [c for c in cells if (c.zone, c.cycle_day, c.period) == (zone, day, period)]
    return found


def _visits(n: int, *, days: str = "mon", time: str = "16:00") -> Demand:
    return Demand(visits=[VisitPlan(f"n{i}", days=days, times=time, duration=48) for i in range(n)])


def test_ten_visits_of_48_minutes_fill_one_evening_shift() -> None:
    """10 x 48 = 480 minutes of work against one 15-23 evening of 480 minutes; need 2."""
    s = Scenario(_org(KARI), Roster.weekly({"kari": {"mon": "evening"}}), demand=_visits(10))
    cell = _cell(load_table(s), "", 0, Period.EVENING)
    assert (cell.planned, cell.unplanned, cell.rostered, cell.excess) == (480, 0, 480, 0)
    # Busy 480 / 480 = 1 erlang; P(Poisson(1) <= 1) = 2/e = 0.736 < 0.9 <= 2.5/e = 0.920.
    assert (cell.busy, cell.on_duty, cell.need) == (1.0, 1.0, 2)
    assert _cell(load_table(s), "n", 0, Period.EVENING).load == 480


def test_periods_without_load_or_shifts_are_left_out() -> None:
    """Only Monday evening has work or staff: one district row and one zone row."""
    s = Scenario(_org(KARI), Roster.weekly({"kari": {"mon": "evening"}}), demand=_visits(10))
    assert [(c.zone, c.cycle_day, c.period) for c in load_table(s)] == [
        ("", 0, Period.EVENING),
        ("n", 0, Period.EVENING),
    ]


def test_small_hours_belong_to_the_night_that_began_the_day_before() -> None:
    """A 03:00 Tuesday visit and the Monday 23-07 night shift are both Monday's night."""
    s = Scenario(
        _org(KARI),
        Roster.weekly({"kari": {"mon": "night"}}),
        demand=_visits(1, days="tue", time="03:00"),
    )
    cell = _cell(load_table(s), "", 0, Period.NIGHT)
    assert (cell.load, cell.rostered, cell.length) == (48, 480, 480)


def test_sunday_night_wraps_into_the_cycle_s_monday_morning() -> None:
    """A 03:00 Monday visit is the night that began on Sunday, the cycle's last day."""
    s = Scenario(
        _org(KARI), Roster.weekly({"kari": {"sun": "night"}}), demand=_visits(1, time="03:00")
    )
    cell = _cell(load_table(s), "", 6, Period.NIGHT)
    assert (cell.load, cell.rostered) == (48, 480)


def test_a_long_day_counts_in_the_periods_it_covers() -> None:
    """07:30-19:30 is 450 minutes of the day (07-15) and 270 of the evening (15-23)."""
    roster = Roster.weekly(
        {"kari": {"mon": "long"}}, shifts=[Shift("long", start="07:30", end="19:30")]
    )
    cells = load_table(Scenario(_org(KARI), roster))
    assert _cell(cells, "", 0, Period.DAY).rostered == 450
    assert _cell(cells, "", 0, Period.EVENING).rostered == 270


def test_arrivals_are_spread_over_zones_by_their_users() -> None:
    """1 job an hour of 30 min: 8 jobs = 240 min an evening; 11 of 12 users live in ``n``."""
    demand = Demand(arrivals=[ArrivalProcess(1.0, duration=30)])
    cells = load_table(Scenario(_org(KARI), Roster.weekly({"kari": {"mon": "day"}}), demand=demand))
    assert _cell(cells, "", 2, Period.EVENING).unplanned == pytest.approx(240)
    assert _cell(cells, "n", 2, Period.EVENING).unplanned == pytest.approx(240 * 11 / 12)
    assert _cell(cells, "s", 2, Period.EVENING).unplanned == pytest.approx(240 / 12)


def test_two_person_alarms_count_both_staff() -> None:
    """0.5 alarms an hour of 20 minutes for two staff: 4 x 20 x 2 = 160 minutes a night."""
    demand = Demand(alarms=[Alarms(0.5, n_staff=2, users=["s0"])])
    cells = load_table(Scenario(_org(KARI), Roster.weekly({"kari": {"mon": "day"}}), demand=demand))
    assert _cell(cells, "s", 3, Period.NIGHT).unplanned == pytest.approx(160)


def test_discharge_episodes_in_steady_state() -> None:
    """One discharge a day at 13:00, three days of 10:00 and 18:00 visits of 30 minutes.

    At 10:00 the people discharged one and two days before get a visit (the day's own arrive
    after): 2 x 30 = 60 minutes. At 18:00 all three: 90 minutes.
    """
    episode = Episode(days=3, times=["10:00", "18:00"], duration=30)
    demand = Demand(discharges=[Discharges(1.0, episode=episode, zones=["s"])])
    cells = load_table(Scenario(_org(KARI), Roster.weekly({"kari": {"mon": "day"}}), demand=demand))
    assert _cell(cells, "s", 4, Period.DAY).unplanned == pytest.approx(60)
    assert _cell(cells, "s", 4, Period.EVENING).unplanned == pytest.approx(90)
    assert _cell(cells, "", 4, Period.EVENING).unplanned == pytest.approx(90)


def test_shifts_count_for_the_staff_member_s_zone() -> None:
    """Kari (zone n) and Per (zone s) each give their zone 480 minutes; the district 960."""
    roster = Roster.weekly({"kari": {"mon": "evening"}, "per": {"mon": "evening"}})
    cells = load_table(Scenario(_org(KARI, PER), roster))
    assert [c.rostered for c in cells] == [960, 480, 480]
    assert [c.zone for c in cells] == ["", "n", "s"]


def test_a_multi_week_cycle_has_a_row_per_day_of_the_cycle() -> None:
    """A two-week rota: Monday of week 2 is cycle day 7, named so."""
    roster = Roster.rotation([{"kari": {"mon": "day"}}, {"kari": {"mon": "evening"}}])
    cells = load_table(Scenario(_org(KARI), roster))
    assert [(c.cycle_day, c.period, c.weekday) for c in cells if c.zone == ""] == [
        (0, Period.DAY, "Monday of week 1"),
        (7, Period.EVENING, "Monday of week 2"),
    ]
