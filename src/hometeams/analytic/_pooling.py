"""Pooling: staff k units separately or merge them, and see what changes.

Two city districts each have two cancer coordinators, but caseload for 1.5 each: "merge them,
and you could have three working purposefully." Whether that is right depends on what kind of
work it is:

``"caseload"``
    Schedulable work (follow-up of known users, planned visits). Need is what it is; each unit
    staffs ``max(ceil(load), floor)`` and the merged unit ``max(ceil(sum of loads), floor)``.
    Merging absorbs the fractions: 2 + 2 becomes 3 with nothing idle.
``"poisson"``
    Need that fluctuates and is not met when it exceeds the staff (M/G/infinity). Staff is the
    fewest that cover all need with probability ``coverage``.
``"queue"``
    Unscheduled requests that wait for a free person (M/M/c). Staff is the fewest that meet a
    waiting target. Here a unit staffed at exactly its load has no steady state -- the queue
    grows without bound -- so merging down to the summed need fails whenever that sum is whole:
    1.5 + 1.5 on three coordinators is unstable, and any finite wait needs four.

:func:`compare_pooling` staffs the separate units, the merged unit for the same target, and the
merged unit cut to the summed need, so that both the gain and the trap are visible.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Literal

import attrs
import numpy as np

from hometeams.analytic._args import (
    Real,
    Whole,
    as_whole,
    check_nonnegative,
    scalar_float,
    unstable,
)
from hometeams.analytic._mmc import mmc
from hometeams.analytic._poisson import poisson_min_staff, poisson_values
from hometeams.analytic._staffing import min_servers
from hometeams.analytic._waste import whole_persons
from hometeams.errors import InvalidArgument

__all__ = ["PoolingComparison", "PoolingKind", "UnitStaffing", "compare_pooling"]

PoolingKind = Literal["caseload", "poisson", "queue"]


@attrs.frozen
class UnitStaffing:
    """One unit (a team, or the merged team) with its load and its staff.

    Attributes
    ----------
    load
        Mean need in staff (erlangs).
    staff
        Staff on duty.
    idle
        Mean idle staff.
    shortfall
        Mean unmet need in staff (``"poisson"`` only; 0 otherwise -- queued work waits).
    wait_probability, mean_wait
        For ``"queue"``: Erlang C and the mean wait (in the unit of ``1 / service_rate``); for
        an unstable queue ``1.0`` and ``inf``, since in the long run every request waits and
        the wait grows without bound. ``None`` for the other kinds.
    stable
        ``False`` for a queue with ``load >= staff``; always ``True`` for the other kinds.
    meets_target
        Whether the staff meets the target (and the need, for ``"caseload"``).
    """

    load: float
    staff: int
    idle: float
    shortfall: float
    wait_probability: float | None
    mean_wait: float | None
    stable: bool
    meets_target: bool

    @property
    def idle_share(self) -> float:
        """``idle / staff`` (0 when nobody is staffed)."""
        return self.idle / self.staff if self.staff else 0.0


@attrs.frozen
class PoolingComparison:
    """Separate units against one merged unit (see :func:`compare_pooling`).

    Attributes
    ----------
    kind
        ``"caseload"``, ``"poisson"`` or ``"queue"``.
    separate
        Each unit staffed on its own to meet the target.
    merged
        The merged unit staffed to meet the same target.
    merged_to_summed_need
        The merged unit staffed at ``max(ceil(sum of loads), floor)`` -- what adding up the
        needs suggests.
    """

    kind: PoolingKind
    separate: tuple[UnitStaffing, ...]
    merged: UnitStaffing
    merged_to_summed_need: UnitStaffing

    @property
    def summed_need(self) -> float:
        """The sum of the units' loads."""
        return math.fsum(unit.load for unit in self.separate)

    @property
    def separate_staff(self) -> int:
        """Total staff when every unit is staffed on its own."""
        return sum(unit.staff for unit in self.separate)

    @property
    def separate_idle(self) -> float:
        """Total mean idle staff of the separate units."""
        return math.fsum(unit.idle for unit in self.separate)

    @property
    def staff_saved(self) -> int:
        """Staff that merging saves at the same target (may be 0)."""
        return self.separate_staff - self.merged.staff

    @property
    def unstable_if_merged_to_summed_need(self) -> bool:
        """Whether a queue merged down to the summed need has no steady state."""
        return not self.merged_to_summed_need.stable


def _check_targets(
    kind: PoolingKind, coverage: float | None, queue_targets: dict[str, float | None]
) -> None:
    given_queue = [name for name, value in queue_targets.items() if value is not None]
    if kind not in ("caseload", "poisson", "queue"):
        raise InvalidArgument(f"kind: must be 'caseload', 'poisson' or 'queue', got {kind!r}")
    if kind != "poisson" and coverage is not None:
        raise InvalidArgument(f"coverage: only used with kind='poisson', got kind={kind!r}")
    if kind != "queue" and given_queue:
        raise InvalidArgument(f"{given_queue[0]}: only used with kind='queue', got kind={kind!r}")
    if kind == "poisson" and coverage is None:
        raise InvalidArgument("coverage: must be given with kind='poisson', got None")


