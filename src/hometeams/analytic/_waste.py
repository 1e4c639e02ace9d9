"""Integer-staffing waste: where the staffed hours of an evening go.

"Average staffing showed a need for two staff every evening. Or actually not two: the need was
1.4. But then you had to have two. So there was a lot of idle time." A rota staffs whole
people, often with a floor (two on every evening, for safety), and perhaps a margin against
busy evenings. :func:`staffing_waste` splits the staffed capacity ``s`` into four parts that add
up to ``s``:

``used``
    Work actually done: ``min(need, s)`` for a fixed need, ``need - E[(N - s)+]`` for a Poisson
    need ``N``.
``rounding_waste``
    The unused part of the last whole person: ``ceil(need) - need`` (when ``s >= ceil(need)``).
``floor_waste``
    Staff that the floor adds above ``ceil(need)``: ``max(floor - ceil(need), 0)``.
``buffer``
    Everything else that is idle: staff above ``max(ceil(need), floor)`` -- for example added to
    meet a coverage target -- plus, for a Poisson need, the idle time at quiet moments that
    cannot be carried over to busy ones (it equals the expected shortfall).

The unmet need (``shortfall``) is reported beside the four parts; it is not staffed time.
"""

from __future__ import annotations

import math
from typing import Literal

import attrs
import numpy as np

from hometeams.analytic._args import Real, Whole, as_whole, scalar_float, whole_tolerance
from hometeams.analytic._poisson import poisson_min_staff, poisson_values
from hometeams.errors import InvalidArgument

__all__ = ["Demand", "StaffingWaste", "staffing_waste", "whole_persons"]

Demand = Literal["deterministic", "poisson"]


def whole_persons(need: float) -> int:
    """``ceil(need)``, treating a need a rounding error above a whole number as that number.

    Sums of fractional needs such as ``0.1 + 0.2`` land a rounding error above a whole number;
    this keeps ``ceil`` from adding a person for it. The tolerance is
    :func:`~hometeams.analytic._args.whole_tolerance` -- relative, but never more than a
    millionth of a person, so that no whole person disappears at a need of ``1e17``.

    Examples
    --------
    >>> from hometeams.analytic._waste import whole_persons
    >>> whole_persons(1.4), whole_persons(0.1 + 0.2 + 2.7), whole_persons(3.0)
    (2, 3, 3)
    >>> whole_persons(1e17) == 10**17, whole_persons(1e9 + 0.5)
    (True, 1000000001)
    """
    whole = math.floor(need)
    if need - whole <= float(whole_tolerance(whole)):
        return max(whole, 0)
    return max(whole + 1, 0)


@attrs.frozen
class StaffingWaste:
    """Staffed capacity split into used work, rounding waste, floor waste and buffer.

    ``used + rounding_waste + floor_waste + buffer == staff`` (to rounding error), and each part
    is ``>= 0``. All quantities are in staff (persons on duty, on average over the shift).

    Attributes
    ----------
    need
        Mean need in staff.
    floor
        The minimum staffing.
    staff
        Staff on duty.
    demand
        ``"deterministic"`` (need is exactly ``need``) or ``"poisson"``.
    used
        Work done: ``min(need, staff)``, or ``need - shortfall`` for a Poisson need.
    rounding_waste
        The unused part of the last whole person, ``ceil(need) - need``.
    floor_waste
        Persons the floor adds above ``ceil(need)``.
    buffer
        All other idle staff: staff above ``max(ceil(need), floor)`` and, for a Poisson need,
        idle time at quiet moments that cannot cover busy ones.
    shortfall
        Mean unmet need (not part of ``staff``).
    """

    need: float
    floor: int
    staff: int
    demand: Demand
    used: float
    rounding_waste: float
    floor_waste: float
    buffer: float
    shortfall: float

    @property
    def idle(self) -> float:
        """Mean idle staff: ``rounding_waste + floor_waste + buffer``."""
        return self.rounding_waste + self.floor_waste + self.buffer

    @property
    def idle_share(self) -> float:
        """Idle share of staffed time, ``idle / staff`` (0 when nobody is staffed)."""
        return self.idle / self.staff if self.staff else 0.0


