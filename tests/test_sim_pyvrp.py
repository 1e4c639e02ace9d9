"""The PyVRP planner: feasible lists, ranks kept, hand-computed optima, same seed same lists."""

from __future__ import annotations

import math
import sys

import numpy as np
import pytest

from hometeams.errors import InvalidArgument
from hometeams.model import Organisation, Staff, Team, User, Zone
from hometeams.scenario import Demand, Roster, Scenario, TravelMatrix, VisitPlan
from hometeams.sim import (
    BuiltIn,
    DailyLists,
    FixedLists,
    FixedTeams,
    PyVRP,
    Route,
    RoutingProblem,
    Visit,
    route_cost,
    simulate,
)
from hometeams.sim._routing import Solution, total_cost

FAST = PyVRP(iterations=300, seed=1)


def two_zones(ranks: dict[int, int] | None = None, *, inside: float = 5.0) -> RoutingProblem:
    """Two zones 20 minutes apart (``inside`` within each), two nurses, two visits in each."""
    travel = [[inside, 20.0, 0.0], [20.0, inside, 0.0], [0.0, 0.0, 0.0]]
    routes = [Route(staff=s, shift=s, start=420.0, end=900.0, zone=s) for s in (0, 1)]
    visits = [
        Visit(
            job=k,
            zone=k % 2,
            ready=480.0 + 60 * (k // 2),
            due=540.0 + 60 * (k // 2),
            duration=30.0,
            ranks=ranks if ranks is not None else {0: 0, 1: 0},
        )
        for k in range(4)
    ]
    return RoutingProblem(routes, visits, travel)


def random_problem(seed: int, *, routes: int = 6, visits: int = 40) -> RoutingProblem:
    """Three zones 5-15 minutes apart, a day and an evening shift, visits with random ranks."""
    rng = np.random.default_rng(seed)
    legs = [[3.0, 6.0, 12.0], [6.0, 3.0, 9.0], [12.0, 9.0, 3.0]]
    travel = [[*row, 0.0] for row in legs] + [[0.0] * 4]
    rs = [
        Route(
            staff=r,
            shift=r,
            start=420.0 if r % 2 == 0 else 900.0,
            end=900.0 if r % 2 == 0 else 1380.0,
            zone=r % 3,
        )
        for r in range(routes)
    ]
    vs = []
    for k in range(visits):
        ready = float(rng.integers(30, 90)) * 15.0
        allowed = rng.choice(routes, size=int(rng.integers(1, routes + 1)), replace=False)
        ranks = {int(r): int(rng.integers(0, 3)) for r in allowed}
        vs.append(
            Visit(
                job=k,
                zone=int(rng.integers(0, 3)),
                ready=ready,
                due=ready + 60.0,
                duration=float(rng.integers(10, 40)),
                ranks=ranks,
            )
        )
    return RoutingProblem(rs, vs, travel)


def check_lists(problem: RoutingProblem, solution: Solution) -> None:
    """Every visit at most once, only on routes its ranks allow, every route of finite cost."""
    assert len(solution) == len(problem.routes)
    placed = [i for order in solution for i in order]
    assert len(placed) == len(set(placed))
    for r, order in enumerate(solution):
        assert all(r in problem.visits[i].ranks for i in order)
        assert route_cost(problem, r, order) < math.inf


def test_each_nurse_keeps_her_zone_at_the_hand_computed_optimum() -> None:
    """Two zones, two nurses, four visits: each keeps her zone, 4 x 5 minutes of travel."""
    problem = two_zones()
    solution = FAST.solve(problem)
    assert solution == ((0, 2), (1, 3))
    # each nurse drives 5 minutes to each of her two visits; crossing would cost 20 per leg
    assert total_cost(problem, solution) == 20.0


def test_the_preference_term_is_kept() -> None:
    """A rank step (15 per step) moves visits to the better-ranked nurse when it pays."""
    # Zone-0 visits prefer nurse 1 (rank 0) over nurse 0 (rank 2: 30 minutes' worth), zone-1
    # visits likewise prefer nurse 0. Crossing costs 20 to reach the first visit and 5 to the
    # second, so swapping the zones costs 2 x (20 + 5) = 50 against 4 x 5 + 4 x 30 = 140.
    travel = [[5.0, 20.0, 0.0], [20.0, 5.0, 0.0], [0.0, 0.0, 0.0]]
    routes = [Route(staff=s, shift=s, start=420.0, end=900.0, zone=s) for s in (0, 1)]
    visits = [
        Visit(
            job=k,
            zone=k % 2,
            ready=480.0 + 60 * (k // 2),
            due=540.0 + 60 * (k // 2),
            duration=30.0,
            ranks={0: 2, 1: 0} if k % 2 == 0 else {0: 0, 1: 2},
        )
        for k in range(4)
    ]
    problem = RoutingProblem(routes, visits, travel)
    solution = FAST.solve(problem)
    assert solution == ((1, 3), (0, 2))
    assert total_cost(problem, solution) == 50.0


def test_a_visit_goes_only_on_a_route_its_ranks_allow() -> None:
    """Zone-0 visits allowed only on nurse 1: she crosses, although nurse 0 is next door."""
    travel = [[5.0, 20.0, 0.0], [20.0, 5.0, 0.0], [0.0, 0.0, 0.0]]
    routes = [Route(staff=s, shift=s, start=420.0, end=900.0, zone=s) for s in (0, 1)]
    visits = [
        Visit(job=0, zone=0, ready=480.0, due=540.0, duration=30.0, ranks={1: 0}),
        Visit(job=1, zone=0, ready=600.0, due=660.0, duration=30.0, ranks={1: 0}),
    ]
    problem = RoutingProblem(routes, visits, travel)
    solution = FAST.solve(problem)
    check_lists(problem, solution)
    # 20 to zone 0 for the first, 5 within zone 0 for the second
    assert solution == ((), (0, 1))
    assert total_cost(problem, solution) == 25.0


def test_a_visit_that_cannot_be_on_time_is_left_to_the_dispatcher() -> None:
    """Time windows are hard in PyVRP: a visit only makeable late stays off the lists."""
    # The only nurse starts at 07:00 in zone 0; the visit is in zone 1, 20 minutes away, and
    # must start by 07:10. The built-in planner plans it 10 minutes late (20 + 2 x 10 = 40 < 240).
    travel = [[0.0, 20.0, 0.0], [20.0, 0.0, 0.0], [0.0, 0.0, 0.0]]
    routes = [Route(staff=0, shift=0, start=420.0, end=900.0, zone=0)]
    visits = [Visit(job=0, zone=1, ready=420.0, due=430.0, duration=30.0, ranks={0: 0})]
    problem = RoutingProblem(routes, visits, travel)
    assert FAST.solve(problem) == ((),)
    assert BuiltIn().solve(problem) == ((0,),)


def test_a_visit_that_would_start_after_the_shift_is_not_listed() -> None:
    """A visit whose window opens at the shift's end is not put on the list."""
    travel = [[0.0, 0.0], [0.0, 0.0]]
    routes = [Route(staff=0, shift=0, start=420.0, end=900.0, zone=0)]
    visits = [Visit(job=0, zone=0, ready=900.0, due=960.0, duration=30.0, ranks={0: 0})]
    problem = RoutingProblem(routes, visits, travel)
    assert FAST.solve(problem) == ((),)


def test_a_visit_worth_some_overtime_is_listed_with_its_overtime() -> None:
    """Ten minutes of overtime (2 per minute: 20) is cheaper than leaving the visit (240)."""
    travel = [[0.0, 0.0], [0.0, 0.0]]
    routes = [Route(staff=0, shift=0, start=420.0, end=900.0, zone=0)]
    visits = [Visit(job=0, zone=0, ready=880.0, due=890.0, duration=30.0, ranks={0: 0})]
    problem = RoutingProblem(routes, visits, travel)
    solution = FAST.solve(problem)
    assert solution == ((0,),)
    assert total_cost(problem, solution) == 20.0


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_lists_on_random_problems_are_feasible_and_keep_ranks(seed: int) -> None:
    """On random three-zone problems every list is walkable and every visit allowed."""
    problem = random_problem(seed)
    check_lists(problem, FAST.solve(problem))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_never_worse_than_obviously_bad_lists(seed: int) -> None:
    """PyVRP's cost is at most that of no lists, and of each visit on its first allowed route."""
    problem = random_problem(seed)
    cost = total_cost(problem, FAST.solve(problem))
    nothing = tuple(() for _ in problem.routes)
    assert cost <= total_cost(problem, nothing)
    # each visit on the lowest-numbered route allowed, in ready order, only where walkable
    lists: list[tuple[int, ...]] = [() for _ in problem.routes]
    for i in sorted(range(len(problem.visits)), key=lambda i: problem.visits[i].ready):
        r = min(problem.visits[i].ranks)
        if route_cost(problem, r, (*lists[r], i)) < math.inf:
            lists[r] = (*lists[r], i)
    assert cost <= total_cost(problem, tuple(lists))


def test_same_seed_same_lists() -> None:
    """The same problem, seed and iterations give the same lists."""
    problem = random_problem(4, routes=8, visits=60)
    first = PyVRP(iterations=200, seed=7).solve(problem)
    assert PyVRP(iterations=200, seed=7).solve(problem) == first


def test_no_routes_or_no_visits_give_empty_lists() -> None:
    """Nothing to plan gives an empty list per route."""
    problem = two_zones()
    empty = RoutingProblem(problem.routes, [], problem.travel)
    assert FAST.solve(empty) == ((), ())
    assert FAST.solve(RoutingProblem([], problem.visits, problem.travel)) == ()


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"iterations": 0}, "iterations: must be a whole number >= 1, got 0"),
        ({"iterations": 2.5}, "iterations"),
        ({"seed": -1}, r"seed: must be a whole number in \[0, 2\*\*32\), got -1"),
        ({"time_limit": 0}, "time_limit: must be a number of seconds > 0 or None, got 0"),
    ],
)
def test_bad_options_are_refused(kwargs: dict[str, object], match: str) -> None:
    """Bad options raise InvalidArgument naming the option, the value and the rule."""
    with pytest.raises(InvalidArgument, match=match):
        PyVRP(**kwargs)  # type: ignore[arg-type]


