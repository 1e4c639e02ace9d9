"""The dispatcher: one ``simpy.Environment``, a calendar of shifts and arrivals, and a policy.

A district's week, as the engine sees it: at 07:00 the day shift starts and its nurses become
free in their home zones; visits become ready through the morning; each time something happens
-- a visit becomes ready, a nurse finishes one, a shift starts, a job has waited long enough
for the next tier of its policy to open -- the dispatcher matches waiting visits to free nurses.
A nurse drives from the zone she is in to the visit's zone (travel matrix), works for the
visit's realised duration and is free again. At 15:00 her shift ends: a visit she is on is
finished (overtime), but she starts nothing after her shift's end.

The clock and the event queue are a :class:`simpy.Environment` (:attr:`Engine.env`). The
dispatcher schedules three kinds of event on it, each with one handler: the next moment of the
static calendar (:meth:`Engine._on_moment`: shift ends and starts, then visits becoming ready),
the moment some visits end (:meth:`Engine._on_complete`: everyone finishing then is free) and
the moment a tier opens for waiting visits (:meth:`Engine._on_reopen`). Staff walking a work
list are SimPy processes on the same environment (:meth:`Engine._walker`), and so are a
planner's own processes (``simulate(..., processes=...)``).

Rules the engine keeps (each is a test):

* Waiting visits are offered in the order they became ready (first come, first served); a
  freed nurse takes the first waiting visit she may take under the policy. Staff who become
  free at the same moment (both partners of a two-person visit, a shift's start) are offered
  work together, after everything else that happens at that moment.
* A staff member does one thing at a time, and is on duty while any of her present (not
  absent) shifts covers the time: ``start <= t < end``. She starts a shift in the shift's zone.
* Each minute of her travel and work is counted in the earliest-starting shift that covers
  it; minutes outside every shift are overtime of the shift that last started before them.
  So for every shift ``busy + travel + idle == rostered``, and absent shifts count nothing.
* A two-person visit starts when both staff have arrived; the job's ``travel`` is the longer
  journey, and the partner who arrived first waits (idle). So does one on two work lists
  (:meth:`Engine._walk_pair`), where each nurse leaves when her own list says.
* A job not started by ``due + max_lateness`` is dropped and ends UNSERVED, as is every job not
  started before the horizon. Otherwise a job started by its due time is ON_TIME, later LATE.
  A job is started when staff are sent to it: one sent just before the horizon is recorded in
  full, with its start of work (after the journey) and end possibly past the horizon.

Sets of staff are ``int`` bitmasks; a policy's tiers are compiled once per plan into
``(after, staff mask, team index)`` triples and waiting jobs are grouped by them
(:mod:`~hometeams.sim._groups`); records are buffered in lists and turned into numpy once.
"""

from __future__ import annotations

import array
import heapq
import math
from collections import deque
from collections.abc import Callable, Generator, Sequence

import numpy as np
import simpy
from simpy.events import NORMAL

from hometeams._random import stream
from hometeams._time import DAY
from hometeams._types import Minutes, TeamId
from hometeams.errors import InvalidArgument
from hometeams.records import JobRecords, ListRecords, ShiftRecords
from hometeams.sim._compile import START, Compiled
from hometeams.sim._control import Control, Process
from hometeams.sim._groups import Group, Plan, Tiers
from hometeams.sim._looks import Looks
from hometeams.sim._places import Places
from hometeams.sim._planners import repair
from hometeams.sim._planning import Planning
from hometeams.sim._policies import Policy
from hometeams.sim._ranking import Ranking
from hometeams.sim._records import ListBuffer, job_records, shift_records, slot_label
from hometeams.sim._routing import RoutingProblem, Solution, synchronise
from hometeams.sim._shifts import ShiftBook
from hometeams.sim._workday import Calendar, PlanningDay

__all__ = ["At", "Engine"]


Handler = Callable[[simpy.Event], None]


class At(simpy.Event):
    """An event at time ``t`` (or now, if ``t`` has passed) with one handler; its value is ``t``.

    What a SimPy ``Timeout(env, max(t - now, 0), t)`` with ``handler`` appended to its
    callbacks does, made as one object: scheduled with the same delay and priority (and the
    next id), so events for the same time are handled in the order they were made. The
    handler reads the time back as the event's value.

    Examples
    --------
    >>> env = simpy.Environment()
    >>> seen = []
    >>> _ = At(env, 2.5, lambda event: seen.append((event.value, env.now)))
    >>> env.run()
    >>> seen
    [(2.5, 2.5)]
    """

    def __init__(self, env: simpy.Environment, t: float, handler: Handler) -> None:
        # Event.__init__'s two fields, then a triggered event's value and state, as
        # SimPy's Timeout sets them
        self.env = env
        self.callbacks = [handler]
        self._value = t
        self._ok = True
        delay = t - env.now
        env.schedule(self, NORMAL, delay if delay > 0 else 0.0)


