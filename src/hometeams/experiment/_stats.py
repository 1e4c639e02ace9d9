"""Confidence intervals over replications, paired differences and a stopping rule.

Ten simulated weeks of an evening shift give ten values of, say, the mean wait. Their average
estimates the model's true mean wait, and a Student *t* interval says how far off it may be: a
95 % interval built this way covers the true mean in 95 % of experiments, provided the
replications are independent and their values roughly normal (averages over weeks of visits
are).

Two models run on the same realised demand (common random numbers) are compared *pairwise*:
replication ``i`` of "pooled" minus replication ``i`` of "fixed teams". The shared dice cancel
in each difference, so the interval of the mean difference is usually far narrower than what
two separate intervals suggest -- the point of running both models on the same Tuesday.

A :class:`Precision` says when there are enough replications: when every chosen metric's
interval half-width is below a target, absolute (``0.5`` minutes) or relative (``0.05`` of the
mean). Stopping when a target is met makes the final interval's coverage a little less than
nominal (the stopping time depends on the estimated variance); with batches of ten or more
replications the effect is small.

A replication whose value of a metric is ``nan`` (a metric undefined in that run, e.g. the mean
delay of late jobs when no job was late) is left out of that metric's interval; ``n`` counts the
values used. A paired difference uses the replications where both models have a value.

Five replications of the share of unserved visits, four of them 0, give a *t* interval
reaching below 0: right as arithmetic, impossible as a share. The interval of a metric's level
is therefore shown cut at the metric's range (:meth:`Interval.within`), which keeps its coverage:
the true mean lies in the range, so whenever the *t* interval holds it, the cut one does too. A
paired difference can be negative and is never cut.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable

import attrs
import numpy as np
from numpy.typing import ArrayLike
from scipy import special

from hometeams.errors import InvalidArgument

__all__ = ["Interval", "Precision", "paired_interval", "t_interval"]


def check_level(level: object) -> float:
    """Return ``level`` as a float, or raise naming it if it is not in ``(0, 1)``."""
    if (
        isinstance(level, bool)
        or not isinstance(level, int | float)
        or not math.isfinite(level)
        or not 0.0 < level < 1.0
    ):
        raise InvalidArgument(f"level: must be > 0 and < 1, got {level!r}")
    return float(level)


def _half_width(interval: Interval) -> float:
    return (interval.high - interval.low) / 2.0


def _clip(value: float, low: float, high: float) -> float:
    return value if math.isnan(value) else float(min(max(value, low), high))


@attrs.frozen
class Interval:
    """A mean over replications with its confidence interval.

    Attributes
    ----------
    mean
        The mean of the values (for a difference: the mean paired difference).
    low, high
        The interval's bounds; ``nan`` when fewer than two values were available. Cut at the
        metric's range in the interval of a level that a comparison shows (see :meth:`within`).
    n
        How many values it rests on.
    level
        The confidence level, e.g. ``0.95``.
    half_width
        Half the width of the *t* interval: how precisely the mean is known, the figure a
        stopping rule compares with its target. By default ``(high - low) / 2``; :meth:`within`
        keeps it when it cuts the bounds. ``nan`` if there is no interval.

    Examples
    --------
    >>> from hometeams.experiment import Interval
    >>> iv = Interval(10.0, 9.0, 11.0, n=20)
    >>> iv.half_width, iv.contains(10.5)
    (1.0, True)
    """

    mean: float
    low: float
    high: float
    n: int = attrs.field(kw_only=True)
    level: float = attrs.field(default=0.95, kw_only=True)
    half_width: float = attrs.field(
        default=attrs.Factory(_half_width, takes_self=True), kw_only=True
    )

    def __attrs_post_init__(self) -> None:
        least = _half_width(self)  # up to rounding: (0.8 - 0.2) / 2 is 0.30000000000000004
        if self.half_width < least and not math.isclose(self.half_width, least, rel_tol=1e-9):
            raise InvalidArgument(
                f"half_width: must be at least half the width of [low, high] "
                f"({_half_width(self)!r}), got {self.half_width!r}"
            )

    def contains(self, value: float) -> bool:
        """Whether ``value`` lies within the closed interval."""
        return bool(self.low <= value <= self.high)

    def within(self, low: float, high: float) -> Interval:
        """A copy with the bounds cut at ``[low, high]``, the range of the quantity measured.

        A share lies between 0 and 1, a number of minutes is never negative; yet the *t*
        interval of five replications of an unserved share that are mostly 0 reaches below 0,
        which a reader takes for a bug. Cutting loses no coverage: the true mean lies in the
        range, so whenever the *t* interval holds it, the cut one does too.

        Only the bounds change. The mean stays, and so does :attr:`half_width`, the *t*
        interval's: the cut is a matter of what the interval can be, not of how precisely the
        mean is known, so a stopping rule (:meth:`Precision.met_by`) decides the same on the cut
        interval as on the uncut one. One type, whose bounds are the ones to show and whose
        half-width is the one to judge precision by, lets every table, file, plot and rule read
        the same value; a second pair of bounds would leave each of them to pick the right one.

        Parameters
        ----------
        low, high
            The range, ``low <= high``; either may be infinite.

        Returns
        -------
        Interval
            A copy; ``nan`` bounds stay ``nan``. If the mean itself lies outside the range,
            the values are not of the quantity the range is for (a runner's own figure under
            a catalogue metric's name, say), and the interval is returned as it is.

        Examples
        --------
        >>> from hometeams.experiment import Interval
        >>> cut = Interval(0.0003, -0.0005, 0.0011, n=5).within(0.0, 1.0)
        >>> cut.low, cut.high, cut.half_width
        (0.0, 0.0011, 0.0008)
        """
        if math.isnan(low) or math.isnan(high) or not low <= high:
            raise InvalidArgument(
                f"low, high: must be numbers with low <= high, got {low!r} and {high!r}"
            )
        if not low <= self.mean <= high:
            return self
        cut_low, cut_high = _clip(self.low, low, high), _clip(self.high, low, high)
        return attrs.evolve(self, low=cut_low, high=cut_high)


def _values(values: ArrayLike, name: str) -> np.ndarray[tuple[int], np.dtype[np.float64]]:
    try:
        arr = np.asarray(values, dtype=np.float64)
    except (TypeError, ValueError) as err:
        raise InvalidArgument(f"{name}: must be numbers, got {values!r}") from err
    if arr.ndim != 1:
        raise InvalidArgument(f"{name}: must be one-dimensional, got shape {arr.shape}")
    return arr


@functools.lru_cache(maxsize=256)
def _t_quantile(level: float, df: int) -> float:
    """The two-sided ``level`` quantile of Student's t with ``df`` degrees of freedom."""
    # special.stdtrit is Student's t quantile without importing scipy.stats (a second at start-up).
    return float(special.stdtrit(df, 0.5 + level / 2.0))


def _interval(arr: np.ndarray[tuple[int], np.dtype[np.float64]], level: float) -> Interval:
    data = arr[~np.isnan(arr)]
    n = int(data.size)
    if n == 0:
        return Interval(math.nan, math.nan, math.nan, n=0, level=level)
    # Infinite or astronomically large values overflow to inf/nan: there is then no interval,
    # which the nan bounds say; numpy's warnings about it would only repeat that.
    with np.errstate(over="ignore", invalid="ignore"):
        mean = float(np.mean(data))
        if n == 1 or not math.isfinite(mean):
            return Interval(mean, math.nan, math.nan, n=n, level=level)
        sd = float(np.std(data, ddof=1))
    half = _t_quantile(level, n - 1) * sd / math.sqrt(n)
    return Interval(mean, mean - half, mean + half, n=n, level=level)


def t_interval(values: ArrayLike, *, level: float = 0.95) -> Interval:
    """The Student *t* confidence interval of the mean of independent replications.

    ``mean ± t(1 - (1 - level)/2, n - 1) · s / sqrt(n)`` with ``s`` the sample standard
    deviation; ``nan`` values are left out.

    Parameters
    ----------
    values
        One value per replication.
    level
        Confidence level in ``(0, 1)``.

    Returns
    -------
    Interval
        With ``nan`` bounds when fewer than two values are available.

    Examples
    --------
    >>> from hometeams.experiment import t_interval
    >>> iv = t_interval([9.0, 10.0, 11.0])
    >>> iv.mean, round(iv.half_width, 4), iv.n
    (10.0, 2.4841, 3)
    """
    return _interval(_values(values, "values"), check_level(level))


def paired_interval(values: ArrayLike, baseline: ArrayLike, *, level: float = 0.95) -> Interval:
    """The *t* interval of the mean of paired differences ``values[i] - baseline[i]``.

    Use it when replication ``i`` of both models ran on the same realised demand (common random
    numbers). Pairs where either value is ``nan`` are left out.

    Parameters
    ----------
    values, baseline
        One value per replication, in the same replication order.
    level
        Confidence level in ``(0, 1)``.

    Returns
    -------
    Interval
        Of the mean difference ``values - baseline``.

    Examples
    --------
    >>> from hometeams.experiment import paired_interval
    >>> iv = paired_interval([12.0, 15.0, 11.0], [10.0, 13.0, 10.0])
    >>> round(iv.mean, 4), round(iv.half_width, 4)
    (1.6667, 1.4342)
    """
    a = _values(values, "values")
    b = _values(baseline, "baseline")
    if a.shape != b.shape:
        raise InvalidArgument(
            f"baseline: must have as many replications as values ({a.size}), got {b.size}"
        )
    with np.errstate(invalid="ignore", over="ignore"):
        diff = a - b
    return _interval(diff, check_level(level))


def _check_target(value: object) -> None:
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not math.isfinite(value)
        or value <= 0
    ):
        raise InvalidArgument(f"precision.target: must be a finite number > 0, got {value!r}")


