"""Benchmarks for work lists (see benchmarks/README.md, "Work lists").

* ``lists-district-4w``: four weeks of a 45-staff, 120-user home-care district of three
  sub-zones (domain.md §4 and §9: three zones of 15 staff, day/evening/night on a two-week
  rotation with every other weekend, 2-4 planned visits a day per user, wound care for the
  nurses only, 4 minutes within a zone and 6-14 between zones, calls, alarms, 6 % sick leave),
  pooled across the district with daily lists from the built-in planner and from PyVRP at a
  stated iteration budget. Each records the planned travel of its lists.
* ``lists-district-day``: the same district's first week of daily routing problems (captured
  from a run), solved by the built-in planner and by PyVRP at 2,000 and 10,000 iterations:
  time, ``total_cost``, planned travel and a lower bound on travel (every listed visit reached
  from the nearest zone) on the very same problems.
* ``lists-municipality-year``: one year of case D (``municipality_year`` of
  ``test_bench_sim.py``) under fixed lists with the built-in planner.

Goals on one core: the four weeks with the built-in planner in at most 5 s, its planned travel
within 10 % of PyVRP's; the case-D year under fixed lists in at most 10 s.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from hometeams.model import Organisation, Staff, Team, User, Zone
from hometeams.records import Records
from hometeams.scenario import (
    Absences,
    Alarms,
    ArrivalProcess,
    Demand,
    LogNormal,
    Roster,
    Scenario,
    SickLeave,
    TravelMatrix,
    VisitPlan,
)
from hometeams.sim import (
    BuiltIn,
    DailyLists,
    FixedLists,
    Overflow,
    Pooled,
    PyVRP,
    RoutingProblem,
    Solution,
    nearest,
    preferred_first,
    schedule,
    simulate,
)
from hometeams.sim._routing import total_cost

sys.path.insert(0, str(Path(__file__).parent))
from test_bench_sim import municipality_year

WEEK = 7 * 1440.0
ZONES = ("north", "centre", "south")
# planned visit times on a 15-minute grid: mornings busiest, the rest of the day and evening
MORNING = tuple(f"{m // 60:02d}:{m % 60:02d}" for m in range(465, 630, 15))  # 07:45-10:15
LATER = tuple(  # 10:30-14:30 every 15 minutes, 15:30-21:30 every 30
    f"{m // 60:02d}:{m % 60:02d}" for m in [*range(630, 885, 15), *range(930, 1291, 30)]
)
ITERATIONS = 2_000  # PyVRP's budget per day's problem
PYVRP = PyVRP(iterations=ITERATIONS, seed=1)


EVENINGS = (  # (week 0, week 1) evenings of staff 10, 11 and 12: two on every evening
    (("mon", "tue", "wed", "thu", "fri"), ("sat", "sun", "mon", "tue")),
    (("sat", "sun", "mon", "tue", "wed"), ("wed", "thu", "fri", "sat", "sun")),
    (("thu", "fri", "sat", "sun"), ("mon", "tue", "wed", "thu", "fri")),
)
WEEKEND_PAIRS = (("mon", "wed"), ("tue", "thu"), ("wed", "fri"), ("mon", "thu"), ("tue", "fri"))


def _roster(zone: str) -> list[dict[str, dict[str, str | list[str]]]]:
    """Two weeks of one zone's 15 staff: 10 day, 3 evening, 2 night; every other weekend.

    Day: half the day staff work the weekend and two weekdays, the other half the five
    weekdays, and the halves swap every week (7 on a weekday, 5 at weekends); two on every
    evening; one every night.
    """
    weeks: list[dict[str, dict[str, str | list[str]]]] = []
    for w in range(2):
        week: dict[str, dict[str, str | list[str]]] = {}
        for i in range(10):
            if i % 2 == w:
                days = ("sat", "sun", *WEEKEND_PAIRS[i // 2])
                week[f"{zone}-{i}"] = dict.fromkeys(days, "day")
            else:
                week[f"{zone}-{i}"] = {"weekdays": "day"}
        for i in (10, 11, 12):
            week[f"{zone}-{i}"] = dict.fromkeys(EVENINGS[i - 10][w], "evening")
        for i in (13, 14):
            first = (i % 2) == w
            days = ("mon", "tue", "wed", "thu") if first else ("fri", "sat", "sun")
            week[f"{zone}-{i}"] = dict.fromkeys(days, "night")
        weeks.append(week)
    return weeks


def lists_district(weeks: int = 4) -> Scenario:
    """A 45-staff, 120-user district of three zones (deterministic)."""
    rng = np.random.default_rng(10)
    staff: list[Staff] = []
    teams: list[Team] = []
    users: list[User] = []
    plans: list[VisitPlan] = []
    rotation: list[dict[str, dict[str, str | list[str]]]] = [{}, {}]
    for zone in ZONES:
        members = []
        for i in range(15):
            nurse = i in (0, 3, 6, 9, 10, 12, 13)  # a nurse on every day and every evening
            sid = f"{zone}-{i}"
            staff.append(
                Staff(
                    sid,
                    profession="nurse" if nurse else "health-worker",
                    competences=["medication", "wound-care"] if nurse else ["medication"],
                    fte=1.0 if i < 10 else 0.8,
                    zone=zone,
                )
            )
            members.append(sid)
        teams.append(Team(zone, category="geographic", members=members, zones=[zone]))
        for w, week in enumerate(_roster(zone)):
            rotation[w].update(week)
        for u in range(40):
            uid = f"{zone}-u{u}"
            users.append(User(uid, zone=zone, team=zone, primary_contact=f"{zone}-{u % 9}"))
            n = int(rng.integers(2, 5))  # 2-4 visits a day
            times = [str(rng.choice(MORNING))]
            times += rng.choice(LATER, size=n - 1, replace=False).tolist()
            plans.append(
                VisitPlan(
                    uid,
                    days="daily",
                    times=sorted(times),
                    duration=LogNormal(mean=15.0, sd=8.0),
                    window=60.0,
                    required=["wound-care"] if u % 6 == 0 else [],
                    preferred=["medication"],
                )
            )
    org = Organisation(
        "District", zones=[Zone(z) for z in ZONES], staff=staff, teams=teams, users=users
    )
    ids = [u.id for u in users]
    demand = Demand(
        visits=plans,
        arrivals=[ArrivalProcess(0.45, users=ids, duration=20.0, window=120)],
        alarms=[Alarms(0.15, users=ids)],
    )
    travel = TravelMatrix(
        {
            **{(z, z): 4.0 for z in ZONES},
            ("north", "centre"): 6.0,
            ("centre", "south"): 9.0,
            ("north", "south"): 14.0,
        }
    )
    return Scenario(
        org,
        Roster.rotation(rotation),
        demand=demand,
        travel=travel,
        absences=Absences(sick_leave=SickLeave(0.06)),
        horizon=weeks * WEEK,
        name="district",
    )


class Capture:
    """A planner that keeps every problem it is given and plans with the built-in planner."""

    def __init__(self) -> None:
        self.problems: list[RoutingProblem] = []

    def solve(self, problem: RoutingProblem, /) -> Solution:
        """Keep the problem; the built-in planner's lists."""
        self.problems.append(problem)
        return BuiltIn().solve(problem)


