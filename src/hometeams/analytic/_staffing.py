"""Minimum staff for a target, exact; and square-root staffing, approximate.

"How many nurses must be on this evening so that four in five unscheduled requests are seen
within half an hour?" Every queue measure falls (or, for the service level, rises) steadily as
staff are added, so the exact answer is the smallest whole number of servers that meets the
target. :func:`min_servers` finds it for thousands of loads at once: it evaluates a first guess
for every load, gallops up or down with doubling steps until the answer is bracketed, and
bisects; each step is one vectorised Erlang evaluation over the loads still unresolved.

Square-root staffing, ``c = a + beta * sqrt(a)``, is the rule of thumb behind many rota
spreadsheets. It is asymptotically right for large loads and often wrong by a whole person for
the loads of a home-care team: use it to explain, and :func:`min_servers` to decide.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TypeAlias, overload

import numpy as np
import numpy.typing as npt
from scipy import optimize, special

from hometeams.analytic._args import (
    ArrayInput,
    FloatArray,
    IntArray,
    Real,
    check_fraction,
    check_load,
    check_nonnegative,
    check_positive,
    is_scalar,
    scalar_float,
    to_int,
)
from hometeams.analytic._erlang import erlang_b_values, erlang_c_values
from hometeams.analytic._mmc import service_level_values
from hometeams.errors import HometeamsError, InvalidArgument

__all__ = ["min_servers", "smallest_passing", "square_root_staffing"]

BoolArray: TypeAlias = npt.NDArray[np.bool_]

Predicate = Callable[[IntArray, IntArray], BoolArray]


_MAX_ROUNDS = 200
"""Rounds of each loop of :func:`smallest_passing`; each halves or doubles a bracket, so 64
suffice for any int64 answer and more mean something is wrong."""


def _rounds() -> range:
    return range(_MAX_ROUNDS)


def _endless() -> HometeamsError:
    return HometeamsError(
        f"the search for the fewest servers did not end within {_MAX_ROUNDS} rounds"
    )


def smallest_passing(meets: Predicate, lower: IntArray, guess: IntArray) -> IntArray:
    """Smallest ``n > lower`` with ``meets(n, cells)`` for predicates that stay true once true.

    ``lower`` must fail (or lie below the domain); ``meets(candidates, cells)`` evaluates the
    predicate for the given flat cells at the given candidate counts. Each of its loops is
    bounded; a search that does not end raises :class:`~hometeams.errors.HometeamsError`.
    """
    lo = lower.astype(np.int64)
    hi = np.full(lo.shape, -1, dtype=np.int64)  # -1: no passing count known yet
    cand = np.maximum(guess.astype(np.int64), lo + 1)
    everyone = np.arange(lo.size)
    ok = meets(cand, everyone)
    hi[ok], lo[~ok] = cand[ok], cand[~ok]
    guessed_high = ok

    step = np.ones(lo.shape, dtype=np.int64)
    todo = np.flatnonzero(~ok)  # gallop up until something passes
    for _ in _rounds():
        if not todo.size:
            break
        cand = lo[todo] + step[todo]
        ok = meets(cand, todo)
        hi[todo[ok]], lo[todo[~ok]] = cand[ok], cand[~ok]
        step[todo] *= 2
        todo = todo[~ok]
    else:
        raise _endless()

    step[:] = 1
    todo = np.flatnonzero(guessed_high & (hi - lo > 1))  # gallop down while it still passes
    for _ in _rounds():
        if not todo.size:
            break
        cand = np.maximum(hi[todo] - step[todo], lo[todo] + 1)
        ok = meets(cand, todo)
        hi[todo[ok]], lo[todo[~ok]] = cand[ok], cand[~ok]
        step[todo] *= 2
        todo = todo[ok & (hi[todo] - lo[todo] > 1)]
    else:
        raise _endless()

    todo = np.flatnonzero(hi - lo > 1)  # bisect the brackets
    for _ in _rounds():
        if not todo.size:
            break
        mid = (lo[todo] + hi[todo]) // 2
        ok = meets(mid, todo)
        hi[todo[ok]], lo[todo[~ok]] = mid[ok], mid[~ok]
        todo = todo[hi[todo] - lo[todo] > 1]
    else:
        raise _endless()
    return hi


def _optional(name: str, value: Real | None) -> float | None:
    return None if value is None else scalar_float(name, value)


@overload
def min_servers(
    arrival_rate: Real,
    service_rate: Real,
    *,
    max_wait_probability: Real | None = None,
    max_mean_wait: Real | None = None,
    service_level: Real | None = None,
    within: Real | None = None,
    max_blocking: Real | None = None,
) -> int: ...
@overload
def min_servers(
    arrival_rate: ArrayInput,
    service_rate: Real | ArrayInput,
    *,
    max_wait_probability: Real | None = None,
    max_mean_wait: Real | None = None,
    service_level: Real | None = None,
    within: Real | None = None,
    max_blocking: Real | None = None,
) -> IntArray: ...
@overload
def min_servers(
    arrival_rate: Real | ArrayInput,
    service_rate: ArrayInput,
    *,
    max_wait_probability: Real | None = None,
    max_mean_wait: Real | None = None,
    service_level: Real | None = None,
    within: Real | None = None,
    max_blocking: Real | None = None,
) -> IntArray: ...
def min_servers(
    arrival_rate: Real | ArrayInput,
    service_rate: Real | ArrayInput,
    *,
    max_wait_probability: Real | None = None,
    max_mean_wait: Real | None = None,
    service_level: Real | None = None,
    within: Real | None = None,
    max_blocking: Real | None = None,
) -> int | IntArray:
    """The fewest servers that meet every given target -- exactly.

    Queue targets (``max_wait_probability``, ``max_mean_wait``, ``service_level`` with
    ``within``) refer to the M/M/c queue and always need a stable queue, so the answer exceeds
    the offered load. ``max_blocking`` refers to the Erlang loss model, where requests that find
    everyone busy are sent elsewhere. Several targets may be combined; the answer meets them
    all.

    Parameters
    ----------
    arrival_rate
        Requests per unit of time, ``>= 0``; scalar or array.
    service_rate
        One over the mean service time, ``> 0``; broadcasts with ``arrival_rate``.
    max_wait_probability
        Erlang C at or below this, in ``(0, 1]``.
    max_mean_wait
        Mean wait at or below this (in the unit of the rates), ``> 0``.
    service_level, within
        ``P(wait <= within)`` at or above ``service_level`` in ``[0, 1)``; ``within >= 0``.
        Both or neither.
    max_blocking
        Erlang B at or below this, in ``(0, 1]``.

    Returns
    -------
    int or numpy.ndarray
        The minimum number of servers: an ``int`` for scalar rates, an int64 array otherwise.
        With one server fewer, some target is missed (or the queue is unstable).

    Raises
    ------
    hometeams.errors.InvalidArgument
        If no target is given, a target is out of range, ``within`` and ``service_level``
        are not given together, or the load is above
        :data:`~hometeams.analytic._args.MAX_LOAD` (a million erlangs).

    See Also
    --------
    square_root_staffing : the approximation, and how far off it is for small teams.

    Examples
    --------
    An evening with unscheduled need 1.4 (arrivals per hour times visit hours), visits of one
    hour. Seeing four in five requests within a quarter of an hour takes three nurses:

    >>> from hometeams.analytic import min_servers
    >>> min_servers(1.4, 1.0, service_level=0.8, within=0.25)
    3

    Letting at most half of them wait also takes three; turning away at most one in twenty, if
    requests that find everyone busy went elsewhere, takes four:

    >>> min_servers(1.4, 1.0, max_wait_probability=0.5)
    3
    >>> min_servers(1.4, 1.0, max_blocking=0.05)
    4

    Ten thousand searches at once:

    >>> import numpy as np
    >>> min_servers(np.linspace(1, 1000, 10_000), 1.0, max_mean_wait=0.05)[[0, -1]]
    array([   3, 1013])
    """
    lam = check_nonnegative("arrival_rate", arrival_rate)
    mu = check_positive("service_rate", service_rate)
    p_wait = _optional("max_wait_probability", max_wait_probability)
    mean_wait = _optional("max_mean_wait", max_mean_wait)
    level = _optional("service_level", service_level)
    t = _optional("within", within)
    blocking = _optional("max_blocking", max_blocking)
    if p_wait is not None:
        check_fraction("max_wait_probability", p_wait, high_open=False)
    if mean_wait is not None:
        check_positive("max_mean_wait", mean_wait)
    if blocking is not None:
        check_fraction("max_blocking", blocking, high_open=False)
    if (level is None) != (t is None):
        given, missing = ("service_level", "within") if t is None else ("within", "service_level")
        msg = f"{missing}: must be given together with {given}, got {given} alone"
        raise InvalidArgument(msg)
    if level is not None and t is not None:
        check_fraction("service_level", level, low_open=False)
        check_nonnegative("within", t)
    queue = p_wait is not None or mean_wait is not None or level is not None
    if not queue and blocking is None:
        msg = (
            "max_wait_probability, max_mean_wait, service_level, max_blocking: "
            "give at least one target, got none"
        )
        raise InvalidArgument(msg)

    lam_b, mu_b = np.broadcast_arrays(lam, mu)
    shape = lam_b.shape
    lam_f, mu_f = lam_b.ravel(), mu_b.ravel()
    with np.errstate(over="ignore"):  # an overflowing load is refused just below
        a = lam_f / mu_f
    check_load("arrival_rate / service_rate", float(a[0]) if a.size == 1 else a, a)

    def meets(n: IntArray, cells: IntArray) -> BoolArray:
        c = n.astype(np.float64)
        ac, lc, mc = a[cells], lam_f[cells], mu_f[cells]
        ok = np.ones(n.shape, dtype=np.bool_)
        if queue:
            wait = erlang_c_values(c, ac)  # every candidate exceeds the load
            if p_wait is not None:
                ok &= wait <= p_wait
            if mean_wait is not None:
                ok &= wait / (c * mc - lc) <= mean_wait
            if level is not None and t is not None:
                ok &= service_level_values(c, lc, mc, wait, np.asarray(t)) >= level
        if blocking is not None:
            ok &= erlang_b_values(c, ac) <= blocking
        return ok

    lower = np.floor(a).astype(np.int64) if queue else np.full(a.shape, -1, dtype=np.int64)
    guess = np.ceil(a + np.sqrt(a)).astype(np.int64)
    found = smallest_passing(meets, lower, guess).reshape(shape)
    return to_int(found, is_scalar(arrival_rate, service_rate))  # type: ignore[no-any-return]


def _halfin_whitt_beta(wait_probability: float) -> float:
    """``beta`` with ``1 / (1 + beta Phi(beta) / phi(beta)) == wait_probability``."""

    def gap(beta: float) -> float:
        ratio = beta * special.ndtr(beta) * math.exp(0.5 * beta * beta) * math.sqrt(2 * math.pi)
        return -math.log1p(ratio) - math.log(wait_probability)

    return float(optimize.brentq(gap, 0.0, 37.0, xtol=1e-14))


@overload
def square_root_staffing(
    load: Real, *, beta: Real | None = None, max_wait_probability: Real | None = None
) -> int: ...
@overload
def square_root_staffing(
    load: ArrayInput, *, beta: Real | None = None, max_wait_probability: Real | None = None
) -> IntArray: ...
def square_root_staffing(
    load: Real | ArrayInput,
    *,
    beta: Real | None = None,
    max_wait_probability: Real | None = None,
) -> int | IntArray:
    """Square-root staffing ``ceil(a + beta * sqrt(a))`` -- an approximation.

    The safety margin grows with the square root of the load (Halfin and Whitt, 1981). Give
    ``beta`` directly or a ``max_wait_probability``, from which ``beta`` solves the Halfin-Whitt
    limit ``P(wait) = 1 / (1 + beta Phi(beta) / phi(beta))``. The limit holds as the load grows;
    for a team of two or three it can be off by a whole person either way, so minimum-staff
    questions should be answered with :func:`min_servers`.

    Parameters
    ----------
    load
        Offered load in erlangs, ``>= 0``; scalar or array.
    beta
        The quality-of-service margin, ``> 0``.
    max_wait_probability
        Target probability of waiting in ``(0, 1)``; exactly one of this and ``beta``.

    Returns
    -------
    int or numpy.ndarray
        The approximate staff: an ``int`` for a scalar load, an int64 array otherwise.

    Examples
    --------
    For a target of at most 20 % waiting, the approximation is exact for 100 erlangs and one
    nurse short for an evening of 1.4:

    >>> from hometeams.analytic import min_servers, square_root_staffing
    >>> square_root_staffing(100.0, max_wait_probability=0.2), min_servers(
    ...     100.0, 1.0, max_wait_probability=0.2)
    (111, 111)
    >>> square_root_staffing(1.4, max_wait_probability=0.2), min_servers(
    ...     1.4, 1.0, max_wait_probability=0.2)
    (3, 4)
    >>> square_root_staffing([1.4, 9.0], beta=1.0)
    array([ 3, 12])
    """
    a = check_nonnegative("load", load)
    if (beta is None) == (max_wait_probability is None):
        msg = (
            "beta, max_wait_probability: give exactly one, "
            f"got beta={beta!r} and max_wait_probability={max_wait_probability!r}"
        )
        raise InvalidArgument(msg)
    if beta is not None:
        b = float(check_positive("beta", scalar_float("beta", beta)))
    else:
        target = scalar_float("max_wait_probability", max_wait_probability)
        check_fraction("max_wait_probability", target)
        b = _halfin_whitt_beta(target)
    staff: FloatArray = np.ceil(a + b * np.sqrt(a))
    return to_int(staff, is_scalar(load))  # type: ignore[no-any-return]
