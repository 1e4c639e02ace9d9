"""Checking the simulator against queueing theory.

Strip a home-care district down to its queueing skeleton -- one pooled team of ``servers``
identical nurses, always on shift, in one zone (no travel), requests arriving as a Poisson
stream and served first come, first served -- and it *is* the M/M/c queue of the textbooks, whose
wait probability (Erlang C) and mean wait are known exactly. With a single nurse and visits of
fixed length it is the M/D/1 queue, whose mean wait the Pollaczek-Khinchine formula gives:
``Wq = rho / (2 mu (1 - rho))``, half that of M/M/1 (Kleinrock, *Queueing Systems* I, 1975,
eq. 5.76 with ``E[S^2] = 1/mu^2``). :func:`queue_check` builds that special case as an ordinary
realisation and organisation, runs it through the same engine every scenario uses
(:func:`hometeams.sim.run` with :class:`~hometeams.sim.Pooled`), and puts the simulated figures
beside the exact ones (:func:`hometeams.analytic.mmc` for M/M/c).
"""

from __future__ import annotations

import math

import attrs
import numpy as np

from hometeams.analytic import mmc
from hometeams.errors import InvalidArgument, UnstableSystem
from hometeams.model import Organisation, Staff, Team, Zone
from hometeams.records import Records
from hometeams.scenario import Realisation, RealisedJobs, RealisedShifts
from hometeams.sim import Pooled, run

__all__ = ["QueueCheck", "queue_check"]

_DURATIONS = ("exponential", "fixed")


@attrs.frozen
class QueueCheck:
    """Simulated against exact measures of a queue (see :func:`queue_check`).

    Attributes
    ----------
    servers, arrival_rate, mean_duration, duration
        The queue checked.
    jobs, replications
        Jobs measured per replication (after the warm-up) and number of replications.
    simulated_wait_probability, exact_wait_probability
        Share of jobs that had to wait, simulated (mean over replications) and exact.
    simulated_mean_wait, exact_mean_wait
        Mean wait before service, in the time unit of the rates.
    wait_probability_se, mean_wait_se
        Standard errors of the simulated figures across replications (``nan`` for one).
    """

    servers: int
    arrival_rate: float
    mean_duration: float
    duration: str
    jobs: int
    replications: int
    simulated_wait_probability: float
    exact_wait_probability: float
    simulated_mean_wait: float
    exact_mean_wait: float
    wait_probability_se: float
    mean_wait_se: float

    @property
    def wait_probability_error(self) -> float:
        """``simulated - exact`` wait probability."""
        return self.simulated_wait_probability - self.exact_wait_probability

    @property
    def mean_wait_ratio(self) -> float:
        """``simulated / exact`` mean wait."""
        return self.simulated_mean_wait / self.exact_mean_wait


def _exact(servers: int, rate: float, mean: float, duration: str) -> tuple[float, float]:
    load = rate * mean
    if duration == "fixed":  # M/D/1: P(wait) = rho (PASTA); Pollaczek-Khinchine mean wait
        return load, load * mean / (2.0 * (1.0 - load))
    queue = mmc(rate, 1.0 / mean, servers=servers)
    return queue.wait_probability, queue.mean_wait


def _check(servers: int, rate: float, mean: float, *, duration: str, jobs: int, reps: int) -> None:
    if isinstance(servers, bool) or not isinstance(servers, int) or servers < 1:
        raise InvalidArgument(f"servers: must be an integer >= 1, got {servers!r}")
    for name, value in (("arrival_rate", rate), ("mean_duration", mean)):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise InvalidArgument(f"{name}: must be a number > 0, got {value!r}")
        if not (math.isfinite(value) and value > 0):
            raise InvalidArgument(f"{name}: must be finite and > 0, got {value!r}")
    if duration not in _DURATIONS:
        raise InvalidArgument(f"duration: must be one of {', '.join(_DURATIONS)}, got {duration!r}")
    if duration == "fixed" and servers != 1:
        raise InvalidArgument(
            f"servers: fixed durations are checked against M/D/1 only, got servers={servers}"
        )
    for name, count, least in (("jobs", jobs, 100), ("replications", reps, 1)):
        if isinstance(count, bool) or not isinstance(count, int) or count < least:
            raise InvalidArgument(f"{name}: must be an integer >= {least}, got {count!r}")
    if rate * mean >= servers:
        raise UnstableSystem(
            f"arrival_rate: must be < servers / mean_duration for a stable queue, got "
            f"arrival_rate={rate!r} with servers={servers} and mean_duration={mean!r}"
        )


def _seed_sequence(seed: np.random.SeedSequence | int | None) -> np.random.SeedSequence:
    return seed if isinstance(seed, np.random.SeedSequence) else np.random.SeedSequence(seed)


def queue_organisation(servers: int) -> Organisation:
    """One zone and one pooled team of ``servers`` identical nurses ``s0, s1, ...``."""
    ids = [f"s{i}" for i in range(servers)]
    zones: list[Zone] = [Zone("z")]
    staff: list[Staff] = [Staff(s, profession="nurse", zone="z") for s in ids]
    teams: list[Team] = [Team("pool", category="geographic", members=ids, zones=["z"])]
    return Organisation("queue", zones=zones, staff=staff, teams=teams)