def planned_travel(problem: RoutingProblem, solution: Solution) -> float:
    """Minutes of travel the lists plan."""
    return sum(trip for r, order in enumerate(solution) for _, trip in schedule(problem, r, order))


@pytest.fixture(scope="module")
def district() -> Scenario:
    return lists_district()


@pytest.fixture(scope="module")
def week_problems() -> list[RoutingProblem]:
    """The first week's daily routing problems, as the engine states them under pooling."""
    capture = Capture()
    one_week = lists_district(weeks=1)
    simulate(one_week, policy=Pooled(), seed=1, planning=DailyLists(planner=capture))
    return capture.problems


def _record(benchmark: BenchmarkFixture, records: Records) -> None:
    benchmark.extra_info["jobs"] = len(records.jobs)
    benchmark.extra_info["listed"] = len(records.lists)
    benchmark.extra_info["planned_travel"] = float(records.lists.planned_travel.sum())
    benchmark.extra_info["on_time_share"] = float(np.mean(records.jobs.state == 0))


@pytest.mark.benchmark(group="lists-district-4w")
def test_district_daily_lists_builtin(benchmark: BenchmarkFixture, district: Scenario) -> None:
    kwargs = {"policy": Pooled(), "seed": 1, "planning": DailyLists()}
    records = benchmark.pedantic(simulate, args=(district,), kwargs=kwargs, rounds=3)
    assert len(records.lists) > 0
    _record(benchmark, records)


@pytest.mark.benchmark(group="lists-district-4w")
def test_district_daily_lists_pyvrp(benchmark: BenchmarkFixture, district: Scenario) -> None:
    kwargs = {"policy": Pooled(), "seed": 1, "planning": DailyLists(planner=PYVRP)}
    records = benchmark.pedantic(simulate, args=(district,), kwargs=kwargs, rounds=1)
    assert len(records.lists) > 0
    _record(benchmark, records)
    benchmark.extra_info["iterations"] = ITERATIONS


def travel_floor(problem: RoutingProblem, solution: Solution) -> float:
    """A lower bound on the lists' travel: each listed visit at its zone's nearest approach."""
    zones = len(problem.travel)
    nearest_in = [min(problem.travel[a][b] for a in range(zones - 1)) for b in range(zones)]
    return sum(nearest_in[problem.visits[i].zone] for order in solution for i in order)


PLANNERS = {"builtin": BuiltIn(), "pyvrp-2k": PYVRP, "pyvrp-10k": PyVRP(iterations=10_000, seed=1)}


@pytest.mark.benchmark(group="lists-district-day")
@pytest.mark.parametrize("name", list(PLANNERS))
def test_district_week_of_problems(
    benchmark: BenchmarkFixture, week_problems: list[RoutingProblem], name: str
) -> None:
    planner = PLANNERS[name]
    solutions = benchmark.pedantic(
        lambda: [planner.solve(p) for p in week_problems], rounds=3 if name == "builtin" else 1
    )
    pairs = list(zip(week_problems, solutions, strict=True))
    benchmark.extra_info["problems"] = len(week_problems)
    benchmark.extra_info["visits"] = sum(len(p.visits) for p in week_problems)
    benchmark.extra_info["listed"] = sum(len(o) for s in solutions for o in s)
    benchmark.extra_info["total_cost"] = sum(total_cost(p, s) for p, s in pairs)
    benchmark.extra_info["planned_travel"] = sum(planned_travel(p, s) for p, s in pairs)
    benchmark.extra_info["travel_floor"] = sum(travel_floor(p, s) for p, s in pairs)


@pytest.mark.benchmark(group="lists-municipality-year")
def test_municipality_year_fixed_lists(benchmark: BenchmarkFixture) -> None:
    municipality = municipality_year()
    kwargs = {
        "policy": Overflow(30, order=(preferred_first, nearest)),
        "seed": 1,
        "planning": FixedLists(),
    }
    records = benchmark.pedantic(simulate, args=(municipality,), kwargs=kwargs, rounds=3)
    assert len(records.jobs) >= 200_000
    _record(benchmark, records)
