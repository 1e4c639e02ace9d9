"""Tests of utilisation by hour of the week, against counting minute by minute."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from hometeams.errors import InvalidArgument
from hometeams.metrics import _hourly, utilisation_by_hour
from hometeams.model import Organisation, Staff, Team
from hometeams.records import JobRecords, Records
from strategies import jobs_table, shifts_table

DAY = 1440.0


def test_utilisation_counts_travel_and_work_in_their_hours():
    """Travel and work minutes land in the hours they happen, over the hour's rostered minutes."""
    shifts = shifts_table([("kari", 480.0, 600.0)])
    jobs = jobs_table([("u", "kari", "", 550.0, 580.0, 20.0)])  # travel 530-550, work 550-580
    u = utilisation_by_hour(Records(jobs, shifts, horizon=DAY))
    assert u[8] == pytest.approx(10 / 60)  # 530-540
    assert u[9] == pytest.approx(40 / 60)  # 540-580
    assert np.isnan(u[7])
    assert np.isnan(u[10])


def test_utilisation_leaves_out_overtime_past_the_shift():
    """Minutes after the shift's end are overtime: not in the hourly utilisation."""
    shifts = shifts_table([("kari", 480.0, 600.0)])
    jobs = jobs_table([("u", "kari", "", 590.0, 640.0, 10.0)])
    u = utilisation_by_hour(Records(jobs, shifts, horizon=DAY))
    assert u[9] == pytest.approx(20 / 60)  # 580-600 inside the shift
    assert np.isnan(u[10])


def test_utilisation_splits_work_across_back_to_back_shifts():
    """Work spanning a day shift and the evening shift after it counts in both."""
    shifts = shifts_table([("kari", 420.0, 900.0), ("kari", 900.0, 1380.0)])
    jobs = jobs_table([("u", "kari", "", 880.0, 920.0, 0.0)])
    u = utilisation_by_hour(Records(jobs, shifts, horizon=DAY))
    assert u[14] == pytest.approx(20 / 60)
    assert u[15] == pytest.approx(20 / 60)


def test_utilisation_counts_both_staff_of_a_two_person_visit():
    """A two-person visit keeps both staff busy."""
    shifts = shifts_table([("kari", 480.0, 540.0), ("per", 480.0, 540.0)])
    jobs = jobs_table([("u", "kari", "per", 500.0, 530.0, 0.0)])
    u = utilisation_by_hour(Records(jobs, shifts, horizon=DAY))
    assert u[8] == pytest.approx(60 / 120)


def test_utilisation_leaves_out_absent_shifts_and_the_warmup():
    """Absent shifts and shifts starting before the warm-up have no rostered minutes."""
    rows = [("kari", 480.0, 540.0), ("per", 480.0, 540.0), ("kari", DAY + 480.0, DAY + 540.0)]
    shifts = shifts_table(rows, absent=[False, True, False])
    jobs = jobs_table(
        [("u", "kari", "", 480.0, 510.0, 0.0), ("u", "kari", "", DAY + 480, DAY + 490, 0)]
    )
    both = utilisation_by_hour(Records(jobs, shifts, horizon=2 * DAY))
    assert both[8] == pytest.approx(30 / 60)
    assert both[24 + 8] == pytest.approx(10 / 60)
    after = utilisation_by_hour(Records(jobs, shifts, warmup=DAY, horizon=2 * DAY))
    assert np.isnan(after[8])
    assert after[24 + 8] == pytest.approx(10 / 60)


def test_utilisation_folds_weeks_and_wraps_sunday_night():
    """Week 2's Monday adds to week 1's; a Sunday night shift runs into Monday morning."""
    week = 7 * DAY
    shifts = shifts_table(
        [("kari", 480.0, 540.0), ("kari", week + 480.0, week + 540.0),
         ("ola", 6 * DAY + 1380.0, week + 60.0)]
    )  # fmt: skip
    jobs = jobs_table(
        [("u", "kari", "", 480.0, 540.0, 0.0), ("u", "ola", "", week + 30.0, week + 45.0, 0.0)]
    )
    u = utilisation_by_hour(Records(jobs, shifts, horizon=2 * week))
    assert u[8] == pytest.approx(60 / 120)  # busy all of week 1's hour, none of week 2's
    assert u[167] == 0.0
    assert u[0] == pytest.approx(15 / 60)


