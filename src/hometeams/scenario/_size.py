"""How big a run is, before it is realised: jobs, shifts, memory -- and the limits on them.

A scenario is a handful of lines, and a few characters decide the size of a run: ``horizon =
"10000 weeks"``, an arrival ``rate = 1e9``, a weekday profile of ``1e308``. Realised, such a
scenario would fill the memory long before the simulator said anything. :func:`estimate_size`
works out from the scenario alone -- in time proportional to its number of lines, whatever the
horizon -- roughly how many jobs and shifts one replication holds and how much memory it needs;
:func:`check_size` compares that with :class:`Limits` and refuses, naming the field to blame,
the estimate and the limit.

The default limits are generous for home care and tight for a mistake. A year of the largest
case municipality (case D, about 260,000 jobs and 27,000 shifts a replication) needs about a
quarter of them; ten years of the same district would not fit, and a planner who means it
raises the limits on purpose: ``Limits(jobs=5_000_000, memory=16_000)`` in Python,
``--limit jobs=5000000 --limit memory=16000`` on the command line.

The limits, and why:

* ``horizon``: 520 weeks (ten years). Plans are for weeks or a year, and the roster and the
  sick-leave draws grow with every day of the horizon.
* ``jobs`` and ``shifts``: 1,000,000 each in a replication, almost four years of case D; each
  job or shift costs about 2 kB in the realisation, the simulator and its records.
* ``memory``: 2,048 MB a replication, what one worker of a laptop can hold (a pool runs one
  replication per worker).
* ``replications``: 10,000 per model. A 95 % interval narrows with the square root of the
  replications: past a few hundred, more buy little.

The estimate is of expected counts (a Poisson source gives about its mean); the memory is about
2 kB per job and per shift (measured with ``tracemalloc`` on cases D and the evening example:
1.4 kB) plus the arrays realising builds per hour and per day. It is meant to tell a week from a
century, not to budget megabytes.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import attrs

from hometeams._time import DAY, HOUR, WEEK
from hometeams._types import Minutes
from hometeams.errors import InvalidArgument, InvalidScenario

if TYPE_CHECKING:
    from hometeams.scenario._scenario import Scenario

__all__ = ["Limits", "SizeEstimate", "check_replications", "check_size", "estimate_size"]

_BYTES_PER_ITEM = 2048.0
"""Memory per job and per shift: realised arrays, the simulator's state and its records."""
_MB = 1024.0 * 1024.0


