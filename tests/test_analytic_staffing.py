"""Tests for hometeams.analytic: min_servers and square_root_staffing."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from hometeams.analytic import erlang_b, erlang_c, min_servers, mmc, square_root_staffing
from hometeams.errors import InvalidArgument, UnstableSystem

loads_st = st.floats(0.0, 300.0)


def meets(load: float, servers: int, target: str, value: float, within: float = 0.0) -> bool:
    """Whether ``servers`` meet one target at ``load`` (unit service rate), computed directly."""
    if target == "max_blocking":
        return erlang_b(servers, load) <= value
    if servers <= load:
        return False
    try:
        q = mmc(load, 1.0, servers=servers)
    except UnstableSystem:  # a load within the documented tolerance of the servers
        return False
    if target == "max_wait_probability":
        return q.wait_probability <= value
    if target == "max_mean_wait":
        return q.mean_wait <= value
    return q.service_level(within) >= value


def scalar_search(load: float, target: str, value: float, within: float = 0.0) -> int:
    """The plain answer: count up from zero until the target is met."""
    servers = 0
    while not meets(load, servers, target, value, within):
        servers += 1
    return servers


@settings(deadline=None)
@given(
    load=loads_st,
    target=st.sampled_from(["max_wait_probability", "max_mean_wait", "max_blocking"]),
    value=st.floats(1e-6, 1.0),
)
def test_minimum_staff_is_minimal(load: float, target: str, value: float) -> None:
    """The answer meets the target and one fewer does not (or makes the queue unstable)."""
    found = min_servers(load, 1.0, **{target: value})
    assert meets(load, found, target, value)
    if found > 0:
        assert not meets(load, found - 1, target, value)


@settings(deadline=None)
@given(load=loads_st, level=st.floats(0.0, 0.999), within=st.floats(0.0, 5.0))
# 2 - 5.7e-14 erlangs: within the stability tolerance of 2 servers, so 2 cannot serve it
@example(load=1.9999999999999432, level=0.0, within=0.0)
def test_minimum_staff_for_service_level_is_minimal(
    load: float, level: float, within: float
) -> None:
    """For a service-level target, the answer meets it and one fewer does not."""
    found = min_servers(load, 1.0, service_level=level, within=within)
    assert meets(load, found, "service_level", level, within)
    assert not meets(load, found - 1, "service_level", level, within)


@pytest.mark.parametrize(
    ("target", "value"),
    [("max_wait_probability", 0.2), ("max_mean_wait", 0.1), ("max_blocking", 0.01)],
)
def test_vectorised_search_equals_counting_up(target: str, value: float) -> None:
    """Searching many loads at once gives exactly what counting up one by one gives."""
    loads = np.concatenate([np.linspace(0.0, 30.0, 121), [1.4, 2.0, 3.0, 99.5]])
    found = min_servers(loads, 1.0, **{target: value})
    assert found.dtype == np.int64
    assert found.tolist() == [scalar_search(float(a), target, value) for a in loads]


def test_service_rate_sets_the_time_unit() -> None:
    """Rates per hour and waits in hours give the same answer as rates per minute and minutes."""
    per_hour = min_servers(1.4, 1.0, service_level=0.8, within=0.25)
    per_minute = min_servers(1.4 / 60, 1 / 60, service_level=0.8, within=15.0)
    assert per_hour == per_minute == 3


def test_combined_targets_take_the_strictest() -> None:
    """With several targets the answer is the largest of the single-target answers."""
    single = [
        min_servers(8.0, 1.0, max_wait_probability=0.3),
        min_servers(8.0, 1.0, max_mean_wait=0.01),
        min_servers(8.0, 1.0, service_level=0.95, within=0.1),
    ]
    combined = min_servers(
        8.0, 1.0, max_wait_probability=0.3, max_mean_wait=0.01, service_level=0.95, within=0.1
    )
    assert combined == max(single)


def test_call_centre_helper_requirement() -> None:
    """Call Centre Helper: 100 calls per 30 min, AHT 180 s, 80 % in 20 s needs 14 raw agents.

    https://www.callcentrehelper.com/erlang-c-formula-example-121281.htm (before shrinkage).
    """
    assert min_servers(100 / 1800, 1 / 180, service_level=0.8, within=20.0) == 14


def test_blocking_target_inverts_the_published_table() -> None:
    """Westbay's manual: 8.108 erlangs on 15 lines block 1 %, so 15 lines is the minimum."""
    assert min_servers(8.1, 1.0, max_blocking=0.01) == 15
    assert min_servers(8.11, 1.0, max_blocking=0.01) == 16


