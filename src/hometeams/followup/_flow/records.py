"""What a run of the follow-up flow produced: columnar tables and the waiting time per step.

Four tables, each a frozen set of numpy columns of equal length (times in weeks since the start;
``nan`` where something did not happen within the horizon, ``""`` where there is no id):

* :class:`FlowUsers` -- one row per user in the flow: when the need was reported, assessment
  began and ended, a coordinator was appointed, the team was set up and the user left; their
  first coordinator; how often and how long they were orphaned; reviews due and held;
* :class:`Reappointments` -- one row per time a user lost their coordinator;
* :class:`FlowCoordinators` -- one row per person who held a coordinator role;
* :class:`FlowSeries` -- weekly counts of active teams, people waiting, orphaned users and
  coordinators.

:func:`waiting_times` summarises the waits step by step -- the figures a planner asks for: how long
from a report to an assessment, to a coordinator, to a working team, and how long a user is
without a coordinator after one leaves.
"""

from __future__ import annotations

import math
from typing import Any, cast

import attrs
import numpy as np
import numpy.typing as npt

from hometeams.errors import InvalidArgument
from hometeams.followup._flow.spec import FlowSpec
from hometeams.followup._model.programme import FollowUpProgramme

__all__ = [
    "FlowCoordinators",
    "FlowResult",
    "FlowSeries",
    "FlowUsers",
    "Reappointments",
    "StepWait",
    "waiting_times",
]

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]
StrArray = npt.NDArray[np.str_]


def _f(v: object) -> FloatArray:
    return np.asarray(v, dtype=np.float64)


def _i(v: object) -> IntArray:
    return np.asarray(v, dtype=np.int64)


def _b(v: object) -> BoolArray:
    return np.asarray(v, dtype=np.bool_)


def _s(v: object) -> StrArray:
    return np.asarray(v, dtype=np.str_)


class _Columns:
    """Equal-length one-dimensional columns."""

    def __attrs_post_init__(self) -> None:
        fields = attrs.fields(cast(Any, type(self)))
        lengths = {f.name: getattr(self, f.name).shape for f in fields}
        if len(set(lengths.values())) > 1 or any(len(shape) != 1 for shape in lengths.values()):
            raise InvalidArgument(f"{type(self).__name__}: columns differ in shape: {lengths}")

    def __len__(self) -> int:
        first = attrs.fields(cast(Any, type(self)))[0]
        return int(getattr(self, first.name).shape[0])

    def columns(self) -> dict[str, Any]:
        """The columns by name."""
        return {f.name: getattr(self, f.name) for f in attrs.fields(cast(Any, type(self)))}


@attrs.frozen(eq=False)
class FlowUsers(_Columns):
    """One row per user in the flow (the programme's coordinated users, then each report).

    Examples
    --------
    >>> nan = float("nan")
    >>> users = FlowUsers(user=["report.1"], initial=[False], reported=[2.0],
    ...     assessment_start=[2.5], assessed=[4.0], appointed=[7.0], set_up=[9.0], exited=[nan],
    ...     coordinator=["siri"], orphanings=[0], orphan_weeks=[0.0], reviews_due=[0],
    ...     reviews_held=[0])
    >>> len(users), float(users.set_up[0] - users.reported[0])
    (1, 7.0)
    """

    user: StrArray = attrs.field(converter=_s)
    initial: BoolArray = attrs.field(converter=_b)
    reported: FloatArray = attrs.field(converter=_f)
    assessment_start: FloatArray = attrs.field(converter=_f)
    assessed: FloatArray = attrs.field(converter=_f)
    appointed: FloatArray = attrs.field(converter=_f)
    set_up: FloatArray = attrs.field(converter=_f)
    exited: FloatArray = attrs.field(converter=_f)
    coordinator: StrArray = attrs.field(converter=_s)
    orphanings: IntArray = attrs.field(converter=_i)
    orphan_weeks: FloatArray = attrs.field(converter=_f)
    reviews_due: IntArray = attrs.field(converter=_i)
    reviews_held: IntArray = attrs.field(converter=_i)