def _at_least_one(_instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    number = isinstance(value, int | float) and not isinstance(value, bool)
    if not number or not math.isfinite(value) or value < 1:
        raise InvalidArgument(f"{attribute.name}: must be a finite number >= 1, got {value!r}")


@attrs.frozen
class Limits:
    """The most a run may hold; past any of them a run is refused before it starts.

    Parameters
    ----------
    horizon
        Longest horizon, in minutes (default 520 weeks, ten years).
    jobs
        Most jobs in one replication (default 1,000,000).
    shifts
        Most shifts in one replication (default 1,000,000).
    memory
        Most memory one replication may need, in megabytes (default 2,048).
    replications
        Most replications per model (default 10,000).

    Notes
    -----
    Why these defaults: plans are for weeks or a year, and the roster and sick-leave draws
    grow with every day of the horizon; a year of the largest case municipality (case D) has
    about 260,000 jobs and 27,000 shifts a replication, a quarter of the limits, and each job
    or shift costs about 2 kB in the realisation, the simulator and its records; 2,048 MB is
    what one worker of a laptop can hold (a pool runs one replication per worker); and a 95 %
    interval narrows with the square root of the replications, so past a few hundred more buy
    little.

    Examples
    --------
    >>> Limits().jobs, Limits(jobs=5_000_000).jobs
    (1000000, 5000000)
    >>> Limits(jobs=0)
    Traceback (most recent call last):
    ...
    hometeams.errors.InvalidArgument: jobs: must be a finite number >= 1, got 0
    """

    horizon: Minutes = attrs.field(default=520 * WEEK, kw_only=True, validator=_at_least_one)
    jobs: float = attrs.field(default=1_000_000, kw_only=True, validator=_at_least_one)
    shifts: float = attrs.field(default=1_000_000, kw_only=True, validator=_at_least_one)
    memory: float = attrs.field(default=2048, kw_only=True, validator=_at_least_one)
    replications: float = attrs.field(default=10_000, kw_only=True, validator=_at_least_one)


@attrs.frozen
class SizeEstimate:
    """The expected size of one replication of a scenario (see :func:`estimate_size`).

    Attributes
    ----------
    horizon
        The scenario's horizon, in minutes.
    jobs
        Expected jobs in one replication: planned visits, arrivals, alarms, discharge visits.
    shifts
        Shifts in one replication (before sick leave and absences split or remove any).
    memory
        Estimated memory of one replication, in megabytes.
    sources
        The expected jobs of each demand field, by its path (``demand.visits``,
        ``demand.arrivals[0].rate`` ...), largest first.
    """

    horizon: Minutes
    jobs: float
    shifts: float
    memory: float
    sources: tuple[tuple[str, float], ...]

    def __str__(self) -> str:
        return (
            f"about {_count(self.jobs)} jobs and {_count(self.shifts)} shifts a replication, "
            f"about {_count(max(self.memory, 1.0))} MB"
        )


def _count(value: float) -> str:
    """A count for a message: ``2,016``, or ``8.8e+12`` past a billion (``inf`` as is)."""
    if not math.isfinite(value):
        return "more than 1e308"
    if value >= 1e9:
        return f"{value:.2g}"
    return f"{round(value):,}"


def _weeks(minutes: float) -> str:
    """A horizon for a message: ``4 weeks``, ``10,000 weeks``, ``1.4e+296 weeks``."""
    weeks = minutes / WEEK
    if not math.isfinite(weeks) or weeks >= 1e6:
        return f"{weeks:.2g} weeks"
    if weeks == int(weeks):
        return "1 week" if weeks == 1 else f"{int(weeks):,} weeks"
    return f"{weeks:.3g} weeks"


def _rated(
    field: str, rate: float, by_hour: tuple[float, ...] | None, by_weekday: tuple[float, ...] | None
) -> tuple[str, float]:
    """Expected jobs a week of a rate profile (rates per hour), and the factor to blame.

    The rate is named, unless a profile's mean multiplier is above both it and 1: a
    ``by_hour`` of ``1e308`` is the profile's fault, not the rate's.
    """
    # Plain sums: a profile of 1e308s overflows to inf, which the limit then refuses.
    hours = sum(by_hour) if by_hour is not None else 24.0
    days = sum(by_weekday) if by_weekday is not None else 7.0
    largest, blame = max(rate, 1.0), "rate"
    for name, mean in (("by_hour", hours / 24.0), ("by_weekday", days / 7.0)):
        if mean > largest:
            largest, blame = mean, name
    if 0.0 in (rate, hours, days):  # no jobs at all, even beside an infinite factor
        return f"{field}.{blame}", 0.0
    return f"{field}.{blame}", rate * hours * days


def _per_week(scenario: Scenario) -> Iterator[tuple[str, float]]:
    """Expected jobs a week of every demand field, by path."""
    demand = scenario.demand
    visits = float(sum(len(v.times) * len(v.days) for v in demand.visits))
    if demand.visits:
        yield "demand.visits", visits
    for i, a in enumerate(demand.arrivals):
        yield _rated(f"demand.arrivals[{i}]", a.rate, a.by_hour, a.by_weekday)
    for i, alarms in enumerate(demand.alarms):
        yield _rated(f"demand.alarms[{i}]", alarms.rate, alarms.by_hour, alarms.by_weekday)
    for i, d in enumerate(demand.discharges):
        per_person = max(1, d.episode.days * len(d.episode.times))
        yield f"demand.discharges[{i}].mean", sum(d.mean) * per_person


def estimate_size(scenario: Scenario) -> SizeEstimate:
    """The expected size of one replication of ``scenario``, without realising it.

    Takes time in proportion to the scenario's lines (plans, sources, roster lines), not to
    its horizon: a horizon of ``1e300`` minutes is estimated as quickly as a week.

    Examples
    --------
    The 1.4-versus-2 evening: 36 users with two evening visits a day, for four weeks, and
    seven evening shifts a day:

    >>> from hometeams.cases import evening_staffing
    >>> fixed = evening_staffing(weeks=4)[0].scenario
    >>> size = estimate_size(fixed)
    >>> size.jobs, size.shifts  # 36 * 2 * 28, 7 * 29 (the Sunday night before is counted)
    (2016.0, 203.0)
    >>> str(size)
    'about 2,016 jobs and 203 shifts a replication, about 4 MB'
    """
    horizon = float(scenario.horizon)
    weeks = horizon / WEEK
    with_weeks = [(path, per_week * weeks) for path, per_week in _per_week(scenario)]
    sources = tuple(sorted(with_weeks, key=lambda item: -item[1]))
    jobs = sum(n for _, n in sources) if sources else 0.0
    days = math.ceil(horizon / DAY) if math.isfinite(horizon) else math.inf
    cycle_days = 7 * scenario.roster.cycle
    shifts = len(scenario.cycle) / cycle_days * (days + 1)
    n_rated = len(scenario.demand.arrivals) + len(scenario.demand.alarms)
    per_hour = 3 * 8 * n_rated * horizon / HOUR  # the hour bins of each Poisson source
    per_day = 3 * 8 * len(scenario.roster.staff) * (days + 1)  # sick-leave draws
    memory = ((jobs + shifts) * _BYTES_PER_ITEM + per_hour + per_day) / _MB
    return SizeEstimate(horizon=horizon, jobs=jobs, shifts=shifts, memory=memory, sources=sources)


def _raise_it(field: str, value: str) -> str:
    return (
        f"raise the limit on purpose with --limit {field}={value} "
        f"(Python: limits=Limits({field}=...))"
    )


def check_size(scenario: Scenario, *, limits: Limits | None = None) -> SizeEstimate:
    """The size of one replication of ``scenario``; refuse one beyond ``limits``.

    Call it before realising or simulating a scenario. Its cost does not grow with the
    horizon.

    Parameters
    ----------
    scenario
        The scenario.
    limits
        The limits; :class:`Limits` () by default.

    Returns
    -------
    SizeEstimate
        The estimate, when it is within the limits.

    Raises
    ------
    InvalidScenario
        Naming the field to blame (``horizon``, ``demand.arrivals[0].rate``,
        ``roster`` ...), the estimate and the limit.

    Examples
    --------
    >>> import attrs
    >>> from hometeams.cases import evening_staffing
    >>> fixed = evening_staffing(weeks=4)[0].scenario
    >>> check_size(fixed).jobs
    2016.0
    >>> check_size(attrs.evolve(fixed, horizon=10_000 * 7 * 1440))
    Traceback (most recent call last):
    ...
    hometeams.errors.InvalidScenario: horizon: 10,000 weeks is longer than the limit of 520 ...
    >>> check_size(fixed, limits=Limits(jobs=1000))
    Traceback (most recent call last):
    ...
    hometeams.errors.InvalidScenario: horizon: about 504 jobs a week over 4 weeks, an estimated
    2,016 jobs a replication, above the limit of 1,000; ...
    """
    chosen = Limits() if limits is None else limits
    if not isinstance(chosen, Limits):
        raise InvalidArgument(f"limits: must be a Limits or None, got {type(chosen).__name__}")
    size = estimate_size(scenario)
    if not size.horizon <= chosen.horizon:
        raise InvalidScenario(
            f"{_weeks(size.horizon)} is longer than the limit of {_weeks(chosen.horizon)}; "
            + _raise_it("horizon", '"1040 weeks"'),
            path="horizon",
        )
    weeks = size.horizon / WEEK
    if not size.jobs <= chosen.jobs:
        path, jobs = size.sources[0]
        per_week = sum(n for _, n in size.sources) / weeks
        if per_week * min(weeks, 1.0) <= chosen.jobs:  # a week fits: the horizon is to blame
            rule = (
                f"about {_count(per_week)} jobs a week over {_weeks(size.horizon)}, an "
                f"estimated {_count(size.jobs)} jobs a replication"
            )
            path = "horizon"
        else:
            rule = f"an estimated {_count(jobs)} jobs a replication over {_weeks(size.horizon)}"
        raise InvalidScenario(
            f"{rule}, above the limit of {_count(chosen.jobs)}; " + _raise_it("jobs", "N"),
            path=path,
        )
    if not size.shifts <= chosen.shifts:
        raise InvalidScenario(
            f"an estimated {_count(size.shifts)} shifts a replication over "
            f"{_weeks(size.horizon)}, above the limit of {_count(chosen.shifts)}; "
            + _raise_it("shifts", "N"),
            path="roster",
        )
    if not size.memory <= chosen.memory:
        raise InvalidScenario(
            f"an estimated {_count(size.memory)} MB a replication ({size}), above the limit of "
            f"{_count(chosen.memory)} MB; " + _raise_it("memory", "MB"),
            path="horizon",
        )
    return size


def check_replications(
    replications: int, *, limits: Limits | None = None, field: str = "replications"
) -> int:
    """Refuse more replications per model than ``limits`` allow.

    Examples
    --------
    >>> check_replications(40)
    40
    >>> check_replications(1_000_000_000)
    Traceback (most recent call last):
    ...
    hometeams.errors.InvalidArgument: replications: must be at most the limit of 10,000, got
    1,000,000,000; ...
    """
    chosen = Limits() if limits is None else limits
    if replications > chosen.replications:
        raise InvalidArgument(
            f"{field}: must be at most the limit of {_count(chosen.replications)}, got "
            f"{replications:,}; " + _raise_it("replications", "N")
        )
    return replications
