"""Pooling part-time specialists: two districts' cancer coordinators, merged into three or four.

A department leader in municipality D: "say that instead of district X having two cancer
coordinators and district Y having two cancer coordinators, who both actually work, they only
have caseload for 1.5. Then you could merge them, and have three who work purposefully"
(seed 000, L998-1001). Whether three is enough depends on what the coordinators' work is
(``docs/explanation/pooling.md``):

``work="caseload"``
    Schedulable follow-up of known cancer patients. Each district's coordinators plan 9 visits
    a weekday into 80-minute slots (07:00, 08:20, ..., 13:40), two in some slots and one in the
    others -- 720 minutes a day, 1.5 coordinators -- and the two districts' plans fill the
    merged team's slots exactly, three visits in every slot. Three work.
``work="queue"``
    Unscheduled requests -- calls from relatives, messages from the GP and the hospital, new
    referrals -- arriving at random (Poisson) on weekdays 07:00-15:00 and waiting for a free
    coordinator: 3 an hour per district of 30 minutes each, 1.5 coordinators of load. Merged to
    three, the load equals the capacity and the queue has no steady state: the waiting keeps
    growing with the length of the run. Four cope.

The three models: ``separate`` (each district's two coordinators serve their own district,
:class:`~hometeams.sim.FixedTeams`), ``merged 3`` and ``merged 4`` (one team for both districts,
:class:`~hometeams.sim.Pooled`; in ``merged 3`` the fourth coordinator is not rostered).

**Assumptions** (not from the source): the 80-minute visit (log-normal, sd 10, driving and notes
included) and the slot plan; 45 known patients per district seen weekly; requests budgeted at a
standard 30 minutes (``request_sd=0``); the request rate of 3 an hour per district, chosen so
that the load is the quote's 1.5; a visit or request is on time if started within 60 minutes
(visits) or 4 hours (requests); coordinators work weekdays 07:00-15:00 and are nurses with
further education (care level 4).

Why standard times for requests: working through a queue, a coordinator with 30-minute
requests never starts one she cannot finish by 15:00, so the office hours are exactly the
capacity, as in the queueing model. With variable times (``request_sd > 0``) the simulator lets
her finish the request she is on after 15:00; that overtime adds capacity at full load and
slows -- but does not remove -- the growth of the queue.
"""

from __future__ import annotations

import math
from typing import Literal

import attrs

from hometeams.analytic import PoolingComparison, compare_pooling
from hometeams.cases._shared import check_count, check_minutes, horizon, spread
from hometeams.errors import InvalidArgument
from hometeams.experiment import Model
from hometeams.model import Organisation, Staff, Team, User, Zone
from hometeams.scenario import (
    ArrivalProcess,
    Demand,
    DurationDistribution,
    Fixed,
    LogNormal,
    Roster,
    Scenario,
    VisitPlan,
)
from hometeams.sim import FixedTeams, Pooled

__all__ = ["CoordinatorsAnalytic", "Work", "coordinators_analytic", "pooled_coordinators"]

Work = Literal["caseload", "queue"]
"""The coordinators' work: planned follow-up (``"caseload"``) or random requests (``"queue"``)."""

LOAD = 1.5
"""Each district's caseload in coordinators (seed 000, L999)."""
SLOT_MINUTES, SLOTS, VISIT_SD = 80.0, 6, 10.0
PATIENTS = 45  # per district: 9 visits a weekday, each patient weekly
REQUEST_MINUTES = 30.0
REQUEST_WINDOW, VISIT_WINDOW = 240.0, 60.0
DISTRICTS = ("east", "west")
_NAMES = {"east": "Bydel øst", "west": "Bydel vest"}
# Visits per slot: east has two in the even slots, west in the odd ones; together three each.
_PER_SLOT = {"east": (2, 1, 2, 1, 2, 1), "west": (1, 2, 1, 2, 1, 2)}
_COORDINATORS = {d: (f"cc-{d}-1", f"cc-{d}-2") for d in DISTRICTS}
_OFFICE = [0.0] * 7 + [1.0] * 8 + [0.0] * 9  # requests arrive 07:00-15:00 ...
_WEEKDAYS = [1.0] * 5 + [0.0] * 2  # ... on weekdays


