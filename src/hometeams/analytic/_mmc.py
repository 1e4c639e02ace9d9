"""The M/M/c queue: every steady-state measure from arrival rate, service rate and servers.

An evening's unscheduled requests -- a fall, a catheter that blocks, a discharge that has to be
received -- arrive at random at ``arrival_rate`` per hour; a visit lasts on average
``1 / service_rate`` hours; ``servers`` nurses take them first come, first served. With offered
load ``a = arrival_rate / service_rate`` and Erlang C probability ``C = C(c, a)``:

* wait probability ``C``; mean wait ``Wq = C / (c mu - lambda)``; mean queue ``Lq = lambda Wq``;
* mean time in system ``W = Wq + 1 / mu``; mean number in system ``L = lambda W``;
* occupancy ``a / c`` (the share of staffed time spent serving);
* service level ``P(wait <= t) = 1 - C exp(-(c mu - lambda) t)``.

Times come out in the unit of the rates: rates per hour give waits in hours.
"""

from __future__ import annotations

from typing import Any, Generic, overload

import attrs
import numpy as np

from hometeams.analytic._args import (
    ArrayInput,
    F,
    FloatArray,
    IntArray,
    N,
    Real,
    Whole,
    check_nonnegative,
    check_positive,
    check_servers,
    is_scalar,
    scalar_float,
    to_float,
    to_int,
    unstable,
)
from hometeams.analytic._erlang import erlang_c_values
from hometeams.errors import UnstableSystem

__all__ = ["MMcQueue", "mmc", "service_level_values"]


def service_level_values(
    c: FloatArray, lam: FloatArray, mu: FloatArray, wait_probability: FloatArray, within: FloatArray
) -> FloatArray:
    """``1 - C exp(-(c mu - lambda) t)`` on validated arrays (no checks)."""
    return np.asarray(1.0 - wait_probability * np.exp(-(c * mu - lam) * within))


@attrs.frozen
class MMcQueue(Generic[F, N]):
    """Steady-state measures of an M/M/c queue (see :func:`mmc`).

    Every field is a ``float`` (``int`` for ``servers``) when :func:`mmc` was called with
    scalars, and an array of the broadcast shape otherwise; in arrays, cells whose queue is
    unstable (``load >= servers``) are ``nan`` in every steady-state measure (all fields but the
    inputs and ``load``).

    Attributes
    ----------
    arrival_rate, service_rate, servers
        The inputs.
    load
        Offered load ``a = arrival_rate / service_rate`` in erlangs: the mean number of busy
        servers.
    occupancy
        ``load / servers``: the share of staffed time spent serving.
    wait_probability
        Erlang C: the probability that a request waits at all.
    mean_wait
        Mean time in the queue, ``Wq``.
    mean_queue_length
        Mean number waiting, ``Lq = arrival_rate * Wq``.
    mean_time_in_system
        Mean time from arrival to the end of service, ``W = Wq + 1 / service_rate``.
    mean_number_in_system
        Mean number waiting or being served, ``L = arrival_rate * W``.
    """

    arrival_rate: F
    service_rate: F
    servers: N
    load: F
    occupancy: F
    wait_probability: F
    mean_wait: F
    mean_queue_length: F
    mean_time_in_system: F
    mean_number_in_system: F

    def service_level(self, within: float) -> F:
        """Probability that a request waits no longer than ``within``: ``P(Wq <= within)``.

        Parameters
        ----------
        within
            A waiting time ``>= 0`` in the unit of the rates.

        Examples
        --------
        >>> from hometeams.analytic import mmc
        >>> round(1 - mmc(2.0, 1.0, servers=3).service_level(0.5), 6)  # P(Wq > 0.5)
        0.269569
        """
        t = check_nonnegative("within", scalar_float("within", within))
        raw = service_level_values(
            np.asarray(self.servers, dtype=np.float64),
            np.asarray(self.arrival_rate),
            np.asarray(self.service_rate),
            np.asarray(self.wait_probability),
            t,
        )
        return to_float(raw, isinstance(self.wait_probability, float))  # type: ignore[no-any-return]


