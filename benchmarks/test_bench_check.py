"""Benchmarks for checking a large scenario (see benchmarks/README.md, "Checking").

* ``check-roster``: building (and so checking) a scenario whose one team has ``n`` staff, each
  with a roster line, for n = 2,000 and 20,000, beside building its organisation alone in the
  same run. Checking is linear in the roster when the ratio stays flat as ``n`` grows ten-fold
  (it was quadratic: each roster line rebuilt the team's member list).
* ``check-audit``: the findings ``hometeams check`` prints for the same scenario as a file with
  a fixed-teams model (``ScenarioFile.audit``), beside building the scenario. Linear when the
  ratio stays flat (it was quadratic: each of the model's findings was searched for in a list
  of the file's, and the contract table looked up each person's position in a list).
* ``check-visits``: ``audit(scenario, fixed_teams=True)`` of a scenario with as many users and
  daily visit plans (two a day, a third needing a competence half the staff hold) as staff,
  for n = 1,000 and 4,000, beside building that scenario. Linear when the ratio stays flat (it
  was quadratic: every visit passed over every shift of the cycle, and worked out again who
  holds its competences and which roster lines are its team's).
"""

from __future__ import annotations

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from hometeams.io import ModelSpec, ScenarioFile
from hometeams.model import Organisation, Staff, Team, User, Zone
from hometeams.scenario import Demand, Roster, RosterLine, Scenario, VisitPlan, audit
from hometeams.sim import FixedTeams

SIZES = [2_000, 20_000]


def _organisation(n: int) -> Organisation:
    staff = [Staff(f"s{i}", profession="nurse") for i in range(n)]
    return Organisation("big", staff=staff, teams=[Team("t", members=[s.id for s in staff])])


def _roster(n: int) -> Roster:
    shifts = ("day", "evening", "night")
    return Roster(
        [RosterLine(f"s{i}", shift=shifts[i % 3], team="t", days="weekdays") for i in range(n)]
    )


@pytest.mark.benchmark(group="check-roster")
@pytest.mark.parametrize("n", SIZES)
def test_scenario_check(benchmark: BenchmarkFixture, n: int) -> None:
    org, roster = _organisation(n), _roster(n)
    scenario = benchmark(Scenario, org, roster)
    benchmark.extra_info["staff"] = n
    assert len(scenario.roster.lines) == n


@pytest.mark.benchmark(group="check-roster")
@pytest.mark.parametrize("n", SIZES)
def test_organisation_alone(benchmark: BenchmarkFixture, n: int) -> None:
    staff = [Staff(f"s{i}", profession="nurse") for i in range(n)]
    teams = [Team("t", members=[s.id for s in staff])]
    org = benchmark(Organisation, "big", staff=staff, teams=teams)
    benchmark.extra_info["staff"] = n
    assert len(org.staff) == n


@pytest.mark.benchmark(group="check-audit")
@pytest.mark.parametrize("n", SIZES)
def test_file_audit(benchmark: BenchmarkFixture, n: int) -> None:
    file = ScenarioFile(Scenario(_organisation(n), _roster(n)), [ModelSpec("fixed", FixedTeams())])
    findings = benchmark(file.audit)
    benchmark.extra_info["staff"] = n
    assert sum(f.kind == "contract" for f in findings) == n  # 40 h rostered for 37.5 h


@pytest.mark.benchmark(group="check-audit")
@pytest.mark.parametrize("n", SIZES)
def test_scenario_alone(benchmark: BenchmarkFixture, n: int) -> None:
    org, roster = _organisation(n), _roster(n)
    scenario = benchmark(Scenario, org, roster)
    assert len(scenario.roster.lines) == n


VISIT_SIZES = [1_000, 4_000]


def _visited(n: int) -> tuple[Organisation, Roster, Demand]:
    """``n`` staff on weekday day shifts and ``n`` users with two visits every day."""
    staff = [
        Staff(f"s{i}", profession="nurse", zone="z", competences=["nursing"] if i % 2 else [])
        for i in range(n)
    ]
    org = Organisation(
        "big",
        zones=[Zone("z")],
        staff=staff,
        teams=[Team("t", members=[s.id for s in staff])],
        users=[User(f"u{i}", zone="z", team="t") for i in range(n)],
    )
    roster = Roster.weekly({s.id: {"weekdays": "day"} for s in staff})
    visits = [
        VisitPlan(f"u{i}", times=["09:00", "19:00"], duration=30,
                  required=["nursing"] if i % 3 == 0 else [])
        for i in range(n)
    ]  # fmt: skip
    return org, roster, Demand(visits=visits)


@pytest.mark.benchmark(group="check-visits")
@pytest.mark.parametrize("n", VISIT_SIZES)
def test_audit_with_visits(benchmark: BenchmarkFixture, n: int) -> None:
    org, roster, demand = _visited(n)
    scenario = Scenario(org, roster, demand=demand)
    findings = benchmark(audit, scenario, fixed_teams=True)
    benchmark.extra_info["staff"] = n
    # every visit plan's 19:00 visits and its weekend 09:00 visits find nobody on shift
    assert sum(f.kind == "outside-shift" for f in findings) == n


@pytest.mark.benchmark(group="check-visits")
@pytest.mark.parametrize("n", VISIT_SIZES)
def test_scenario_with_visits_alone(benchmark: BenchmarkFixture, n: int) -> None:
    org, roster, demand = _visited(n)
    scenario = benchmark(Scenario, org, roster, demand=demand)
    assert len(scenario.demand.visits) == n
