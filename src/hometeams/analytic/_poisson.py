"""Need as a Poisson count: shortfall, idle time and staffing for coverage or cost.

Visits that are planned but start at random times, users who happen to need someone at the
same moment: when many independent jobs each occupy one staff member for a while, the number
of staff needed at a random moment is a Poisson count ``N`` with mean ``m`` equal to the average
need (the M/G/infinity occupancy; the visit-length distribution does not matter). With ``s``
staff on duty,

* shortfall ``E[(N - s)+] = m P(N >= s) - s P(N >= s + 1)`` -- need with nobody free for it;
* idle ``E[(s - N)+] = s - m + shortfall`` -- staff with nothing to do (*ledig gang*);
* utilisation ``(m - shortfall) / s``.

Unlike a queue, nothing waits here: need above ``s`` is simply not met at that moment (it is
moved, delayed to another day or covered by someone else), which suits schedulable caseload.
"""

from __future__ import annotations

from typing import Generic, overload

import attrs
import numpy as np
from scipy import stats

from hometeams.analytic._args import (
    ArrayInput,
    F,
    FloatArray,
    IntArray,
    N,
    Real,
    Whole,
    check_fraction,
    check_load,
    check_nonnegative,
    check_positive,
    check_servers,
    is_scalar,
    scalar_float,
    to_float,
    to_int,
)
from hometeams.errors import InvalidArgument

__all__ = ["PoissonStaffing", "newsvendor_staff", "poisson_min_staff", "poisson_staffing"]


@attrs.frozen
class PoissonStaffing(Generic[F, N]):
    """What ``staff`` on duty leave uncovered and idle when need is Poisson with ``mean``.

    Fields are ``float`` (``int`` for ``staff``) for scalar inputs and arrays otherwise.

    Attributes
    ----------
    mean, staff
        The inputs.
    shortfall_probability
        ``P(N > staff)``: the share of moments when someone's need is not met.
    expected_shortfall
        ``E[(N - staff)+]``: mean unmet need, in staff.
    expected_idle
        ``E[(staff - N)+]``: mean idle staff.
    utilisation
        ``(mean - expected_shortfall) / staff``, the share of staffed time in use; ``nan``
        where ``staff == 0``.
    """

    mean: F
    staff: N
    shortfall_probability: F
    expected_shortfall: F
    expected_idle: F
    utilisation: F


def poisson_values(m: FloatArray, s: FloatArray) -> tuple[FloatArray, FloatArray, FloatArray]:
    """``P(N > s)``, ``E[(N - s)+]`` and ``E[(s - N)+]`` on validated arrays (no checks)."""
    m, s = np.broadcast_arrays(m, s)
    above = np.asarray(stats.poisson.sf(s, m), dtype=np.float64)  # P(N > s) = P(N >= s + 1)
    at_least = np.asarray(stats.poisson.sf(s - 1, m), dtype=np.float64)  # P(N >= s)
    shortfall = np.maximum(m * at_least - s * above, 0.0)
    idle = np.maximum(s - m + shortfall, 0.0)
    return above, shortfall, idle


@overload
def poisson_staffing(mean: Real, staff: Whole) -> PoissonStaffing[float, int]: ...
@overload
def poisson_staffing(
    mean: ArrayInput, staff: Whole | ArrayInput
) -> PoissonStaffing[FloatArray, IntArray]: ...
@overload
def poisson_staffing(mean: Real, staff: ArrayInput) -> PoissonStaffing[FloatArray, IntArray]: ...
def poisson_staffing(
    mean: Real | ArrayInput, staff: Whole | ArrayInput
) -> PoissonStaffing[float, int] | PoissonStaffing[FloatArray, IntArray]:
    """Shortfall, idle time and utilisation of ``staff`` facing Poisson need of ``mean``.

    Parameters
    ----------
    mean
        Mean need in staff (erlangs), ``>= 0``.
    staff
        Staff on duty, a non-negative integer; broadcasts with ``mean``.

    Returns
    -------
    PoissonStaffing
        ``shortfall_probability``, ``expected_shortfall``, ``expected_idle`` and
        ``utilisation``.

    Examples
    --------
    The 1.4-versus-2 evening when the need of 1.4 fluctuates:

    >>> from hometeams.analytic import poisson_staffing
    >>> p = poisson_staffing(1.4, 2)
    >>> round(p.shortfall_probability, 6), round(p.expected_shortfall, 6)
    (0.166502, 0.23843)
    >>> round(p.expected_idle, 6), round(p.utilisation, 3)
    (0.83843, 0.581)
    >>> poisson_staffing(1.4, [1, 2, 3]).expected_idle.round(6)
    array([0.246597, 0.83843 , 1.671927])
    """
    m = check_nonnegative("mean", mean)
    s = check_servers("staff", staff)
    scalar = is_scalar(mean, staff)
    m, s = np.broadcast_arrays(m, s)
    above, shortfall, idle = poisson_values(m, s)
    used = m - shortfall
    utilisation = np.divide(used, s, out=np.full(s.shape, np.nan), where=s > 0)
    return PoissonStaffing(
        mean=to_float(np.asarray(m), scalar),
        staff=to_int(s, scalar),
        shortfall_probability=to_float(above, scalar),
        expected_shortfall=to_float(shortfall, scalar),
        expected_idle=to_float(idle, scalar),
        utilisation=to_float(utilisation, scalar),
    )