@overload
def mmc(arrival_rate: Real, service_rate: Real, *, servers: Whole) -> MMcQueue[float, int]: ...
@overload
def mmc(
    arrival_rate: ArrayInput, service_rate: Real | ArrayInput, *, servers: Whole | ArrayInput
) -> MMcQueue[FloatArray, IntArray]: ...
@overload
def mmc(
    arrival_rate: Real | ArrayInput, service_rate: ArrayInput, *, servers: Whole | ArrayInput
) -> MMcQueue[FloatArray, IntArray]: ...
@overload
def mmc(
    arrival_rate: Real | ArrayInput, service_rate: Real | ArrayInput, *, servers: ArrayInput
) -> MMcQueue[FloatArray, IntArray]: ...
def mmc(
    arrival_rate: Real | ArrayInput,
    service_rate: Real | ArrayInput,
    *,
    servers: Whole | ArrayInput,
) -> MMcQueue[float, int] | MMcQueue[FloatArray, IntArray]:
    """Steady-state measures of an M/M/c queue.

    Parameters
    ----------
    arrival_rate
        Requests per unit of time, ``>= 0``.
    service_rate
        Services one server completes per unit of busy time (one over the mean visit length),
        ``> 0``.
    servers
        Number of servers, a non-negative integer. All three arguments broadcast.

    Returns
    -------
    MMcQueue
        Wait probability, mean wait and queue length, time and number in system, occupancy, and
        :meth:`MMcQueue.service_level` for ``P(wait <= t)``. Little's law holds:
        ``mean_queue_length == arrival_rate * mean_wait``.

    Raises
    ------
    hometeams.errors.UnstableSystem
        For scalar arguments with ``arrival_rate >= servers * service_rate``, or a load within
        a rounding error below the servers (``mmc(0.3, 0.1, servers=3)``: a load of exactly
        three, written in decimals; see :func:`~hometeams.analytic._args.unstable`). For
        arrays the unstable cells are ``nan``.
    hometeams.errors.InvalidArgument
        For a negative or non-finite rate, a zero service rate, or servers that are not a
        non-negative integer.

    Examples
    --------
    Two requests an hour, visits of one hour, three nurses:

    >>> from hometeams.analytic import mmc
    >>> q = mmc(2.0, 1.0, servers=3)
    >>> round(q.wait_probability, 6), round(q.mean_wait, 6), round(q.mean_queue_length, 6)
    (0.444444, 0.444444, 0.888889)
    >>> round(q.mean_time_in_system, 6), round(q.mean_number_in_system, 6)
    (1.444444, 2.888889)
    >>> round(q.occupancy, 4), round(q.service_level(0.5), 6)
    (0.6667, 0.730431)

    Vectorised over the number of nurses (unstable rows are ``nan``):

    >>> mmc(2.0, 1.0, servers=[2, 3, 4]).mean_wait.round(3)
    array([  nan, 0.444, 0.087])
    """
    lam = check_nonnegative("arrival_rate", arrival_rate)
    mu = check_positive("service_rate", service_rate)
    c = check_servers("servers", servers)
    scalar = is_scalar(arrival_rate, service_rate, servers)
    lam, mu, c = np.broadcast_arrays(lam, mu, c)
    a = lam / mu
    if scalar and unstable(a, c):
        msg = (
            f"arrival_rate: must be < servers * service_rate (by more than a rounding error) "
            f"for a stable queue, got "
            f"arrival_rate={float(lam)!r} with servers={int(c)} and service_rate={float(mu)!r}"
        )
        raise UnstableSystem(msg)
    wait_probability = erlang_c_values(c, a)
    stable = ~unstable(a, c)
    spare = np.where(stable, c * mu - lam, 1.0)  # the rate at which a queue drains
    mean_wait = np.where(stable, wait_probability / spare, np.nan)
    time_in_system = mean_wait + 1.0 / mu
    occupancy = np.where(stable, a / np.where(c > 0, c, 1.0), np.nan)

    def out(x: FloatArray) -> Any:
        return to_float(np.asarray(x, dtype=np.float64), scalar)

    return MMcQueue(
        arrival_rate=out(lam),
        service_rate=out(mu),
        servers=to_int(c, scalar),
        load=out(a),
        occupancy=out(occupancy),
        wait_probability=out(wait_probability),
        mean_wait=out(mean_wait),
        mean_queue_length=out(lam * mean_wait),
        mean_time_in_system=out(time_in_system),
        mean_number_in_system=out(lam * time_in_system),
    )
