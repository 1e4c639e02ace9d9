"""The routing problem behind a day's work lists, and what a list of visits costs.

Tomorrow in district North: eleven nurses on the day shift, one hundred and forty planned
visits, each at a planned time with an hour's window, each needing certain competences, each in
one of three sub-zones. A coordinator puts them on eleven ordered lists so that every visit is
made on time by someone allowed to make it, the cars drive as little as possible and, where the
organisation model says so, visits stay with the user's own team or primary contact.

That is a vehicle-routing problem with time windows. :class:`RoutingProblem` states it with
plain indices: each :class:`Route` is one staff member's shift (when it starts and ends, the
zone it starts in), each :class:`Visit` a job with its zone, ready and due times, *expected*
duration (the realised one is only known when the visit is done) and, per route, its
*preference rank* -- 0 for the first tier of the organisation model that allows that staff
member, 1 for the next, and absent where the model does not allow her at all (a fixed team's
visit on another team's list, a competence she lacks).

A list is walked in order: the nurse drives from where she is to the next visit, waits at the
door if she is early, and starts at ``max(arrival, ready)``. Its cost (:func:`route_cost`) is
the travel, plus :attr:`RoutingProblem.delay_weight` per minute started after the agreed
(ready) time and :attr:`RoutingProblem.lateness_weight` per minute started after the due time,
plus :attr:`RoutingProblem.preference_weight` per rank step, plus the overtime weight per
minute of work past the shift's end; a visit that would start at or after the shift's end
cannot be on the list at all. A visit on no list costs :attr:`RoutingProblem.unassigned_cost`
and goes to the dispatcher during the day.

A two-person visit (*dobbeltbemanning*) is two visits of the same job, *partners*
(:attr:`Visit.partner`), each to go on the list of a different nurse. They have one planned
start, the later of the two nurses' arrivals, and each list's later visits move on accordingly:
:func:`synchronise` works the lists' times out together, and takes off the lists a pair whose
halves cannot start together (the lists' orders would have each nurse wait for the other, or a
half would start after its shift).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence

import attrs

from hometeams._types import Minutes
from hometeams.errors import InvalidArgument

__all__ = [
    "Route",
    "RoutingProblem",
    "Solution",
    "Visit",
    "route_cost",
    "schedule",
    "synchronise",
    "total_cost",
]

Solution = tuple[tuple[int, ...], ...]
"""Per route, the indices of its visits in the order walked."""

INFEASIBLE = math.inf


@attrs.frozen
class Route:
    """One staff member's shift, as a route: who, which shift, when and where it starts.

    Attributes
    ----------
    staff
        Staff index (the organisation's order).
    shift
        Row of the realised shifts.
    start, end
        When the shift starts and ends (minutes).
    zone
        Zone index where it starts (``-1``: nowhere in particular).

    Examples
    --------
    Staff 2 on shift row 7, 07:00-15:00 on Monday, starting in zone 0:

    >>> Route(staff=2, shift=7, start=420.0, end=900.0, zone=0)
    Route(staff=2, shift=7, start=420.0, end=900.0, zone=0)
    """

    staff: int
    shift: int
    start: Minutes
    end: Minutes
    zone: int


@attrs.frozen
class Visit:
    """A planned job, as a stop: where, when, for how long, and on whose lists it may go.

    Attributes
    ----------
    job
        Job index (the realisation's order).
    zone
        Zone index.
    ready, due
        Earliest start and latest on-time start.
    duration
        Expected duration (minutes).
    ranks
        Route index -> preference rank (0 best) for every route allowed to take the visit.
    partner
        For one half of a two-person visit, the index of the other half (the same job, times
        and routes allowed); ``None`` for a one-person visit.

    Examples
    --------
    A 30-minute visit in zone 1 planned for 08:00 with an hour's window, allowed on route 0
    (the user's own team) and, one step down, on route 3 (the pool):

    >>> Visit(job=12, zone=1, ready=480.0, due=540.0, duration=30.0, ranks={0: 0, 3: 1}).ranks
    {0: 0, 3: 1}
    """

    job: int
    zone: int
    ready: Minutes
    due: Minutes
    duration: Minutes
    ranks: Mapping[int, int]
    partner: int | None = attrs.field(default=None, kw_only=True)


def _routes(values: Iterable[Route]) -> tuple[Route, ...]:
    return tuple(values)


def _visits(values: Iterable[Visit]) -> tuple[Visit, ...]:
    return tuple(values)


def _check_weight(_instance: object, attribute: attrs.Attribute[float], value: object) -> None:
    """A cost is a number >= 0: a later, later-than-due or overtime minute never costs less.

    The planner relies on it: a list whose visits only start later costs no less.
    """
    if not _finite_at_least_zero(value):
        raise InvalidArgument(f"{attribute.name}: must be a finite number >= 0, got {value!r}")


def _finite_at_least_zero(value: object) -> bool:
    """Whether ``value`` is a number (not a bool) that is finite and >= 0."""
    number = isinstance(value, int | float) and not isinstance(value, bool)
    return number and 0 <= value < math.inf  # type: ignore[operator]


def _check_partners(_instance: object, _attribute: object, visits: tuple[Visit, ...]) -> None:
    for i, v in enumerate(visits):
        p = v.partner
        if p is None:
            continue
        if not (isinstance(p, int) and 0 <= p < len(visits)) or p == i:
            raise InvalidArgument(
                f"visits[{i}].partner: must be the index of another visit, got {p!r}"
            )
        if visits[p].partner != i or visits[p].job != v.job:
            raise InvalidArgument(
                f"visits[{i}].partner: must name a visit of the same job ({v.job}) whose "
                f"partner is {i}, got visit {p} (job {visits[p].job}, partner "
                f"{visits[p].partner!r})"
            )


def _check_ranks(_instance: object, _attribute: object, visits: tuple[Visit, ...]) -> None:
    """Each rank a whole number >= 0: a step down the tiers never makes a list cheaper.

    Days of a run share their ranks' mappings, so each distinct mapping is checked once.
    """
    seen: set[int] = set()
    for i, v in enumerate(visits):
        ranks = v.ranks
        if id(ranks) in seen:
            continue
        seen.add(id(ranks))
        for r, k in ranks.items():
            if not (isinstance(k, int) and not isinstance(k, bool) and k >= 0):
                raise InvalidArgument(
                    f"visits[{i}].ranks[{r!r}]: must be a whole number >= 0, got {k!r}"
                )


def _check_travel(_instance: object, _attribute: object, travel: Sequence[Sequence[float]]) -> None:
    """Each travel time a finite number >= 0: the planner relies on it."""
    for a, row in enumerate(travel):
        for b, minutes in enumerate(row):
            if not _finite_at_least_zero(minutes):
                raise InvalidArgument(
                    f"travel[{a}][{b}]: must be a finite number of minutes >= 0, got {minutes!r}"
                )


@attrs.frozen
class RoutingProblem:
    """A day's (or a template day's) routes and visits, with travel times and weights.

    Attributes
    ----------
    routes, visits
        The :class:`Route` and :class:`Visit` values.
    travel
        ``travel[a][b]``: minutes (finite, >= 0) from zone ``a`` to zone ``b``; index ``-1``
        (the last row and column) is nowhere and costs nothing. Ranks and travel times, like
        the weights, may not be negative: the built-in planner relies on a list whose visits
        only start later costing no less.
    lateness_weight
        Cost of one minute started after the due time, in minutes of travel.
    delay_weight
        Cost of one minute started after the ready (agreed) time, even within the window: a
        list that says 09:25 for a 09:00 visit is worse than one that says 09:00.
    preference_weight
        Cost of one step down the organisation model's tiers (e.g. a pool nurse instead of
        the team's own).
    overtime_weight
        Cost of one minute of expected work past the shift's end.
    unassigned_cost
        Cost of leaving a visit to the dispatcher.
    seed
        For breaking ties between equally good lists: with travel from zone to zone, any of
        several nurses in a zone may be as good as another for a visit, and a planner with no
        reason to prefer one may pick by this seed (each day of a run has its own).

    Examples
    --------
    Two zones ten minutes apart, one nurse from 08:00 to 12:00 starting in zone 0, two visits:

    >>> problem = RoutingProblem(
    ...     routes=[Route(staff=0, shift=0, start=480.0, end=720.0, zone=0)],
    ...     visits=[Visit(job=0, zone=1, ready=480.0, due=540.0, duration=30.0, ranks={0: 0}),
    ...             Visit(job=1, zone=0, ready=540.0, due=600.0, duration=30.0, ranks={0: 0})],
    ...     travel=[[0.0, 10.0, 0.0], [10.0, 0.0, 0.0], [0.0, 0.0, 0.0]])
    >>> schedule(problem, 0, (0, 1))
    [(490.0, 10.0), (540.0, 10.0)]
    >>> route_cost(problem, 0, (0, 1))  # 20 minutes' travel, the first visit 10 minutes late
    22.0
    """

    routes: tuple[Route, ...] = attrs.field(converter=_routes)
    visits: tuple[Visit, ...] = attrs.field(
        converter=_visits, validator=[_check_partners, _check_ranks]
    )
    travel: Sequence[Sequence[float]] = attrs.field(validator=_check_travel)
    lateness_weight: float = attrs.field(default=2.0, validator=_check_weight, kw_only=True)
    delay_weight: float = attrs.field(default=0.2, validator=_check_weight, kw_only=True)
    preference_weight: float = attrs.field(default=15.0, validator=_check_weight, kw_only=True)
    overtime_weight: float = attrs.field(default=2.0, validator=_check_weight, kw_only=True)
    unassigned_cost: float = attrs.field(default=240.0, validator=_check_weight, kw_only=True)
    seed: int = attrs.field(default=0, kw_only=True)


class Scheduled(tuple[int, ...]):
    """A route's visits in order, with the planned starts and travel its planner worked out.

    :func:`schedule` reads them instead of walking the list again, for the problem and route
    they were worked out for (and only for those).
    """

    problem: RoutingProblem
    route: int
    starts: Sequence[float]
    trips: Sequence[float]

    def __new__(
        cls,
        order: Iterable[int],
        problem: RoutingProblem,
        route: int,
        starts: Sequence[float],
        trips: Sequence[float],
    ) -> Scheduled:
        self = super().__new__(cls, order)
        self.problem, self.route, self.starts, self.trips = problem, route, starts, trips
        return self

    def __reduce__(self) -> tuple[type[tuple[int, ...]], tuple[tuple[int, ...]]]:
        """Copied or pickled, a plain tuple."""
        return tuple, (tuple(self),)


def schedule(problem: RoutingProblem, r: int, order: Sequence[int]) -> list[tuple[float, float]]:
    """Planned start and travel of each visit of route ``r`` walked in ``order``.

    The nurse leaves as soon as the previous visit is done (by its expected duration), drives
    and, if early, waits at the door: each start is ``max(arrival, ready)``.

    Examples
    --------
    >>> problem = RoutingProblem(
    ...     routes=[Route(staff=0, shift=0, start=420.0, end=900.0, zone=0)],
    ...     visits=[Visit(job=0, zone=1, ready=420.0, due=480.0, duration=45.0, ranks={0: 0})],
    ...     travel=[[0.0, 12.0, 0.0], [12.0, 0.0, 0.0], [0.0, 0.0, 0.0]])
    >>> schedule(problem, 0, (0,))
    [(432.0, 12.0)]
    """
    if type(order) is Scheduled and order.problem is problem and order.route == r:
        return list(zip(order.starts, order.trips, strict=True))
    route, visits, travel = problem.routes[r], problem.visits, problem.travel
    t, zone = route.start, route.zone
    out = []
    for i in order:
        v = visits[i]
        trip = travel[zone][v.zone]
        start = t + trip
        start = max(start, v.ready)
        out.append((start, trip))
        t, zone = start + v.duration, v.zone
    return out


def route_cost(problem: RoutingProblem, r: int, order: Sequence[int]) -> float:
    """Cost of route ``r`` walked in ``order`` (``inf`` if a visit cannot be on it).

    Examples
    --------
    One visit planned for 07:00 in a zone 12 minutes away: 12 minutes of travel, and 12
    minutes late if the window is zero (at 2 per minute late, and 0.2 per minute after the
    agreed time):

    >>> problem = RoutingProblem(
    ...     routes=[Route(staff=0, shift=0, start=420.0, end=900.0, zone=0)],
    ...     visits=[Visit(job=0, zone=1, ready=420.0, due=420.0, duration=45.0, ranks={0: 0})],
    ...     travel=[[0.0, 12.0, 0.0], [12.0, 0.0, 0.0], [0.0, 0.0, 0.0]])
    >>> route_cost(problem, 0, (0,))
    38.4
    """
    route, visits, travel = problem.routes[r], problem.visits, problem.travel
    late_w, pref_w, delay_w = (
        problem.lateness_weight,
        problem.preference_weight,
        problem.delay_weight,
    )
    t, zone, end, cost = route.start, route.zone, route.end, 0.0
    for i in order:
        v = visits[i]
        rank = v.ranks.get(r)
        if rank is None:
            return INFEASIBLE
        trip = travel[zone][v.zone]
        start = t + trip
        start = max(start, v.ready)
        if start >= end:
            return INFEASIBLE
        cost += trip + rank * pref_w + (start - v.ready) * delay_w
        if start > v.due:
            cost += (start - v.due) * late_w
        t, zone = start + v.duration, v.zone
    if t > end:
        cost += (t - end) * problem.overtime_weight
    return cost


def total_cost(problem: RoutingProblem, solution: Solution) -> float:
    """Cost of a whole solution: its routes plus every visit left to the dispatcher.

    With two-person visits, the cost of the synchronised lists (:func:`synchronise`): the
    pairs' common starts, and the pairs it takes off the lists left to the dispatcher.
    """
    if any(v.partner is not None for v in problem.visits):
        synced, times = synchronise(problem, solution)
        placed = sum(len(order) for order in synced)
        routes = sum(_priced(problem, r, order, times[r]) for r, order in enumerate(synced))
    else:
        placed = sum(len(order) for order in solution)
        routes = sum(route_cost(problem, r, order) for r, order in enumerate(solution))
    return routes + (len(problem.visits) - placed) * problem.unassigned_cost


def _priced(
    problem: RoutingProblem, r: int, order: Sequence[int], times: Sequence[tuple[float, float]]
) -> float:
    """:func:`route_cost` of a route whose starts are given (``times``: start and trip)."""
    route, visits = problem.routes[r], problem.visits
    cost, t = 0.0, route.start
    for i, (start, trip) in zip(order, times, strict=True):
        v = visits[i]
        rank = v.ranks.get(r)
        if rank is None or start >= route.end:
            return INFEASIBLE
        cost += trip + rank * problem.preference_weight + (start - v.ready) * problem.delay_weight
        if start > v.due:
            cost += (start - v.due) * problem.lateness_weight
        t = start + v.duration
    if t > route.end:
        cost += (t - route.end) * problem.overtime_weight
    return cost


def synchronise(
    problem: RoutingProblem, solution: Solution
) -> tuple[Solution, list[list[tuple[float, float]]]]:
    """The lists with each two-person visit's halves starting together, and their times.

    Returns the lists and, per list, each visit's planned start and travel. Without
    two-person visits these are the lists and :func:`schedule`'s times. Otherwise the lists are
    walked together, each as far as it can go: a half waits at the door for its partner's
    list to reach the partner, and the pair starts at the later arrival (never before its
    ready time); the times are the fixed point where starts only move later. A pair is taken
    off the lists (for the dispatcher) if its halves are on lists of the same staff member, if
    one half is on no list, if it would start at or after either half's shift end, or if the
    lists' orders cross so that each would wait for the other (then the pair at the head of
    the first such list goes); so is a one-person visit pushed to its shift's end.

    Examples
    --------
    Two nurses, one two-person visit at 09:00 for 30 minutes; Kari first has a 60-minute visit
    at 08:20 in the other zone, ten minutes away: she is back at 09:30, and Ola waits for her.

    >>> travel = [[0.0, 10.0, 0.0], [10.0, 0.0, 0.0], [0.0, 0.0, 0.0]]
    >>> problem = RoutingProblem(
    ...     routes=[Route(staff=s, shift=s, start=420.0, end=900.0, zone=0) for s in (0, 1)],
    ...     visits=[Visit(job=0, zone=1, ready=500.0, due=560.0, duration=60.0, ranks={0: 0}),
    ...             Visit(job=1, zone=0, ready=540.0, due=600.0, duration=30.0,
    ...                   ranks={0: 0, 1: 0}, partner=2),
    ...             Visit(job=1, zone=0, ready=540.0, due=600.0, duration=30.0,
    ...                   ranks={0: 0, 1: 0}, partner=1)],
    ...     travel=travel)
    >>> lists, times = synchronise(problem, ((0, 1), (2,)))
    >>> times
    [[(500.0, 10.0), (570.0, 10.0)], [(570.0, 0.0)]]
    """
    visits = problem.visits
    if all(v.partner is None for v in visits):
        return solution, [schedule(problem, r, order) for r, order in enumerate(solution)]
    routes, travel = problem.routes, problem.travel
    n = len(solution)
    where: dict[int, int] = {i: r for r, order in enumerate(solution) for i in order}
    dropped: set[int] = set()
    for i, r in where.items():
        p = visits[i].partner
        if p is not None and (p not in where or routes[where[p]].staff == routes[r].staff):
            dropped.add(i)
    pos = [0] * n
    t = [route.start for route in routes]
    zone = [route.zone for route in routes]
    kept: list[list[int]] = [[] for _ in range(n)]
    times: list[list[tuple[float, float]]] = [[] for _ in range(n)]

    def head(r: int) -> int:
        order = solution[r]
        while pos[r] < len(order) and order[pos[r]] in dropped:
            pos[r] += 1
        return order[pos[r]] if pos[r] < len(order) else -1

    def place(r: int, i: int, start: float) -> None:
        v = visits[i]
        kept[r].append(i)
        times[r].append((start, travel[zone[r]][v.zone]))
        t[r], zone[r] = start + v.duration, v.zone
        pos[r] += 1

    while True:
        moved = True
        while moved:
            moved = False
            for r in range(n):
                while (i := head(r)) >= 0:
                    v = visits[i]
                    arrive = max(t[r] + travel[zone[r]][v.zone], v.ready)
                    if v.partner is None:
                        if arrive >= routes[r].end:
                            dropped.add(i)
                            continue
                        place(r, i, arrive)
                        moved = True
                        continue
                    q = where[v.partner]
                    if head(q) != v.partner:
                        break  # she waits for her partner's list to come this far
                    start = max(arrive, t[q] + travel[zone[q]][v.zone])
                    if start >= routes[r].end or start >= routes[q].end:
                        dropped.update((i, v.partner))
                        continue
                    place(r, i, start)
                    place(q, v.partner, start)
                    moved = True
        stuck = next((r for r in range(n) if head(r) >= 0), -1)
        if stuck < 0:
            break
        i = head(stuck)  # every list waits for another: the orders cross
        dropped.update((i, visits[i].partner))  # type: ignore[arg-type]
    return tuple(map(tuple, kept)), times
