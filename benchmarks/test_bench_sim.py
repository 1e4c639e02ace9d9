"""Benchmarks for the simulator (see benchmarks/README.md, "Simulator").

* ``sim-district-week``: one week of one home-care district of 17 FTE (14 full-time and 6
  half-time staff, three sub-zones with travel between them, 80 users with daily visit plans,
  unplanned calls and alarms) -- about 3,000 jobs -- under fixed teams and under overflow.
* ``sim-municipality-year``: one year of a four-district municipality like case D
  (domain.md §4): four such districts, a day-only weekday rehabilitation team whose evening
  and weekend visits go to the districts, hospital discharges with episodes, sick leave --
  several hundred thousand jobs -- under overflow with nearest-first ordering.
* ``sim-mmc``: the M/M/3 queue (lambda = 2, mu = 1) with 50,000 customers, through the engine
  (realisation and run, via :func:`hometeams.validation.queue_realisation`) beside a plain SimPy
  M/M/c written here (a ``Resource`` and one process per customer) and beside Ciw's M/M/3
  network (same lambda, mu, servers and number of customers), same run.

Goals on one core: (1) well under 1 s, (2) under 10 s, (3) at least 2.5 times the jobs per
second of plain SimPy and at least 4 times Ciw's.
"""

from __future__ import annotations

from collections.abc import Generator

import ciw
import numpy as np
import pytest
import simpy
from pytest_benchmark.fixture import BenchmarkFixture

from hometeams.model import Membership, Organisation, Staff, Team, User, Zone
from hometeams.records import Records
from hometeams.scenario import (
    Absences,
    Alarms,
    ArrivalProcess,
    Demand,
    Discharges,
    Episode,
    LogNormal,
    Roster,
    Scenario,
    SickLeave,
    TravelMatrix,
    VisitPlan,
)
from hometeams.sim import FixedTeams, Overflow, nearest, preferred_first, run, simulate
from hometeams.validation import queue_organisation, queue_realisation

WEEK = 7 * 1440.0
# planned visit times: every 15 minutes within the day and evening shifts
TIMES = tuple(f"{m // 60:02d}:{m % 60:02d}" for m in range(435, 1350, 15) if not 885 <= m < 915)


def _district(
    d: int, rng: np.random.Generator
) -> tuple[list[Staff], Team, list[User], list[VisitPlan], dict[str, dict[str, str | list[str]]]]:
    """One district of 17 FTE: staff, its geographic team, users, visit plans, roster."""
    zones = [f"d{d}-{k}" for k in "abc"]
    staff = []
    for i in range(20):
        nurse = i % 3 == 0
        staff.append(
            Staff(
                f"d{d}-s{i}",
                profession="nurse" if nurse else "health-worker",
                competences=["medication", "wound-care"] if nurse else ["medication"],
                fte=1.0 if i < 14 else 0.5,
                zone=zones[i % 3],
            )
        )
    team = Team(f"d{d}", category="geographic", members=[s.id for s in staff], zones=zones)
    users, plans = [], []
    for u in range(80):
        uid = f"d{d}-u{u}"
        zone = zones[u % 3]
        users.append(User(uid, zone=zone, team=team.id, primary_contact=staff[u % 20].id))
        times = sorted(rng.choice(TIMES, size=int(rng.integers(4, 7)), replace=False).tolist())
        wound = u % 7 == 0
        plans.append(
            VisitPlan(
                uid,
                days="daily",
                times=times,
                duration=LogNormal(mean=8.0, sd=5.0),
                window=60.0,
                required=["wound-care"] if wound else [],
                preferred=["medication"],
            )
        )
    roster: dict[str, dict[str, str | list[str]]] = {}
    for i, s in enumerate(staff):
        if i < 8:
            roster[s.id] = {"weekdays": "day"}
        elif i < 14:
            roster[s.id] = {"daily": "evening"}
        else:
            roster[s.id] = {"weekend": "day", "wed": "day"}
    return staff, team, users, plans, roster


