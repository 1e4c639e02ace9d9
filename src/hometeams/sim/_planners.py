"""Planners: who solves the routing problem of a day's work lists.

A planner is any value with ``solve(problem) -> solution`` (:class:`Planner`): given a
:class:`~hometeams.sim.RoutingProblem`, the ordered visits of each route. Two are built in:

* :class:`BuiltIn` -- construction and improvement, in the library, fast enough to re-plan
  every day of a year: visits are taken in the order of their ready times and each is put at
  the end of the list where it adds least cost (travel, lateness, a step down the model's
  tiers); then the lists are improved by moving one visit to another list, swapping two
  visits of about the same time between lists and exchanging the tails of two lists from a
  point in time, as long as any of these lowers the total cost. Deterministic: the same
  problem gives the same lists.
* :class:`PyVRP <hometeams.sim.PyVRP>` -- the iterated local search of the PyVRP library
  (optional extra ``route``), to see how far the built-in lists are from near-optimal ones.

Moving a visit changes its list only from that point on, and usually only until the first
visit that was waiting for its planned time anyway: the built-in planner keeps each list's
schedule and evaluates a move by walking forward from the change until the times agree with
the old schedule again (:meth:`_Lists.cost_with`), so a move costs a few steps, not a list.
A move found worthless stays worthless while its lists are unchanged, so after the first
round only moves touching a list changed since are tried again: the same lists, sooner.

The two halves of a two-person visit (:attr:`~hometeams.sim.Visit.partner`) never go on lists
of the same nurse: construction, every move, insertion and repair refuse it. Moves are priced
list by list, as if each half started when its own nurse arrives (the usual approximation);
the lists the built-in planner returns are synchronised
(:func:`~hometeams.sim.synchronise`), so each pair has one planned start and a pair that
cannot start together is left to the dispatcher; should the improved lists, synchronised, cost
more than the construction's, the construction's are returned.
"""

from __future__ import annotations

import bisect
import copy
from collections.abc import Iterable, Sequence
from functools import cached_property
from typing import Protocol

import attrs
import numpy as np

from hometeams.errors import InvalidArgument
from hometeams.sim._routing import (
    INFEASIBLE,
    RoutingProblem,
    Scheduled,
    Solution,
    route_cost,
    synchronise,
    total_cost,
)

__all__ = ["BuiltIn", "Planner", "insert_visits", "repair"]

_EPS = 1e-9
_SWAP_WINDOW = 60.0  # minutes: swap visits whose ready times are at most this far apart
_CANDIDATES = 12  # a visit is moved only to the routes best placed for it (granular search)
_NEIGHBOURS = 8  # a route exchanges visits only with the routes starting nearest to it


class Planner(Protocol):
    """Solves a day's routing problem: ``solve(problem)`` gives each route's visits in order.

    Visits on no route are left to the dispatcher. A planner must not look at anything but
    the problem (in particular not at realised durations, which it does not have).

    Examples
    --------
    A planner's own: every visit on the first route that may take it, in ready order.

    >>> class FirstAllowed:
    ...     def solve(self, problem):
    ...         lists = [[] for _ in problem.routes]
    ...         for i, visit in sorted(enumerate(problem.visits), key=lambda x: x[1].ready):
    ...             lists[min(visit.ranks)].append(i)
    ...         return tuple(map(tuple, lists))
    >>> from hometeams.sim import DailyLists
    >>> DailyLists(planner=FirstAllowed()).release_after
    60.0
    """

    def solve(self, problem: RoutingProblem, /) -> Solution:
        """Each route's visits (indices into ``problem.visits``), in the order walked."""
        ...


