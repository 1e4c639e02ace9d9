"""The dispatcher: one event queue, a calendar of shifts and arrivals, and a policy.

A district's week, as the engine sees it: at 07:00 the day shift starts and its nurses become
free in their home zones; visits become ready through the morning; each time something happens
-- a visit becomes ready, a nurse finishes one, a shift starts, a job has waited long enough
for the next tier of its policy to open -- the dispatcher matches waiting visits to free nurses.
A nurse drives from the zone she is in to the visit's zone (travel matrix), works for the
visit's realised duration and is free again. At 15:00 her shift ends: a visit she is on is
finished (overtime), but she starts nothing after her shift's end.

Mechanics, chosen for speed (see ``docs/explanation/simulator.md``): the engine schedules
three kinds of plain event on an :class:`~hometeams.sim._agenda.Agenda` (SimPy's scheduling
rules on a heap of tuples) -- one per static calendar moment, one per moment at which visits
end and one per moment at which a tier opens -- instead of a SimPy process per visit; sets of
staff are ``int`` bitmasks; a policy's tiers are compiled once per plan into
``(after, staff mask, team index)`` triples (:mod:`~hometeams.sim._groups`); the common paths
(a visit sent someone at once or queued, a nurse finishing and taking the oldest visit that
wants her) are written out in the event loop, and sending one nurse is a closure
(:mod:`~hometeams.sim._send`); every table is a Python list; records are buffered and turned
into numpy once.

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
from collections.abc import Iterable, MutableMapping

import numpy as np

from hometeams._types import CompetenceId, Minutes, StaffId, TeamId, UserId, ZoneId
from hometeams.records import JobRecords, ShiftRecords
from hometeams.sim._agenda import COMPLETE, DRIVE, REOPEN, Agenda
from hometeams.sim._compile import START, Compiled
from hometeams.sim._groups import Group, Plan, Tiers
from hometeams.sim._policies import FixedTeams, Overflow, Policy, Pooled
from hometeams.sim._ranking import Ranking
from hometeams.sim._records import job_records, shift_records
from hometeams.sim._send import sender
from hometeams.sim._shifts import ShiftBook

__all__ = ["Engine"]

# Built-in policies whose plan depends on nothing but the job's owning teams: the engine asks
# them once per distinct set of owners (their plans are shared, cached tuples anyway).
_BY_OWNERS = (Pooled, FixedTeams, Overflow)


class Engine:
    """One run of one policy on one compiled realisation; also the policies' :class:`View`."""

    def __init__(self, c: Compiled, policy: Policy, *, max_lateness: Minutes) -> None:
        self._c = c
        self._policy = policy
        self._order = tuple(policy.order)
        self._limit = max_lateness
        n_staff, n_jobs = len(c.staff_ids), len(c.ready)
        self._memo: dict[object, object] = {}
        self._agenda = Agenda()
        self._now = 0.0
        # tables read on the hot path, copied from the compiled run
        self._ready, self._req, self._need = c.ready, c.req, c.need
        self._duration, self._job_zone, self._user = c.duration, c.job_zone, c.job_user_idx
        self._shift_ends = c.shift_end
        # travel with a last row and column of zeros, so that index -1 (nowhere) costs nothing
        self._travel = [[*row, 0.0] for row in c.travel] + [[0.0] * (len(c.travel) + 1)]
        self._drop: list[float] = (c.realisation.jobs.due + max_lateness).tolist()
        # staff state
        self._free = 0
        self._busy = [False] * n_staff
        self._free_since = [0.0] * n_staff
        self._where = list(c.staff_zone)
        self._duty_until = [-math.inf] * n_staff
        self._active: list[list[int]] = [[] for _ in range(n_staff)]
        self._cur = [-1] * n_staff
        teams = list(c.team_members)
        self._team_index: dict[TeamId | None, int] = {t: i for i, t in enumerate(teams)}
        self._team_index[None] = -1
        # who is on duty for each team; then the entries for an unknown team and for anyone
        self._duty = [0] * len(teams) + [0, -1]
        self._shift_teams = [
            (self._team_index[t],) if t else tuple(self._team_index[u] for u in c.staff_teams[s])
            for t, s in zip(c.shift_team, c.shift_staff, strict=True)
        ]
        self._duty_count: dict[tuple[int, int], int] = {}
        self._known = [0] * len(c.user_names)
        # jobs: the compiled tiers of each waiting job (None: not waiting)
        self._waiting: list[Tiers | None] = [None] * n_jobs
        # waiting jobs grouped by what decides who may take them (see the _groups module)
        self._groups: dict[tuple[int, int, int], Group] = {}
        # empty groups of the built-in policies' few shared plans, kept to be used again
        self._idle: dict[tuple[int, int, int], Group] | None = None
        self._plans: dict[int, Plan] = {}
        # each job's plan, asked once per set of owners before the run (built-ins only)
        self._plan_of: list[Plan] | None = None
        if type(policy) in _BY_OWNERS:
            codes, first = np.unique(c.owner_code, return_index=True)
            plans = [Plan(policy.plan(j, self), self._team_index) for j in first.tolist()]
            lookup = np.zeros(int(codes[-1]) + 1 if codes.size else 0, dtype=np.int64)
            lookup[codes] = np.arange(codes.size)
            self._plan_of = list(map(plans.__getitem__, lookup[c.owner_code].tolist()))
            self._idle = {}
        self._rstart = [math.nan] * n_jobs
        self._rtravel = [0.0] * n_jobs
        self._rstaff = [-1] * n_jobs
        self._rstaff2 = [-1] * n_jobs
        self._rshift = [-1] * n_jobs
        self._book = ShiftBook(c)
        self._ci = 0
        self._openings: dict[float, deque[int]] = {}  # jobs by waiting time, in ready order
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
        self._assign1 = sender(
            job_zone=self._job_zone,
            duration=self._duration,
            user=self._user,
            travel=self._travel,
            where=self._where,
            at_zone=self._rank.at_zone,
            busy=self._busy,
            known=self._known,
            cur=self._cur,
            shift_end=self._shift_ends,
            book=self._book,
            ending=self._ending,
            agenda=self._agenda,
            start=self._rstart,
            trip=self._rtravel,
            staff=self._rstaff,
            shift=self._rshift,
        )

    # -- running ---------------------------------------------------------------------------

    def run(self, horizon: Minutes) -> tuple[JobRecords, ShiftRecords]:
        """Play the calendar up to ``horizon`` (exclusive) and return the records."""
        self._play(horizon)
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

    def _play(self, horizon: Minutes) -> None:
        """The event loop, with the common paths written out in place.

        What happens to most visits is inlined here: a visit becoming ready and being sent
        someone from its plan at once, or joining its group; a nurse finishing a visit and
        taking the oldest waiting visit that wants her. Everything else (shift starts and ends,
        tiers opening, two-person visits, a nurse still free after that) goes through the
        methods below, which read and write ``self._free``: the loop keeps the free-staff mask
        in a local and hands it over around each such call.
        """
        agenda = self._agenda
        moments = self._c.moments
        times, shift_code, shift_id = moments.times, moments.shift_code, moments.shift_id
        shift_bound, job_bound = moments.shifts, moments.jobs
        n_moments = len(times)
        if n_moments:
            agenda.schedule(times[0], DRIVE)
        queue, pop = agenda.queue, heapq.heappop
        ending, busy, duty_until, free_since = (
            self._ending,
            self._busy,
            self._duty_until,
            self._free_since,
        )
        groups, idle, waiting, drop = self._groups, self._idle, self._waiting, self._drop
        ready, req, need, duty = self._ready, self._req, self._need, self._duty
        plan_of = self._plan_of
        pick, assign1, refresh = self._rank.pick, self._assign1, self._refresh
        free = self._free
        while queue:
            if queue[0][0] >= horizon:
                break
            agenda.now, _, kind, t = pop(queue)
            now = self._now
            if t > now:
                now = self._now = t
            if kind == COMPLETE:
                # everyone whose work ends at this moment is free; offer them work together
                newly = 0
                for s in ending.pop(t):
                    busy[s] = False
                    if duty_until[s] > now:
                        newly |= 1 << s
                        free_since[s] = now
                if not newly:
                    continue
                free |= newly
                # _offer(newly), its usual case in place: the group with the oldest head
                # that may take them; if that head needs one nurse and gets one, and they
                # are no longer free, that is all _offer would have done
                group = None
                for other in groups.values():
                    if other.eligible & newly and (group is None or other.head < group.head):
                        group = other
                if group is None:
                    continue
                j = group.head
                if need[j] == 1 and now <= drop[j]:
                    cand = free & req[j]  # _try, inlined
                    opens = ready[j]
                    for after, mask, team in waiting[j] if cand else ():  # type: ignore[union-attr]
                        if opens + after > now:
                            continue
                        best = cand & mask & duty[team]
                        if best:
                            s = pick(j, best) if best & (best - 1) else best.bit_length() - 1
                            free &= ~(1 << s)
                            assign1(j, s, now)
                            break
                    else:
                        cand = 0
                    if cand:
                        # the head is served: refresh(group), inlined
                        waiting[j] = None
                        jobs = group.queue
                        jobs.popleft()
                        while jobs:
                            j = jobs[0]
                            if waiting[j] is None:
                                jobs.popleft()
                            elif now > drop[j]:
                                waiting[j] = None
                                jobs.popleft()
                            else:
                                opens, eligible = ready[j], 0
                                for after, mask, team in group.tiers:
                                    if opens + after <= now:
                                        eligible |= mask & duty[team]
                                group.head, group.eligible = j, eligible & group.req
                                break
                        else:
                            group.head, group.eligible = -1, 0
                        if not free & newly:
                            continue
                # anything else: _offer itself (from here it makes the same choices as it
                # would have from the start: nothing it looks at has changed otherwise)
                self._free = free
                self._offer(newly)
                free = self._free
            elif kind == DRIVE:
                # the static calendar at this moment (see Moments); then schedule the next
                m = self._ci
                lo, hi = shift_bound[m], shift_bound[m + 1]
                if lo < hi:
                    self._free = free
                    starting = 0  # staff whose shift starts now: offered work together
                    for x in range(lo, hi):
                        if shift_code[x] == START:
                            starting |= self._shift_start(shift_id[x])
                        else:
                            self._shift_end(shift_id[x])
                    # who is on duty changed: once for all of this moment's shift entries
                    # (nothing in between looks at the groups, and a refresh depends only on
                    # the queues, the time and who is on duty)
                    self._refresh_all()
                    if starting:
                        self._offer(starting)
                    free = self._free
                for k in range(job_bound[m], job_bound[m + 1]):
                    # job k becomes ready: send someone at once if its plan allows, else queue
                    plan = plan_of[k] if plan_of is not None else self._plan(k)
                    if need[k] == 1:  # _try, inlined
                        cand = free & req[k]
                        if cand:
                            opens = ready[k]
                            for after, mask, team in plan.tiers:
                                if opens + after > now:
                                    continue
                                best = cand & mask & duty[team]
                                if best:
                                    s = (
                                        pick(k, best)
                                        if best & (best - 1)
                                        else best.bit_length() - 1
                                    )
                                    free &= ~(1 << s)
                                    assign1(k, s, now)
                                    break
                            else:
                                cand = 0
                            if cand:
                                continue
                    else:
                        self._free = free
                        sent = self._try(k, plan.tiers)
                        free = self._free
                        if sent:
                            continue
                    # nobody could be sent: the job waits in its group (see _groups)
                    waiting[k] = plan.tiers
                    mask = req[k]
                    key = (id(plan.plan), mask, need[k])
                    group = groups.get(key)
                    if group is None:
                        group = idle.pop(key, None) if idle is not None else None
                        if group is None:
                            group = Group(plan, mask, self._openings)
                        groups[key] = group
                    group.queue.append(k)
                    if group.head < 0:
                        refresh(group)
                    if group.openings:  # note when its later tiers open for it
                        opens = ready[k]
                        for after, jobs in group.openings:
                            jobs.append(k)
                            when = opens + after
                            if when < self._open_at:
                                self._open_at = when
                                agenda.schedule(when, REOPEN)
                m += 1
                self._ci = m
                if m < n_moments:
                    agenda.schedule(times[m], DRIVE)
            else:
                self._free = free
                self._reopen(t)
                free = self._free
        self._free = free

    # -- events ----------------------------------------------------------------------------

    def _plan(self, j: int) -> Plan:
        """The job's plan, asked of the policy now that it is ready."""
        plan = self._policy.plan(j, self)
        if type(plan) is not tuple:  # a fresh list per job: compile it for this job alone
            return Plan(plan, self._team_index)
        compiled = self._plans.get(id(plan))
        if compiled is None or compiled.plan is not plan:
            compiled = self._plans[id(plan)] = Plan(plan, self._team_index)
        return compiled

    def _reopen(self, t: float) -> None:
        """A tier opens for jobs that have waited long enough: ask again for each of them.

        Openings wait in one queue per waiting time (so each queue is in time order); one
        event is scheduled for the earliest opening of a job still waiting.
        """
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
            self._agenda.schedule(nxt, REOPEN)

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
        if self._busy[s]:
            return 0
        if not was_on_duty:
            zone = c.shift_zone[k]
            self._rank.move(s, zone if zone >= 0 else c.staff_zone[s])
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

    # -- dispatch ----------------------------------------------------------------------------

    def _offer(self, staff: int) -> None:
        """Staff (a bitmask) have just become available: offer them the waiting jobs.

        The oldest waiting jobs first (first come, first served): the heads of the groups whose
        cached eligibility includes any of them, oldest first, each sent the best free staff;
        a group whose head is served offers its next job in turn.
        """
        groups = [g for g in self._groups.values() if g.eligible & staff]
        if not groups:
            return
        waiting, drop, now = self._waiting, self._drop, self._now
        if len(groups) == 1:  # the usual case: one group to ask, no heap needed
            group = groups[0]
            while self._free & staff:
                j = group.head
                if now > drop[j]:  # past its drop time: refresh drops it
                    self._refresh(group)
                elif self._try(j, waiting[j]):  # type: ignore[arg-type]
                    waiting[j] = None
                    self._refresh(group)
                else:
                    return  # a two-person job short of a partner; younger ones would be too
                if not group.eligible & staff:
                    return
            return
        # heads are distinct jobs, so the tuples never compare the groups themselves
        heap = [(g.head, g) for g in groups]
        heapq.heapify(heap)
        while heap and self._free & staff:
            j, group = heapq.heappop(heap)
            if now > drop[j]:
                self._refresh(group)
            elif self._try(j, waiting[j]):  # type: ignore[arg-type]
                waiting[j] = None
                self._refresh(group)
            else:
                continue
            if group.eligible & staff:
                heapq.heappush(heap, (group.head, group))

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
        """Refresh every group (after tiers open or duty changes); forget empty ones."""
        groups = self._groups
        empty = []
        for key, group in groups.items():
            self._refresh(group)
            if group.head < 0:
                empty.append(key)
        idle = self._idle
        for key in empty:
            group = groups.pop(key)
            if idle is not None:
                idle[key] = group

    def _try(self, j: int, tiers: Tiers) -> bool:
        """Send the best free staff of the first open tier that has enough; True if sent."""
        free = self._free & self._req[j]
        if not free:
            return False
        opens = self._ready[j]
        now = self._now
        duty = self._duty
        need = self._need[j]
        if need == 1:
            for after, mask, team in tiers:
                if opens + after > now:
                    continue
                cand = free & mask & duty[team]
                if cand:
                    s = self._rank.pick(j, cand) if cand & (cand - 1) else cand.bit_length() - 1
                    self._free &= ~(1 << s)
                    self._assign1(j, s, now)
                    return True
            return False
        chosen: list[int] = []
        for after, mask, team in tiers:
            if opens + after > now:
                continue
            cand = free & mask & duty[team]
            while cand and len(chosen) < need:
                s = self._rank.pick(j, cand)
                chosen.append(s)
                cand &= ~(1 << s)
                free &= ~(1 << s)
            if len(chosen) == need:
                self._assign(j, tuple(chosen))
                return True
        return False

    def _until(self, end: Minutes, s: int) -> None:
        """Staff ``s`` is busy until ``end``; staff ending at the same moment share one event."""
        ending = self._ending.get(end)
        if ending is None:
            self._ending[end] = [s]
            self._agenda.schedule(end, COMPLETE)
        else:
            ending.append(s)

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