def _travel(districts: int) -> TravelMatrix:
    legs: dict[tuple[str, str], float] = {}
    for d in range(districts):
        zs = [f"d{d}-{k}" for k in "abc"]
        legs[(zs[0], zs[1])], legs[(zs[0], zs[2])], legs[(zs[1], zs[2])] = 6.0, 9.0, 7.0
        for e in range(d + 1, districts):
            legs[(f"d{d}-a", f"d{e}-a")] = 15.0 + 3 * (e - d)
    return TravelMatrix(legs)


def district_week() -> Scenario:
    """One week of one district: about 3,000 jobs."""
    rng = np.random.default_rng(1)
    staff, team, users, plans, roster = _district(0, rng)
    org = Organisation(
        "District 0", zones=[Zone(z) for z in team.zones], staff=staff, teams=[team], users=users
    )
    demand = Demand(
        visits=plans,
        arrivals=[ArrivalProcess(0.3, users=[u.id for u in users], duration=20.0, window=120)],
        alarms=[Alarms(0.1, users=[u.id for u in users])],
    )
    return Scenario(
        org,
        Roster.weekly(roster),
        demand=demand,
        travel=_travel(1),
        absences=Absences(sick_leave=SickLeave(0.06)),
        horizon=WEEK,
        name="district",
    )


def municipality_year() -> Scenario:
    """One year of four districts like case D plus a day-only rehabilitation team."""
    rng = np.random.default_rng(2)
    staff: list[Staff] = []
    teams: list[Team] = []
    users: list[User] = []
    plans: list[VisitPlan] = []
    roster: dict[str, dict[str, str | list[str]]] = {}
    for d in range(4):
        s, t, u, p, r = _district(d, rng)
        staff += s
        teams.append(t)
        users += u
        plans += p
        roster.update(r)
    rehab_staff = [
        Staff(f"rehab{i}", profession=prof, competences=["rehabilitation"], fte=0.9, zone="d0-a")
        for i, prof in enumerate(["nurse", "occupational-therapist", "physiotherapist", "nurse"])
    ]
    staff += rehab_staff
    teams.append(
        Team(
            "rehab",
            category="specialist",
            type="rehabilitation",
            members=[Membership(s.id) for s in rehab_staff],
            periods=["day"],
            days=range(5),
        )
    )
    for s in rehab_staff:
        roster[s.id] = {"weekdays": "day"}
    zones = [z for t in teams if t.category.value == "geographic" for z in sorted(t.zones)]
    demand = Demand(
        visits=plans,
        arrivals=[ArrivalProcess(0.3 * 4, users=[u.id for u in users], duration=20.0, window=120)],
        alarms=[Alarms(0.4, users=[u.id for u in users])],
        discharges=[
            Discharges(
                mean=[0.6, 0.6, 0.3, 0.6, 1.5, 0.2, 0.2],
                dispersion=0.8,
                episode=Episode(days=14, times=["09:00", "18:00"], duration=30.0),
                zones=zones,
                team="rehab",
            )
        ],
    )
    org = Organisation(
        "Case D", zones=[Zone(z) for z in zones], staff=staff, teams=teams, users=users
    )
    return Scenario(
        org,
        Roster.weekly(roster),
        demand=demand,
        travel=_travel(4),
        absences=Absences(sick_leave=SickLeave(0.06)),
        horizon=52 * WEEK,
        name="case D",
    )


@pytest.fixture(scope="module")
def district() -> Scenario:
    return district_week()


@pytest.fixture(scope="module")
def municipality() -> Scenario:
    return municipality_year()


def _record(benchmark: BenchmarkFixture, records: Records) -> None:
    jobs = len(records.jobs)
    benchmark.extra_info["jobs"] = jobs
    benchmark.extra_info["served_share"] = float(np.mean(records.jobs.state < 2))
    median = benchmark.stats.stats.median if benchmark.stats else float("nan")
    benchmark.extra_info["jobs_per_second"] = jobs / median


@pytest.mark.benchmark(group="sim-district-week")
@pytest.mark.parametrize("policy", [FixedTeams(), Overflow(30, order=(preferred_first, nearest))])
def test_district_week(benchmark: BenchmarkFixture, district: Scenario, policy: object) -> None:
    records = benchmark(simulate, district, policy=policy, seed=1)
    assert 2_500 <= len(records.jobs) <= 3_500
    _record(benchmark, records)