def _passes(_instance: object, _attribute: object, value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidArgument(f"passes: must be a whole number >= 0, got {value!r}")


@attrs.frozen
class BuiltIn:
    """Cheapest-append construction, then local search (relocate, swap, tail exchange).

    Parameters
    ----------
    passes
        At most this many rounds of improvement over all visits and pairs of routes; each
        round stops early once nothing improves (``0``: construction only).

    Examples
    --------
    Two nurses in two zones, four visits, two in each zone at the same times: each nurse
    keeps to her own zone.

    >>> from hometeams.sim import Route, RoutingProblem, Visit
    >>> travel = [[0.0, 20.0, 0.0], [20.0, 0.0, 0.0], [0.0, 0.0, 0.0]]
    >>> routes = [Route(staff=s, shift=s, start=420.0, end=900.0, zone=s) for s in (0, 1)]
    >>> visits = [Visit(job=k, zone=k % 2, ready=480.0 + 60 * (k // 2), due=540.0 + 60 * (k // 2),
    ...                 duration=30.0, ranks={0: 0, 1: 0}) for k in range(4)]
    >>> BuiltIn().solve(RoutingProblem(routes, visits, travel))
    ((0, 2), (1, 3))
    """

    passes: int = attrs.field(default=10, validator=_passes, kw_only=True)

    def solve(self, problem: RoutingProblem, /) -> Solution:
        """Each route's visits, construction then improvement."""
        lists = _Lists(problem)
        lists.construct()
        built = lists.copy() if lists.pairs else lists
        for _ in range(self.passes):
            if not lists.improve():
                break
        if not lists.pairs:
            return lists.solution()
        # moves were priced list by list: keep the construction if, synchronised, it is better
        improved = synchronise(problem, lists.solution())[0]
        constructed = synchronise(problem, built.solution())[0]
        if total_cost(problem, constructed) < total_cost(problem, improved):
            return constructed
        return improved


class _Lists:
    """The routes' current orders with their schedules, for evaluating moves quickly.

    For route ``r`` with visits ``order[r]``: ``start[r][q]`` is the planned start of its
    ``q``-th visit and ``pre[r][q]`` the cost of its visits before ``q``; ``cost[r]`` is the
    route's whole cost (:func:`~hometeams.sim._routing.route_cost`).
    """

    def __init__(self, problem: RoutingProblem) -> None:
        self.p = problem
        visits = problem.visits
        self.ready = [v.ready for v in visits]
        self.due = [v.due for v in visits]
        self.dur = [v.duration for v in visits]
        self.zone = [v.zone for v in visits]
        self.ranks = [v.ranks for v in visits]
        self.partner = [v.partner for v in visits]
        self.pairs = any(p is not None for p in self.partner)
        self.staff_of = [route.staff for route in problem.routes]
        n = len(problem.routes)
        self.order: list[list[int]] = [[] for _ in range(n)]
        self.start: list[list[float]] = [[] for _ in range(n)]
        self.trip: list[list[float]] = [[] for _ in range(n)]
        self.readies: list[list[float]] = [[] for _ in range(n)]  # ready times, in list order
        self.pre: list[list[float]] = [[0.0] for _ in range(n)]
        self.cost = [0.0] * n
        self.where = [-1] * len(visits)  # each visit's route, -1 for none
        # what every walk along a route reads, in one attribute
        self.terms = (
            *(problem.lateness_weight, problem.preference_weight, problem.delay_weight),
            *(problem.travel, self.ready, self.due, self.dur, self.zone),
        )
        # Moves found worthless stay worthless while the routes they involve are unchanged:
        # ``changed[r]`` is the count of changes when route ``r`` last changed, and a visit's
        # relocation or a pair's exchanges are not tried again while none of theirs changed
        # since they were last tried in vain (the search finds the very same lists, faster).
        self.changes = 0
        self.changed = [0] * n
        self.tried_visit = [-1] * len(visits)
        self.tried_tails: dict[tuple[int, int], int] = {}
        self.tried_swap: dict[tuple[int, int], int] = {}

    @cached_property
    def candidates(self) -> list[list[int]]:
        """For each visit, the routes it may move to: best rank, then nearest start."""
        p = self.p
        travel, routes = p.travel, p.routes
        return [
            sorted(v.ranks, key=lambda r: (v.ranks[r], travel[routes[r].zone][v.zone], r))[
                :_CANDIDATES
            ]
            for v in p.visits
        ]

    @cached_property
    def neighbours(self) -> list[list[int]]:
        """For each route ``a``, the later routes it trades with: overlapping, starting nearest."""
        routes, travel, n = self.p.routes, self.p.travel, len(self.p.routes)
        return [
            sorted(
                (
                    b
                    for b in range(a + 1, n)
                    if routes[b].start < routes[a].end and routes[a].start < routes[b].end
                ),
                key=lambda b: (travel[routes[a].zone][routes[b].zone], b),
            )[:_NEIGHBOURS]
            for a in range(n)
        ]

    def clash(self, moved: dict[int, int]) -> bool:
        """Whether moving visits (visit -> route) would put a pair's halves with one nurse."""
        if not self.pairs:
            return False
        partner, where, staff_of = self.partner, self.where, self.staff_of
        for i, r in moved.items():
            p = partner[i]
            if p is not None:
                q = moved.get(p, where[p])
                if q >= 0 and staff_of[q] == staff_of[r]:
                    return True
        return False

    def solution(self) -> Solution:
        """The lists as a solution that keeps their schedules (for repairing them later)."""
        return _Planned(self)

    def copy(self) -> _Lists:
        """Lists to change without changing these (the routes' own lists are never changed)."""
        other = copy.copy(self)
        other.order, other.start, other.pre = self.order[:], self.start[:], self.pre[:]
        other.trip, other.readies = self.trip[:], self.readies[:]
        other.cost, other.where, other.changed = self.cost[:], self.where[:], self.changed[:]
        other.tried_visit = self.tried_visit[:]
        other.tried_tails, other.tried_swap = dict(self.tried_tails), dict(self.tried_swap)
        return other

    # -- schedules and costs -------------------------------------------------------------------

    def _set(self, r: int, order: list[int], same: int = 0) -> None:
        """Give route ``r`` a new order and recompute its schedule.

        The first ``same`` visits are the route's first ``same`` already: their schedule stays.
        """
        p, route = self.p, self.p.routes[r]
        late_w, pref_w, delay_w, travel, ready, due, dur, zones = self.terms
        if same:
            last = order[same - 1]
            starts, pre = self.start[r][:same], self.pre[r][: same + 1]
            trips = self.trip[r][:same]
            t, zone, cost = starts[-1] + dur[last], zones[last], pre[-1]
        else:
            t, zone, cost = route.start, route.zone, 0.0
            starts, pre, trips = [], [0.0], []
        for i in order[same:]:
            trip = travel[zone][zones[i]]
            start = t + trip
            if start < ready[i]:  # noqa: PLR1730 - max() costs a call on this hot path
                start = ready[i]
            starts.append(start)
            trips.append(trip)
            cost += trip + self.ranks[i][r] * pref_w + (start - ready[i]) * delay_w
            if start > due[i]:
                cost += (start - due[i]) * late_w
            pre.append(cost)
            t, zone = start + dur[i], zones[i]
        where = self.where
        for old in self.order[r][same:]:
            if where[old] == r:  # not if it has just moved to another route
                where[old] = -1
        for i in order[same:]:
            where[i] = r
        self.order[r], self.start[r], self.pre[r], self.trip[r] = order, starts, pre, trips
        self.readies[r] = [ready[i] for i in order]
        self.cost[r] = cost + max(t - route.end, 0.0) * p.overtime_weight
        self.changes += 1
        self.changed[r] = self.changes

    def cost_with(
        self, r: int, pos: int, new: Sequence[int], resume: int, bound: float = INFEASIBLE
    ) -> float:
        """Cost of route ``r`` with some visits new from ``pos`` on.

        The route keeps its visits before ``pos``, then has ``new``, then its old visits from
        ``resume`` on. The cost is ``inf`` if a visit cannot be on it, or once it must reach
        ``bound`` (see :meth:`_rest`).
        """
        late_w, pref_w, delay_w, travel, ready, due, dur, zones = self.terms
        route = self.p.routes[r]
        if pos:
            prev = self.order[r][pos - 1]
            t, zone = self.start[r][pos - 1] + dur[prev], zones[prev]
        else:
            t, zone = route.start, route.zone
        cost = self.pre[r][pos]
        end = route.end
        for i in new:
            rank = self.ranks[i].get(r)
            if rank is None:
                return INFEASIBLE
            trip = travel[zone][zones[i]]
            start = t + trip
            if start < ready[i]:  # noqa: PLR1730 - max() costs a call on this hot path
                start = ready[i]
            if start >= end:
                return INFEASIBLE
            cost += trip + rank * pref_w + (start - ready[i]) * delay_w
            if start > due[i]:
                cost += (start - due[i]) * late_w
            if cost >= bound:
                return INFEASIBLE
            t, zone = start + dur[i], zones[i]
        return self._rest(r, resume, t, zone, cost, bound, resume + 1)

    def _rest(  # noqa: PLR0917 - positional on the hot path
        self, r: int, resume: int, t: float, zone: int, cost: float, bound: float, joined: int
    ) -> float:
        """Cost of route ``r`` from its old visit ``resume`` on, leaving ``zone`` at ``t``.

        ``cost`` is the cost so far; an old visit from ``joined`` on that starts exactly when it
        did before ends the walk (the rest of the route is then as before). The walk gives up
        (``inf``) once the cost must reach ``bound``: when the cost so far does (costs only
        grow along a route), or when, after an old visit that starts no earlier than before,
        the cost so far and what the rest of the route cost before do (the rest then starts no
        earlier, so costs no less). A cheapest insertion thus gives up on a poor route after a
        step or two, not at its end.
        """
        late_w, pref_w, delay_w, travel, ready, due, dur, zones = self.terms
        order, starts, pre = self.order[r], self.start[r], self.pre[r]
        ranks, end, rest = self.ranks, self.p.routes[r].end, self.cost[r] - _EPS
        for q in range(resume, len(order)):
            i = order[q]
            trip = travel[zone][zones[i]]
            start = t + trip
            if start < ready[i]:  # noqa: PLR1730 - max() costs a call on this hot path
                start = ready[i]
            if q >= joined and start == starts[q]:
                return cost + self.cost[r] - pre[q]
            if start >= end:
                return INFEASIBLE
            cost += trip + ranks[i][r] * pref_w + (start - ready[i]) * delay_w
            if start > due[i]:
                cost += (start - due[i]) * late_w
            # a visit no earlier than before: the ones after it come no earlier either, so
            # each costs at least what it did
            if cost >= bound or (start >= starts[q] and cost + rest - pre[q + 1] >= bound):
                return INFEASIBLE
            t, zone = start + dur[i], zones[i]
        if t > end:
            cost += (t - end) * self.p.overtime_weight
        return cost

    def _cheapest(self, i: int, routes: Iterable[int], best: float) -> tuple[float, int, int]:
        """The cheapest place for visit ``i`` on one of ``routes``: (cost added, route, position).

        On each route the visit is tried at its place in ready order and one place either
        side (a route that may not take it is passed over); ``(best, -1, -1)`` if no place adds
        less than ``best``. Each place is priced as :meth:`cost_with` prices one new visit,
        with the visit's own step and that of the old visit after it worked out here: most
        places are given up at one of these two steps, so the walk along the rest of the
        route (:meth:`_rest`) is seldom needed. The steps are :meth:`_rest`'s, written out
        because a call per place cost about a twentieth of the case-D year under fixed lists.
        """
        late_w, pref_w, delay_w, travel, ready, due, dur, zones = self.terms
        ready_i, due_i, zone_i, ranks_i = ready[i], due[i], zones[i], self.ranks[i]
        all_routes, best_r, best_pos = self.p.routes, -1, -1
        for r in routes:
            rank = ranks_i.get(r)
            if rank is None:
                continue
            order, readies, starts, pre = self.order[r], self.readies[r], self.start[r], self.pre[r]
            route, old = all_routes[r], self.cost[r]
            end, n = route.end, len(order)
            lo = bisect.bisect_right(readies, ready_i)  # the first visit ready after this one
            found, found_pos = old + best, -1
            for pos in (lo, lo - 1, lo + 1):
                if not 0 <= pos <= n:
                    continue
                if pos:
                    prev = order[pos - 1]
                    t, zone = starts[pos - 1] + dur[prev], zones[prev]
                else:
                    t, zone = route.start, route.zone
                trip = travel[zone][zone_i]
                start = t + trip
                if start < ready_i:  # noqa: PLR1730 - max() costs a call on this hot path
                    start = ready_i
                if start >= end:
                    continue
                cost = pre[pos]
                cost += trip + rank * pref_w + (start - ready_i) * delay_w
                if start > due_i:
                    cost += (start - due_i) * late_w
                if cost >= found:
                    continue
                t = start + dur[i]
                if pos < n:  # the first old visit after it, as _rest's first step
                    k = order[pos]
                    trip = travel[zone_i][zones[k]]
                    start = t + trip
                    if start < ready[k]:  # noqa: PLR1730 - max() costs a call on this hot path
                        start = ready[k]
                    if start >= end:
                        continue
                    cost += trip + self.ranks[k][r] * pref_w + (start - ready[k]) * delay_w
                    if start > due[k]:
                        cost += (start - due[k]) * late_w
                    if cost >= found or (
                        start >= starts[pos] and cost + (old - _EPS) - pre[pos + 1] >= found
                    ):
                        continue
                    cost = self._rest(r, pos + 1, start + dur[k], zones[k], cost, found, pos + 1)
                else:
                    cost = self._rest(r, pos, t, zone_i, cost, found, pos + 1)
                if cost < found:
                    found, found_pos = cost, pos
            if found_pos >= 0 and found - old < best:
                best, best_r, best_pos = found - old, r, found_pos
        return best, best_r, best_pos

    # -- construction ------------------------------------------------------------------------

    def construct(self) -> None:
        """Visits in ready order, each appended where it adds least.

        Ties go to the route first in an order drawn from the problem's seed: a planner has no
        reason to prefer one of several equally good nurses.
        """
        unassigned = self.p.unassigned_cost
        rank = np.random.default_rng(self.p.seed).permutation(len(self.order)).tolist()
        visits = range(len(self.ready))
        for i in sorted(visits, key=lambda i: (self.ready[i], self.due[i], i)):
            best, best_r = unassigned, -1
            for r in self.ranks[i]:
                if self.pairs and self.clash({i: r}):
                    continue
                n = len(self.order[r])
                added = self.cost_with(r, n, (i,), n, self.cost[r] + best + _EPS) - self.cost[r]
                if added < best or (added == best and best_r >= 0 and rank[r] < rank[best_r]):
                    best, best_r = added, r
            if best_r >= 0:
                self._set(best_r, [*self.order[best_r], i], len(self.order[best_r]))

    # -- improvement -------------------------------------------------------------------------

    def improve(self) -> bool:
        """One round of insertions, relocations, tail exchanges and swaps; True if improved.

        A move tried in vain is not tried again until one of its routes has changed.
        """
        improved = False
        changed, tried_visit = self.changed, self.tried_visit
        for i, candidates in enumerate(self.candidates):
            tried, r = tried_visit[i], self.where[i]
            if (r < 0 or changed[r] <= tried) and all(changed[q] <= tried for q in candidates):
                continue
            if self._relocate(i):
                improved = True
            else:
                tried_visit[i] = self.changes
        tried_tails, tried_swap = self.tried_tails, self.tried_swap
        for a, neighbours in enumerate(self.neighbours):
            for b in neighbours:
                pair = (a, b)
                if tried_tails.get(pair, -1) < max(changed[a], changed[b]):
                    if self._exchange_tails(a, b):
                        improved = True
                    else:
                        tried_tails[pair] = self.changes
                if tried_swap.get(pair, -1) < max(changed[a], changed[b]):
                    if self._swap(a, b):
                        improved = True
                    else:
                        tried_swap[pair] = self.changes
        return improved

    def _relocate(self, i: int) -> bool:
        """Move visit ``i`` (or, if on no list, place it) where the total cost drops most."""
        r = self.where[i]
        if r < 0:
            saved, pos = self.p.unassigned_cost, -1
        else:
            pos = self.order[r].index(i)
            saved = self.cost[r] - self.cost_with(r, pos, (), pos + 1)
        _best, best_q, best_pos = self._cheapest(
            i,
            (q for q in self.candidates[i] if q != r and not (self.pairs and self.clash({i: q}))),
            saved - _EPS,
        )
        if best_q < 0:
            return False
        if r >= 0:
            self._set(r, [*self.order[r][:pos], *self.order[r][pos + 1 :]], pos)
        target = self.order[best_q]
        self._set(best_q, [*target[:best_pos], i, *target[best_pos:]], best_pos)
        return True

    def _exchange_tails(self, a: int, b: int) -> bool:
        """Swap what two routes do from some point in time on, if that lowers their cost."""
        improved = False
        p = 0
        while p <= len(self.order[a]):
            la, lb = self.order[a], self.order[b]
            if p < len(la):
                cut, q = self.ready[la[p]], 0
                while q < len(lb) and self.ready[lb[q]] < cut:
                    q += 1
            else:
                q = len(lb)
            if (p < len(la) or q < len(lb)) and not (
                self.pairs and self.clash({**dict.fromkeys(la[p:], b), **dict.fromkeys(lb[q:], a)})
            ):
                total = self.cost[a] + self.cost[b] - _EPS
                ca = self.cost_with(a, p, lb[q:], len(la), total)
                if ca < INFEASIBLE:
                    cb = self.cost_with(b, q, la[p:], len(lb), total - ca)
                    if ca + cb < self.cost[a] + self.cost[b] - _EPS:
                        self._set(a, [*la[:p], *lb[q:]], p)
                        self._set(b, [*lb[:q], *la[p:]], q)
                        improved = True
            p += 1
        return improved

    def _swap(self, a: int, b: int) -> bool:
        """Exchange a visit of ``a`` with one of ``b`` that takes the same place in ready order."""
        improved = False
        ready = self.ready
        for p, i in enumerate(self.order[a]):
            if b not in self.ranks[i]:
                continue
            lb = self.order[b]
            # the visits of b ready within the window of i's (lists run in about ready order)
            lo = bisect.bisect_left(lb, ready[i] - _SWAP_WINDOW, key=ready.__getitem__)
            hi = bisect.bisect_right(lb, ready[i] + _SWAP_WINDOW, key=ready.__getitem__)
            for q in range(lo, hi):
                k = lb[q]
                if abs(ready[k] - ready[i]) > _SWAP_WINDOW or a not in self.ranks[k]:
                    continue
                if not (self._fits(a, p, k) and self._fits(b, q, i)):
                    continue
                if self.pairs and self.clash({i: b, k: a}):
                    continue
                total = self.cost[a] + self.cost[b] - _EPS
                ca = self.cost_with(a, p, (k,), p + 1, total)
                if ca == INFEASIBLE:
                    continue
                cb = self.cost_with(b, q, (i,), q + 1, total - ca)
                if ca + cb < self.cost[a] + self.cost[b] - _EPS:
                    la = self.order[a]
                    self._set(a, [*la[:p], k, *la[p + 1 :]], p)
                    self._set(b, [*lb[:q], i, *lb[q + 1 :]], q)
                    improved = True
                    break
        return improved

    def _fits(self, r: int, pos: int, i: int) -> bool:
        """Whether visit ``i`` in place of route ``r``'s ``pos``-th keeps the ready order."""
        order, ready = self.order[r], self.ready
        x = ready[i]
        return (pos == 0 or ready[order[pos - 1]] <= x) and (
            pos + 1 >= len(order) or x <= ready[order[pos + 1]]
        )


class _Planned(tuple[tuple[int, ...], ...]):
    """A solution that keeps the :class:`_Lists` it was read from, schedules and all.

    Each list is a :class:`~hometeams.sim._routing.Scheduled`, so that
    :func:`~hometeams.sim.schedule` need not work its schedule out again.
    """

    lists: _Lists

    def __new__(cls, lists: _Lists) -> _Planned:
        p = lists.p
        self = super().__new__(
            cls,
            (
                Scheduled(order, p, r, lists.start[r], lists.trip[r])
                for r, order in enumerate(lists.order)
            ),
        )
        self.lists = lists
        return self

    def __reduce__(self) -> tuple[type[Solution], tuple[Solution]]:
        """Copied or pickled, a plain tuple of tuples."""
        return tuple, (tuple(map(tuple, self)),)


def _resume(problem: RoutingProblem, solution: Solution) -> _Lists:
    """A :class:`_Lists` holding ``solution``'s lists, to add visits to."""
    if isinstance(solution, _Planned) and solution.lists.p is problem:
        return solution.lists.copy()  # the schedules are known
    lists = _Lists(problem)
    for r, order in enumerate(solution):
        if order:
            lists._set(r, list(order))
    return lists


def _insert(lists: _Lists, visits: Sequence[int], *, closed: frozenset[int]) -> None:
    """Put each visit where it adds least, among the routes not ``closed`` that may take it.

    Every allowed route is tried: limited to the dozen best placed, as in the improvement, the
    case-D year under fixed lists planned 2 % more travel and drove 10 % more, for no time
    measurably saved (``benchmarks/README.md``).
    """
    for i in visits:
        allowed = [
            r
            for r in lists.ranks[i]
            if r not in closed and not (lists.pairs and lists.clash({i: r}))
        ]
        _best, best_r, best_pos = lists._cheapest(i, allowed, lists.p.unassigned_cost)
        if best_r >= 0:
            order = lists.order[best_r]
            lists._set(best_r, [*order[:best_pos], i, *order[best_pos:]], best_pos)


def insert_visits(
    problem: RoutingProblem,
    solution: Solution,
    visits: Sequence[int],
    *,
    closed: frozenset[int] = frozenset(),
) -> Solution:
    """``solution`` with each of ``visits`` put where it adds least, on routes not ``closed``.

    Each visit is tried on every route not ``closed`` that may take it (never on a list of the
    nurse who has its partner, for a half of a two-person visit). A visit whose cheapest
    place costs more than leaving it to the dispatcher stays off the lists. Used to fit a fixed
    list's new visits and to repair the lists of absent staff.

    Examples
    --------
    >>> from hometeams.sim import Route, RoutingProblem, Visit
    >>> problem = RoutingProblem(
    ...     routes=[Route(staff=0, shift=0, start=480.0, end=720.0, zone=0)],
    ...     visits=[Visit(job=j, zone=0, ready=500.0 + 60 * j, due=560.0 + 60 * j,
    ...                   duration=30.0, ranks={0: 0}) for j in (0, 1)],
    ...     travel=[[0.0, 0.0], [0.0, 0.0]])
    >>> insert_visits(problem, ((1,),), [0])
    ((0, 1),)
    """
    lists = _resume(problem, solution)
    _insert(lists, visits, closed=closed)
    return lists.solution()


def repair(problem: RoutingProblem, solution: Solution, absent: frozenset[int]) -> Solution:
    """The lists once absent staff's lists are handed over: a substitute, else redistributed.

    An absent route's whole list goes to a *substitute* -- a present route with the same
    start and end, an empty list and leave to take every visit on it (the first such, in
    route order); failing one, each of its visits goes where it adds least on the present
    routes the organisation model allows, or, if none is worth it, to the dispatcher. A half of
    a two-person visit never goes to the nurse who has its partner.

    Examples
    --------
    Kari (route 0) is off sick; Ola (route 1) has the same shift and nothing planned:

    >>> from hometeams.sim import Route, RoutingProblem, Visit
    >>> problem = RoutingProblem(
    ...     routes=[Route(staff=s, shift=s, start=480.0, end=720.0, zone=0) for s in (0, 1)],
    ...     visits=[Visit(job=0, zone=0, ready=500.0, due=560.0, duration=30.0,
    ...                   ranks={0: 0, 1: 0})],
    ...     travel=[[0.0, 0.0], [0.0, 0.0]])
    >>> repair(problem, ((0,), ()), frozenset({0}))
    ((), (0,))
    """
    lists = [tuple(order) for order in solution]
    routes, visits = problem.routes, problem.visits
    partners = {
        v.partner: routes[r].staff
        for r, order in enumerate(lists)
        for v in (visits[i] for i in order)
        if v.partner is not None
    }  # each half's partner's nurse, for the halves on a list
    handed: list[int] = []
    for r in sorted(absent):
        order, lists[r] = lists[r], ()
        if not order:
            continue
        for q, route in enumerate(routes):
            if (
                q not in absent
                and not lists[q]
                and (route.start, route.end) == (routes[r].start, routes[r].end)
                and all(q in problem.visits[i].ranks for i in order)
                and route_cost(problem, q, order) < INFEASIBLE
                and all(partners.get(i) != route.staff for i in order)
            ):
                lists[q] = order
                break
        else:
            handed.extend(order)
    if not handed:
        return tuple(lists)
    planned = _resume(problem, solution)
    for r, order in enumerate(lists):
        if order != tuple(planned.order[r]):
            planned._set(r, list(order))
    _insert(planned, handed, closed=absent)
    return planned.solution()