ONLINE = -1
"""A job's list mark: the dispatcher's (never listed, or released from its list)."""
WALKED = -2
"""A job's list mark: taken by the nurse walking its list (its ready moment must not send it
to the dispatcher as well)."""
PAIRED = -3
"""A job's list mark: a two-person visit whose halves are on two lists (:class:`_Pair`)."""


class _Pair:
    """A two-person visit on two lists: the shifts walking it and who is at the door.

    ``door`` is the event the first nurse to arrive waits on: it succeeds with the end of the
    work when the second arrives, or with ``None`` if the second will not come.
    """

    __slots__ = ("door", "first", "shifts", "trip")

    def __init__(self, env: simpy.Environment) -> None:
        self.door = env.event()
        self.first = -1  # the staff member waiting at the door
        self.trip = 0.0  # her journey
        self.shifts: list[int] = []


class Engine(Looks):
    """One run of one policy on one compiled realisation; also the policies' :class:`View`.

    Parameters
    ----------
    c
        The compiled realisation and organisation.
    policy
        The organisation model.
    max_lateness
        Minutes after its due time at which a waiting job is dropped.
    planning
        How planned visits are put on work lists (``None``: no lists).
    day_start
        Minutes after midnight at which a planning day starts (the clock's day shift).
    seed
        The run's seed for the planners' ties: each day's is drawn from it.
    env
        The environment to run on (default a new one).
    """

    def __init__(
        self,
        c: Compiled,
        policy: Policy,
        *,
        max_lateness: Minutes,
        planning: Planning | None = None,
        day_start: Minutes = 420.0,
        seed: np.random.SeedSequence | None = None,
        env: simpy.Environment | None = None,
    ) -> None:
        self.env = env if env is not None else simpy.Environment()
        self._c = c
        self._policy = policy
        self._memo: dict[object, object] = {}
        self._now = 0.0
        n_staff, n_jobs = len(c.staff_ids), len(c.ready)
        # Per-job columns are tuples or arrays of numbers, which the garbage collector does not
        # look into (a year's lists of them made each full collection some 40 % slower).
        self._drop = tuple((c.realisation.jobs.due + max_lateness).tolist())
        # when each job entered the dispatcher (see _release)
        self._ready = array.array("d", c.ready)
        # staff
        self.places = Places(c.travel, where=c.staff_zone)
        self._free = 0  # on duty, not busy, not walking a list
        self._busy = [False] * n_staff
        self._free_since = [0.0] * n_staff
        self._duty_until = [-math.inf] * n_staff
        self._active: list[list[int]] = [[] for _ in range(n_staff)]  # present shifts on now
        self._cur = [-1] * n_staff  # the earliest-starting of them (-1: none)
        self._known = [0] * len(c.user_names)
        self._levels = _level_masks(c.care)
        holders = {bits: c.holders_of(bits) for bits in set(c.pref)}
        self._pref_holders = tuple(map(holders.__getitem__, c.pref))
        # who is on duty for each team; then the entries for an unknown team and for anyone
        teams = list(c.team_members)
        self._team_index: dict[TeamId | None, int] = {t: i for i, t in enumerate(teams)}
        self._team_index[None] = -1
        self._duty = [0] * len(teams) + [0, -1]
        self._duty_count: dict[tuple[int, int], int] = {}
        self._shift_teams = [
            (self._team_index[t],) if t else tuple(self._team_index[u] for u in c.staff_teams[s])
            for t, s in zip(c.shift_team, c.shift_staff, strict=True)
        ]
        # waiting jobs: each one's compiled tiers (None: not waiting), grouped (see _groups)
        self._waiting: list[Tiers | None] = [None] * n_jobs
        self._groups: dict[tuple[int, int, int], Group] = {}
        self._spare: dict[tuple[int, int, int], Group] = {}  # empty groups of shared plans
        self._openings: dict[float, deque[int]] = {}  # jobs by waiting time, in ready order
        self._open_at = math.inf
        self._ending: dict[float, list[int]] = {}  # staff whose work ends at each time
        self._plans: dict[int, Plan] = {}
        self._plan_of = self._plans_by_owners()
        self._rank = Ranking(tuple(policy.order), view=self)
        self._book = ShiftBook(c)
        # the handlers of the three kinds of event, bound once (each event holds one)
        self._moment_handler: Handler = self._on_moment
        self._complete_handler: Handler = self._on_complete
        self._reopen_handler: Handler = self._on_reopen
        self._moments = c.moments
        self._moment = 0
        self._ended = -1  # the last calendar moment whose shift ends have been applied
        # work lists: each listed job's shift (ONLINE: the dispatcher's; WALKED: taken from a
        # list by its nurse, perhaps before it is ready), each shift's stops
        self._planning = planning
        self._seed = seed if seed is not None else np.random.SeedSequence(0)
        self._calendar = Calendar(c, day_start=day_start)
        self._day = math.floor(-day_start / DAY)  # the next day to plan lists for
        self._next_plan = self._day * DAY + day_start if planning is not None else math.inf
        self._release_after = float(planning.release_after) if planning is not None else 0.0
        self._list_of = array.array("q", [ONLINE]) * n_jobs
        self._pairs: dict[int, _Pair] = {}  # listed two-person visits
        # minutes driven to two-person visits whose partner never came: travel of no job
        self.abandoned_travel = 0.0
        self._stops: dict[int, list[tuple[int, float]]] = {}
        self._pending: list[deque[int]] = [deque() for _ in range(n_staff)]
        self._walking = 0
        self._gaps: dict[int, tuple[float, int, simpy.Event]] = {}  # waiting between visits
        self._planned = ListBuffer()
        # the job records' buffers
        self._rstart = array.array("d", [math.nan]) * n_jobs
        self._rtravel = array.array("d", [0.0]) * n_jobs
        self._rstaff = array.array("q", [-1]) * n_jobs
        self._rstaff2 = array.array("q", [-1]) * n_jobs
        self._rshift = array.array("q", [-1]) * n_jobs

    # -- running ---------------------------------------------------------------------------

    def run(
        self, horizon: Minutes, *, processes: Sequence[Process] = ()
    ) -> tuple[JobRecords, ShiftRecords, ListRecords]:
        """Play the calendar up to ``horizon`` (exclusive) and return the records.

        ``processes`` are a planner's own SimPy processes (:mod:`~hometeams.sim._control`),
        started before the first event.
        """
        control = Control(self.env, self, self._c, self.places)
        for i, process in enumerate(processes):
            made = process(self.env, control)
            if not isinstance(made, Generator):
                raise InvalidArgument(
                    f"processes[{i}]: must be a function (env, control) returning a SimPy "
                    f"generator, got {made!r}"
                )
            self.env.process(made)
        if self._c.moments.times:
            At(self.env, self._c.moments.times[0], self._moment_handler)
        self.env.run(until=horizon)
        c, book = self._c, self._book
        jobs = job_records(
            c,
            start=self._rstart,
            travel=self._rtravel,
            staff=self._rstaff,
            staff2=self._rstaff2,
            shift=self._rshift,
        )
        shifts = shift_records(
            c,
            busy=book.busy,
            travel=book.travel,
            overtime=book.overtime,
            overtime_busy=book.overtime_busy,
        )
        return jobs, shifts, self._planned.records(c)

    def _advance(self, event: simpy.Event) -> float:
        """The engine's time at an event: the time it was scheduled for, never going back.

        Shifts that end at this very time end first, before anything else happens at it
        (:meth:`_end_shifts`): a nurse is on duty while ``start <= t < end``.
        """
        t: float = event._value  # every engine event is an At, whose value is its time
        if t > self._now:  # noqa: PLR1730 - max() is a call, and this runs for every event
            self._now = t
        m = self._moment
        if self._moments.ends[m] and self._ended < m and self._moments.times[m] == self._now:
            self._end_shifts(m)
        return self._now

    def _end_shifts(self, m: int) -> None:
        """The shift ends of calendar moment ``m`` (which come before its starts)."""
        self._ended = m
        moments = self._c.moments
        ended = False
        for x in range(moments.shifts[m], moments.shifts[m + 1]):
            if moments.shift_code[x] != START:
                self._shift_end(moments.shift_id[x])
                ended = True
        if ended:  # who is on duty changed
            self._refresh_all()

    def _start_shifts(self, m: int) -> None:
        """The shift starts of calendar moment ``m``; those starting free are offered work."""
        moments = self._moments
        starting = 0  # staff whose shift starts now: offered work together
        for x in range(moments.shifts[m], moments.shifts[m + 1]):
            if moments.shift_code[x] == START:
                starting |= self._shift_start(moments.shift_id[x])
        self._refresh_all()  # who is on duty changed
        if starting:
            self._offer(starting)

    def _tick(self, event: simpy.Event) -> None:
        """Advance the engine's time to an event's (a callback for walkers' events)."""
        self._advance(event)

    # -- the three kinds of event ------------------------------------------------------------

    def _on_moment(self, event: simpy.Event) -> None:
        """The static calendar's next moment.

        Work lists are made for a day that has begun, then shifts end and start, then jobs
        become ready (those on a list wait for their nurse).
        """
        now = self._advance(event)
        while self._next_plan <= now:
            self._make_lists(self._day)
            self._day += 1
            self._next_plan += DAY
        m = self._moment
        moments = self._moments
        if moments.starts[m]:
            self._start_shifts(m)
        list_of = self._list_of
        for k in range(moments.jobs[m], moments.jobs[m + 1]):
            if list_of[k] == ONLINE:
                self._arrive(k)
        self._moment = m = m + 1
        if m < len(moments.times):
            At(self.env, moments.times[m], self._moment_handler)

    def _on_complete(self, event: simpy.Event) -> None:
        """Work ends: everyone finishing now is free, and is offered the waiting jobs."""
        now = self._advance(event)
        newly = 0
        busy, pending, duty_until = self._busy, self._pending, self._duty_until
        for s in self._ending.pop(event._value):
            busy[s] = False
            if pending[s]:  # a list of hers began while she was out: walk it now
                self._walk(s)
            elif duty_until[s] > now:
                newly |= 1 << s
                self._free_since[s] = now
        if newly:
            self._free |= newly
            self._offer(newly)

    def _on_reopen(self, event: simpy.Event) -> None:
        """A tier opens for jobs that have waited long enough: ask again for each of them.

        Openings wait in one queue per waiting time (so each queue is in time order); one
        event is scheduled for the earliest opening of a job still waiting.
        """
        t: float = event._value
        self._advance(event)
        if t >= self._open_at:
            self._open_at = math.inf
        waiting, drop, ready = self._waiting, self._drop, self._ready
        nxt = math.inf
        for after, queue in self._openings.items():
            while queue:
                j = queue[0]
                when = ready[j] + after
                tiers = waiting[j]
                if tiers is None:
                    queue.popleft()
                elif when <= t:
                    queue.popleft()
                    if self._now > drop[j] or self._try(j, tiers):
                        waiting[j] = None
                else:
                    nxt = min(nxt, when)
                    break
        self._refresh_all()
        if nxt < self._open_at:
            self._open_at = nxt
            At(self.env, nxt, self._reopen_handler)

    # -- shifts ------------------------------------------------------------------------------

    def _shift_start(self, k: int) -> int:
        """A shift starts; returns the staff member's bit if she is free to be offered work.

        The caller refreshes the groups afterwards (who is on duty for a team has changed).
        """
        c = self._c
        s = c.shift_staff[k]
        bit = 1 << s
        was_on_duty = self._duty_until[s] > self._now
        active = self._active[s]
        active.append(k)
        counts = self._duty_count
        for t in self._shift_teams[k]:
            n = counts.get((s, t), 0)
            counts[(s, t)] = n + 1
            if n == 0:
                self._duty[t] |= bit
        self._duty_until[s] = max(self._duty_until[s], c.shift_end[k])
        self._cur[s] = min(active, key=c.shift_start.__getitem__)
        if k in self._stops:
            self._pending[s].append(k)
        if self._busy[s] or self._walking >> s & 1:
            return 0
        if not was_on_duty:
            zone = c.shift_zone[k]
            self.places.move(s, zone if zone >= 0 else c.staff_zone[s])
        if self._pending[s]:
            self._walk(s)
            return 0
        if not was_on_duty:
            self._free |= bit
            self._free_since[s] = self._now
        return bit

    def _shift_end(self, k: int) -> None:
        """A shift ends (the caller refreshes the groups afterwards)."""
        c = self._c
        s = c.shift_staff[k]
        bit = 1 << s
        active = self._active[s]
        active.remove(k)
        counts = self._duty_count
        for t in self._shift_teams[k]:
            n = counts[(s, t)] - 1
            counts[(s, t)] = n
            if n == 0:
                self._duty[t] &= ~bit
        self._duty_until[s] = max((c.shift_end[q] for q in active), default=-math.inf)
        self._cur[s] = min(active, key=c.shift_start.__getitem__) if active else -1
        if self._duty_until[s] <= self._now:
            self._free &= ~bit

    # -- work lists --------------------------------------------------------------------------

    def _make_lists(self, d: int) -> None:
        """Make day ``d``'s work lists, and hand over the lists of absent staff.

        Absences are known when the lists are handed out (the morning's sick calls); a list
        whose nurse is absent goes to a substitute or is redistributed (see
        :func:`~hometeams.sim._planners.repair`).
        """
        planning = self._planning
        if planning is None:
            return
        plan_of = self._plan_of  # as _arrive asks: once per set of owners where it can
        day = PlanningDay(
            self._calendar,
            d,
            tiers=(lambda j: plan_of[j].tiers)
            if plan_of is not None
            else (lambda j: self._plan(j).tiers),
            shift_teams=self._shift_teams,
            memo=self._memo,
            seed=int(stream(self._seed, "planning", d).integers(2**63)),
        )
        solution = planning.lists(day)
        if not solution:
            return
        problem = day.problem()
        _check_solution(problem, solution, planning)
        c = self._c
        planned, times = synchronise(problem, solution)
        for r, order in enumerate(planned):
            label = slot_label(day.slot(r), day_start=self._calendar.day_start)
            self._planned.add(problem, r, order, times[r], slot=label, day=d)
        absent = frozenset(
            r for r, route in enumerate(problem.routes) if c.shift_absent[route.shift]
        )
        walked = planned
        if absent:
            walked, times = synchronise(problem, repair(problem, planned, absent))
        need, list_of = c.need, self._list_of
        for r, order in enumerate(walked):
            if order:
                k = problem.routes[r].shift
                jobs = [problem.visits[i].job for i in order]
                starts = [start for start, _trip in times[r]]
                self._stops[k] = list(zip(jobs, starts, strict=True))
                for j in jobs:
                    if need[j] == 1:
                        list_of[j] = k
                        continue
                    list_of[j] = PAIRED
                    pair = self._pairs.get(j)
                    if pair is None:
                        pair = self._pairs[j] = _Pair(self.env)
                    pair.shifts.append(k)

    def _walk(self, s: int) -> None:
        """Staff ``s`` starts walking her pending lists (a SimPy process)."""
        bit = 1 << s
        self._walking |= bit
        self._free &= ~bit
        self.env.process(self._walker(s))

    def _walker(self, s: int) -> Generator[simpy.Event, object, None]:
        """Walk each pending list of ``s`` in order: wait, drive, work, next.

        She leaves for a visit when the drive gets her there at its planned time, or at once
        if she is behind; delays carry along the list. Until she must leave she takes work
        from the dispatcher that fits before then: waiting work at once, and new work as it
        comes (:meth:`_send_to_gap`). A visit she would reach more than
        ``release_after`` minutes behind its planned start, or that would start after her shift
        has ended (however it was planned), goes to the dispatcher instead. A half of a
        two-person visit is walked by :meth:`_walk_pair`. When her lists are done she is free
        like anyone else.
        """
        c = self._c
        pending = self._pending[s]
        while pending:
            k = pending.popleft()
            for j, planned in self._stops.pop(k):
                mark = self._list_of[j]
                if mark != k:
                    if mark == PAIRED:
                        yield from self._walk_pair(s, k, j, planned)
                    continue
                if planned >= c.shift_end[k]:  # (a planner's own lists may say so)
                    self._release(j)
                    continue
                zone = c.job_zone[j]
                yield from self._until_leaving(s, planned, zone)
                trip = self.places.trip(s, zone)
                leave = planned - trip
                now = self._now
                if now > self._drop[j]:  # past its drop time: it ends unserved
                    continue
                start = planned if now <= leave else now + trip
                if start >= c.shift_end[k] or now + trip > planned + self._release_after:
                    self._release(j)
                    continue
                end = start + c.duration[j]
                self._list_of[j] = WALKED
                self._book_work(s, j, trip, start, end)
                self._record(j, s, -1, start, trip)
                yield self._until_time(end)
                self._busy[s] = False
        bit = 1 << s
        self._walking &= ~bit
        if self._duty_until[s] > self._now:
            self._free |= bit
            self._free_since[s] = self._now
            self._offer(bit)

    def _until_leaving(
        self, s: int, planned: float, zone: int
    ) -> Generator[simpy.Event, object, None]:
        """Until ``s`` must leave for ``zone`` by ``planned``, do dispatcher work that fits."""
        while True:
            end = self._fill_gap(s, planned, zone)
            if end is None:
                end = yield from self._wait_in_gap(s, planned, zone)
            if end is None:
                return
            yield self._until_time(end)
            self._busy[s] = False

    def _walk_pair(
        self, s: int, k: int, j: int, planned: float
    ) -> Generator[simpy.Event, object, None]:
        """Staff ``s`` walks her half of two-person visit ``j``, listed on her shift ``k``.

        She leaves as for any listed visit, and at the door waits for her partner (a SimPy
        event both share): work starts when both are there, and both are busy until it ends.
        If the partner will not come -- her half released because she is too far behind, or
        her shift over -- or has not come ``release_after`` minutes after the planned start,
        by the visit's drop time or by the end of ``s``'s shift, the visit goes to the
        dispatcher as a two-person job and ``s`` walks on; the drive there was travel for no
        job (:attr:`abandoned_travel`). The job's record has the nurse who
        came first as ``staff`` and the other as ``staff2``, and the longer journey as travel.
        """
        c, pair = self._c, self._pairs[j]
        if planned >= c.shift_end[k]:  # (a planner's own lists may say so)
            self._release_pair(j)
            return
        zone = c.job_zone[j]
        yield from self._until_leaving(s, planned, zone)
        if self._list_of[j] != PAIRED:  # released meanwhile by her partner
            return
        trip = self.places.trip(s, zone)
        now = self._now
        if now > self._drop[j]:  # past its drop time: it ends unserved
            self._list_of[j] = WALKED
            self._wake(pair, None)
            return
        start = planned if now <= planned - trip else now + trip
        last = min(c.shift_end[q] for q in pair.shifts)
        if start >= last or now + trip > planned + self._release_after:
            self._release_pair(j)
            return
        self._book_trip(s, j, trip)
        yield self._until_time(start)
        if self._list_of[j] != PAIRED:  # released while she drove: she walks on
            self.abandoned_travel += trip
            self._busy[s] = False
            return
        if pair.first < 0:  # the first at the door waits for her partner
            pair.first, pair.trip = s, trip
            # no longer than her partner may be behind, the visit's drop time or her shift
            give_up = min(planned + self._release_after, self._drop[j], c.shift_end[k])
            yield pair.door | self._until_time(max(give_up, self._now))
            if not pair.door.triggered:  # her partner is too late: the dispatcher's
                self._release_pair(j)
            end = pair.door.value
            if end is None:
                self.abandoned_travel += trip
                self._busy[s] = False
                return
        else:
            now = self._now
            end = now + c.duration[j]
            first = pair.first
            self._book.count(first, self._cur[first], now, end, self._book.busy)
            self._book.count(s, self._cur[s], now, end, self._book.busy)
            self._list_of[j] = WALKED
            self._record(j, first, s, now, max(pair.trip, trip))
            self._wake(pair, end)
        yield self._until_time(end)
        self._busy[s] = False

    def _wake(self, pair: _Pair, end: float | None) -> None:
        """Tell the nurse at a two-person visit's door: work ends at ``end`` (``None``: go)."""
        if not pair.door.triggered:
            pair.door.succeed(end)

    def _release_pair(self, j: int) -> None:
        """Two-person visit ``j`` leaves both lists for the dispatcher (see :meth:`_release`)."""
        self._wake(self._pairs[j], None)
        self._release(j)

    def _book_trip(self, s: int, j: int, trip: float) -> None:
        """Staff ``s`` leaves now for job ``j``, ``trip`` minutes away (work is booked later)."""
        self._go(s, j)
        self._book.count(s, self._cur[s], self._now, self._now + trip, self._book.travel)

    def _go(self, s: int, j: int) -> None:
        """Staff ``s`` leaves now for job ``j``: not free, in its zone, knowing its user."""
        c = self._c
        bit = 1 << s
        self._free &= ~bit
        self._busy[s] = True
        jz, places = c.job_zone[j], self.places
        if jz >= 0 and places.where[s] != jz:
            places.move(s, jz)
        self._known[c.job_user_idx[j]] |= bit

    def _until_time(self, t: float) -> At:
        """An event at time ``t``; when it fires the engine's time is ``t``."""
        return At(self.env, t, self._tick)

    def _wait_in_gap(
        self, s: int, planned: float, zone: int
    ) -> Generator[simpy.Event, object, float | None]:
        """Wait until ``s`` must leave for ``zone`` to be there at ``planned``.

        Meanwhile the dispatcher may send her a new job that fits (:meth:`_send_to_gap`);
        returns when that job will end, or ``None`` once it is time to leave.
        """
        leave = planned - self.places.trip(s, zone)
        if leave <= self._now or self._now >= self._duty_until[s]:
            return None
        wake = self.env.event()
        self._gaps[s] = (leave, zone, wake)

        def time_to_leave(_event: simpy.Event) -> None:
            if not wake.triggered:
                self._gaps.pop(s, None)  # from now on nobody may send her work
                wake.succeed(None)

        self._until_time(leave).callbacks.append(time_to_leave)
        end = yield wake
        self._gaps.pop(s, None)
        return end if isinstance(end, float) else None

    def _send_to_gap(self, j: int, tiers: Tiers) -> bool:
        """Send a nurse waiting between list visits to one-person job ``j``, if it fits.

        The best of those the first open tier allows whose gap it fits by its expected
        duration (there, the work, and on to her next visit in time). True if sent.
        """
        c, now, places = self._c, self._now, self.places
        if c.need[j] != 1:
            return False
        jz, opens = c.job_zone[j], self._ready[j]
        fits = 0
        for s, (leave, zone, _wake) in self._gaps.items():
            if (
                now < self._duty_until[s]
                and now + places.trip(s, jz) + c.expected[j] + places.travel[jz][zone] <= leave
            ):
                fits |= 1 << s
        fits &= c.req[j]
        for after, mask, team in tiers:
            if opens + after <= now and (cand := fits & mask & self._duty[team]):
                s = self._rank.pick(j, cand) if cand & (cand - 1) else cand.bit_length() - 1
                trip = places.trip(s, jz)
                start = now + trip
                end = start + c.duration[j]
                self._book_work(s, j, trip, start, end)
                self._record(j, s, -1, start, trip)
                self._gaps.pop(s)[2].succeed(end)
                return True
        return False

    def _fill_gap(self, s: int, planned: float, zone: int) -> float | None:
        """Give ``s`` the oldest waiting job she may take that fits before she must leave.

        It fits if, by the expected duration, she can get there, do it and still reach
        ``zone`` by ``planned``. Returns when the job will end, or ``None`` if none fits.
        """
        c, now, places = self._c, self._now, self.places
        leave = planned - places.trip(s, zone)
        if leave <= now or now >= self._duty_until[s]:  # no time, or her shift is over
            return None
        bit = 1 << s
        best: tuple[int, Group] | None = None
        for group in self._groups.values():
            j = group.head
            if not group.eligible & bit or c.need[j] != 1 or now > self._drop[j]:
                continue
            jz = c.job_zone[j]
            if now + places.trip(s, jz) + c.expected[j] + places.travel[jz][zone] > leave:
                continue
            if best is None or j < best[0]:
                best = (j, group)
        if best is None:
            return None
        j, group = best
        self._waiting[j] = None
        self._refresh(group)
        trip = places.trip(s, c.job_zone[j])
        start = now + trip
        end = start + c.duration[j]
        self._book_work(s, j, trip, start, end)
        self._record(j, s, -1, start, trip)
        return end

    def _release(self, j: int) -> None:
        """Job ``j`` leaves its list for the dispatcher (now, or when it becomes ready).

        If its calendar moment has passed it enters the dispatcher now, waiting from now on
        behind those already waiting -- unless it is past its drop time, when it ends
        unserved; otherwise its moment brings it in like any other job.
        """
        self._list_of[j] = ONLINE
        if j < self._c.moments.jobs[self._moment] and self._now <= self._drop[j]:
            self._ready[j] = self._now
            self._arrive(j)

    # -- dispatch ----------------------------------------------------------------------------

    def _plans_by_owners(self) -> list[Plan] | None:
        """Each job's plan, asked once per set of owning teams, if the policy can say so."""
        by_teams = getattr(self._policy, "plan_for_teams", None)
        if not callable(by_teams):
            return None
        c = self._c
        codes, first = np.unique(c.owner_code, return_index=True)
        plans = [Plan(by_teams(c.owners[j], self), self._team_index) for j in first.tolist()]
        lookup = np.zeros(int(codes[-1]) + 1 if codes.size else 0, dtype=np.int64)
        lookup[codes] = np.arange(codes.size)
        return list(map(plans.__getitem__, lookup[c.owner_code].tolist()))

    def _plan(self, j: int) -> Plan:
        """The job's plan asked of the policy now: its tiers, compiled once per plan value."""
        plan = self._policy.plan(j, self)
        if type(plan) is not tuple:  # a fresh list per job: compile it for this job alone
            return Plan(plan, self._team_index)
        compiled = self._plans.get(id(plan))
        if compiled is None or compiled.plan is not plan:
            compiled = self._plans[id(plan)] = Plan(plan, self._team_index)
        return compiled

    def _arrive(self, j: int) -> None:
        """Job ``j`` becomes ready: send someone at once if its plan allows, else queue it."""
        plan_of = self._plan_of
        plan = plan_of[j] if plan_of is not None else self._plan(j)
        if not self._try(j, plan.tiers) and not (self._gaps and self._send_to_gap(j, plan.tiers)):
            self._queue(j, plan)

    def _queue(self, j: int, plan: Plan) -> None:
        """Job ``j`` waits in its group, and its plan's later tiers are noted to open for it."""
        c = self._c
        self._waiting[j] = plan.tiers
        key = (id(plan.plan), c.req[j], c.need[j])
        group = self._groups.get(key)
        if group is None:
            group = self._spare.pop(key, None) or Group(plan, c.req[j], self._openings)
            self._groups[key] = group
        group.queue.append(j)
        if group.head < 0:
            self._refresh(group)
        opens = self._ready[j]
        for after, jobs in group.openings:
            jobs.append(j)
            when = opens + after
            if when < self._open_at:
                self._open_at = when
                At(self.env, when, self._reopen_handler)

    def _offer(self, staff: int) -> None:
        """Staff (a bitmask) have just become available: offer them the waiting jobs.

        The oldest waiting jobs first (first come, first served): the heads of the groups whose
        cached eligibility includes any of them, oldest first, each sent the best free staff;
        a group whose head is served offers its next job in turn. With one group -- one kind
        of waiting job, as in an M/M/c queue -- that is its heads in turn, with no heap.
        """
        if len(self._groups) != 1:
            self._offer_groups([g for g in self._groups.values() if g.eligible & staff], staff)
            return
        (group,) = self._groups.values()
        while self._free & staff and group.eligible & staff:
            if not self._serve_head(group):
                return  # a two-person job short of a partner, or none eligible is free

    def _offer_groups(self, groups: list[Group], staff: int) -> None:
        """:meth:`_offer` for several groups: their heads on a heap, oldest first."""
        # heads are distinct jobs, so the tuples never compare the groups themselves
        heap = [(g.head, g) for g in groups]
        heapq.heapify(heap)
        while heap and self._free & staff:
            _, group = heapq.heappop(heap)
            if self._serve_head(group) and group.eligible & staff:
                heapq.heappush(heap, (group.head, group))

    def _serve_head(self, group: Group) -> bool:
        """Offer the group's oldest job; True if it left the queue (sent, or past its drop).

        False if nobody free may take it now (a two-person job short of a partner).
        """
        j = group.head
        if self._now > self._drop[j]:  # past its drop time: refresh drops it
            self._refresh(group)
            return True
        if self._try(j, self._waiting[j]):  # type: ignore[arg-type]
            self._waiting[j] = None
            self._refresh(group)
            return True
        return False

    def _refresh(self, group: Group) -> None:
        """Drop served and expired jobs at the head of a group; cache who may take the head."""
        queue, waiting = group.queue, self._waiting
        now, drop = self._now, self._drop
        while queue:
            j = queue[0]
            if waiting[j] is None:
                queue.popleft()
            elif now > drop[j]:
                waiting[j] = None
                queue.popleft()
            else:
                break
        else:
            group.head, group.eligible = -1, 0
            return
        opens, duty, eligible = self._ready[j], self._duty, 0
        for after, mask, team in group.tiers:
            if opens + after <= now:
                eligible |= mask & duty[team]
        group.head, group.eligible = j, eligible & group.req

    def _refresh_all(self) -> None:
        """Refresh every group (after tiers open or duty changes); keep empty ones aside."""
        groups = self._groups
        empty = []
        for key, group in groups.items():
            self._refresh(group)
            if group.head < 0:
                empty.append(key)
        for key in empty:
            group = groups.pop(key)
            if self._plan_of is not None:  # shared plans: the group will be wanted again
                self._spare[key] = group

    def _try(self, j: int, tiers: Tiers) -> bool:
        """Send the best free staff of the first open tier that has enough; True if sent."""
        c = self._c
        free = self._free & c.req[j]
        if not free:
            return False
        if c.need[j] > 1:
            return self._try_pair(j, tiers, free)
        opens, now, duty = self._ready[j], self._now, self._duty
        for after, mask, team in tiers:
            if opens + after <= now:
                cand = free & mask & duty[team]
                if cand:
                    s = self._rank.pick(j, cand) if cand & (cand - 1) else cand.bit_length() - 1
                    self._send(j, s)
                    return True
        return False

    def _try_pair(self, j: int, tiers: Tiers, free: int) -> bool:
        """:meth:`_try` for a two-person visit: partners may come from two open tiers."""
        opens, now, duty = self._ready[j], self._now, self._duty
        chosen: list[int] = []
        for after, mask, team in tiers:
            if opens + after > now:
                continue
            cand = free & mask & duty[team]
            while cand and len(chosen) < 2:
                s = self._rank.pick(j, cand)
                chosen.append(s)
                cand &= ~(1 << s)
                free &= ~(1 << s)
            if len(chosen) == 2:
                self._send_pair(j, chosen[0], chosen[1])
                return True
        return False

    def _send(self, j: int, s: int) -> None:
        """Send staff ``s`` from where she stands to job ``j``; she is busy until it ends."""
        now = self._now
        trip = self.places.trip(s, self._c.job_zone[j])
        start = now + trip
        self._occupy(s, j, trip, start, start + self._c.duration[j])
        self._record(j, s, -1, start, trip)

    def _send_pair(self, j: int, a: int, b: int) -> None:
        """Send ``a`` and ``b`` to two-person job ``j``: work starts when the later arrives."""
        now, places, jz = self._now, self.places, self._c.job_zone[j]
        trip_a, trip_b = places.trip(a, jz), places.trip(b, jz)
        start = now + max(trip_a, trip_b)
        end = start + self._c.duration[j]
        self._occupy(a, j, trip_a, start, end)
        self._occupy(b, j, trip_b, start, end)
        self._record(j, a, b, start, start - now)

    def _occupy(self, s: int, j: int, trip: float, start: float, end: float) -> None:
        """Staff ``s`` does job ``j`` (see :meth:`_book`), and is free again when it ends."""
        self._book_work(s, j, trip, start, end)
        ending = self._ending.get(end)  # staff ending at the same moment share one event
        if ending is None:
            self._ending[end] = [s]
            At(self.env, end, self._complete_handler)
        else:
            ending.append(s)

    def _book_work(self, s: int, j: int, trip: float, start: float, end: float) -> None:
        """Staff ``s`` travels now for ``trip`` minutes to job ``j`` and works ``[start, end)``.

        Her minutes go into the shift book, and she now stands in the job's zone and knows
        its user.
        """
        self._go(s, j)
        c, now = self._c, self._now
        book, k = self._book, self._cur[s]
        if end <= c.shift_end[k]:
            book.travel[k] += trip
            book.busy[k] += end - start
        else:
            book.count(s, k, now, now + trip, book.travel)
            book.count(s, k, start, end, book.busy)

    def _record(self, j: int, s: int, s2: int, start: float, trip: float) -> None:
        """Write job ``j``'s record: its staff, start of work, journey and shift."""
        self._rstart[j] = start
        self._rtravel[j] = trip
        self._rstaff[j] = s
        self._rstaff2[j] = s2
        self._rshift[j] = self._cur[s]


def _level_masks(care: list[int]) -> list[int]:
    """Staff masks per care level, lowest level first."""
    levels: dict[int, int] = {}
    for s, level in enumerate(care):
        levels[level] = levels.get(level, 0) | 1 << s
    return [levels[k] for k in sorted(levels)]


def _check_solution(problem: RoutingProblem, solution: Solution, planning: Planning) -> None:
    """Refuse lists that put a visit twice, on no known route, or where it may not go."""
    if len(solution) != len(problem.routes):
        raise InvalidArgument(
            f"planning {planning!r}: must give one list per route ({len(problem.routes)}), "
            f"got {len(solution)}"
        )
    seen: set[int] = set()
    for r, order in enumerate(solution):
        for i in order:
            if not (isinstance(i, int) and 0 <= i < len(problem.visits)) or i in seen:
                raise InvalidArgument(
                    f"planning {planning!r}: list {r} names visit {i!r}, which is unknown or "
                    "already on a list"
                )
            if r not in problem.visits[i].ranks:
                raise InvalidArgument(
                    f"planning {planning!r}: list {r} has visit {i}, which the organisation "
                    "model does not allow on it"
                )
            seen.add(i)