def test_a_time_limit_also_stops_the_search() -> None:
    """With a time limit the search still returns feasible lists."""
    problem = random_problem(5)
    check_lists(problem, PyVRP(iterations=10**6, time_limit=0.2).solve(problem))


def test_a_missing_pyvrp_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without pyvrp installed, solve raises ImportError naming the 'route' extra."""
    monkeypatch.setitem(sys.modules, "pyvrp", None)
    with pytest.raises(ImportError, match=r"hometeams\[route\]"):
        FAST.solve(two_zones())


def small_scenario() -> Scenario:
    """Two teams in two zones, nurses and health workers, some visits needing wound care."""
    staff, users, plans, roster = [], [], [], {}
    teams = []
    for t, zone in enumerate(("north", "south")):
        members = []
        for i in range(4):
            nurse = i == 0
            sid = f"{zone}-{i}"
            staff.append(
                Staff(
                    sid,
                    profession="nurse" if nurse else "health-worker",
                    competences=["medication", "wound-care"] if nurse else ["medication"],
                    zone=zone,
                )
            )
            members.append(sid)
            roster[sid] = {"daily": "day" if i < 3 else "evening"}
        teams.append(Team(zone, category="geographic", members=members, zones=[zone]))
        for u in range(8):
            uid = f"{zone}-u{u}"
            users.append(User(uid, zone=zone, team=zone))
            plans.append(
                VisitPlan(
                    uid,
                    days="daily",
                    times=["08:00", "12:00", "18:00"] if u % 2 else ["09:30", "16:00"],
                    duration=20.0,
                    window=60.0,
                    required=["wound-care"] if (u + t) % 4 == 0 else [],
                )
            )
    org = Organisation(
        "Two teams", zones=[Zone("north"), Zone("south")], staff=staff, teams=teams, users=users
    )
    return Scenario(
        org,
        Roster.weekly(roster),
        demand=Demand(visits=plans),
        travel=TravelMatrix({("north", "south"): 12.0}),
        horizon=2 * 1440.0,
        name="two teams",
    )


def test_simulate_with_pyvrp_daily_lists_lists_only_allowed_visits() -> None:
    """Under fixed teams every listed visit is the team's own and within the nurse's skills."""
    scenario = small_scenario()
    records = simulate(
        scenario,
        policy=FixedTeams(),
        seed=1,
        planning=DailyLists(planner=PyVRP(iterations=300, seed=1)),
    )
    lists, jobs = records.lists, records.jobs
    assert len(lists) > 0
    staff = {s.id: s for s in scenario.organisation.staff}
    team_of = {m.staff: t.id for t in scenario.organisation.teams for m in t.members}
    wound_users = {
        p.user for p in scenario.demand.visits if "wound-care" in [str(c) for c in p.required]
    }
    row = {int(j): k for k, j in enumerate(jobs.id)}
    for s, j, u in zip(lists.staff.tolist(), lists.job.tolist(), lists.user.tolist(), strict=True):
        assert team_of[s] == jobs.team[row[j]]
        if u in wound_users:
            assert "wound-care" in [str(c) for c in staff[s].competences]
    # Every visit goes on a list except the wound-care visits of the evening, when only a
    # health worker is on: north-u0 and north-u4 at 16:00, south-u3 and south-u7 at 18:00,
    # on each of the two days -- 8 of the 80.
    assert len(jobs) == 80
    assert len(lists) == 80 - 8


@pytest.mark.parametrize("seed", range(1, 9))
def test_the_built_in_planner_beside_it_gives_valid_lists(seed: int) -> None:
    """BuiltIn on the same random problems: each visit at most once, allowed, walkable."""
    # Regression: a swap or tail exchange used to forget which route a moved visit was on,
    # and a later relocation then put it on a second list.
    problem = random_problem(seed, routes=8, visits=80)
    check_lists(problem, BuiltIn().solve(problem))


class _Day:
    """A stand-in for the engine's planning day: a fixed problem on a given weekday."""

    def __init__(self, problem: RoutingProblem, weekday: int, memo: dict[object, object]) -> None:
        self.index, self.weekday, self.start, self.memo = weekday, weekday, 0.0, memo
        self._problem = problem

    def problem(self) -> RoutingProblem:
        return self._problem

    def slot(self, route: int) -> object:
        return route

    def key(self, visit: int) -> object:
        return visit


def test_fixed_lists_keep_no_template_from_a_day_without_visits() -> None:
    """An empty first Sunday (the night into Monday) does not become every Sunday's template."""
    # Regression: the empty plan was kept as the Sunday template, so every later Sunday's
    # visits were fitted in one by one instead of planned.
    problem = two_zones()
    memo: dict[object, object] = {}
    planning = FixedLists(planner=FAST)
    empty = RoutingProblem(problem.routes, [], problem.travel)
    assert planning.lists(_Day(empty, 6, memo)) == ((), ())
    assert planning.lists(_Day(problem, 6, memo)) == ((0, 2), (1, 3))
    assert memo[("fixed-lists", planning)] == {6: {0: (0, 2), 1: (1, 3)}}