def _ppf(m: FloatArray, q: float) -> FloatArray:
    """Smallest ``s`` with ``P(N <= s) >= q`` for ``0 < q < 1`` (0 where ``m == 0``)."""
    return np.asarray(stats.poisson.ppf(q, m), dtype=np.float64)


@overload
def poisson_min_staff(mean: Real, *, coverage: Real) -> int: ...
@overload
def poisson_min_staff(mean: ArrayInput, *, coverage: Real) -> IntArray: ...
def poisson_min_staff(mean: Real | ArrayInput, *, coverage: Real) -> int | IntArray:
    """The fewest staff that cover all need at a random moment with probability ``coverage``.

    The smallest ``s`` with ``P(N <= s) >= coverage`` for ``N ~ Poisson(mean)``.

    Parameters
    ----------
    mean
        Mean need in staff, ``>= 0``; scalar or array.
    coverage
        Target probability in ``(0, 1)`` that nobody's need goes unmet.

    Returns
    -------
    int or numpy.ndarray
        The minimum staff (``0`` for zero need).

    Examples
    --------
    >>> from hometeams.analytic import poisson_min_staff
    >>> poisson_min_staff(1.4, coverage=0.9)
    3
    >>> poisson_min_staff([1.4, 3.0, 30.0], coverage=0.9)
    array([ 3,  5, 37])
    """
    m = check_nonnegative("mean", mean)
    check_load("mean", mean, m)
    q = scalar_float("coverage", coverage)
    check_fraction("coverage", q)
    return to_int(_ppf(m, q), is_scalar(mean))  # type: ignore[no-any-return]


@overload
def newsvendor_staff(mean: Real, *, cost_ratio: Real) -> int: ...
@overload
def newsvendor_staff(mean: ArrayInput, *, cost_ratio: Real) -> IntArray: ...
def newsvendor_staff(mean: Real | ArrayInput, *, cost_ratio: Real) -> int | IntArray:
    """Staff that minimise expected cost when unmet need costs ``cost_ratio`` times idle time.

    With ``u`` the cost of one staff-hour of unmet need and ``o`` the cost of one idle
    staff-hour, ``cost_ratio = u / o``. The expected cost ``u E[(N - s)+] + o E[(s - N)+]`` is
    least at the smallest ``s`` with ``P(N <= s) >= u / (u + o)`` -- the newsvendor's critical
    fractile.

    Parameters
    ----------
    mean
        Mean need in staff, ``>= 0``; scalar or array.
    cost_ratio
        Shortfall cost divided by idle cost, ``> 0``.

    Returns
    -------
    int or numpy.ndarray
        The cost-minimising staff (the smallest one when two are equally good).

    Examples
    --------
    If an unmet need costs three times an idle hour, staff the evening of 1.4 with two; at nine
    times, with three:

    >>> from hometeams.analytic import newsvendor_staff
    >>> newsvendor_staff(1.4, cost_ratio=3.0), newsvendor_staff(1.4, cost_ratio=9.0)
    (2, 3)
    """
    m = check_nonnegative("mean", mean)
    check_load("mean", mean, m)
    r = float(check_positive("cost_ratio", scalar_float("cost_ratio", cost_ratio)))
    fractile = r / (1.0 + r)
    if fractile >= 1.0:
        msg = f"cost_ratio: must be small enough that r / (1 + r) < 1 in floating point, got {r!r}"
        raise InvalidArgument(msg)
    return to_int(_ppf(m, fractile), is_scalar(mean))  # type: ignore[no-any-return]
