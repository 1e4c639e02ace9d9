"""Run a policy on a realised workload: the simulator's two entry points.

:func:`simulate` is what a planner calls: a scenario, optionally another organisation model,
and a seed. It rolls the dice once with :func:`~hometeams.scenario.realise` -- the same jobs and
the same sick days whatever the policy -- and hands the result to :func:`run`, which plays one
policy against that fixed workload. Tests and :mod:`hometeams.validation` call :func:`run`
directly on a hand-built :class:`~hometeams.scenario.Realisation`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np

from hometeams._random import root_sequence
from hometeams._time import PeriodClock
from hometeams._types import Minutes
from hometeams.errors import InvalidArgument
from hometeams.model import Organisation
from hometeams.records import Records
from hometeams.scenario import Realisation, Scenario, Seed, realise
from hometeams.sim._compile import TravelLike, compile_run
from hometeams.sim._control import Process
from hometeams.sim._engine import Engine
from hometeams.sim._planning import NoLists, Planning
from hometeams.sim._policies import Policy, Pooled

__all__ = ["run", "simulate"]


def _check_policy(policy: object) -> Policy:
    if not (callable(getattr(policy, "plan", None)) and hasattr(policy, "order")):
        raise InvalidArgument(
            f"policy: must have a plan(job, view) method and an order attribute, got {policy!r}"
        )
    return policy  # type: ignore[return-value]


def run(
    realisation: Realisation,
    org: Organisation,
    policy: Policy | None = None,
    *,
    travel: TravelLike = None,
    clock: PeriodClock | None = None,
    max_lateness: Minutes = math.inf,
    planning: Planning | None = None,
    seed: Seed = 0,
    processes: Sequence[Process] = (),
    meta: Mapping[str, object] | None = None,
) -> Records:
    """Simulate one organisation model on one realised workload.

    Parameters
    ----------
    realisation
        The jobs and shifts (with absences) of one replication.
    org
        Who the staff are: competences, professions (care levels), teams, users.
    policy
        The organisation model (default :class:`Pooled`).
    travel
        Travel minutes between zones: a mapping ``(from, to) -> minutes``, a function of two
        zone ids, or a travel matrix object; pairs it does not give are 0.
    clock
        Where day, evening and night begin, for day-only teams' hand-over (default 07/15/23).
    max_lateness
        A job not started by ``due + max_lateness`` is dropped as unserved (default: never).
    planning
        How planned visits go on work lists: :class:`NoLists` (the default: every job is
        dispatched when it becomes ready), :class:`DailyLists` or :class:`FixedLists`.
    seed
        Seeds the planners' choices between equally good lists (each day its own); the
        realisation already holds every other random draw.
    processes
        A planner's own SimPy processes, each ``process(env, control)`` (see
        :class:`Control`): a road closure, a meeting, a monitor.
    meta
        Extra entries for :attr:`Records.meta <hometeams.records.Records.meta>`.

    Returns
    -------
    Records
        One row per job (in the realisation's order) and per shift (likewise).

    Raises
    ------
    InvalidScenario
        If the realisation names staff or teams the organisation does not have, or has
        impossible times (a due time before ready, a shift that ends before it starts).

    Examples
    --------
    Two nurses, three visits at 08:00 of 30, 20 and 10 minutes: the third waits for the
    first nurse free, Kari, who finished at 08:20.

    >>> from hometeams.model import Organisation, Staff, Team, Zone
    >>> from hometeams.scenario import Realisation, RealisedJobs, RealisedShifts
    >>> org = Organisation("d", zones=[Zone("z")], teams=[Team("t", members=["ola", "kari"])],
    ...     staff=[Staff("ola", profession="nurse", zone="z"),
    ...            Staff("kari", profession="nurse", zone="z")])
    >>> jobs = RealisedJobs(id=[0, 1, 2], user=["u"] * 3, zone=["z"] * 3, kind=["visit"] * 3,
    ...     team=[""] * 3, ready=[480.0] * 3, due=[500.0] * 3, duration=[30.0, 20.0, 10.0],
    ...     required=[frozenset()] * 3, preferred=[frozenset()] * 3, n_staff=[1] * 3)
    >>> shifts = RealisedShifts(staff=["ola", "kari"], team=["t", "t"], zone=["z", "z"],
    ...     start=[420.0] * 2, end=[900.0] * 2, period=["day"] * 2, absent=[False] * 2)
    >>> records = run(Realisation(jobs, shifts, horizon=1440.0), org)
    >>> records.jobs.staff.tolist(), records.jobs.start.tolist()
    (['ola', 'kari', 'kari'], [480.0, 480.0, 500.0])
    >>> records.shifts.busy.tolist(), records.shifts.idle.tolist()
    ([30.0, 30.0], [450.0, 450.0])
    """
    chosen = _check_policy(Pooled() if policy is None else policy)
    if isinstance(max_lateness, bool) or not (
        isinstance(max_lateness, int | float) and max_lateness >= 0
    ):
        raise InvalidArgument(f"max_lateness: must be >= 0 minutes, got {max_lateness!r}")
    lists = _check_planning(NoLists() if planning is None else planning)
    clock = clock or PeriodClock()
    compiled = compile_run(realisation, org, travel=travel, clock=clock)
    engine = Engine(
        compiled,
        chosen,
        max_lateness=float(max_lateness),
        planning=lists,
        day_start=clock.day,
        seed=root_sequence(seed),
    )
    jobs, shifts, planned = engine.run(realisation.horizon, processes=processes)
    info: dict[str, object] = {
        "policy": repr(chosen),
        "planning": repr(lists),
        "max_lateness": float(max_lateness),
        # minutes driven to two-person visits on lists whose partner never came
        "abandoned_travel": engine.abandoned_travel,
    }
    info.update(meta or {})
    return Records(
        jobs,
        shifts,
        lists=planned,
        warmup=realisation.warmup,
        horizon=realisation.horizon,
        meta=info,
    )


def _check_planning(planning: object) -> Planning:
    if not (callable(getattr(planning, "lists", None)) and hasattr(planning, "release_after")):
        raise InvalidArgument(
            "planning: must have a lists(day) method and a release_after attribute "
            f"(NoLists, DailyLists, FixedLists), got {planning!r}"
        )
    return planning  # type: ignore[return-value]


def simulate(
    scenario: Scenario,
    *,
    policy: Policy | None = None,
    seed: Seed = None,
    max_lateness: Minutes = math.inf,
    planning: Planning | None = None,
    processes: Sequence[Process] = (),
) -> Records:
    """Realise a scenario with ``seed`` and simulate it under an organisation model.

    Parameters
    ----------
    scenario
        The scenario: organisation, roster, demand, absences, travel, horizon, warm-up.
    policy
        The organisation model (default :class:`Pooled`): a scenario describes the work and
        the staff, not how they are organised.
        The realised demand and absences do not depend on it (common random numbers).
    seed
        An ``int``, a :class:`numpy.random.SeedSequence` (one replication's child), or ``None``
        for fresh entropy (not reproducible).
    max_lateness
        A job not started by ``due + max_lateness`` minutes is dropped as unserved.
    planning
        How planned visits go on work lists (default :class:`NoLists`).
    processes
        A planner's own SimPy processes on the run's clock (see :class:`Control`).

    Returns
    -------
    Records
        The run's job and shift records; ``meta`` names the policy, seed and scenario.

    Examples
    --------
    >>> from hometeams.model import Organisation, Staff, Team, User, Zone
    >>> from hometeams.scenario import Demand, Fixed, Roster, Scenario, VisitPlan
    >>> from hometeams.sim import ContinuityFirst
    >>> org = Organisation("District 1", zones=[Zone("north")],
    ...     staff=[Staff("kari", profession="nurse", zone="north"),
    ...            Staff("ola", profession="health-worker", zone="north")],
    ...     teams=[Team("north", category="geographic", members=["kari", "ola"])],
    ...     users=[User("u1", zone="north", team="north", primary_contact="ola")])
    >>> scenario = Scenario(org, Roster.weekly({"kari": {"daily": "day"},
    ...                                          "ola": {"daily": "day"}}),
    ...     demand=Demand(visits=[VisitPlan("u1", days="daily", times=["08:00", "12:00"],
    ...                                     duration=Fixed(30))]),
    ...     horizon=7 * 1440)
    >>> pooled = simulate(scenario, seed=1)
    >>> continuity = simulate(scenario, policy=ContinuityFirst(tolerance=30), seed=1)
    >>> sorted(set(pooled.jobs.staff.tolist())), sorted(set(continuity.jobs.staff.tolist()))
    (['kari'], ['ola'])
    >>> bool((pooled.jobs.ready == continuity.jobs.ready).all())
    True
    >>> print(continuity.meta["policy"], continuity.meta["seed"])
    ContinuityFirst(tolerance=30, then=Pooled(order=(preferred_first,)),
    order=(preferred_first,)) 1
    """
    realisation = realise(scenario, seed=seed)
    return run(
        realisation,
        scenario.organisation,
        None if policy is None else _check_policy(policy),
        travel=scenario.travel,
        clock=scenario.clock,
        max_lateness=max_lateness,
        planning=planning,
        seed=seed,
        processes=processes,
        meta={"seed": describe_seed(seed), "scenario": scenario.name},
    )


def describe_seed(seed: Seed) -> object:
    """A plain, printable description of a seed for ``Records.meta``."""
    if isinstance(seed, np.random.SeedSequence):
        return {"entropy": seed.entropy, "spawn_key": list(seed.spawn_key)}
    return seed