@pytest.mark.benchmark(group="sim-municipality-year")
def test_municipality_year(benchmark: BenchmarkFixture, municipality: Scenario) -> None:
    policy = Overflow(30, order=(preferred_first, nearest))
    records = benchmark.pedantic(
        simulate, args=(municipality,), kwargs={"policy": policy, "seed": 1}, rounds=3
    )
    assert len(records.jobs) >= 200_000
    _record(benchmark, records)


# -- M/M/c beside plain SimPy ---------------------------------------------------------------

CUSTOMERS, SERVERS, LAMBDA, MU = 50_000, 3, 2.0, 1.0


def plain_simpy_mmc(customers: int, seed: int) -> list[float]:
    """The textbook SimPy M/M/c: a Resource and one process per customer; returns waits."""
    rng = np.random.default_rng(seed)
    gaps = rng.exponential(1.0 / LAMBDA, customers).tolist()
    work = rng.exponential(1.0 / MU, customers).tolist()
    env = simpy.Environment()
    nurses = simpy.Resource(env, capacity=SERVERS)
    waits: list[float] = []

    def customer(duration: float) -> Generator[simpy.events.Event, object, None]:
        arrived = env.now
        with nurses.request() as request:
            yield request
            waits.append(env.now - arrived)
            yield env.timeout(duration)

    def source() -> Generator[simpy.events.Event, object, None]:
        for gap, duration in zip(gaps, work, strict=True):
            yield env.timeout(gap)
            env.process(customer(duration))

    env.process(source())
    env.run()
    return waits


def engine_mmc(customers: int, seed: int) -> Records:
    """The same queue through hometeams: realisation and run with Pooled (FCFS)."""
    from hometeams.sim import Pooled

    realised = queue_realisation(SERVERS, LAMBDA, 1.0 / MU, jobs=customers, seed=seed)
    return run(realised, queue_organisation(SERVERS), Pooled(order=()))


@pytest.mark.benchmark(group="sim-mmc")
def test_mmc_engine(benchmark: BenchmarkFixture) -> None:
    records = benchmark.pedantic(engine_mmc, args=(CUSTOMERS, 1), rounds=5)
    assert len(records.jobs) == CUSTOMERS
    benchmark.extra_info["jobs"] = CUSTOMERS
    benchmark.extra_info["jobs_per_second"] = CUSTOMERS / benchmark.stats.stats.median


@pytest.mark.benchmark(group="sim-mmc")
def test_mmc_plain_simpy(benchmark: BenchmarkFixture) -> None:
    waits = benchmark.pedantic(plain_simpy_mmc, args=(CUSTOMERS, 1), rounds=5)
    assert len(waits) == CUSTOMERS
    benchmark.extra_info["jobs"] = CUSTOMERS
    benchmark.extra_info["jobs_per_second"] = CUSTOMERS / benchmark.stats.stats.median


def ciw_mmc(customers: int, seed: int) -> list[float]:
    """The same queue as a one-node Ciw network, run until ``customers`` have finished."""
    ciw.seed(seed)
    network = ciw.create_network(
        arrival_distributions=[ciw.dists.Exponential(rate=LAMBDA)],
        service_distributions=[ciw.dists.Exponential(rate=MU)],
        number_of_servers=[SERVERS],
    )
    simulation = ciw.Simulation(network)
    simulation.simulate_until_max_customers(customers, method="Finish")
    return [r.waiting_time for r in simulation.get_all_records()]


@pytest.mark.benchmark(group="sim-mmc")
def test_mmc_ciw(benchmark: BenchmarkFixture) -> None:
    waits = benchmark.pedantic(ciw_mmc, args=(CUSTOMERS, 1), rounds=3)
    assert len(waits) == CUSTOMERS
    # Erlang C for M/M/3 at lambda 2, mu 1: P(wait) = 4/9, mean wait 4/9 / (3 - 2) = 0.444
    assert abs(float(np.mean(waits)) - 4 / 9) < 0.05
    benchmark.extra_info["jobs"] = CUSTOMERS
    benchmark.extra_info["jobs_per_second"] = CUSTOMERS / benchmark.stats.stats.median
