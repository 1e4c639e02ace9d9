"""Guarantees of the simulator, as Hypothesis properties on random small workloads.

Two sources of random cases: ``scenarios()`` from ``sim_strategies`` (valid scenarios run
through :func:`~hometeams.sim.simulate`), and :func:`realisations` below, which draws
realisations directly -- including what a scenario never produces, such as one person on
overlapping shifts, zero-length visits and shifts without a zone -- to stress the engine.

The guarantees (issue 4): every job ends in exactly one state; every rostered minute of a
present staff member is busy, travelling or idle, and the totals add up; one staff member does
one thing at a time and starts nothing off duty; required competences are hard; the same seed
gives identical records; the realised demand does not depend on the policy; fixed teams with
one team equal pooled; competences everyone holds change nothing.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Callable

import attrs
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hometeams.errors import InvalidScenario
from hometeams.model import Membership, Organisation, Staff, Team, User, Zone
from hometeams.records import JobState, Records
from hometeams.scenario import Realisation, RealisedJobs, RealisedShifts, Scenario, realise
from hometeams.sim import (
    Chained,
    ContinuityFirst,
    FixedTeams,
    Overflow,
    Policy,
    Pooled,
    earliest_free,
    known_staff_first,
    lowest_care_level,
    nearest,
    run,
    simulate,
)
from sim_strategies import scenarios

POLICIES: tuple[Policy, ...] = (
    Pooled(),
    FixedTeams(),
    Overflow(30),
    Chained(),
    ContinuityFirst(tolerance=30, then=FixedTeams()),
    Pooled(order=(nearest, earliest_free, lowest_care_level, known_staff_first)),
)
COMPETENCES = ("dementia", "wound-care")
EPS = 1e-9


# -- checks ------------------------------------------------------------------------------------


def check_conservation(records: Records, *, exact_totals: bool = False) -> None:
    """Every conservation law of the records (see the module docstring)."""
    jobs, shifts = records.jobs, records.shifts
    served = ~np.isnan(jobs.start)
    state = jobs.state
    assert set(state.tolist()) <= {JobState.ON_TIME, JobState.LATE, JobState.UNSERVED}
    assert np.array_equal(state == JobState.UNSERVED, ~served)
    assert np.array_equal(jobs.staff != "", served)
    assert np.array_equal(jobs.staff2 != "", served & (jobs.n_staff == 2))
    assert np.all((state[served] == JobState.ON_TIME) == (jobs.start[served] <= jobs.due[served]))
    assert np.all(jobs.start[served] >= jobs.ready[served])
    # dispatched before the horizon (the staff may arrive after it)
    assert np.all(jobs.start[served] - jobs.travel[served] < records.horizon)
    np.testing.assert_allclose(jobs.end[served], jobs.start[served] + jobs.duration[served])
    assert np.all(jobs.travel >= 0)

    present = ~shifts.absent
    total = shifts.busy + shifts.travel + shifts.idle
    np.testing.assert_allclose(total[present], shifts.rostered[present], rtol=0, atol=1e-9 * 1e4)
    for col in (shifts.busy, shifts.travel, shifts.overtime):
        assert np.all(col >= -EPS)
    assert np.all(shifts.idle >= -1e-6)
    for col in (shifts.busy, shifts.travel, shifts.idle, shifts.overtime, shifts.overtime_busy):
        assert np.all(col[shifts.absent] == 0)
    # overtime on site is a part of overtime
    assert np.all(shifts.overtime_busy >= -EPS)
    assert np.all(shifts.overtime_busy <= shifts.overtime + EPS)
    np.testing.assert_array_equal(shifts.rostered, shifts.end - shifts.start)

    # staff-time totals: every minute of work and travel is in some shift or in overtime
    worked = float(np.sum((shifts.busy + shifts.travel + shifts.overtime)[present]))
    work = float(np.sum(jobs.duration[served] * jobs.n_staff[served]))
    single = served & (jobs.n_staff == 1)
    low = work + float(np.sum(jobs.travel[single]))
    high = work + float(np.sum(jobs.travel[served] * jobs.n_staff[served]))
    # a nurse who drove to a listed two-person visit whose partner never came travelled for
    # no job: her shift has the minutes, the run's meta their sum
    high += float(records.meta.get("abandoned_travel", 0.0))  # type: ignore[arg-type]
    assert low - 1e-6 <= worked <= high + 1e-6
    if exact_totals:
        assert abs(worked - low) <= 1e-6

    # one thing at a time, and nothing started off duty. Two nurses sent together leave at
    # start - travel (the longer journey); the two nurses of a two-person visit on work lists
    # leave each when her own list says, so only the work is known to be hers, and she left
    # while on duty somewhere in [start - travel, start].
    pair = served & (jobs.n_staff == 2)
    listed = pair & np.isin(jobs.id, records.lists.job)
    spans: dict[str, list[tuple[float, float, float]]] = defaultdict(list)
    for who, start, travel, end, walked in zip(
        np.concatenate([jobs.staff[served], jobs.staff2[pair]]),
        np.concatenate([jobs.start[served], jobs.start[pair]]),
        np.concatenate([jobs.travel[served], jobs.travel[pair]]),
        np.concatenate([jobs.end[served], jobs.end[pair]]),
        np.concatenate([listed[served], listed[pair]]),
        strict=True,
    ):
        left = float(start if walked else start - travel)
        spans[str(who)].append((left, float(end), float(start - travel)))
    for who, items in spans.items():
        items.sort()
        for (_, end, _), (dispatch, _, _) in itertools.pairwise(items):
            assert dispatch >= end - 1e-6, f"{who} does two things at once"
        mine = shifts.take((shifts.staff == who) & present)
        for dispatch, _, earliest in items:
            on = (mine.start <= dispatch + 1e-9) & (earliest < mine.end)
            assert on.any(), f"{who} started a job at {dispatch} off duty"


def assert_same_records(a: Records, b: Records) -> None:
    """Every column of both tables identical (nan equal to nan)."""
    for x, y in ((a.jobs, b.jobs), (a.shifts, b.shifts)):
        for name, col in x.columns().items():
            np.testing.assert_array_equal(col, getattr(y, name), err_msg=name)


# -- random realisations -------------------------------------------------------------------------


@st.composite
def realisations(
    draw: st.DrawFn, *, all_competent: bool = False, one_team: bool = False
) -> tuple[Organisation, Realisation, dict[tuple[str, str], float]]:
    """A small organisation, a realisation on a two-day grid, and a travel mapping."""
    n_staff = draw(st.integers(1, 4))
    n_zones = draw(st.integers(1, 3))
    zones = [f"z{i}" for i in range(n_zones)]
    ids = [f"s{i}" for i in range(n_staff)]
    held = [
        COMPETENCES if all_competent else draw(st.lists(st.sampled_from(COMPETENCES), unique=True))
        for _ in ids
    ]
    staff = [
        Staff(
            s,
            profession=draw(st.sampled_from(["nurse", "health-worker"])),
            competences=h,
            zone=draw(st.sampled_from(zones)),
        )
        for s, h in zip(ids, held, strict=True)
    ]
    if one_team:
        teams = [Team("t", category="geographic", members=ids, zones=zones)]
    else:
        split = draw(st.integers(0, n_staff))
        teams = [Team("t", members=ids[:split] or ids[:1], category="geographic", zones=zones[:1])]
        rest = [s for s in ids if s not in teams[0].staff_ids]
        if rest:
            teams.append(Team("v", members=[Membership(s) for s in rest], periods=["day"]))
    team_ids = [t.id for t in teams]
    users = [
        User(
            f"u{i}",
            zone=draw(st.sampled_from(zones)),
            team=draw(st.sampled_from([None, *team_ids])),
            primary_contact=draw(st.sampled_from([None, *ids])),
        )
        for i in range(draw(st.integers(0, 3)))
    ]
    org = Organisation(
        "random", zones=[Zone(z) for z in zones], staff=staff, teams=teams, users=users
    )
    grid = st.integers(0, 192).map(lambda k: 15.0 * k)  # two days on a 15-minute grid
    shift_rows = []
    for s in ids:
        for _ in range(draw(st.integers(0, 3))):
            start = draw(grid)
            shift_rows.append(
                (
                    start,
                    s,
                    start + draw(st.integers(4, 40)) * 15.0,
                    draw(st.sampled_from(["", *zones])),
                    draw(st.sampled_from(["", *([] if one_team else team_ids)])),
                    draw(st.booleans()) and draw(st.booleans()),
                )
            )
    shift_rows.sort()
    user_names = [u.id for u in users] + ["new0", "new1"]
    job_rows = []
    for _ in range(draw(st.integers(0, 25))):
        ready = draw(grid) + draw(st.sampled_from([0.0, 0.5]))
        job_rows.append(
            (
                ready,
                draw(st.sampled_from(user_names)),
                draw(st.sampled_from(zones)),
                draw(st.sampled_from(["", *team_ids])),
                ready + draw(st.sampled_from([0.0, 15.0, 60.0, 240.0])),
                float(draw(st.integers(0, 120))),
                frozenset(draw(st.lists(st.sampled_from(COMPETENCES), unique=True, max_size=1))),
                frozenset(draw(st.lists(st.sampled_from(COMPETENCES), unique=True))),
                draw(st.sampled_from([1, 1, 1, 2])),
            )
        )
    job_rows.sort(key=lambda row: row[0])
    jobs = RealisedJobs(
        id=list(range(len(job_rows))),
        user=[r[1] for r in job_rows],
        zone=[r[2] for r in job_rows],
        kind=["visit"] * len(job_rows),
        team=[r[3] for r in job_rows],
        ready=[r[0] for r in job_rows],
        due=[r[4] for r in job_rows],
        duration=[r[5] for r in job_rows],
        required=[r[6] for r in job_rows],
        preferred=[r[7] for r in job_rows],
        n_staff=[r[8] for r in job_rows],
    )
    shifts = RealisedShifts(
        staff=[r[1] for r in shift_rows],
        team=[r[4] for r in shift_rows],
        zone=[r[3] for r in shift_rows],
        start=[r[0] for r in shift_rows],
        end=[r[2] for r in shift_rows],
        period=["day"] * len(shift_rows),
        absent=[r[5] for r in shift_rows],
    )
    horizon = draw(st.sampled_from([2880.0, 3600.0, 1000.0]))
    travel = {
        (a, b): float(draw(st.integers(0, 30)))
        for a in zones
        for b in zones
        if a != b and draw(st.booleans())
    }
    return org, Realisation(jobs, shifts, horizon=horizon), travel


# -- properties on random realisations -------------------------------------------------------------


@given(case=realisations(), policy=st.sampled_from(POLICIES), limit=st.sampled_from([np.inf, 30.0]))
def test_conservation_on_random_realisations(
    case: tuple[Organisation, Realisation, dict[tuple[str, str], float]],
    policy: Policy,
    limit: float,
) -> None:
    """Conservation laws hold for every policy, with and without a lateness limit."""
    org, realised, travel = case
    records = run(realised, org, policy, travel=travel, max_lateness=limit)
    assert len(records.jobs) == len(realised.jobs)
    assert len(records.shifts) == len(realised.shifts)
    check_conservation(records, exact_totals=not (realised.jobs.n_staff == 2).any())


@given(case=realisations(), policy=st.sampled_from(POLICIES))
def test_required_competences_are_always_held(
    case: tuple[Organisation, Realisation, dict[tuple[str, str], float]], policy: Policy
) -> None:
    """Every staff member sent holds every required competence of the job."""
    org, realised, travel = case
    jobs = run(realised, org, policy, travel=travel).jobs
    held = {s.id: s.competences for s in org.staff}
    for i, (a, b) in enumerate(zip(jobs.staff.tolist(), jobs.staff2.tolist(), strict=True)):
        for who in (a, b):
            if who:
                assert realised.jobs.required[i] <= held[who]


@given(case=realisations(), policy=st.sampled_from(POLICIES))
def test_runs_are_deterministic(
    case: tuple[Organisation, Realisation, dict[tuple[str, str], float]], policy: Policy
) -> None:
    """The same realisation and policy give identical records."""
    org, realised, travel = case
    assert_same_records(
        run(realised, org, policy, travel=travel), run(realised, org, policy, travel=travel)
    )


@given(case=realisations(one_team=True), limit=st.sampled_from([np.inf, 60.0]))
def test_fixed_teams_with_one_team_equal_pooled(
    case: tuple[Organisation, Realisation, dict[tuple[str, str], float]], limit: float
) -> None:
    """With a single team of everyone, fixed teams and pooled give identical records."""
    org, realised, travel = case
    assert_same_records(
        run(realised, org, FixedTeams(), travel=travel, max_lateness=limit),
        run(realised, org, Pooled(), travel=travel, max_lateness=limit),
    )


@given(case=realisations(all_competent=True))
def test_competences_everyone_holds_change_nothing(
    case: tuple[Organisation, Realisation, dict[tuple[str, str], float]],
) -> None:
    """When every staff member holds every competence, a policy that ignores competences (here."""
    # the same workload with all required and preferred competences removed) gives the same
    # assignments as pooled.
    org, realised, travel = case
    none = (frozenset[str](),) * len(realised.jobs)
    stripped = attrs.evolve(
        realised, jobs=attrs.evolve(realised.jobs, required=none, preferred=none)
    )
    a = run(realised, org, Pooled(), travel=travel).jobs
    b = run(stripped, org, Pooled(), travel=travel).jobs
    for name in ("staff", "staff2", "start", "end", "travel", "state", "served_by_team"):
        np.testing.assert_array_equal(getattr(a, name), getattr(b, name), err_msg=name)


_CORRUPTIONS: tuple[tuple[str, Callable[[Realisation, int], Realisation], str], ...] = (
    ("shifts", lambda r, i: _set(r, "shifts", "staff", i, "ghost"), "shifts[{i}].staff"),
    ("shifts", lambda r, i: _set(r, "shifts", "team", i, "ghost"), "shifts[{i}].team"),
    (
        "shifts",
        lambda r, i: _set(r, "shifts", "end", i, float(r.shifts.start[i])),
        "shifts[{i}].end",
    ),
    ("jobs", lambda r, i: _set(r, "jobs", "team", i, "ghost"), "jobs[{i}].team"),
    ("jobs", lambda r, i: _set(r, "jobs", "due", i, float(r.jobs.ready[i]) - 1), "jobs[{i}].due"),
    ("jobs", lambda r, i: _set(r, "jobs", "n_staff", i, 0), "jobs[{i}].n_staff"),
    ("jobs", lambda r, i: _set(r, "jobs", "duration", i, np.nan), "jobs[{i}].duration"),
)


def _set(r: Realisation, table: str, column: str, i: int, value: object) -> Realisation:
    tab = getattr(r, table)
    col = getattr(tab, column).copy()
    col[i] = value
    return attrs.evolve(r, **{table: attrs.evolve(tab, **{column: col})})


@given(case=realisations(), data=st.data())
def test_bad_realisations_are_refused_naming_the_field(
    case: tuple[Organisation, Realisation, dict[tuple[str, str], float]], data: st.DataObject
) -> None:
    """One corrupted field of a valid realisation is refused with that field's path."""
    org, realised, _ = case
    options = [c for c in _CORRUPTIONS if len(getattr(realised, c[0]))]
    if not options:
        return
    table, corrupt, path = data.draw(st.sampled_from(options))
    i = data.draw(st.integers(0, len(getattr(realised, table)) - 1))
    with pytest.raises(InvalidScenario) as err:
        run(corrupt(realised, i), org)
    assert err.value.path == path.format(i=i)


# -- properties on scenarios ---------------------------------------------------------------------


@settings(max_examples=25)
@given(scenario=scenarios(), seed=st.integers(0, 2**32 - 1), policy=st.sampled_from(POLICIES))
def test_scenarios_conserve_and_reproduce(scenario: Scenario, seed: int, policy: Policy) -> None:
    """On random valid scenarios."""
    # conservation holds and the same seed gives identical records; the records name the policy and
    # the seed.
    first = simulate(scenario, policy=policy, seed=seed)
    check_conservation(first)
    assert_same_records(first, simulate(scenario, policy=policy, seed=seed))
    assert first.meta["seed"] == seed
    assert first.meta["policy"] == repr(policy)


@settings(max_examples=25)
@given(scenario=scenarios(), seed=st.integers(0, 2**32 - 1))
def test_the_policy_does_not_change_the_realised_demand(scenario: Scenario, seed: int) -> None:
    """Different policies on one seed face the same jobs and absences (common random numbers)."""
    # ready, due, duration, user, kind, zone and n_staff columns and the shift table's roster and
    # absences are identical.
    runs = [simulate(scenario, policy=p, seed=seed) for p in POLICIES[:3]]
    for other in runs[1:]:
        for name in ("id", "ready", "due", "duration", "user", "kind", "zone", "n_staff"):
            np.testing.assert_array_equal(
                getattr(runs[0].jobs, name), getattr(other.jobs, name), err_msg=name
            )
        for name in ("staff", "start", "end", "absent", "rostered"):
            np.testing.assert_array_equal(
                getattr(runs[0].shifts, name), getattr(other.shifts, name), err_msg=name
            )


@settings(max_examples=25)
@given(scenario=scenarios(), seed=st.integers(0, 2**32 - 1))
def test_pooled_is_the_default_policy(scenario: Scenario, seed: int) -> None:
    """simulate() without a policy runs the scenario pooled."""
    assert_same_records(
        simulate(scenario, seed=seed), simulate(scenario, policy=Pooled(), seed=seed)
    )
    assert simulate(scenario, seed=seed).meta["policy"] == repr(Pooled())


@settings(max_examples=25)
@given(scenario=scenarios(), seed=st.integers(0, 2**32 - 1))
def test_simulate_is_run_on_the_realisation(scenario: Scenario, seed: int) -> None:
    """simulate(scenario, seed) equals run(realise(scenario, seed), ...)."""
    direct = run(
        realise(scenario, seed=seed),
        scenario.organisation,
        FixedTeams(),
        travel=scenario.travel,
        clock=scenario.clock,
    )
    assert_same_records(simulate(scenario, policy=FixedTeams(), seed=seed), direct)