def _staff() -> list[Staff]:
    return [
        Staff(
            sid,
            profession="specialist-nurse",
            competences=["palliation", "nursing", "medication"],
            zone=d,
            name="Kreftkoordinator",
        )
        for d in DISTRICTS
        for sid in _COORDINATORS[d]
    ]


def _patients(district: str) -> list[str]:
    return [f"{district}-p{i:02d}" for i in range(1, PATIENTS + 1)]


def _organisation(*, merged: bool) -> Organisation:
    if merged:
        everyone = [s for d in DISTRICTS for s in _COORDINATORS[d]]
        teams = [
            Team(
                "merged",
                name="Kreftkoordinatorer",
                category="specialist",
                type="palliative",
                members=everyone,
                days=range(5),
                periods=["day"],
            ),
        ]
    else:
        teams = [
            Team(
                d,
                name=f"Kreftkoordinatorer, {_NAMES[d]}",
                category="specialist",
                type="palliative",
                zones=[d],
                members=_COORDINATORS[d],
                days=range(5),
                periods=["day"],
            )
            for d in DISTRICTS
        ]
    users = [
        User(p, zone=d, needs=["palliation"], team="merged" if merged else d)
        for d in DISTRICTS
        for p in _patients(d)
    ]
    return Organisation(
        "Kommune D, cancer coordinators",
        zones=[Zone(d, name=_NAMES[d]) for d in DISTRICTS],
        staff=_staff(),
        teams=teams,
        users=users,
    )


def _slot_times() -> list[float]:
    return spread(7 * 60, 7 * 60 + (SLOTS - 1) * SLOT_MINUTES, SLOTS)


def _caseload() -> Demand:
    times = _slot_times()
    visits = []
    for d in DISTRICTS:
        daily = [t for t, n in zip(times, _PER_SLOT[d], strict=True) for _ in range(n)]
        for i, patient in enumerate(_patients(d)):
            visits.append(
                VisitPlan(
                    patient,
                    days=i // len(daily),
                    times=daily[i % len(daily)],
                    duration=LogNormal(mean=SLOT_MINUTES, sd=VISIT_SD),
                    window=VISIT_WINDOW,
                    required=["palliation"],
                )
            )
    return Demand(visits=visits)


def _queue(duration: DurationDistribution) -> Demand:
    rate = LOAD * 60.0 / duration.mean  # requests an hour per district
    return Demand(
        arrivals=[
            ArrivalProcess(
                rate,
                by_hour=_OFFICE,
                by_weekday=_WEEKDAYS,
                users=_patients(d),
                duration=duration,
                window=REQUEST_WINDOW,
                required=["palliation"],
                name=f"{d}-requests",
            )
            for d in DISTRICTS
        ]
    )


