"""Tests for hometeams.analytic: need as a Poisson count."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy import stats

from hometeams.analytic import (
    PoissonStaffing,
    newsvendor_staff,
    poisson_min_staff,
    poisson_staffing,
)
from hometeams.errors import InvalidArgument

means_st = st.floats(0.0, 60.0)
staff_st = st.integers(0, 120)


def brute_force(mean: float, staff: int) -> tuple[float, float]:
    """Expected shortfall and idle by summing the Poisson probabilities directly."""
    top = int(mean + 40 * math.sqrt(mean) + 60)
    k = np.arange(top + 1)
    pmf = stats.poisson.pmf(k, mean)
    return float(np.sum(np.maximum(k - staff, 0) * pmf)), float(
        np.sum(np.maximum(staff - k, 0) * pmf)
    )


@pytest.mark.parametrize(
    ("staff", "above", "shortfall", "idle"),
    [
        (1, 0.408167, 0.646597, 0.246597),
        (2, 0.166502, 0.238430, 0.838430),
        (3, 0.053725, 0.071927, 1.671927),
    ],
)
def test_reference_values(staff: int, above: float, shortfall: float, idle: float) -> None:
    """Mean need 1.4 on 1, 2 or 3 staff reproduces the reference table to 1e-6."""
    p = poisson_staffing(1.4, staff)
    assert p.shortfall_probability == pytest.approx(above, abs=1e-6)
    assert p.expected_shortfall == pytest.approx(shortfall, abs=1e-6)
    assert p.expected_idle == pytest.approx(idle, abs=1e-6)
    assert p.utilisation == pytest.approx((1.4 - shortfall) / staff, abs=1e-6)


def test_vectorised_over_staff_matches_scalars() -> None:
    """An array of staff gives the same numbers as one call per staff level."""
    table = poisson_staffing(1.4, [0, 1, 2, 3])
    assert table.expected_idle.shape == (4,)
    for i, staff in enumerate([1, 2, 3], start=1):
        single = poisson_staffing(1.4, staff)
        assert table.expected_shortfall[i] == pytest.approx(single.expected_shortfall, rel=1e-15)
        assert table.utilisation[i] == pytest.approx(single.utilisation, rel=1e-15)


def test_no_staff_leaves_all_need_unmet_and_utilisation_undefined() -> None:
    """With nobody on duty the shortfall is the whole mean and utilisation is NaN."""
    p = poisson_staffing(1.4, 0)
    assert isinstance(p, PoissonStaffing)
    assert p.expected_shortfall == pytest.approx(1.4)
    assert p.expected_idle == 0.0
    assert math.isnan(p.utilisation)


@given(mean=means_st, staff=staff_st)
def test_shortfall_and_idle_match_direct_sums(mean: float, staff: int) -> None:
    """The closed forms equal the direct sums over the Poisson distribution."""
    p = poisson_staffing(mean, staff)
    shortfall, idle = brute_force(mean, staff)
    assert p.expected_shortfall == pytest.approx(shortfall, abs=1e-9)
    assert p.expected_idle == pytest.approx(idle, abs=1e-9)


@given(mean=means_st, staff=staff_st)
def test_capacity_balance(mean: float, staff: int) -> None:
    """Idle minus shortfall equals staff minus mean need; every part lies in its range."""
    p = poisson_staffing(mean, staff)
    assert p.expected_idle - p.expected_shortfall == pytest.approx(staff - mean, abs=1e-9)
    assert 0.0 <= p.shortfall_probability <= 1.0
    assert p.expected_shortfall >= 0.0
    assert p.expected_idle >= 0.0
    if staff > 0:
        assert -1e-12 <= p.utilisation <= 1.0 + 1e-12


@given(mean=means_st, coverage=st.floats(0.01, 0.9999))
def test_coverage_staff_is_minimal(mean: float, coverage: float) -> None:
    """The coverage staff covers all need with the target probability; one fewer does not."""
    staff = poisson_min_staff(mean, coverage=coverage)
    assert stats.poisson.cdf(staff, mean) >= coverage
    if staff > 0:
        assert stats.poisson.cdf(staff - 1, mean) < coverage


@given(mean=st.floats(0.0, 40.0), ratio=st.floats(0.05, 50.0))
def test_newsvendor_minimises_expected_cost(mean: float, ratio: float) -> None:
    """No staff level has a lower expected cost ratio * shortfall + idle than the newsvendor's."""
    best = newsvendor_staff(mean, cost_ratio=ratio)
    levels = np.arange(0, int(mean + 10 * math.sqrt(mean) + 10))
    p = poisson_staffing(mean, levels)
    cost = ratio * p.expected_shortfall + p.expected_idle
    chosen = ratio * poisson_staffing(mean, best).expected_shortfall
    chosen += poisson_staffing(mean, best).expected_idle
    assert chosen <= cost.min() + 1e-9 * (1 + cost.min())


def test_newsvendor_worked_example() -> None:
    """At equal costs the median is optimal; at high shortfall cost more staff are chosen."""
    assert newsvendor_staff(1.4, cost_ratio=1.0) == 1  # median of Poisson(1.4)
    assert newsvendor_staff(1.4, cost_ratio=3.0) == 2
    assert newsvendor_staff(1.4, cost_ratio=9.0) == 3
    assert newsvendor_staff([1.4, 14.0], cost_ratio=9.0).tolist() == [3, 19]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: poisson_staffing(-1.0, 2), "mean: must be finite and >= 0, got -1.0"),
        (lambda: poisson_staffing(1.0, 1.5), "staff: must be a non-negative integer, got 1.5"),
        (lambda: poisson_min_staff(1.0, coverage=1.0), "coverage: must be > 0 and < 1, got 1.0"),
        (lambda: newsvendor_staff(1.0, cost_ratio=0.0), "cost_ratio: must be finite and > 0"),
        (lambda: newsvendor_staff(1.0, cost_ratio=1e300), "cost_ratio: must be small enough"),
    ],
)
def test_bad_arguments_are_named(call: object, message: str) -> None:
    """Bad means, staff, coverages or cost ratios raise InvalidArgument naming them."""
    with pytest.raises(InvalidArgument, match=message):
        call()  # type: ignore[operator]
