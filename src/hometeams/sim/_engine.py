"""The dispatcher: one SimPy environment, a calendar of shifts and arrivals, and a policy.

A district's week, as the engine sees it: at 07:00 the day shift starts and its nurses become
free in their home zones; visits become ready through the morning; each time something happens
-- a visit becomes ready, a nurse finishes one, a shift starts, a job has waited long enough
for the next tier of its policy to open -- the dispatcher matches waiting visits to free nurses.
A nurse drives from the zone she is in to the visit's zone (travel matrix), works for the
visit's realised duration and is free again. At 15:00 her shift ends: a visit she is on is
finished (overtime), but she starts nothing after her shift's end.

Mechanics, chosen for speed (see ``docs/explanation/simulator.md``): the engine schedules
plain SimPy events with callbacks -- one per static calendar time, one per moment at which
visits end and one per moment at which a tier opens -- instead of a SimPy process per visit;
sets of staff are ``int`` bitmasks; every table is a Python list; records are buffered and
turned into numpy once.

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
  journey, and the partner who arrived first waits (idle).
* A job not started by ``due + max_lateness`` is dropped and ends UNSERVED, as is every job not
  started before the horizon. Otherwise a job started by its due time is ON_TIME, later LATE.
  A job is started when staff are sent to it: one sent just before the horizon is recorded in
  full, with its start of work (after the journey) and end possibly past the horizon.
"""

from __future__ import annotations

import heapq
import math
from collections import deque
from collections.abc import Callable, Iterable, MutableMapping, Sequence
from typing import cast

import simpy
from simpy.events import Timeout

from hometeams._types import CompetenceId, Minutes, StaffId, TeamId, UserId, ZoneId
from hometeams.records import JobRecords, ShiftRecords
from hometeams.sim._compile import ARRIVAL, START, Compiled
from hometeams.sim._policies import Policy, Tier
from hometeams.sim._ranking import Ranking
from hometeams.sim._records import job_records, shift_records
from hometeams.sim._shifts import ShiftBook

__all__ = ["Engine"]


class _Group:
    """Waiting jobs that share a plan (by identity), required competences and staff needed.

    They are queued in arrival order. A job that has waited longer has at least the open tiers
    of a younger one in the same group, so only the oldest (the head) needs asking when a staff
    member becomes free; ``eligible`` caches who may take the head, and is refreshed when the
    head changes, a tier opens (a reopen event) or who is on duty for a team changes.
    """

    __slots__ = ("afters", "eligible", "head", "plan", "queue", "req", "tiers")

    def __init__(self, plan: Sequence[Tier], req: int) -> None:
        self.plan = plan
        self.req = req
        self.queue: deque[int] = deque()
        self.tiers = tuple((t.after, -1 if t.staff is None else t.staff, t.team) for t in plan)
        self.afters = tuple(sorted({t.after for t in plan if t.after > 0}))
        self.head = -1
        self.eligible = 0


