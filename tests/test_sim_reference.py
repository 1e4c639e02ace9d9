"""The engine against a deliberately naive reference dispatcher, on random workloads.

The engine is fast because it groups waiting jobs, caches who may take each group's oldest job,
narrows candidate masks instead of ranking staff, and schedules few events. The reference below
does none of that: after every event it walks *all* waiting jobs in arrival order and, for each,
*all* staff, with sets and plain loops, following the rules in ``docs/explanation/simulator.md``
(first come first served; tiers open after their waiting time; the best free staff of the first
open tier, preferred competences first, then the staff member listed first; travel from where
the staff member is; shifts on duty while ``start <= t < end``). Its tiers for pooled, fixed
teams and overflow are written out here independently of ``hometeams.sim``'s policies.

Times are continuous (random ready times, durations and travel), so events coincide only at
shift boundaries and when the two staff of a two-person visit finish together; everything that
happens at one moment is applied before anyone is offered work (as the engine does), and any
correct implementation of the rules then makes the same choices.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Sequence

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from hometeams.model import Membership, Organisation, Staff, Team, User, Zone
from hometeams.scenario import Realisation, RealisedJobs, RealisedShifts
from hometeams.sim import FixedTeams, Overflow, Pooled, run

COMPETENCES = ("dementia", "wound-care")


def reference(
    org: Organisation,
    r: Realisation,
    travel: dict[tuple[str, str], float],
    *,
    kind: str,
    threshold: float = 0.0,
    limit: float = math.inf,
) -> tuple[list[str], list[str], list[float]]:
    """Staff, second staff and start of work of every job, by brute force."""
    staff = [s.id for s in org.staff]
    held = {s.id: s.competences for s in org.staff}
    teams_of = {s: set(org.teams_of(s)) for s in staff}
    users = org.users_by_id
    jobs, shifts = r.jobs, r.shifts
    where = {s.id: s.zone for s in org.staff}
    busy_until = dict.fromkeys(staff, -math.inf)
    active: list[int] = []
    out_staff, out_staff2, out_start = [""] * len(jobs), [""] * len(jobs), [math.nan] * len(jobs)
    events: list[tuple[float, int, int]] = []  # (time, order, index); order: 0 end, 1 start, 2 job
    for k in range(len(shifts)):
        if not shifts.absent[k]:
            events.append((float(shifts.end[k]), 0, k))
            events.append((float(shifts.start[k]), 1, k))
    for j in range(len(jobs)):
        events.append((float(jobs.ready[j]), 2, j))
        owner = jobs.team[j] or (users[jobs.user[j]].team if jobs.user[j] in users else "")
        if kind == "overflow" and owner:
            events.append((float(jobs.ready[j]) + threshold, 3, j))  # the pool opens
    heapq.heapify(events)
    waiting: list[int] = []

    def owner_of(j: int) -> str:
        u = users.get(str(jobs.user[j]))
        return str(jobs.team[j]) or (u.team or "" if u is not None else "")

    def on_duty(s: str, t: float, team: str | None) -> bool:
        for k in active:
            if shifts.staff[k] == s and shifts.start[k] <= t < shifts.end[k]:
                if team is None or shifts.team[k] == team:
                    return True
                if not shifts.team[k] and team in teams_of[s]:
                    return True
        return False

    def tiers(j: int) -> list[tuple[float, str | None]]:
        owner = owner_of(j)
        if kind == "pooled" or not owner:
            return [(0.0, None)]
        if kind == "fixed":
            return [(0.0, owner)]
        return [(0.0, owner), (threshold, None)]

    def pick(j: int, candidates: Sequence[str]) -> str:
        preferred = [s for s in candidates if jobs.preferred[j] <= held[s]]
        return (preferred or list(candidates))[0]  # candidates are in organisation order

    def attempt(j: int, t: float) -> bool:
        chosen: list[str] = []
        for after, team in tiers(j):
            if jobs.ready[j] + after > t:
                continue
            pool = [
                s
                for s in staff
                if s not in chosen
                and busy_until[s] <= t
                and on_duty(s, t, None)
                and on_duty(s, t, team)
                and jobs.required[j] <= held[s]
            ]
            while pool and len(chosen) < jobs.n_staff[j]:
                s = pick(j, pool)
                chosen.append(s)
                pool.remove(s)
            if len(chosen) == jobs.n_staff[j]:
                break
        if len(chosen) < jobs.n_staff[j]:
            return False
        zone = str(jobs.zone[j])
        trips = [travel.get((where[s] or "", zone), 0.0) if where[s] else 0.0 for s in chosen]
        start = t + max(trips)
        for s in chosen:
            busy_until[s] = start + float(jobs.duration[j])
            where[s] = zone
        out_staff[j], out_start[j] = chosen[0], start
        if len(chosen) > 1:
            out_staff2[j] = chosen[1]
        return True

    while events:
        t = events[0][0]
        if t >= r.horizon:
            break
        while events and events[0][0] == t:  # everything that happens at this moment
            _, order, i = heapq.heappop(events)
            if order == 0:
                active.remove(i)
            elif order == 1:
                s = str(shifts.staff[i])
                if not on_duty(s, t, None) and busy_until[s] <= t:
                    where[s] = str(shifts.zone[i]) or org.staff_by_id[s].zone
                active.append(i)
            elif order == 2:
                waiting.append(i)
        for j in list(waiting):  # the naive pass: every waiting job, oldest first
            if t > jobs.due[j] + limit or attempt(j, t):
                waiting.remove(j)
        for s in staff:  # a completion is an event too: schedule it once
            if busy_until[s] > t and (busy_until[s], 4, -1) not in events:
                heapq.heappush(events, (busy_until[s], 4, -1))
    return out_staff, out_staff2, out_start


@st.composite
def cases(draw: st.DrawFn) -> tuple[Organisation, Realisation, dict[tuple[str, str], float]]:
    """A small organisation in two teams and a day of continuous-time jobs."""
    n = draw(st.integers(2, 5))
    ids = [f"s{i}" for i in range(n)]
    zones = ["a", "b"]
    split = draw(st.integers(1, n - 1))
    org = Organisation(
        "ref",
        zones=[Zone(z) for z in zones],
        staff=[
            Staff(
                s,
                profession="nurse",
                competences=draw(st.lists(st.sampled_from(COMPETENCES), unique=True)),
                zone=draw(st.sampled_from(zones)),
            )
            for s in ids
        ],
        teams=[
            Team("ta", members=[Membership(s) for s in ids[:split]]),
            Team("tb", members=[Membership(s) for s in ids[split:]]),
        ],
        users=[User("ua", zone="a", team="ta"), User("ub", zone="b", team="tb")],
    )
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    n_jobs = draw(st.integers(1, 30))
    ready = np.sort(rng.uniform(400.0, 1300.0, n_jobs))
    jobs = RealisedJobs(
        id=np.arange(n_jobs),
        user=rng.choice(["ua", "ub", "other"], n_jobs),
        zone=rng.choice(zones, n_jobs),
        kind=["visit"] * n_jobs,
        team=rng.choice(["", "", "ta"], n_jobs),
        ready=ready,
        due=ready + rng.uniform(0.0, 90.0, n_jobs),
        duration=rng.exponential(25.0, n_jobs),
        required=[
            frozenset(rng.choice(COMPETENCES, 1)) if rng.random() < 0.2 else frozenset()
            for _ in range(n_jobs)
        ],
        preferred=[
            frozenset(rng.choice(COMPETENCES, 1)) if rng.random() < 0.4 else frozenset()
            for _ in range(n_jobs)
        ],
        n_staff=rng.choice([1, 1, 1, 2], n_jobs),
    )
    rows = []
    for s in ids:
        start = float(rng.choice([420.0, 480.0, 900.0]))
        rows.append((start, s, start + 480.0, bool(rng.random() < 0.15)))
    rows.sort()
    shifts = RealisedShifts(
        staff=[x[1] for x in rows],
        team=[""] * len(rows),
        zone=[""] * len(rows),
        start=[x[0] for x in rows],
        end=[x[2] for x in rows],
        period=["day"] * len(rows),
        absent=[x[3] for x in rows],
    )
    d = float(rng.uniform(3.0, 20.0))
    travel = {("a", "b"): d, ("b", "a"): d}
    return org, Realisation(jobs, shifts, horizon=1440.0), travel


@settings(max_examples=60)
@given(
    case=cases(),
    kind=st.sampled_from(["pooled", "fixed", "overflow"]),
    threshold=st.floats(1.0, 60.0),
    limit=st.sampled_from([math.inf, 45.0]),
)
def test_the_engine_makes_the_reference_choices(
    case: tuple[Organisation, Realisation, dict[tuple[str, str], float]],
    kind: str,
    threshold: float,
    limit: float,
) -> None:
    """Pooled, fixed teams and overflow send the same staff at the same times as brute force."""
    org, r, travel = case
    policy = {"pooled": Pooled(), "fixed": FixedTeams(), "overflow": Overflow(threshold)}[kind]
    records = run(r, org, policy, travel=travel, max_lateness=limit)
    staff, staff2, start = reference(org, r, travel, kind=kind, threshold=threshold, limit=limit)
    assert records.jobs.staff.tolist() == staff
    assert records.jobs.staff2.tolist() == staff2
    np.testing.assert_allclose(records.jobs.start, start, rtol=0, atol=1e-9)