def test_zero_load_and_trivial_targets() -> None:
    """No demand still needs one server (C and B are 1 at zero servers); blocking 1 needs none."""
    assert min_servers(0.0, 1.0, max_wait_probability=0.1) == 1
    assert min_servers(0.0, 1.0, max_blocking=0.1) == 1  # the recursion's B(0, 0) = 1
    assert min_servers(5.0, 1.0, max_blocking=1.0) == 0


def test_large_loads_are_exact() -> None:
    """For 10,000 erlangs the answer is just above the load and exactly minimal."""
    found = min_servers(10_000.0, 1.0, max_wait_probability=0.2)
    assert erlang_c(found, 10_000.0) <= 0.2 < erlang_c(found - 1, 10_000.0)


def test_scalar_rates_give_int_and_arrays_keep_shape() -> None:
    """Scalars give a Python int; arrays give int64 arrays of the broadcast shape."""
    assert type(min_servers(2.0, 1.0, max_mean_wait=1.0)) is int
    found = min_servers(np.ones((2, 3)), np.array([1.0, 2.0, 4.0]), max_mean_wait=1.0)
    assert found.shape == (2, 3)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({}, "give at least one target, got none"),
        ({"within": 0.5}, "service_level: must be given together with within"),
        ({"service_level": 0.8}, "within: must be given together with service_level"),
        ({"service_level": 1.0, "within": 1.0}, "service_level: must be >= 0 and < 1, got 1.0"),
        ({"max_wait_probability": 0.0}, "max_wait_probability: must be > 0 and <= 1, got 0.0"),
        ({"max_mean_wait": -1.0}, "max_mean_wait: must be finite and > 0, got -1.0"),
        ({"max_blocking": 2.0}, "max_blocking: must be > 0 and <= 1, got 2.0"),
        ({"max_blocking": [0.1]}, "max_blocking: must be a single number"),
    ],
)
def test_missing_or_inconsistent_targets_are_rejected(
    kwargs: dict[str, object], message: str
) -> None:
    """A missing, out-of-range or half-given target raises InvalidArgument naming it."""
    with pytest.raises(InvalidArgument, match=message):
        min_servers(1.0, 1.0, **kwargs)  # type: ignore[arg-type]


def test_square_root_staffing_formula() -> None:
    """Square-root staffing is ceil(a + beta sqrt(a)), elementwise."""
    assert square_root_staffing(100.0, beta=1.0) == 110
    assert square_root_staffing([1.4, 9.0, 0.0], beta=1.0).tolist() == [3, 12, 0]
    assert square_root_staffing(1.4, beta=0.5) == math.ceil(1.4 + 0.5 * math.sqrt(1.4))


def test_square_root_staffing_is_poor_for_small_teams() -> None:
    """For a home-care-sized load the approximation misses the exact answer; for 100 it hits."""
    assert square_root_staffing(100.0, max_wait_probability=0.2) == min_servers(
        100.0, 1.0, max_wait_probability=0.2
    )
    approx = square_root_staffing(1.4, max_wait_probability=0.2)
    exact = min_servers(1.4, 1.0, max_wait_probability=0.2)
    assert approx < exact
    assert erlang_c(approx, 1.4) > 0.2  # the approximate staff miss the target


def test_halfin_whitt_beta_matches_the_limit() -> None:
    """The beta behind a wait-probability target solves Halfin-Whitt: 20 % gives beta ~ 1.06."""
    staff = square_root_staffing(10_000.0, max_wait_probability=0.2)
    beta = (staff - 10_000.0) / 100.0
    assert 1.05 < beta <= 1.07  # known value ~1.0615 for 20 %, rounded up to a whole server


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({}, "beta, max_wait_probability: give exactly one"),
        ({"beta": 1.0, "max_wait_probability": 0.2}, "give exactly one"),
        ({"beta": 0.0}, "beta: must be finite and > 0, got 0.0"),
        ({"max_wait_probability": 1.0}, "max_wait_probability: must be > 0 and < 1, got 1.0"),
    ],
)
def test_square_root_staffing_rejects_bad_parameters(
    kwargs: dict[str, float], message: str
) -> None:
    """Square-root staffing needs exactly one valid parameter."""
    with pytest.raises(InvalidArgument, match=message):
        square_root_staffing(2.0, **kwargs)