def pooled_coordinators(
    *,
    work: Work = "caseload",
    weeks: int = 4,
    request_minutes: float = REQUEST_MINUTES,
    request_sd: float = 0.0,
) -> tuple[Model, Model, Model]:
    """Two districts' cancer coordinators: separate, merged to three, merged to four.

    See the module docstring for the story (seed 000, L985-1003) and every assumption.

    Parameters
    ----------
    work
        ``"caseload"`` (planned follow-up visits) or ``"queue"`` (random requests).
    weeks
        Weeks simulated, from an empty queue.
    request_minutes
        Mean time per request, for ``work="queue"``; the request rate follows so that each
        district's load stays 1.5 coordinators.
    request_sd
        Standard deviation of the request time; 0 for a standard time (see the module
        docstring), else log-normal.

    Returns
    -------
    tuple[Model, Model, Model]
        ``separate`` (the baseline), ``merged 3`` and ``merged 4``.

    Examples
    --------
    >>> separate, three, four = pooled_coordinators(work="queue", weeks=1)
    >>> [m.name for m in (separate, three, four)]
    ['separate', 'merged 3', 'merged 4']
    >>> sorted(three.scenario.roster.staff)
    ['cc-east-1', 'cc-east-2', 'cc-west-1']
    >>> pooled_coordinators(work="meetings")
    Traceback (most recent call last):
    ...
    hometeams.errors.InvalidArgument: work: must be 'caseload' or 'queue', got 'meetings'
    """
    check_count("weeks", weeks)
    minutes = check_minutes("request_minutes", request_minutes)
    sd = check_minutes("request_sd", request_sd)
    if minutes <= 0:
        raise InvalidArgument(f"request_minutes: must be > 0, got {request_minutes!r}")
    if work == "caseload":
        demand = _caseload()
    elif work == "queue":
        duration = Fixed(minutes) if sd == 0 else LogNormal(mean=minutes, sd=sd)
        demand = _queue(duration)
    else:
        raise InvalidArgument(f"work: must be 'caseload' or 'queue', got {work!r}")
    end, _ = horizon(weeks)
    everyone = [s for d in DISTRICTS for s in _COORDINATORS[d]]

    def scenario(name: str, *, merged: bool, staff: list[str]) -> Scenario:
        roster = Roster.weekly({s: {"weekdays": "day"} for s in staff})
        return Scenario(
            _organisation(merged=merged),
            roster,
            demand=demand,
            horizon=end,
            name=f"cancer coordinators ({work}): {name}",
        )

    return (
        Model("separate", scenario("separate", merged=False, staff=everyone), policy=FixedTeams()),
        Model("merged 3", scenario("merged 3", merged=True, staff=everyone[:3]), policy=Pooled()),
        Model("merged 4", scenario("merged 4", merged=True, staff=everyone), policy=Pooled()),
    )


@attrs.frozen
class CoordinatorsAnalytic:
    """The analytic answer for the coordinators (see :func:`coordinators_analytic`).

    Attributes
    ----------
    caseload
        :func:`~hometeams.analytic.compare_pooling` of the two loads as schedulable caseload.
    queue
        The same loads as an M/M/c queue of requests, staffed for ``max_mean_wait``.
    request_minutes
        Mean time per request: converts the queue's waits into minutes.

    Examples
    --------
    >>> a = coordinators_analytic(request_minutes=60)
    >>> round(a.separate_wait), round(a.merged_wait, 1)
    (77, 30.6)
    """

    caseload: PoolingComparison
    queue: PoolingComparison
    request_minutes: float

    @property
    def separate_wait(self) -> float:
        """Mean wait in minutes in one district of two coordinators (M/M/2)."""
        wait = self.queue.separate[0].mean_wait
        return math.nan if wait is None else wait * self.request_minutes

    @property
    def merged_wait(self) -> float:
        """Mean wait in minutes in the merged team staffed for the target (M/M/4 here)."""
        wait = self.queue.merged.mean_wait
        return math.nan if wait is None else wait * self.request_minutes


def coordinators_analytic(
    *, load: float = LOAD, request_minutes: float = REQUEST_MINUTES, max_mean_wait: float = 1.5
) -> CoordinatorsAnalytic:
    """The closed-form answer: caseload pools into three, a queue at full load does not.

    Parameters
    ----------
    load
        Each district's load in coordinators (1.5, seed 000 L999).
    request_minutes
        Mean time per request, to state waits in minutes.
    max_mean_wait
        Waiting target for the queue, in request times (1.5: 45 minutes at 30 minutes each).

    Returns
    -------
    CoordinatorsAnalytic
        The two pooling comparisons.

    Examples
    --------
    >>> a = coordinators_analytic()
    >>> a.caseload.separate_staff, a.caseload.merged.staff, a.caseload.merged.idle
    (4, 3, 0.0)
    >>> a.queue.merged.staff, a.queue.unstable_if_merged_to_summed_need
    (4, True)
    >>> round(a.separate_wait, 1), round(a.merged_wait, 1)
    (38.6, 15.3)
    """
    minutes = check_minutes("request_minutes", request_minutes)
    return CoordinatorsAnalytic(
        caseload=compare_pooling([load, load], kind="caseload"),
        queue=compare_pooling([load, load], kind="queue", max_mean_wait=max_mean_wait),
        request_minutes=minutes,
    )
