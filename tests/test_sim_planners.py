"""Tests of the built-in work-list planner (``hometeams.sim._planners``)."""

from __future__ import annotations

import bisect
import math

import attrs
import numpy as np
import pytest

from hometeams.errors import InvalidArgument
from hometeams.sim import BuiltIn, Route, RoutingProblem, Visit
from hometeams.sim._planners import _Lists
from hometeams.sim._routing import INFEASIBLE, route_cost


def _problem(seed: int) -> RoutingProblem:
    """A random day: three zones, six routes over two shifts, visits some routes may not take."""
    rng = np.random.default_rng(seed)
    travel = [[4.0, 8.0, 12.0], [8.0, 4.0, 8.0], [12.0, 8.0, 4.0]]
    routes = [
        Route(
            staff=r, shift=r, start=420.0 + 480 * (r // 3), end=900.0 + 480 * (r // 3), zone=r % 3
        )
        for r in range(6)
    ]
    visits = []
    for k in range(int(rng.integers(20, 60))):
        ready = float(rng.choice(np.arange(450.0, 1320.0, 30.0)))
        zone = int(rng.integers(3))
        allowed = [r for r in range(6) if r % 3 == zone or rng.random() < 0.5] or [zone]
        visits.append(
            Visit(
                job=k,
                zone=zone,
                ready=ready,
                due=ready + 60.0,
                duration=float(rng.choice([20.0, 25.0, 30.0, 40.0])),
                ranks={r: int(r % 3 != zone) for r in allowed},
            )
        )
    return RoutingProblem(routes, visits, travel)


@pytest.mark.parametrize("seed", range(40))
def test_every_visit_is_on_at_most_one_list_and_only_where_allowed(seed: int) -> None:
    """After construction and improvement no visit is on two lists, or twice on one."""
    problem = _problem(seed)
    solution = BuiltIn().solve(problem)
    placed = [i for order in solution for i in order]
    assert len(placed) == len(set(placed))
    for r, order in enumerate(solution):
        assert all(r in problem.visits[i].ranks for i in order)


def _walks(lists: _Lists, rng: np.random.Generator) -> list[tuple[int, int, tuple[int, ...], int]]:
    """Changes of every shape the planner prices: insertions, removals and swaps of one visit.

    Each as ``(route, pos, new, resume)`` of :meth:`_Lists.cost_with`.
    """
    visits = lists.p.visits
    out = []
    for r, order in enumerate(lists.order):
        others = [k for k in range(len(visits)) if lists.where[k] != r and r in visits[k].ranks]
        for pos in range(len(order) + 1):
            out += [(r, pos, (k,), pos) for k in others if rng.random() < 0.3]  # insert k
            if pos < len(order):
                out.append((r, pos, (), pos + 1))  # remove the visit at pos
                out += [(r, pos, (k,), pos + 1) for k in others if rng.random() < 0.3]  # swap
    return out


@pytest.mark.parametrize("triangle", [True, False])
@pytest.mark.parametrize("seed", range(12))
def test_a_walk_cut_short_by_its_bound_agrees_with_the_whole_route(
    seed: int, triangle: bool
) -> None:
    """``cost_with`` gives up early only on changed routes that would cost at least the bound.

    It stops walking once the cost so far plus what the rest of the route cost before reaches
    the bound, but only after a visit that starts no earlier than before (the rest then starts
    no earlier, so costs no less). Checked against the plain cost of the whole changed route
    for insertions, removals (where later visits start earlier) and swaps, with bounds below,
    at and above the route's own cost, and travel that keeps or breaks the triangle inequality.
    """
    problem = _problem(seed)
    if not triangle:  # a short cut through zone 1: 0 -> 2 direct is dearer than via 1
        travel = [[4.0, 2.0, 30.0, 0.0], [2.0, 4.0, 2.0, 0.0], [30.0, 2.0, 4.0, 0.0], [0.0] * 4]
        problem = attrs.evolve(problem, travel=travel)
    rng = np.random.default_rng(seed)
    lists = _Lists(problem)
    lists.construct()
    checked = 0
    for r, pos, new, resume in _walks(lists, rng):
        order = lists.order[r]
        whole = route_cost(problem, r, [*order[:pos], *new, *order[resume:]])
        for slack in (-20.0, -1.0, 0.0, 1.0, 10.0, 60.0, 1e9):
            bound = lists.cost[r] + slack
            walked = lists.cost_with(r, pos, new, resume, bound)
            if whole < bound - 1e-6:
                assert walked == pytest.approx(whole, abs=1e-9)
                checked += 1
            else:
                assert walked == INFEASIBLE or walked >= bound - 1e-6
    assert checked > 100


@pytest.mark.parametrize("triangle", [True, False])
@pytest.mark.parametrize("seed", range(12))
def test_the_cheapest_place_agrees_with_pricing_every_place_whole(
    seed: int, triangle: bool
) -> None:
    """``_cheapest`` finds the place a plain search finds, pricing each changed route whole.

    For a visit on no list, or taken off its list, and every route: the visit at its place in
    ready order and one place either side, each priced with :func:`route_cost` of the whole
    changed route; the least added cost, if below the bound, with the route and position that
    give it. Bounds below, near and far above the best, and travel that keeps or breaks the
    triangle inequality (where a visit put in can make the next one start earlier).
    """
    problem = _problem(seed)
    if not triangle:  # a short cut through zone 1: 0 -> 2 direct is dearer than via 1
        travel = [[4.0, 2.0, 30.0, 0.0], [2.0, 4.0, 2.0, 0.0], [30.0, 2.0, 4.0, 0.0], [0.0] * 4]
        problem = attrs.evolve(problem, travel=travel)
    lists = _Lists(problem)
    lists.construct()
    routes = range(len(problem.routes))
    checked = 0
    for i in range(len(problem.visits)):
        trial = lists.copy()
        r0 = trial.where[i]
        if r0 >= 0:  # take it off its list first
            trial._set(r0, [k for k in trial.order[r0] if k != i])
        placed = []  # (added, route, position) of every place tried
        for r in routes:
            if r not in problem.visits[i].ranks:
                continue
            order = trial.order[r]
            lo = bisect.bisect_right(trial.readies[r], trial.ready[i])
            for pos in (lo, lo - 1, lo + 1):
                if 0 <= pos <= len(order):
                    whole = route_cost(problem, r, [*order[:pos], i, *order[pos:]])
                    placed.append((whole - trial.cost[r], r, pos))
        least = min((added for added, _, _ in placed), default=INFEASIBLE)
        for best in (least - 5.0, least + 1e-3, least + 30.0, 1e9):
            added, r, pos = trial._cheapest(i, routes, best)
            if least < best - 1e-6:
                assert added == pytest.approx(least, abs=1e-9)
                # of equally cheap places, the first: routes in the order given, then the
                # visit's place in ready order, the place before it, the place after it
                first = next((q, p) for a, q, p in placed if abs(a - least) < 1e-9)
                assert (r, pos) == first
                checked += 1
            elif least > best + 1e-6:
                assert (added, r, pos) == (best, -1, -1)
    assert checked > 50


def test_a_visit_put_in_that_makes_the_rest_of_the_list_cheaper_is_found() -> None:
    """Where travel breaks the triangle inequality, a visit put in can make the list cheaper.

    Zones 0 and 2 are 12 minutes apart directly and 2 by way of zone 1. Kari drives from A
    (zone 0, 08:00-08:10) to B (zone 2, from 08:10) and gets there at 08:22, so C (zone 2, due
    08:40) starts 12 minutes late. A pool visit in zone 1 at 08:10 (a step down the tiers, 15)
    put between A and B gets her to B by 08:14 and to C 4 minutes late: 16.2 for the visit,
    12.6 saved at B, 17.6 at C. Priced only as far as B, the visit costs more than the
    rest of the list did (16.2 + 1.8 + 26.4 against 40.8); it is found only because B starts
    earlier than before, where no walk may give up on what the rest of the list cost before.
    """
    travel = [[0.0, 1.0, 12.0, 0.0], [1.0, 0.0, 1.0, 0.0], [12.0, 1.0, 0.0, 0.0], [0.0] * 4]
    problem = RoutingProblem(
        routes=[Route(staff=0, shift=0, start=480.0, end=900.0, zone=0)],
        visits=[
            Visit(job=0, zone=0, ready=480.0, due=480.0, duration=10.0, ranks={0: 0}),  # A
            Visit(job=1, zone=2, ready=490.0, due=600.0, duration=30.0, ranks={0: 0}),  # B
            Visit(job=2, zone=2, ready=520.0, due=520.0, duration=20.0, ranks={0: 0}),  # C
            Visit(job=3, zone=1, ready=490.0, due=550.0, duration=2.0, ranks={0: 1}),  # new
        ],
        travel=travel,
    )
    lists = _Lists(problem)
    lists._set(0, [0, 1, 2])
    assert lists.pre[0] == pytest.approx([0.0, 0.0, 14.4, 40.8])
    assert route_cost(problem, 0, [0, 3, 1, 2]) == pytest.approx(26.8)
    assert lists._cheapest(3, [0], 1e-3) == (pytest.approx(26.8 - 40.8), 0, 1)


def test_of_two_equally_good_routes_the_cheapest_place_is_on_the_first_given() -> None:
    """Kari and Ola have the same empty shift: the visit goes to whichever is asked first."""
    problem = RoutingProblem(
        routes=[Route(staff=s, shift=s, start=480.0, end=720.0, zone=0) for s in (0, 1)],
        visits=[Visit(job=0, zone=0, ready=500.0, due=560.0, duration=30.0, ranks={0: 0, 1: 0})],
        travel=[[4.0, 0.0], [0.0, 0.0]],
    )
    lists = _Lists(problem)
    assert lists._cheapest(0, [0, 1], 240.0) == (pytest.approx(4.0), 0, 0)
    assert lists._cheapest(0, [1, 0], 240.0) == (pytest.approx(4.0), 1, 0)


@pytest.mark.parametrize(
    "weight", ["lateness_weight", "delay_weight", "preference_weight", "overtime_weight",
               "unassigned_cost"],
)  # fmt: skip
@pytest.mark.parametrize("value", [-0.1, math.inf, math.nan, "2"])
def test_a_cost_weight_must_be_a_number_at_least_zero(weight: str, value: object) -> None:
    """A later minute never costs less: the planner's early exits rely on it."""
    with pytest.raises(InvalidArgument, match=f"^{weight}: must be a finite number >= 0"):
        RoutingProblem([], [], [[0.0]], **{weight: value})  # type: ignore[arg-type]


@pytest.mark.parametrize("rank", [-1, 1.5, True, None])
def test_a_rank_must_be_a_whole_number_at_least_zero(rank: object) -> None:
    """A negative rank would make a step down the tiers cheaper, which the planner rules out."""
    route = Route(staff=0, shift=0, start=480.0, end=720.0, zone=0)
    visit = Visit(job=0, zone=0, ready=500.0, due=560.0, duration=30.0, ranks={0: rank})  # type: ignore[dict-item]
    with pytest.raises(
        InvalidArgument, match=r"^visits\[0\]\.ranks\[0\]: must be a whole number >= 0"
    ):
        RoutingProblem([route], [visit], [[0.0]])


@pytest.mark.parametrize("minutes", [-1.0, math.inf, math.nan, "4", True])
def test_a_travel_time_must_be_a_finite_number_at_least_zero(minutes: object) -> None:
    with pytest.raises(InvalidArgument, match=r"^travel\[0\]\[1\]: must be a finite number"):
        RoutingProblem([], [], [[0.0, minutes], [4.0, 0.0]])  # type: ignore[list-item]
