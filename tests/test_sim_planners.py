"""Tests of the built-in work-list planner (``hometeams.sim._planners``)."""

from __future__ import annotations

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


@pytest.mark.parametrize(
    "weight", ["lateness_weight", "delay_weight", "preference_weight", "overtime_weight",
               "unassigned_cost"],
)  # fmt: skip
@pytest.mark.parametrize("value", [-0.1, math.inf, math.nan, "2"])
def test_a_cost_weight_must_be_a_number_at_least_zero(weight: str, value: object) -> None:
    """A later minute never costs less: the planner's early exits rely on it."""
    with pytest.raises(InvalidArgument, match=f"^{weight}: must be a finite number >= 0"):
        RoutingProblem([], [], [[0.0]], **{weight: value})  # type: ignore[arg-type]