def _metric_names(value: Iterable[str] | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    if isinstance(value, str):
        raise InvalidArgument(
            f"precision.metrics: must be a list of names, got the string {value!r}"
        )
    names = tuple(value)
    if not names or not all(isinstance(name, str) for name in names):
        raise InvalidArgument(
            f"precision.metrics: must be a non-empty list of metric names, got {value!r}"
        )
    return names


def _check_batch(value: object) -> None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
        raise InvalidArgument(f"precision.batch: must be an integer >= 1, got {value!r}")


@attrs.frozen
class Precision:
    """A stopping rule: add replications until the intervals are narrow enough.

    Parameters
    ----------
    target
        The largest acceptable half-width: in the metric's units, or with ``relative=True`` as a
        fraction of the absolute mean (``0.05`` = within 5 %).
    relative
        Whether ``target`` is relative to the mean.
    metrics
        The metrics that must meet the target; ``None`` means every metric.
    differences
        Apply the target to the paired differences from the baseline instead of to each model's
        mean (the question is usually "is pooled better than fixed teams, and by how much").
    batch
        Replications added per round; ``None`` adds as many as the first round ran.

    Examples
    --------
    >>> from hometeams.experiment import Interval, Precision
    >>> rule = Precision(0.05, relative=True)
    >>> rule.met_by(Interval(10.0, 9.7, 10.3, n=20)), rule.met_by(Interval(10.0, 9.0, 11.0, n=20))
    (True, False)
    """

    target: float
    relative: bool = attrs.field(default=False, kw_only=True)
    metrics: tuple[str, ...] | None = attrs.field(
        default=None, kw_only=True, converter=_metric_names
    )
    differences: bool = attrs.field(default=False, kw_only=True)
    batch: int | None = attrs.field(default=None, kw_only=True)

    def __attrs_post_init__(self) -> None:
        _check_target(self.target)
        _check_batch(self.batch)

    def met_by(self, interval: Interval) -> bool:
        """Whether ``interval`` is narrow enough; an interval without bounds never is."""
        half = interval.half_width
        if not math.isfinite(half):
            return False
        limit = self.target * abs(interval.mean) if self.relative else self.target
        return half <= limit