def test_utilisation_rejects_what_is_not_records():
    """A table instead of Records is an error naming the argument."""
    with pytest.raises(InvalidArgument, match="records: must be Records"):
        utilisation_by_hour(JobRecords.empty())  # type: ignore[arg-type]


@given(st.lists(st.tuples(st.integers(0, 3000), st.integers(0, 600)), min_size=1, max_size=12))
def test_minutes_per_hour_matches_counting_minute_by_minute(intervals):
    """The prefix-sum binning equals counting every covered minute into its hour of the week."""
    a = np.array([float(s) for s, _ in intervals])
    b = np.array([float(s + n) for s, n in intervals])
    expected = np.zeros(168)
    for s, n in intervals:
        for minute in range(s, s + n):
            expected[(minute // 60) % 168] += 1
    assert np.allclose(_hourly._minutes_per_hour(a, b), expected)


@st.composite
def consistent_runs(draw):
    """Single-staff visits placed inside day shifts, with the shifts' busy and travel summed."""
    rows, jobs = [], []
    busy_travel = 0.0
    for person in ("kari", "per"):
        for day in sorted(draw(st.sets(st.integers(0, 13), min_size=1, max_size=5))):
            start = day * DAY + 60.0 * draw(st.integers(0, 16))
            end = start + 60.0 * draw(st.integers(2, 8))
            rows.append((person, start, end))
            t = start
            for _ in range(draw(st.integers(0, 4))):
                travel = float(draw(st.integers(0, 20)))
                work = float(draw(st.integers(1, 60)))
                if t + travel + work > end:
                    break
                jobs.append(("u", person, "", t + travel, t + travel + work, travel))
                busy_travel += travel + work
                t += travel + work + draw(st.integers(0, 30))
    return Records(jobs_table(jobs), shifts_table(rows), horizon=14 * DAY), rows, busy_travel


@given(consistent_runs())
def test_hourly_utilisation_weighted_by_rostered_minutes_is_whole_run_utilisation(run):
    """Summing util[h] x rostered[h] over the week gives all busy and travel minutes."""
    records, rows, busy_travel = run
    rostered = np.zeros(168)
    for _, start, end in rows:
        for minute in range(int(start), int(end)):
            rostered[(minute // 60) % 168] += 1
    u = utilisation_by_hour(records)
    assert np.array_equal(np.isnan(u), rostered == 0)
    assert np.nansum(u * rostered) == pytest.approx(busy_travel, abs=1e-6)
    assert np.nanmax(u, initial=0.0) <= 1.0 + 1e-12


def test_hourly_utilisation_adds_up_to_the_simulators_shift_records():
    """On a simulated run, hourly busy and travel minutes sum to the shift records' own."""
    from hometeams.model import User, Zone
    from hometeams.scenario import Demand, LogNormal, Roster, Scenario, TravelMatrix, VisitPlan
    from hometeams.sim import FixedTeams, simulate

    zones = ("north", "south")
    org = Organisation(
        "District 1", zones=[Zone(z) for z in zones],
        staff=[Staff(f"{z}{i}", profession="nurse", zone=z) for z in zones for i in range(2)],
        teams=[Team(z, category="geographic", zones=[z], members=[f"{z}0", f"{z}1"])
               for z in zones],
        users=[User(f"{z}-{k}", zone=z, team=z) for z in zones for k in range(4)],
    )  # fmt: skip
    scenario = Scenario(
        org, Roster.weekly({p.id: {"weekdays": "day", "sat": "evening"} for p in org.staff}),
        demand=Demand(visits=[VisitPlan(u.id, times=["08:00", "13:30", "17:00"], team=u.team,
                                        duration=LogNormal(mean=35, sd=15))
                              for u in org.users]),
        travel=TravelMatrix({("north", "south"): 12}), horizon=21 * DAY, warmup=7 * DAY,
    )  # fmt: skip
    run = simulate(scenario, policy=FixedTeams(), seed=5)
    shifts = run.shifts
    kept = ~shifts.absent & (shifts.start >= run.warmup)
    minutes = np.concatenate(
        [np.arange(a, b) for a, b in zip(shifts.start[kept], shifts.end[kept], strict=True)]
    )
    rostered = np.bincount((minutes // 60).astype(int) % 168, minlength=168)
    u = utilisation_by_hour(run)
    expected = float(shifts.busy[kept].sum() + shifts.travel[kept].sum())
    assert expected > 0
    assert np.nansum(u * rostered) == pytest.approx(expected, rel=1e-9)
