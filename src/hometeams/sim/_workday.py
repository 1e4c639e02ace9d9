"""One day of a run as a planning sees it: its shifts as routes, its planned visits as stops.

Monday in district North: the lists are made at the start of the day shift, for every shift
rostered to start before Tuesday's day shift (the evening and the night included) and every
planned visit due in that time. A visit is *planned* if it comes from a service decision (a
recurring visit plan) or from the episode of a user discharged on an earlier day; alarms, calls
and today's discharges go to the dispatcher. A two-person visit is planned as two visits of the
same job, partners (:attr:`~hometeams.sim.Visit.partner`), one for each nurse.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Hashable, MutableMapping, Sequence
from functools import cached_property

import attrs
import numpy as np

from hometeams._time import DAY
from hometeams._types import Minutes
from hometeams.sim._compile import Compiled
from hometeams.sim._groups import Tiers
from hometeams.sim._routing import Route, RoutingProblem, Visit

__all__ = ["Calendar", "PlanningDay"]

PLANNED_KINDS = ("visit", "discharge")


class Calendar:
    """What every day of one run shares: which jobs can be planned, and from when.

    A recurring visit is known from the start; a discharge episode's visits from the first
    visit of the episode (the user is home from then on), so they go on lists from the next
    day. One- and two-person visits are planned alike.
    """

    def __init__(self, c: Compiled, *, day_start: Minutes) -> None:
        jobs = c.realisation.jobs
        kind = np.asarray(jobs.kind)
        plannable = np.isin(kind, PLANNED_KINDS)
        known = np.where(kind == "visit", -np.inf, jobs.ready)
        episode = np.flatnonzero(kind == "discharge")
        if episode.size:
            users = np.asarray(c.job_user_idx)[episode]
            first = np.full(len(c.user_names), np.inf)
            np.minimum.at(first, users, jobs.ready[episode])
            known[episode] = first[users]
        self.c = c
        self.day_start = day_start
        # shifts by start (a realisation's are already; one built by hand may not be)
        self.shift_order = sorted(range(len(c.shift_start)), key=c.shift_start.__getitem__)
        self.shift_starts = [c.shift_start[k] for k in self.shift_order]
        # per job, as tuples of numbers (which the garbage collector stops looking into)
        self.plannable: tuple[bool, ...] = tuple(plannable.tolist())
        self.need: tuple[int, ...] = c.need
        self.known: tuple[float, ...] = tuple(known.tolist())
        self.recurring: tuple[bool, ...] = tuple((kind == "visit").tolist())
        # who may take a visit, by the day's shifts (as clock times) and then by the visit's
        # tiers, competences and times of day: days shaped alike share the answers
        self.ranks: dict[Hashable, dict[Hashable, dict[int, int]]] = {}
        # each class of equal shifts (weekday, clock times, team): the staff member who first
        # walked each rank among them
        self._holders: dict[Hashable, list[int]] = {}

    def ranks_of(self, key: Hashable, staff: Sequence[int]) -> list[int]:
        """Each of ``staff``'s rank among a day's equal shifts of class ``key``.

        Whoever first walked a rank of the class keeps it whenever she is on one of its shifts
        (and the class has that many that day); the others take the free ranks in turn, the
        first to walk a rank holding it from then on. Under a rota of several weeks the same
        person thus walks the same fixed list on her weekday, whoever else is on that week.
        """
        holders = self._holders.setdefault(key, [])
        n = len(staff)
        out = [-1] * n
        taken = set()
        for q, s in enumerate(staff):
            if s in holders and (rank := holders.index(s)) < n and rank not in taken:
                out[q] = rank
                taken.add(rank)
        free = (rank for rank in range(n) if rank not in taken)
        for q, s in enumerate(staff):
            if out[q] < 0:
                out[q] = rank = next(free)
                if rank == len(holders) and s not in holders:
                    holders.append(s)
        return out


class PlanningDay:
    """The :class:`~hometeams.sim.Day` a planning is given (built by the engine).

    Parameters
    ----------
    calendar
        The run's calendar of plannable jobs.
    index
        The day number.
    tiers
        The organisation model's compiled tiers of a job, asked now.
    shift_teams
        For each shift row, the indices of the teams it is on duty for.
    memo
        The run's memo for plannings.
    seed
        The day's seed for planners' ties (:attr:`RoutingProblem.seed`).
    """

    def __init__(
        self,
        calendar: Calendar,
        index: int,
        *,
        tiers: Callable[[int], Tiers],
        shift_teams: Sequence[tuple[int, ...]],
        memo: MutableMapping[object, object],
        seed: int = 0,
    ) -> None:
        self._seed = seed
        self._cal = calendar
        self._tiers = tiers
        self._shift_teams = shift_teams
        self.index = index
        self.weekday = index % 7
        self.start: Minutes = index * DAY + calendar.day_start
        self.end: Minutes = self.start + DAY
        self.memo = memo
        c = calendar.c
        lo = bisect.bisect_left(calendar.shift_starts, self.start)
        hi = bisect.bisect_left(calendar.shift_starts, self.end)
        self.shifts: tuple[int, ...] = tuple(calendar.shift_order[lo:hi])
        lo = bisect.bisect_left(c.ready, self.start)
        hi = bisect.bisect_left(c.ready, self.end)
        plannable, known, need = calendar.plannable, calendar.known, calendar.need
        # each planned job once per nurse it needs: a two-person visit's halves side by side
        self.jobs: tuple[int, ...] = tuple(
            j
            for j in range(lo, hi)
            if plannable[j] and known[j] < self.start
            for _half in range(need[j])
        )

    @cached_property
    def _routes(self) -> tuple[Route, ...]:
        c = self._cal.c
        out = []
        for k in self.shifts:
            s = c.shift_staff[k]
            zone = c.shift_zone[k]
            out.append(
                Route(
                    staff=s,
                    shift=k,
                    start=c.shift_start[k],
                    end=c.shift_end[k],
                    zone=zone if zone >= 0 else c.staff_zone[s],
                )
            )
        return tuple(out)

    def problem(self, *, at_work: bool = False) -> RoutingProblem:
        """The day's routes, its planned visits and who may take each (see the module).

        With ``at_work``, nobody absent today may take a visit: the lists are made on the
        morning of the day, with the staff who came to work.
        """
        if not at_work:
            return self._problem
        off = self._cal.c.shift_absent
        absent = {r for r, route in enumerate(self._routes) if off[route.shift]}
        if not absent:
            return self._problem
        visits = [
            attrs.evolve(v, ranks={r: k for r, k in v.ranks.items() if r not in absent})
            for v in self._problem.visits
        ]
        return attrs.evolve(self._problem, visits=visits)

    @cached_property
    def _problem(self) -> RoutingProblem:
        c = self._cal.c
        routes, t0 = self._routes, self.start
        travel = [[*row, 0.0] for row in c.travel] + [[0.0] * (len(c.travel) + 1)]
        shape = tuple(
            (route.staff, route.start - t0, route.end - t0, self._shift_teams[route.shift])
            for route in routes
        )
        known = self._cal.ranks.setdefault(shape, {})
        visits = []
        jobs, tiers_of = self.jobs, self._tiers
        reqs, readies, dues, zones, durations, need = (
            c.req,
            c.ready,
            c.due,
            c.job_zone,
            c.expected,
            c.need,
        )
        for i, j in enumerate(jobs):
            tiers, req, ready, due = tiers_of(j), reqs[j], readies[j], dues[j]
            key = (tiers, req, ready - t0, due - t0)
            ranks = known.get(key)
            if ranks is None:
                ranks = known[key] = self._ranks_between(ready, due, req, tiers)
            visits.append(
                Visit(
                    j,
                    zones[j],
                    ready,
                    due,
                    durations[j],
                    ranks,
                    partner=None if need[j] == 1 else _partner(jobs, i),
                )
            )
        return RoutingProblem(routes, visits, travel, seed=self._seed)

    @cached_property
    def _classes(self) -> dict[tuple[float, float], list[int]]:
        """The day's routes in classes of equal shift times."""
        classes: dict[tuple[float, float], list[int]] = {}
        for r, route in enumerate(self._routes):
            classes.setdefault((route.start, route.end), []).append(r)
        return classes

    def _ranks_between(self, ready: float, due: float, req: int, tiers: Tiers) -> dict[int, int]:
        """Route -> rank for the routes on shift between ``ready`` and ``due`` that may go."""
        ranks: dict[int, int] = {}
        for times, members in self._classes.items():
            if times[1] <= ready or times[0] > due:
                continue
            ranks.update(self._ranks(members, req, tiers))
        return ranks

    def _ranks(self, members: list[int], req: int, tiers: Tiers) -> dict[int, int]:
        """Route -> the first tier allowing its staff member, for those holding ``req``."""
        ranks: dict[int, int] = {}
        for r in members:
            route = self._routes[r]
            s = route.staff
            if not req >> s & 1:
                continue
            on_duty_for = self._shift_teams[route.shift]
            for rank, (_after, mask, team) in enumerate(tiers):
                if mask >> s & 1 and (team == -1 or team in on_duty_for):
                    ranks[r] = rank
                    break
        return ranks

    def slot(self, route: int) -> Hashable:
        """Weekday, shift clock times, team and held rank among the day's equal shifts."""
        return self._slots[route]

    def key(self, visit: int) -> Hashable:
        """The visit's user, its time within the day and its rank among equal ones."""
        return self._keys[visit]

    def recurring(self, visit: int) -> bool:
        """Whether the visit comes from a recurring visit plan (not a discharge episode)."""
        return self._cal.recurring[self.jobs[visit]]

    @cached_property
    def _slots(self) -> list[Hashable]:
        c = self._cal.c
        classes: dict[tuple[int, float, float, str], list[int]] = {}
        for q, k in enumerate(self.shifts):
            times = (c.shift_start[k] - self.start, c.shift_end[k] - self.start)
            classes.setdefault((self.weekday, *times, c.shift_team[k]), []).append(q)
        out: list[Hashable] = [None] * len(self.shifts)
        for cls, places in classes.items():
            staff = [c.shift_staff[self.shifts[q]] for q in places]
            for q, rank in zip(places, self._cal.ranks_of(cls, staff), strict=True):
                out[q] = (*cls, rank)
        return out

    @cached_property
    def _keys(self) -> list[Hashable]:
        c = self._cal.c
        seen: dict[tuple[int, float], int] = {}
        out: list[Hashable] = []
        for j in self.jobs:
            key = (c.job_user_idx[j], c.ready[j] - self.start)
            rank = seen.get(key, 0)
            seen[key] = rank + 1
            out.append((*key, rank))
        return out


def _partner(jobs: Sequence[int], i: int) -> int | None:
    """The other half of visit ``i`` (the same job beside it), or ``None``."""
    if i + 1 < len(jobs) and jobs[i + 1] == jobs[i]:
        return i + 1
    if i > 0 and jobs[i - 1] == jobs[i]:
        return i - 1
    return None
