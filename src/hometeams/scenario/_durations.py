"""How long a visit takes: duration distributions.

A morning visit for personal care and medication may take 30 minutes on average but anything
from 15 to 60; an insulin injection takes ten minutes, give or take little; a home-care service's
visit log gives an empirical distribution. Each distribution here has a ``mean`` (minutes) and
``sample(rng, n)`` returning ``n`` non-negative durations. Durations are drawn once, when a
scenario is realised, so that every organisation model faces the same visit lengths.

A planner who has another distribution in mind can pass any object with a ``mean`` and a
``sample(rng, n)`` method (:class:`DurationDistribution`); nothing needs subclassing.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import ClassVar, Protocol, TypeAlias, runtime_checkable

import attrs
import numpy as np
from numpy.typing import NDArray

from hometeams._parse import check_nonnegative, check_positive
from hometeams.errors import InvalidScenario

__all__ = [
    "Duration",
    "DurationDistribution",
    "Empirical",
    "Exponential",
    "Fixed",
    "LogNormal",
    "as_duration",
]


@runtime_checkable
class DurationDistribution(Protocol):
    """What a duration distribution offers: its mean and a vectorised sampler."""

    @property
    def mean(self) -> float:
        """Mean duration in minutes."""
        ...

    def sample(self, rng: np.random.Generator, n: int) -> NDArray[np.float64]:
        """Draw ``n`` durations in minutes."""
        ...


@attrs.frozen
class Exponential:
    """Exponentially distributed durations with the given mean (minutes).

    The memoryless case of queueing theory: a pooled team with exponential visits and Poisson
    arrivals is an M/M/c queue.

    Examples
    --------
    >>> d = Exponential(20)
    >>> d.mean, d.sample(np.random.default_rng(1), 3).shape
    (20.0, (3,))
    >>> Exponential(-5)
    Traceback (most recent call last):
    ...
    hometeams.errors.InvalidScenario: mean: must be a finite number > 0, got -5
    """

    kind: ClassVar[str] = "exponential"
    mean: float

    def __attrs_post_init__(self) -> None:
        check_positive(self.mean, field="mean")
        object.__setattr__(self, "mean", float(self.mean))

    def sample(self, rng: np.random.Generator, n: int) -> NDArray[np.float64]:
        """Draw ``n`` durations."""
        return rng.exponential(self.mean, n)


@attrs.frozen
class LogNormal:
    """Log-normally distributed durations, given by their mean and standard deviation (minutes).

    Right-skewed and positive, like real visit times: most visits near the typical length, a few
    much longer. ``mean`` and ``sd`` are those of the durations themselves, not of their
    logarithm; the log-scale parameters are ``sigma**2 = log(1 + sd**2 / mean**2)`` and
    ``mu = log(mean) - sigma**2 / 2``. Use :meth:`from_log` to give ``mu`` and ``sigma``
    instead. ``sd = 0`` gives the fixed duration ``mean``.

    Examples
    --------
    >>> d = LogNormal(mean=30, sd=10)
    >>> round(d.sigma, 6), round(d.mu, 6)
    (0.324593, 3.348517)
    >>> LogNormal.from_log(mu=d.mu, sigma=d.sigma).sd
    10.0
    """

    kind: ClassVar[str] = "lognormal"
    mean: float = attrs.field(kw_only=True)
    sd: float = attrs.field(kw_only=True)

    def __attrs_post_init__(self) -> None:
        check_positive(self.mean, field="mean")
        check_nonnegative(self.sd, field="sd")
        object.__setattr__(self, "mean", float(self.mean))
        object.__setattr__(self, "sd", float(self.sd))
        _ = self.sigma  # computed stably, so any finite mean and sd give finite parameters

    @classmethod
    def from_log(cls, *, mu: float, sigma: float) -> LogNormal:
        """The distribution of ``exp(X)`` for ``X ~ Normal(mu, sigma)``."""
        if not math.isfinite(mu):
            raise InvalidScenario(f"must be a finite number, got {mu!r}", path="mu")
        check_nonnegative(sigma, field="sigma")
        try:
            mean = math.exp(mu + sigma**2 / 2)
            sd = mean * math.sqrt(math.expm1(sigma**2))
        except OverflowError:
            mean = sd = math.inf
        if not (math.isfinite(sd) and mean > 0):
            raise InvalidScenario(
                f"mu={mu!r} with sigma={sigma!r} gives a mean or sd outside floating point range",
                path="sigma",
            )
        # Twelve significant digits undo the round trip's last-bit noise (sd 10.000000000000002)
        # without flattening very small or very large values.
        return cls(mean=float(f"{mean:.12g}"), sd=float(f"{sd:.12g}"))

    @property
    def sigma(self) -> float:
        """Standard deviation of the log-duration."""
        ratio = self.sd / self.mean
        if ratio <= 1.0:
            return math.sqrt(math.log1p(ratio**2))
        # log(1 + r**2) = 2 log r + log1p(r**-2), which cannot overflow for large r.
        return math.sqrt(2.0 * math.log(ratio) + math.log1p(ratio**-2))

    @property
    def mu(self) -> float:
        """Mean of the log-duration."""
        return math.log(self.mean) - self.sigma**2 / 2

    def sample(self, rng: np.random.Generator, n: int) -> NDArray[np.float64]:
        """Draw ``n`` durations."""
        return rng.lognormal(self.mu, self.sigma, n)


@attrs.frozen
class Fixed:
    """The same duration every time (minutes).

    A fixed duration with one server and Poisson arrivals is the M/D/1 queue, whose mean wait is
    half that of M/M/1 (Pollaczek-Khinchine).

    Examples
    --------
    >>> Fixed(15).sample(np.random.default_rng(0), 2).tolist()
    [15.0, 15.0]
    """

    kind: ClassVar[str] = "fixed"
    minutes: float

    def __attrs_post_init__(self) -> None:
        check_positive(self.minutes, field="minutes")
        object.__setattr__(self, "minutes", float(self.minutes))

    @property
    def mean(self) -> float:
        """The duration."""
        return self.minutes

    def sample(self, rng: np.random.Generator, n: int) -> NDArray[np.float64]:  # noqa: ARG002
        """``n`` copies of the duration (``rng`` is not used)."""
        return np.full(n, self.minutes)


def _floats(values: Iterable[float]) -> tuple[float, ...]:
    return tuple(values)


def _optional_floats(values: Iterable[float] | None) -> tuple[float, ...] | None:
    return None if values is None else tuple(values)


@attrs.frozen
class Empirical:
    """Durations resampled from observed values, e.g. a visit log (minutes).

    Each draw picks one of ``values`` with equal probability, or with ``weights`` if given.

    Examples
    --------
    >>> d = Empirical([10, 20, 30, 40])
    >>> d.mean
    25.0
    >>> Empirical([10, 20], weights=[3, 1]).mean
    12.5
    >>> Empirical([10, -1])
    Traceback (most recent call last):
    ...
    hometeams.errors.InvalidScenario: values[1]: must be a finite number > 0, got -1
    """

    kind: ClassVar[str] = "empirical"
    values: tuple[float, ...] = attrs.field(converter=_floats)
    weights: tuple[float, ...] | None = attrs.field(
        default=None, converter=_optional_floats, kw_only=True
    )

    def __attrs_post_init__(self) -> None:
        if not self.values:
            raise InvalidScenario("must hold at least one duration", path="values")
        for i, value in enumerate(self.values):
            check_positive(value, field=f"values[{i}]")
        object.__setattr__(self, "values", tuple(float(v) for v in self.values))
        if self.weights is not None:
            weights = tuple(self.weights)
            if len(weights) != len(self.values):
                raise InvalidScenario(
                    f"must have one weight per value ({len(self.values)}), got {len(weights)}",
                    path="weights",
                )
            for i, weight in enumerate(weights):
                check_nonnegative(weight, field=f"weights[{i}]")
            if sum(weights) <= 0:
                raise InvalidScenario("must not all be zero", path="weights")
            object.__setattr__(self, "weights", tuple(float(w) for w in weights))

    @property
    def _probabilities(self) -> NDArray[np.float64] | None:
        if self.weights is None:
            return None
        w = np.asarray(self.weights, dtype=np.float64)
        return w / float(w.sum())

    @property
    def mean(self) -> float:
        """Mean of the (weighted) values."""
        return float(np.average(self.values, weights=self.weights))

    def sample(self, rng: np.random.Generator, n: int) -> NDArray[np.float64]:
        """Draw ``n`` durations with replacement."""
        return rng.choice(np.asarray(self.values), size=n, p=self._probabilities)


Duration: TypeAlias = Exponential | LogNormal | Fixed | Empirical
"""The built-in duration distributions."""


def as_duration(value: object) -> DurationDistribution:
    """A duration distribution from a distribution or a number of minutes (a :class:`Fixed`).

    Examples
    --------
    >>> as_duration(30)
    Fixed(minutes=30.0)
    >>> as_duration("long")
    Traceback (most recent call last):
    ...
    hometeams.errors.InvalidScenario: duration: must be a duration distribution ...
    """
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            return Fixed(value)
        except InvalidScenario as err:
            raise err.within("duration") from None
    if isinstance(value, DurationDistribution):
        return value
    raise InvalidScenario(
        "must be a duration distribution (Exponential, LogNormal, Fixed, Empirical, or an object "
        f"with `mean` and `sample(rng, n)`) or a number of minutes, got {value!r}",
        path="duration",
    )