@attrs.frozen(eq=False)
class Reappointments(_Columns):
    """One row per time a user was orphaned: who left, when, and when a new one came.

    Examples
    --------
    >>> r = Reappointments(user=["u1"], left=["kari"], orphaned=[30.0], reappointed=[32.5],
    ...                    exited=[float("nan")])
    >>> float(r.reappointed[0] - r.orphaned[0])
    2.5
    """

    user: StrArray = attrs.field(converter=_s)
    left: StrArray = attrs.field(converter=_s)
    orphaned: FloatArray = attrs.field(converter=_f)
    reappointed: FloatArray = attrs.field(converter=_f)
    exited: FloatArray = attrs.field(converter=_f)


@attrs.frozen(eq=False)
class FlowCoordinators(_Columns):
    """One row per coordinator: when they joined and left, their role, and their load.

    Examples
    --------
    >>> c = FlowCoordinators(staff=["kari", "kari.2"], joined=[0.0, 60.0],
    ...     left=[52.0, float("nan")], hours_per_week=[4.0, 4.0], slots=[4, 4],
    ...     peak_caseload=[4, 3], users_served=[6, 3], replaces=["", "kari"])
    >>> c.replaces.tolist()
    ['', 'kari']
    """

    staff: StrArray = attrs.field(converter=_s)
    joined: FloatArray = attrs.field(converter=_f)
    left: FloatArray = attrs.field(converter=_f)
    hours_per_week: FloatArray = attrs.field(converter=_f)
    slots: IntArray = attrs.field(converter=_i)
    peak_caseload: IntArray = attrs.field(converter=_i)
    users_served: IntArray = attrs.field(converter=_i)
    replaces: StrArray = attrs.field(converter=_s)


@attrs.frozen(eq=False)
class FlowSeries(_Columns):
    """Weekly snapshots from week 0, and a last one at the horizon.

    Examples
    --------
    >>> s = FlowSeries(week=[0, 1], active_teams=[50, 51], waiting_assessment=[0, 1],
    ...                waiting_appointment=[2, 1], orphaned=[0, 0], coordinators=[19, 19])
    >>> int(s.active_teams[-1] - s.active_teams[0])
    1
    """

    week: FloatArray = attrs.field(converter=_f)
    active_teams: IntArray = attrs.field(converter=_i)
    waiting_assessment: IntArray = attrs.field(converter=_i)
    waiting_appointment: IntArray = attrs.field(converter=_i)
    orphaned: IntArray = attrs.field(converter=_i)
    coordinators: IntArray = attrs.field(converter=_i)


@attrs.frozen(eq=False)
class FlowResult:
    """Everything one run of :func:`~hometeams.followup.simulate_flow` produced.

    Attributes
    ----------
    spec
        The flow that was simulated.
    users, reappointments, coordinators, series
        The tables.
    final
        The programme at the horizon: active coordinators and users in follow-up (plus the
        users outside the flow), standalone, for the static analyses.

    Examples
    --------
    >>> from hometeams.followup import (ComplexNeedsUser, CoordinatorRole, FollowUpProgramme,
    ...                                 simulate_flow)
    >>> p = FollowUpProgramme("x", coordinators=[CoordinatorRole("siri", hours_per_week=6)],
    ...     users=[ComplexNeedsUser("ole", age=6, services=["gp"], coordinator="siri")])
    >>> result = simulate_flow(FlowSpec(p, reports_per_week=0.5, tenure_weeks=None,
    ...                                 horizon_weeks=26), seed=2)
    >>> int(result.series.active_teams[-1]) == len(result.final.active_teams)
    True
    """

    spec: FlowSpec
    users: FlowUsers
    reappointments: Reappointments
    coordinators: FlowCoordinators
    series: FlowSeries
    final: FollowUpProgramme