def staffing_waste(
    need: Real,
    *,
    floor: Whole = 0,
    staff: Whole | None = None,
    demand: Demand = "deterministic",
    coverage: Real | None = None,
) -> StaffingWaste:
    """Split the staffed capacity for a fractional need into used work and three kinds of waste.

    Parameters
    ----------
    need
        Mean need in staff (erlangs), ``>= 0``.
    floor
        Minimum staff on duty regardless of need, e.g. 2 for safety on evenings.
    staff
        Staff on duty, ``>= floor``. By default the smallest roster that covers the need:
        ``max(ceil(need), floor)``, raised for a Poisson need to meet ``coverage`` if given.
    demand
        ``"deterministic"``: the need is exactly ``need`` (schedulable work).
        ``"poisson"``: the number needed at a random moment is Poisson with mean ``need``.
    coverage
        With ``demand="poisson"`` and no ``staff``: staff so that all need is covered with at
        least this probability (see :func:`poisson_min_staff`).

    Returns
    -------
    StaffingWaste
        The split, with ``idle`` and ``idle_share``.

    Raises
    ------
    hometeams.errors.InvalidArgument
        For a negative need or floor, ``staff < floor``, an unknown ``demand``, or ``coverage``
        given with ``staff`` or with a deterministic need.

    Examples
    --------
    How many on an evening, and what does it waste?

    >>> from hometeams.analytic import staffing_waste
    >>> w = staffing_waste(1.4, floor=2)
    >>> w.staff, round(w.idle_share, 2)
    (2, 0.3)
    >>> round(w.used, 6), round(w.rounding_waste, 6), w.floor_waste, w.buffer
    (1.4, 0.6, 0.0, 0.0)

    A quieter evening (need 0.7) under the same floor wastes a whole person to the floor:

    >>> w = staffing_waste(0.7, floor=2)
    >>> round(w.rounding_waste, 6), w.floor_waste, round(w.idle_share, 2)
    (0.3, 1.0, 0.65)

    With need that fluctuates, covering it nine evenings in ten takes a third person:

    >>> w = staffing_waste(1.4, floor=2, demand="poisson", coverage=0.9)
    >>> w.staff, round(w.used, 6), round(w.rounding_waste, 6), round(w.buffer, 6)
    (3, 1.328073, 0.6, 1.071927)
    """
    m = scalar_float("need", need)
    if not (math.isfinite(m) and m >= 0):
        raise InvalidArgument(f"need: must be finite and >= 0, got {need!r}")
    f = as_whole("floor", floor)
    if demand not in ("deterministic", "poisson"):
        raise InvalidArgument(f"demand: must be 'deterministic' or 'poisson', got {demand!r}")
    if coverage is not None and (staff is not None or demand != "poisson"):
        msg = f"coverage: only used with demand='poisson' and no staff, got {coverage!r}"
        raise InvalidArgument(msg)
    whole = whole_persons(m)
    roster = max(whole, f)
    if staff is not None:
        s = as_whole("staff", staff)
        if s < f:
            raise InvalidArgument(f"staff: must be >= floor ({f}), got {staff!r}")
    elif coverage is not None:
        s = max(roster, poisson_min_staff(m, coverage=coverage))
    else:
        s = roster
    # A need within rounding error of a whole number is that number (see whole_persons).
    work = float(whole) if abs(m - whole) <= float(whole_tolerance(whole)) else m
    if demand == "poisson":
        _, short, _ = poisson_values(np.asarray(work), np.asarray(float(s)))
        shortfall = float(short)
    else:
        shortfall = max(work - s, 0.0)
    used = work - shortfall
    rounding = max(min(s, whole) - min(float(s), work), 0.0)
    floor_waste = float(max(f - whole, 0))
    buffer = max(s - used - rounding - floor_waste, 0.0)
    return StaffingWaste(
        need=m,
        floor=f,
        staff=s,
        demand=demand,
        used=used,
        rounding_waste=rounding,
        floor_waste=floor_waste,
        buffer=buffer,
        shortfall=shortfall,
    )
