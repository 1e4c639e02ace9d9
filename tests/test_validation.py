"""The simulator against queueing theory (reference-values.md, "Simulator against theory").

Exact values come from reference-values.md (Erlang C table and the M/M/3 row) and, for M/D/1,
from the Pollaczek-Khinchine formula worked by hand: rho = 0.5, mu = 1 gives
Wq = rho / (2 mu (1 - rho)) = 0.5. The simulated values must be within the reference tolerance
-- |P(wait) - C| <= 0.02 and |Wq_sim / Wq - 1| <= 0.08 -- with 100,000 jobs after the warm-up
in each of 3 replications.

Why these sizes. Waits in a queue are strongly autocorrelated (a busy period delays many jobs
in a row), so the standard error of a mean over N jobs is far above the i.i.d. sigma/sqrt(N);
it is estimated here from independent replications. Pilot runs with 34,000 jobs per
replication gave a standard error of the 3-replication mean of about 0.006-0.008 for P(wait)
and 2-4 % for Wq -- the reference tolerance would then be under 3 standard errors, a coin
flip away from a spurious failure. With 100,000 jobs per replication both shrink by sqrt(3):
about 0.004 and 1-2 %, so the tolerances are 4-5 standard errors and a failure means a real
disagreement. (The standard errors ``queue_check`` reports are not asserted on: from three
replications they are themselves too noisy to test against.)
"""

from __future__ import annotations

import math

import pytest

from hometeams.errors import InvalidArgument, UnstableSystem
from hometeams.validation import QueueCheck, queue_check, queue_realisation

JOBS, REPLICATIONS = 100_000, 3
P_TOLERANCE, W_TOLERANCE = 0.02, 0.08


def _check_against(q: QueueCheck, *, wait_probability: float, mean_wait: float | None) -> None:
    assert q.exact_wait_probability == pytest.approx(wait_probability, abs=1e-6)
    assert abs(q.simulated_wait_probability - wait_probability) <= P_TOLERANCE
    if mean_wait is not None:
        assert q.exact_mean_wait == pytest.approx(mean_wait, abs=1e-6)
        assert abs(q.simulated_mean_wait / mean_wait - 1) <= W_TOLERANCE


@pytest.mark.slow
@pytest.mark.parametrize(
    ("servers", "arrival_rate", "wait_probability", "mean_wait"),
    [
        (3, 2.0, 0.444444, 0.444444),  # reference row M/M/3, lambda 2, mu 1
        (2, 1.5, 0.642857, 0.642857 / (2 - 1.5)),  # C(2, 1.5); Wq = C / (c mu - lambda)
        (4, 3.0, 0.509434, 0.509434 / (4 - 3.0)),  # C(4, 3)
    ],
)
def test_mmc_agrees_with_erlang_c(
    servers: int, arrival_rate: float, wait_probability: float, mean_wait: float
) -> None:
    """M/M/c at three loads: simulated wait probability and mean wait match Erlang C."""
    q = queue_check(servers, arrival_rate, 1.0, jobs=JOBS, replications=REPLICATIONS, seed=2024)
    _check_against(q, wait_probability=wait_probability, mean_wait=mean_wait)


@pytest.mark.slow
def test_mmc_with_ten_servers_agrees_with_erlang_c() -> None:
    """M/M/10 at a = 6 (light waiting): C(10, 6) = 0.101299, Wq = C / (10 - 6)."""
    q = queue_check(10, 6.0, 1.0, jobs=JOBS, replications=REPLICATIONS, seed=11)
    _check_against(q, wait_probability=0.101299, mean_wait=0.101299 / 4)


@pytest.mark.slow
def test_md1_agrees_with_pollaczek_khinchine() -> None:
    """M/D/1 at rho = 0.5: P(wait) = rho = 0.5 and Wq = 0.5, half of M/M/1's Wq = 1."""
    q = queue_check(1, 0.5, 1.0, duration="fixed", jobs=JOBS, replications=REPLICATIONS, seed=7)
    _check_against(q, wait_probability=0.5, mean_wait=0.5)
    # M/M/1 at the same load waits twice as long: rho / (mu - lambda) = 0.5 / 0.5 = 1
    assert queue_check(1, 0.5, 1.0, jobs=100, seed=7).exact_mean_wait == pytest.approx(1.0)


def test_time_units_follow_the_rates() -> None:
    """Rates per hour and durations in hours give waits in hours."""
    # M/M/3 with 2 an hour and one-hour visits is the reference row whatever the unit is called.
    q = queue_check(3, 2.0 / 60, 60.0, jobs=500, replications=1, seed=1)
    assert q.exact_mean_wait == pytest.approx(0.444444 * 60, abs=1e-4)
    assert math.isnan(q.mean_wait_se)


def test_the_same_seed_gives_the_same_check() -> None:
    """queue_check is reproducible from its seed and changes with it."""
    a = queue_check(2, 1.0, 1.0, jobs=500, replications=2, seed=5)
    assert a == queue_check(2, 1.0, 1.0, jobs=500, replications=2, seed=5)
    assert a != queue_check(2, 1.0, 1.0, jobs=500, replications=2, seed=6)


def test_the_queue_realisation_is_the_textbook_queue() -> None:
    """Arrivals are sorted, due at ready, always-on staff, horizon past all the work."""
    r = queue_realisation(2, 1.0, 1.0, jobs=200, warmup_jobs=20, seed=3)
    assert len(r.jobs) == 220
    assert len(r.shifts) == 2
    assert (r.jobs.due == r.jobs.ready).all()
    assert (r.jobs.ready[1:] >= r.jobs.ready[:-1]).all()
    assert r.warmup == r.jobs.ready[20]
    assert r.horizon > r.jobs.ready[-1] + r.jobs.duration.sum() / 2


@pytest.mark.parametrize(
    ("args", "kwargs", "error", "match"),
    [
        ((0, 1.0, 1.0), {}, InvalidArgument, "servers"),
        ((2, -1.0, 1.0), {}, InvalidArgument, "arrival_rate"),
        ((2, 1.0, 0.0), {}, InvalidArgument, "mean_duration"),
        ((2, 1.0, 1.0), {"duration": "lognormal"}, InvalidArgument, "duration"),
        ((2, 1.0, 1.0), {"duration": "fixed"}, InvalidArgument, "servers"),
        ((2, 1.0, 1.0), {"jobs": 5}, InvalidArgument, "jobs"),
        ((2, 1.0, 1.0), {"replications": 0}, InvalidArgument, "replications"),
        ((2, 1.0, 1.0), {"warmup_jobs": -1}, InvalidArgument, "warmup_jobs"),
        ((2, 2.0, 1.0), {}, UnstableSystem, "arrival_rate"),
        ((1, 1.5, 1.0), {"duration": "fixed"}, UnstableSystem, "arrival_rate"),
    ],
)
def test_bad_arguments_are_refused(
    args: tuple[object, ...], kwargs: dict[str, object], error: type[Exception], match: str
) -> None:
    """Bad arguments and unstable queues are refused, naming the argument."""
    with pytest.raises(error, match=match):
        queue_check(*args, **kwargs)  # type: ignore[arg-type]