@attrs.frozen
class StepWait:
    """Waiting time in one step of the flow, in weeks.

    Attributes
    ----------
    step
        The step's name.
    completed
        Users who finished the step (the statistics are over them).
    unfinished
        Users still in the step at the horizon (their waits are censored, not counted).
    mean, median, p90
        Of the completed waits; ``nan`` when none completed.

    Examples
    --------
    >>> w = StepWait("appointment", completed=40, unfinished=3, mean=5.2, median=3.9, p90=11.0)
    >>> f"{w.step}: {w.mean:.1f} weeks on average, {w.unfinished} still waiting"
    'appointment: 5.2 weeks on average, 3 still waiting'
    """

    step: str
    completed: int
    unfinished: int
    mean: float
    median: float
    p90: float


def _summary(step: str, waits: FloatArray, unfinished: int) -> StepWait:
    if waits.size == 0:
        return StepWait(step, 0, unfinished, math.nan, math.nan, math.nan)
    return StepWait(
        step,
        int(waits.size),
        unfinished,
        float(waits.mean()),
        float(np.median(waits)),
        float(np.quantile(waits, 0.9)),
    )


STEPS = (
    "assessment queue",
    "assessment",
    "appointment",
    "set-up",
    "report to team",
    "re-appointment",
)
"""The steps :func:`waiting_times` reports, in order."""


def waiting_times(result: FlowResult, *, after: float | None = None) -> tuple[StepWait, ...]:
    """Waiting time per step for users who entered the step after ``after`` weeks.

    Steps: ``assessment queue`` (report to start of assessment), ``assessment`` (its length),
    ``appointment`` (assessed to coordinator appointed), ``set-up`` (appointed to first team
    meeting), ``report to team`` (the whole way), ``re-appointment`` (orphaned to a new
    coordinator). Users who leave the programme while in a step count in neither column.

    Parameters
    ----------
    result
        A simulation result.
    after
        Only users reported (or, for re-appointment, orphaned) at or after this time; the
        spec's warm-up by default.

    Returns
    -------
    tuple of StepWait
        One per step, in the order above.

    Examples
    --------
    >>> from hometeams.followup import (ComplexNeedsUser, CoordinatorRole, FlowSpec,
    ...                                 FollowUpProgramme, simulate_flow)
    >>> p = FollowUpProgramme("x", coordinators=[CoordinatorRole("siri", hours_per_week=4)],
    ...     users=[ComplexNeedsUser("ole", age=6, services=["gp"], coordinator="siri")])
    >>> result = simulate_flow(FlowSpec(p, reports_per_week=0.2, horizon_weeks=104), seed=3)
    >>> [w.step for w in waiting_times(result)][:3]
    ['assessment queue', 'assessment', 'appointment']
    """
    start = result.spec.warmup_weeks if after is None else float(after)
    if not math.isfinite(start):
        raise InvalidArgument(f"after: must be a finite number, got {after!r}")
    u = result.users
    new = ~u.initial & (u.reported >= start)
    gone = np.isfinite(u.exited)
    out = []
    pairs = (
        ("assessment queue", u.reported, u.assessment_start),
        ("assessment", u.assessment_start, u.assessed),
        ("appointment", u.assessed, u.appointed),
        ("set-up", u.appointed, u.set_up),
        ("report to team", u.reported, u.set_up),
    )
    for step, begin, end in pairs:
        entered = new & np.isfinite(begin)
        done = entered & np.isfinite(end)
        unfinished = int((entered & ~np.isfinite(end) & ~gone).sum())
        out.append(_summary(step, end[done] - begin[done], unfinished))
    r = result.reappointments
    entered = r.orphaned >= start
    done = entered & np.isfinite(r.reappointed)
    unfinished = int((entered & ~np.isfinite(r.reappointed) & ~np.isfinite(r.exited)).sum())
    out.append(_summary("re-appointment", r.reappointed[done] - r.orphaned[done], unfinished))
    return tuple(out)