class Engine:
    """One run of one policy on one compiled realisation; also the policies' :class:`View`."""

    def __init__(self, c: Compiled, policy: Policy, *, max_lateness: Minutes) -> None:
        self._c = c
        self._policy = policy
        self._order = tuple(policy.order)
        self._limit = max_lateness
        n_staff, n_jobs = len(c.staff_ids), len(c.ready)
        self._memo: dict[object, object] = {}
        self._env = simpy.Environment()
        self._now = 0.0
        # staff state
        self._free = 0
        self._busy = [False] * n_staff
        self._busy_until = [0.0] * n_staff
        self._free_since = [0.0] * n_staff
        self._where = list(c.staff_zone)
        self._duty_until = [-math.inf] * n_staff
        self._active: list[list[int]] = [[] for _ in range(n_staff)]
        self._cur = [-1] * n_staff
        self._duty: dict[TeamId, int] = dict.fromkeys(c.team_members, 0)
        self._duty_count: dict[tuple[int, TeamId], int] = {}
        self._known = [0] * len(c.user_names)
        # jobs
        self._waiting: dict[int, Sequence[Tier]] = {}
        # Waiting jobs grouped by what decides who may take them (see _Group).
        self._groups: dict[tuple[int, int, int], _Group] = {}
        self._rstart = [math.nan] * n_jobs
        self._rtravel = [0.0] * n_jobs
        self._rstaff = [-1] * n_jobs
        self._rstaff2 = [-1] * n_jobs
        self._rshift = [-1] * n_jobs
        self._book = ShiftBook(c)
        self._ci = 0
        self._openings: dict[float, deque[tuple[float, int]]] = {}
        self._ending: dict[float, list[int]] = {}
        self._open_at = math.inf
        self._rank = Ranking(
            self._order,
            c,
            view=self,
            where=self._where,
            known=self._known,
            free_since=self._free_since,
        )

    # -- running ---------------------------------------------------------------------------

    def run(self, horizon: Minutes) -> tuple[JobRecords, ShiftRecords]:
        """Play the calendar up to ``horizon`` (exclusive) and return the records."""
        times = self._c.calendar[0]
        if times:
            self._at(times[0], self._drive, times[0])
        if math.isinf(horizon):
            self._env.run()
        else:
            self._env.run(until=horizon)
        c = self._c
        jobs = job_records(
            c,
            start=self._rstart,
            travel=self._rtravel,
            staff=self._rstaff,
            staff2=self._rstaff2,
            shift=self._rshift,
        )
        book = self._book
        return jobs, shift_records(
            c,
            busy=book.busy,
            travel=book.travel,
            overtime=book.overtime,
            overtime_busy=book.overtime_busy,
        )

    def _at(self, t: Minutes, callback: Callable[[Timeout], None], value: object) -> None:
        env = self._env
        delay = t - env.now
        Timeout(env, delay if delay > 0 else 0.0, value).callbacks.append(callback)

    def _drive(self, ev: Timeout) -> None:
        """Handle every static calendar entry at this time; schedule the next."""
        t = cast(float, ev.value)
        self._now = max(self._now, t)
        times, codes, ids = self._c.calendar
        i, n = self._ci, len(times)
        starting = 0  # staff whose shift starts now: offered work together, before arrivals
        while i < n and times[i] <= t:
            code = codes[i]
            if code == ARRIVAL:
                if starting:
                    self._offer(starting)
                    starting = 0
                self._arrive(ids[i])
            elif code == START:
                starting |= self._shift_start(ids[i])
            else:
                self._shift_end(ids[i])
            i += 1
        if starting:
            self._offer(starting)
        self._ci = i
        if i < n:
            env = self._env
            nxt = times[i]
            delay = nxt - env.now
            Timeout(env, delay if delay > 0 else 0.0, nxt).callbacks.append(self._drive)

    # -- events ----------------------------------------------------------------------------

    def _arrive(self, j: int) -> None:
        plan = self._policy.plan(j, self)
        if self._try(j, plan):
            return
        self._waiting[j] = plan
        c = self._c
        key = (id(plan), c.req[j], c.need[j])
        group = self._groups.get(key)
        if group is None:
            group = self._groups[key] = _Group(plan, c.req[j])
        group.queue.append(j)
        if group.head < 0:
            self._refresh(group)
        ready = c.ready[j]
        openings = self._openings
        for after in group.afters:
            t = ready + after
            queue = openings.get(after)
            if queue is None:
                queue = openings[after] = deque()
            queue.append((t, j))
            if t < self._open_at:
                self._open_at = t
                self._at(t, self._reopen, t)

    def _reopen(self, ev: Timeout) -> None:
        """A tier opens for jobs that have waited long enough: ask again for each of them.

        Openings wait in one queue per waiting time (so each queue is in time order); one
        event is scheduled for the earliest opening of a job still waiting.
        """
        t = cast(float, ev.value)
        if t >= self._open_at:
            self._open_at = math.inf
        self._now = max(self._now, t)
        waiting, due, limit = self._waiting, self._c.due, self._limit
        nxt = math.inf
        for queue in self._openings.values():
            while queue:
                when, j = queue[0]
                plan = waiting.get(j)
                if plan is None:
                    queue.popleft()
                elif when <= t:
                    queue.popleft()
                    if self._now > due[j] + limit or self._try(j, plan):
                        del waiting[j]
                else:
                    nxt = min(nxt, when)
                    break
        self._refresh_all()
        if nxt < self._open_at:
            self._open_at = nxt
            self._at(nxt, self._reopen, nxt)

    def _complete(self, ev: Timeout) -> None:
        """Everyone whose work ends at this moment is free; then offer them work together."""
        t = cast(float, ev.value)
        self._now = max(self._now, t)
        newly = 0
        for s in self._ending.pop(t):
            self._busy[s] = False
            if self._duty_until[s] > self._now:
                newly |= 1 << s
                self._free_since[s] = self._now
        if newly:
            self._free |= newly
            self._offer(newly)

    def _until(self, end: Minutes, s: int) -> None:
        """Staff ``s`` is busy until ``end``; staff ending at the same moment share one event."""
        ending = self._ending.get(end)
        if ending is None:
            self._ending[end] = [s]
            env = self._env
            delay = end - env.now
            Timeout(env, delay if delay > 0 else 0.0, end).callbacks.append(self._complete)
        else:
            ending.append(s)

    def _shift_start(self, k: int) -> int:
        """A shift starts; returns the staff member's bit if she is free to be offered work."""
        c = self._c
        s = c.shift_staff[k]
        bit = 1 << s
        was_on_duty = self._duty_until[s] > self._now
        active = self._active[s]
        active.append(k)
        team = c.shift_team[k]
        counts = self._duty_count
        for t in (team,) if team else c.staff_teams[s]:
            n = counts.get((s, t), 0)
            counts[(s, t)] = n + 1
            if n == 0:
                self._duty[t] |= bit
        self._duty_until[s] = max(self._duty_until[s], c.shift_end[k])
        self._cur[s] = min(active, key=c.shift_start.__getitem__)
        self._refresh_all()
        if self._busy[s]:
            return 0
        if not was_on_duty:
            zone = c.shift_zone[k]
            self._rank.move(s, zone if zone >= 0 else c.staff_zone[s])
            self._free |= bit
            self._free_since[s] = self._now
        return bit

    def _shift_end(self, k: int) -> None:
        c = self._c
        s = c.shift_staff[k]
        bit = 1 << s
        active = self._active[s]
        active.remove(k)
        team = c.shift_team[k]
        counts = self._duty_count
        for t in (team,) if team else c.staff_teams[s]:
            n = counts[(s, t)] - 1
            counts[(s, t)] = n
            if n == 0:
                self._duty[t] &= ~bit
        self._duty_until[s] = max((c.shift_end[q] for q in active), default=-math.inf)
        self._cur[s] = min(active, key=c.shift_start.__getitem__) if active else -1
        if self._duty_until[s] <= self._now:
            self._free &= ~bit
        self._refresh_all()

    # -- dispatch ----------------------------------------------------------------------------

    def _offer(self, staff: int) -> None:
        """Staff (a bitmask) have just become available: offer them the waiting jobs.

        The oldest waiting jobs first (first come, first served): the heads of the groups whose
        cached eligibility includes any of them, oldest first, each sent the best free staff;
        a group whose head is served offers its next job in turn.
        """
        # heads are distinct jobs, so the tuples never compare the groups themselves
        heap = [(g.head, g) for g in self._groups.values() if g.eligible & staff]
        if not heap:
            return
        if len(heap) > 1:
            heapq.heapify(heap)
        waiting = self._waiting
        limit, due, now = self._limit, self._c.due, self._now
        while heap and self._free & staff:
            j, group = heapq.heappop(heap)
            if now > due[j] + limit:  # past its drop time: refresh drops it
                self._refresh(group)
            elif self._try(j, waiting[j]):
                del waiting[j]
                self._refresh(group)
            else:
                continue  # a two-person job short of a partner; younger ones would be too
            if group.eligible & staff:
                heapq.heappush(heap, (group.head, group))

    def _refresh(self, group: _Group) -> None:
        """Drop served and expired jobs at the head of a group; cache who may take the head."""
        queue, waiting = group.queue, self._waiting
        c, now, limit = self._c, self._now, self._limit
        while queue:
            j = queue[0]
            if j not in waiting:
                queue.popleft()
            elif now > c.due[j] + limit:
                del waiting[j]
                queue.popleft()
            else:
                break
        else:
            group.head, group.eligible = -1, 0
            return
        opens, duty, eligible = c.ready[j], self._duty, 0
        for after, mask, team in group.tiers:
            if opens + after <= now:
                eligible |= mask if team is None else mask & duty.get(team, 0)
        group.head, group.eligible = j, eligible & group.req

    def _refresh_all(self) -> None:
        """Refresh every group (after tiers open or duty changes); forget empty ones."""
        groups = self._groups
        empty = []
        for key, group in groups.items():
            self._refresh(group)
            if group.head < 0:
                empty.append(key)
        for key in empty:
            del groups[key]

    def _try(self, j: int, plan: Sequence[Tier]) -> bool:
        """Send the best free staff of the first open tier that has enough; True if sent."""
        c = self._c
        free = self._free & c.req[j]
        if not free:
            return False
        opens = c.ready[j]
        now = self._now
        if c.need[j] == 1:
            for tier in plan:
                if opens + tier.after > now:
                    continue
                cand = free
                m = tier.staff
                if m is not None:
                    cand &= m
                team = tier.team
                if team is not None:
                    cand &= self._duty.get(team, 0)
                if cand:
                    self._assign1(j, self._rank.pick(j, cand))
                    return True
            return False
        chosen: list[int] = []
        for tier in plan:
            if opens + tier.after > now:
                continue
            cand = free
            m = tier.staff
            if m is not None:
                cand &= m
            team = tier.team
            if team is not None:
                cand &= self._duty.get(team, 0)
            while cand and len(chosen) < c.need[j]:
                s = self._rank.pick(j, cand)
                chosen.append(s)
                cand &= ~(1 << s)
                free &= ~(1 << s)
            if len(chosen) == c.need[j]:
                self._assign(j, tuple(chosen))
                return True
        return False

    def _assign1(self, j: int, s: int) -> None:
        """:meth:`_assign` for one staff member (the hot path)."""
        c = self._c
        now = self._now
        jz = c.job_zone[j]
        wz = self._where[s]
        trip = c.travel[wz][jz] if wz >= 0 and jz >= 0 else 0.0
        start = now + trip
        end = start + c.duration[j]
        bit = 1 << s
        self._free &= ~bit
        self._busy[s] = True
        self._busy_until[s] = end
        if jz >= 0 and jz != wz:
            self._rank.move(s, jz)
        self._known[c.job_user_idx[j]] |= bit
        k = self._cur[s]
        book = self._book
        if end <= c.shift_end[k]:
            book.travel[k] += trip
            book.busy[k] += end - start
        else:
            book.count(s, k, now, start, book.travel)
            book.count(s, k, start, end, book.busy)
        self._until(end, s)
        self._rstart[j] = start
        self._rtravel[j] = trip
        self._rstaff[j] = s
        self._rshift[j] = k

    def _assign(self, j: int, staff: tuple[int, ...]) -> None:
        c = self._c
        now = self._now
        jz = c.job_zone[j]
        travel = c.travel
        trips = []
        for s in staff:
            wz = self._where[s]
            trips.append(travel[wz][jz] if wz >= 0 and jz >= 0 else 0.0)
        start = now + max(trips)
        end = start + c.duration[j]
        u = c.job_user_idx[j]
        for s, trip in zip(staff, trips, strict=True):
            bit = 1 << s
            self._free &= ~bit
            self._busy[s] = True
            self._busy_until[s] = end
            if jz >= 0:
                self._rank.move(s, jz)
            self._known[u] |= bit
            k = self._cur[s]
            book = self._book
            if end <= c.shift_end[k]:
                book.travel[k] += trip
                book.busy[k] += end - start
            else:
                book.count(s, k, now, now + trip, book.travel)
                book.count(s, k, start, end, book.busy)
            self._until(end, s)
        self._rstart[j] = start
        self._rtravel[j] = start - now
        self._rstaff[j] = staff[0]
        self._rshift[j] = self._cur[staff[0]]
        if len(staff) > 1:
            self._rstaff2[j] = staff[1]

    # -- the View ------------------------------------------------------------------------------

    @property
    def now(self) -> Minutes:
        """The current simulation time."""
        return self._now

    @property
    def staff_ids(self) -> tuple[StaffId, ...]:
        """Staff ids by index."""
        return self._c.staff_ids

    @property
    def memo(self) -> MutableMapping[object, object]:
        """Per-run cache for policies."""
        return self._memo

    def staff_mask(self, staff: Iterable[StaffId]) -> int:
        """Bitmask of staff ids."""
        index = self._c.staff_index
        mask = 0
        for s in staff:
            mask |= 1 << index[s]
        return mask

    def holders(self, competences: Iterable[CompetenceId]) -> int:
        """Bitmask of staff holding all ``competences``."""
        return self._c.holders_of(self._c.bits(frozenset(competences)))

    def team_members(self, team: TeamId) -> int:
        """Bitmask of a team's members."""
        return self._c.team_members[team]

    def job_user(self, job: int) -> UserId:
        """The job's user."""
        return self._c.user_names[self._c.job_user_idx[job]]

    def job_zone(self, job: int) -> ZoneId:
        """The job's zone."""
        return str(self._c.realisation.jobs.zone[job])

    def job_kind(self, job: int) -> str:
        """The job's kind."""
        return str(self._c.realisation.jobs.kind[job])

    def job_teams(self, job: int) -> tuple[TeamId, ...]:
        """Owning team(s) after hand-over."""
        return self._c.owners[job]

    def job_ready(self, job: int) -> Minutes:
        """Ready time."""
        return self._c.ready[job]

    def job_due(self, job: int) -> Minutes:
        """Due time."""
        return self._c.due[job]

    def job_required(self, job: int) -> frozenset[CompetenceId]:
        """Required competences."""
        return self._c.realisation.jobs.required[job]

    def job_preferred(self, job: int) -> frozenset[CompetenceId]:
        """Preferred competences."""
        return self._c.realisation.jobs.preferred[job]

    def job_staff_needed(self, job: int) -> int:
        """Staff needed."""
        return self._c.need[job]

    def primary_contact(self, job: int) -> int:
        """Index of the user's primary contact, or -1."""
        return self._c.user_contact[self._c.job_user_idx[job]]

    def known(self, job: int) -> int:
        """Staff who have served the job's user so far."""
        return self._known[self._c.job_user_idx[job]]

    def travel_time(self, staff: int, job: int) -> Minutes:
        """Travel from the staff member's current zone to the job's zone."""
        wz, jz = self._where[staff], self._c.job_zone[job]
        return self._c.travel[wz][jz] if wz >= 0 and jz >= 0 else 0.0

    def free_since(self, staff: int) -> Minutes:
        """When the staff member last became free."""
        return self._free_since[staff]

    def care_level(self, staff: int) -> int:
        """Care level of the staff member's profession."""
        return self._c.care[staff]

    def holds_preferred(self, staff: int, job: int) -> bool:
        """Whether the staff member holds all the job's preferred competences."""
        p = self._c.pref[job]
        return self._c.staff_comp[staff] & p == p
