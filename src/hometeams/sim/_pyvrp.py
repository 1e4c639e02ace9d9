"""PyVRP as a second planner, to see how far the built-in lists are from near-optimal ones.

PyVRP (https://pyvrp.org, optional extra ``route``) is a state-of-the-art solver for vehicle
routing problems with time windows. :class:`PyVRP` states a day's
:class:`~hometeams.sim.RoutingProblem` in PyVRP's terms, lets its iterated local search run
for a stated number of iterations and reads the best lists back:

* each route (a staff member's shift) is a *vehicle type* with one vehicle, the shift as its
  time window (it leaves at the shift's start, and work past the shift's end is overtime at
  :attr:`~hometeams.sim.RoutingProblem.overtime_weight`); it starts at a depot in the zone
  where the shift starts and ends at a dummy depot reachable from everywhere at no cost,
  because a home-care list does not come back to the office;
* each visit is a *client* at a location of its own in its zone, with the expected duration as
  its service duration and ``[ready, due]`` as its time window;
* who may take which visit is a *routing profile* per kind of route (routes with the same
  ranks on every visit share one): its matrices put a very large distance and duration on
  every edge into a visit the route may not take, and add ``rank * preference_weight`` to the
  distance of every edge into a visit it may, so PyVRP minimises the built-in objective's
  travel and preference terms;
* PyVRP's time windows are hard: lateness cannot be priced as the built-in objective does.
  Visits are therefore *optional* clients with a prize of
  :attr:`~hometeams.sim.RoutingProblem.unassigned_cost`: a visit that cannot be made on time
  by anyone allowed to make it is left off the lists, for the dispatcher, instead of being
  planned late.
* PyVRP cannot make two routes meet: it has no synchronised visits. The halves of two-person
  visits (:attr:`~hometeams.sim.Visit.partner`) are left off its problem and off the lists,
  for the dispatcher, which sends two nurses together.

PyVRP wants whole numbers: times and travel are in seconds (minutes times 60), rounded so that
PyVRP's schedule is never earlier than the real one (ready times, durations and travel up, due
times and shift ends down) -- a list PyVRP finds on time is on time. Costs are in seconds of
travel, and the weights per minute become the same weights per second, rounded to whole
numbers.
"""

from __future__ import annotations

import math
from typing import Any

import attrs
import numpy as np

from hometeams.errors import InvalidArgument
from hometeams.sim._routing import INFEASIBLE, RoutingProblem, Solution, route_cost

__all__ = ["PyVRP"]

_SCALE = 60  # seconds per minute: PyVRP's matrices and times are whole seconds
_FORBIDDEN = 10**9  # seconds (about 32 years); PyVRP accepts values up to 2**44