def compare_pooling(
    loads: Sequence[Real],
    *,
    kind: PoolingKind = "caseload",
    floor: Whole = 0,
    coverage: Real | None = None,
    max_wait_probability: Real | None = None,
    max_mean_wait: Real | None = None,
    service_level: Real | None = None,
    within: Real | None = None,
    service_rate: Real = 1.0,
) -> PoolingComparison:
    """Compare staffing ``k`` units separately with merging them into one.

    Parameters
    ----------
    loads
        Mean need of each unit in staff (erlangs), each ``>= 0``; at least one.
    kind
        ``"caseload"``: schedulable work; each unit needs ``ceil(load)`` staff.
        ``"poisson"``: need fluctuates as a Poisson count and is unmet when it exceeds the staff;
        staff for ``coverage``. ``"queue"``: unscheduled requests wait for a free person
        (M/M/c); staff for the waiting targets, and a unit at exactly its load is unstable.
    floor
        Minimum staff on duty in every unit, separate or merged.
    coverage
        For ``"poisson"`` (required): cover all need with at least this probability.
    max_wait_probability, max_mean_wait, service_level, within
        For ``"queue"`` (at least one): waiting targets as in :func:`min_servers`.
    service_rate
        For ``"queue"``: one over the mean service time; waits are in this time unit. The
        default, 1, measures waits in mean service times.

    Returns
    -------
    PoolingComparison
        The separate units, the merged unit at the same target, and the merged unit cut to the
        summed need, with ``staff_saved`` and ``unstable_if_merged_to_summed_need``.

    Raises
    ------
    hometeams.errors.InvalidArgument
        For an empty or negative load, an unknown kind, or targets that do not fit the kind.

    Examples
    --------
    The cancer coordinators, as schedulable caseload: merging saves one post and leaves
    nobody idle.

    >>> from hometeams.analytic import compare_pooling
    >>> cmp = compare_pooling([1.5, 1.5], kind="caseload")
    >>> cmp.separate_staff, cmp.merged.staff, cmp.staff_saved, cmp.separate_idle, cmp.merged.idle
    (4, 3, 1, 1.0, 0.0)

    The same need as an unscheduled queue with a mean wait of at most 1.5 visit lengths:
    two per district meet it, three in a merged team would never catch up, four are needed.

    >>> cmp = compare_pooling([1.5, 1.5], kind="queue", max_mean_wait=1.5)
    >>> cmp.separate_staff, cmp.merged.staff, cmp.staff_saved
    (4, 4, 0)
    >>> cmp.unstable_if_merged_to_summed_need, cmp.merged_to_summed_need.mean_wait
    (True, inf)
    >>> round(cmp.separate[0].mean_wait, 3), round(cmp.merged.mean_wait, 3)
    (1.286, 0.509)

    The 1.4-versus-2 evening: a rehabilitation team (need 1.4) and home nursing (need 4.6),
    each with a floor of two. Pooled, the fractions are absorbed:

    >>> cmp = compare_pooling([1.4, 4.6], floor=2)
    >>> [u.staff for u in cmp.separate], cmp.merged.staff, round(cmp.separate_idle, 6)
    ([2, 5], 6, 1.0)
    """
    if isinstance(loads, str | bytes) or not isinstance(loads, Sequence) or not loads:
        raise InvalidArgument(f"loads: must be a non-empty sequence of numbers, got {loads!r}")
    values = [
        float(check_nonnegative(f"loads[{i}]", scalar_float(f"loads[{i}]", x)))
        for i, x in enumerate(loads)
    ]
    f = as_whole("floor", floor)
    cov = None if coverage is None else scalar_float("coverage", coverage)
    targets = {
        "max_wait_probability": max_wait_probability,
        "max_mean_wait": max_mean_wait,
        "service_level": service_level,
        "within": within,
    }
    queue_targets = {k: None if v is None else scalar_float(k, v) for k, v in targets.items()}
    _check_targets(kind, cov, queue_targets)
    mu = float(check_nonnegative("service_rate", scalar_float("service_rate", service_rate)))
    if kind == "queue" and mu <= 0:
        raise InvalidArgument(f"service_rate: must be finite and > 0, got {service_rate!r}")

    def required(load: float) -> int:
        if kind == "queue":
            return min_servers(load * mu, mu, **queue_targets)
        if kind == "poisson" and cov is not None:
            return poisson_min_staff(load, coverage=cov)
        return whole_persons(load)

    def unit(load: float, staff: int, need_met: int) -> UnitStaffing:
        if kind == "caseload":
            return UnitStaffing(
                load=load,
                staff=staff,
                idle=staff - load,
                shortfall=0.0,
                wait_probability=None,
                mean_wait=None,
                stable=True,
                meets_target=staff >= need_met,
            )
        if kind == "poisson":
            _, short, idle = poisson_values(np.asarray(load), np.asarray(float(staff)))
            return UnitStaffing(
                load=load,
                staff=staff,
                idle=float(idle),
                shortfall=float(short),
                wait_probability=None,
                mean_wait=None,
                stable=True,
                meets_target=staff >= need_met,
            )
        if unstable(load, staff):  # no steady state: everyone waits, and waits ever longer
            return UnitStaffing(
                load=load,
                staff=staff,
                idle=0.0,
                shortfall=0.0,
                wait_probability=1.0,
                mean_wait=math.inf,
                stable=False,
                meets_target=False,
            )
        q = mmc(load * mu, mu, servers=staff)
        return UnitStaffing(
            load=load,
            staff=staff,
            idle=staff - load,
            shortfall=0.0,
            wait_probability=q.wait_probability,
            mean_wait=q.mean_wait,
            stable=True,
            meets_target=staff >= need_met,
        )

    separate = []
    for load in values:
        need = required(load)
        separate.append(unit(load, max(need, f), need))
    total = math.fsum(values)
    need = required(total)
    return PoolingComparison(
        kind=kind,
        separate=tuple(separate),
        merged=unit(total, max(need, f), need),
        merged_to_summed_need=unit(total, max(whole_persons(total), f), need),
    )
