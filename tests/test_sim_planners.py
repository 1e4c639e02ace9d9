"""Tests of the built-in work-list planner (``hometeams.sim._planners``)."""

from __future__ import annotations

import numpy as np
import pytest

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


@pytest.mark.parametrize("seed", range(20))
def test_a_walk_cut_short_by_its_bound_agrees_with_the_whole_route(seed: int) -> None:
    """``cost_with`` gives up early only on routes that would cost at least the bound.

    It stops walking once the cost so far plus what the rest of the route cost before reaches
    the bound (the rest only starts later, so costs no less). Checked against the plain cost
    of the whole changed route, for every route, place and visit, and bounds from tight to
    loose.
    """
    problem = _problem(seed)
    rng = np.random.default_rng(seed)
    lists = _Lists(problem)
    left_out = set(rng.choice(len(problem.visits), size=5, replace=False).tolist())
    lists.construct()
    for r, order in enumerate(lists.order):
        lists._set(r, [i for i in order if i not in left_out])
    for i in sorted(left_out):
        for r in problem.visits[i].ranks:
            order = lists.order[r]
            for pos in range(len(order) + 1):
                new = [*order[:pos], i, *order[pos:]]
                whole = route_cost(problem, r, new)
                for slack in (0.0, 1.0, 10.0, 60.0, 1e9):
                    bound = lists.cost[r] + slack
                    walked = lists.cost_with(r, pos, (i,), pos, bound)
                    if whole < bound - 1e-6:
                        assert walked == pytest.approx(whole, abs=1e-9)
                    else:
                        assert walked == INFEASIBLE or walked >= bound - 1e-6