def _iterations(_instance: object, _attribute: object, value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise InvalidArgument(f"iterations: must be a whole number >= 1, got {value!r}")


def _seed(_instance: object, _attribute: object, value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < 2**32:
        raise InvalidArgument(f"seed: must be a whole number in [0, 2**32), got {value!r}")


def _time_limit(_instance: object, _attribute: object, value: float | None) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int | float) or not value > 0:
        raise InvalidArgument(f"time_limit: must be a number of seconds > 0 or None, got {value!r}")


@attrs.frozen
class PyVRP:
    """PyVRP's iterated local search on the day's routing problem (optional extra ``route``).

    The problem is mapped exactly onto PyVRP's (see :mod:`hometeams.sim._pyvrp`): routes are
    vehicles with their shifts, visits optional clients with their windows, who may take what
    a routing profile per route, the preference tiers added to travel. Time windows are hard in
    PyVRP, so a visit that cannot be made on time is left to the dispatcher rather than planned
    late (the built-in planner may plan it late if that is cheaper than leaving it).

    Parameters
    ----------
    iterations
        The budget: PyVRP stops after this many iterations of its search.
    seed
        PyVRP's random seed: the same problem, seed and iterations give the same lists.
    time_limit
        If given, PyVRP also stops after this many seconds (whichever comes first); the lists
        then depend on the machine's speed and are no longer reproducible.

    Examples
    --------
    Two nurses in two zones twenty minutes apart, four visits, two in each zone at the same
    times: each nurse keeps to her own zone.

    >>> from hometeams.sim import Route, RoutingProblem, Visit
    >>> travel = [[0.0, 20.0, 0.0], [20.0, 0.0, 0.0], [0.0, 0.0, 0.0]]
    >>> routes = [Route(staff=s, shift=s, start=420.0, end=900.0, zone=s) for s in (0, 1)]
    >>> visits = [Visit(job=k, zone=k % 2, ready=480.0 + 60 * (k // 2), due=540.0 + 60 * (k // 2),
    ...                 duration=30.0, ranks={0: 0, 1: 0}) for k in range(4)]
    >>> PyVRP(iterations=200, seed=1).solve(RoutingProblem(routes, visits, travel))
    ((0, 2), (1, 3))
    """

    iterations: int = attrs.field(default=2000, validator=_iterations, kw_only=True)
    seed: int = attrs.field(default=0, validator=_seed, kw_only=True)
    time_limit: float | None = attrs.field(default=None, validator=_time_limit, kw_only=True)

    def solve(self, problem: RoutingProblem, /) -> Solution:
        """Each route's visits, as PyVRP's best solution walks them."""
        try:
            import pyvrp  # noqa: PLC0415 - an optional extra, imported only when used
            import pyvrp.stop  # noqa: PLC0415
        except ImportError as error:
            msg = (
                "the PyVRP planner needs the pyvrp package: install the optional extra "
                "'route' (pip install 'hometeams[route]')"
            )
            raise ImportError(msg) from error
        if not problem.routes or not problem.visits:
            return tuple(() for _ in problem.routes)
        single = [i for i, v in enumerate(problem.visits) if v.partner is None]
        if len(single) < len(problem.visits):  # two-person visits stay with the dispatcher
            alone = attrs.evolve(problem, visits=[problem.visits[i] for i in single])
            return tuple(tuple(single[i] for i in order) for order in self.solve(alone))
        stop: Any = pyvrp.stop.MaxIterations(self.iterations)
        if self.time_limit is not None:
            stop = pyvrp.stop.MultipleCriteria([stop, pyvrp.stop.MaxRuntime(self.time_limit)])
        result = pyvrp.solve(_data(problem), stop, seed=self.seed, collect_stats=False)
        lists: list[tuple[int, ...]] = [() for _ in problem.routes]
        for route in result.best.routes():
            r = route.vehicle_type()
            visits = [a.idx for a in route.schedule() if a.type == pyvrp.ActivityType.CLIENT]
            lists[r] = _feasible_prefix(problem, r, visits)
        return tuple(lists)


def _data(problem: RoutingProblem) -> Any:
    """The problem as a ``pyvrp.ProblemData`` (locations: start depots, the end, visits)."""
    import pyvrp  # noqa: PLC0415 - checked by the caller

    routes, visits = problem.routes, problem.visits
    earliest = min(*(r.start for r in routes), *(v.ready for v in visits))
    offset = math.floor(earliest * _SCALE)

    def up(minutes: float) -> int:
        return math.ceil(minutes * _SCALE - 1e-6)

    def down(minutes: float) -> int:
        return math.floor(minutes * _SCALE + 1e-6)

    starts = sorted({r.zone for r in routes})
    end = len(starts)  # the dummy end depot's location (and depot) index
    first = end + 1  # location of visit 0
    # Zone of every location; -1 is "nowhere" (the travel matrix's last row and column).
    zones = np.array([*starts, -1, *(v.zone for v in visits)])
    travel = np.asarray(problem.travel, dtype=float)
    base = np.ceil(travel[np.ix_(zones, zones)] * _SCALE - 1e-6).astype(np.int64)
    base[:, end] = 0  # a list ends where its last visit is
    base[end, :] = _FORBIDDEN  # nothing leaves the end
    np.fill_diagonal(base, 0)

    profiles: dict[tuple[int, ...], int] = {}
    # PyVRP's stubs type a matrix as ``ndarray[int, ...]``, which numpy's own types never match
    distances: list[Any] = []
    durations: list[Any] = []
    route_profile = []
    for r in range(len(routes)):
        ranks = tuple(v.ranks.get(r, -1) for v in visits)
        if ranks not in profiles:
            profiles[ranks] = len(profiles)
            rank = np.array(ranks)
            columns = first + np.arange(len(visits))
            duration = base.copy()
            duration[:, columns[rank < 0]] = _FORBIDDEN
            distance = duration.copy()
            allowed = rank >= 0
            step = round(problem.preference_weight * _SCALE)
            distance[:, columns[allowed]] += (rank[allowed] * step)[np.newaxis, :]
            np.fill_diagonal(duration, 0)
            np.fill_diagonal(distance, 0)
            durations.append(duration)
            distances.append(distance)
        route_profile.append(profiles[ranks])

    locations = [pyvrp.Location(x=0.0, y=0.0) for _ in zones]
    depots = [pyvrp.Depot(location=loc) for loc in range(end + 1)]
    prize = round(problem.unassigned_cost * _SCALE)
    clients = []
    for i, v in enumerate(visits):
        early = max(up(v.ready) - offset, 0)
        late = max(down(v.due) - offset, early)
        clients.append(
            pyvrp.Client(
                location=first + i,
                service_duration=up(v.duration),
                tw_early=early,
                tw_late=late,
                prize=prize,
                required=False,
            )
        )
    vehicle_types = []
    for r, route in enumerate(routes):
        leave = up(route.start) - offset
        vehicle_types.append(
            pyvrp.VehicleType(
                num_available=1,
                start_depot=starts.index(route.zone),
                end_depot=end,
                tw_early=leave,
                start_late=leave,
                shift_duration=max(down(route.end) - offset - leave, 0),
                max_overtime=_FORBIDDEN,
                unit_overtime_cost=round(problem.overtime_weight),
                profile=route_profile[r],
            )
        )
    return pyvrp.ProblemData(
        locations=locations,
        clients=clients,
        depots=depots,
        vehicle_types=vehicle_types,
        distance_matrices=distances,
        duration_matrices=durations,
    )


def _feasible_prefix(problem: RoutingProblem, r: int, order: list[int]) -> tuple[int, ...]:
    """The longest beginning of ``order`` that route ``r`` may walk (finite cost).

    A guard: the profiles keep PyVRP off visits a route may not take, but PyVRP has no rule
    that a visit must start before the shift's end (past it is overtime to PyVRP), which the
    built-in cost forbids; such visits are cut from the list's end, for the dispatcher.
    """
    kept = list(order)
    while kept and route_cost(problem, r, kept) == INFEASIBLE:
        kept.pop()
    return tuple(kept)