def queue_realisation(
    servers: int,
    arrival_rate: float,
    mean_duration: float,
    *,
    duration: str = "exponential",
    jobs: int,
    warmup_jobs: int = 0,
    seed: np.random.SeedSequence | int | None = None,
) -> Realisation:
    """Poisson arrivals with exponential or fixed durations, and always-on staff.

    Every job is due at its ready time, so a job that waits at all is late; the horizon is
    long enough for every job to be served. The warm-up ends at the ready time of job
    ``warmup_jobs``.
    """
    arrivals, durations = _seed_sequence(seed).spawn(2)
    n = jobs + warmup_jobs
    ready = np.cumsum(np.random.default_rng(arrivals).exponential(1.0 / arrival_rate, n))
    if duration == "fixed":
        work = np.full(n, float(mean_duration))
    else:
        work = np.random.default_rng(durations).exponential(mean_duration, n)
    horizon = float(ready[-1] + work.sum() + 1.0)  # more than enough to drain the queue
    none = frozenset[str]()
    realised_jobs = RealisedJobs(
        id=np.arange(n),
        user=np.full(n, "u"),
        zone=np.full(n, "z"),
        kind=np.full(n, "arrival"),
        team=np.full(n, ""),
        ready=ready,
        due=ready,
        duration=work,
        required=(none,) * n,
        preferred=(none,) * n,
        n_staff=np.ones(n, dtype=np.int64),
    )
    shifts = RealisedShifts(
        staff=[f"s{i}" for i in range(servers)],
        team=["pool"] * servers,
        zone=["z"] * servers,
        start=[0.0] * servers,
        end=[horizon] * servers,
        period=["day"] * servers,
        absent=[False] * servers,
    )
    warmup = float(ready[warmup_jobs]) if warmup_jobs else 0.0
    return Realisation(realised_jobs, shifts, horizon=horizon, warmup=warmup)


def _measure(records: Records) -> tuple[float, float]:
    jobs = records.after_warmup().jobs
    delay = jobs.delay
    return float(np.mean(delay > 0)), float(np.mean(delay))


def queue_check(
    servers: int,
    arrival_rate: float,
    mean_duration: float,
    *,
    duration: str = "exponential",
    jobs: int = 100_000,
    replications: int = 3,
    warmup_jobs: int | None = None,
    seed: np.random.SeedSequence | int | None = None,
) -> QueueCheck:
    """Simulate the M/M/c (or M/D/1) special case and compare it with the exact values.

    Parameters
    ----------
    servers
        Number of identical staff (``c``).
    arrival_rate
        Jobs per unit of time (``lambda``).
    mean_duration
        Mean duration of a job (``1 / mu``), in the same unit.
    duration
        ``"exponential"`` (M/M/c) or ``"fixed"`` (M/D/1; needs ``servers=1``).
    jobs
        Jobs measured per replication, after the warm-up.
    replications
        Independent replications (each from its own child of ``seed``).
    warmup_jobs
        Jobs left out at the start of each replication (default ``jobs // 10``), so that the
        queue starting empty does not bias the figures.
    seed
        Seed or :class:`numpy.random.SeedSequence`.

    Returns
    -------
    QueueCheck
        Simulated and exact wait probability and mean wait, with standard errors.

    Raises
    ------
    UnstableSystem
        If ``arrival_rate * mean_duration >= servers``.
    InvalidArgument
        For a non-positive rate or duration, an unknown ``duration``, or fixed durations with
        more than one server.

    Examples
    --------
    >>> check = queue_check(3, 2.0, 1.0, jobs=2_000, replications=2, seed=1)
    >>> round(check.exact_wait_probability, 6), round(check.exact_mean_wait, 6)
    (0.444444, 0.444444)
    >>> abs(check.wait_probability_error) < 0.1
    True
    >>> round(queue_check(1, 0.5, 1.0, duration="fixed", jobs=100, seed=1).exact_mean_wait, 6)
    0.5
    """
    _check(servers, arrival_rate, mean_duration, duration=duration, jobs=jobs, reps=replications)
    warm = jobs // 10 if warmup_jobs is None else warmup_jobs
    if isinstance(warm, bool) or not isinstance(warm, int) or warm < 0:
        raise InvalidArgument(f"warmup_jobs: must be an integer >= 0, got {warm!r}")
    org = queue_organisation(servers)
    policy = Pooled(order=())
    p_wait, mean_wait = [], []
    for child in _seed_sequence(seed).spawn(replications):
        realisation = queue_realisation(
            servers,
            arrival_rate,
            mean_duration,
            duration=duration,
            jobs=jobs,
            warmup_jobs=warm,
            seed=child,
        )
        p, w = _measure(run(realisation, org, policy))
        p_wait.append(p)
        mean_wait.append(w)
    exact_p, exact_w = _exact(servers, float(arrival_rate), float(mean_duration), duration)

    def se(values: list[float]) -> float:
        if len(values) < 2:
            return math.nan
        return float(np.std(values, ddof=1) / math.sqrt(len(values)))

    return QueueCheck(
        servers=servers,
        arrival_rate=float(arrival_rate),
        mean_duration=float(mean_duration),
        duration=duration,
        jobs=jobs,
        replications=replications,
        simulated_wait_probability=float(np.mean(p_wait)),
        exact_wait_probability=exact_p,
        simulated_mean_wait=float(np.mean(mean_wait)),
        exact_mean_wait=exact_w,
        wait_probability_se=se(p_wait),
        mean_wait_se=se(mean_wait),
    )
