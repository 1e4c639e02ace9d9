"""Tests for the rules every analytic function shares (``hometeams.analytic._args``).

Stability with a tolerance (a load of three written in decimals is three), whole persons at
huge needs, text refused where numbers belong, and searches bounded by ``MAX_LOAD``.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from hometeams.analytic import (
    compare_pooling,
    erlang_b,
    erlang_c,
    min_servers,
    mmc,
    newsvendor_staff,
    poisson_min_staff,
    staffing_waste,
)
from hometeams.analytic._waste import whole_persons
from hometeams.errors import InvalidArgument, UnstableSystem

# (arrival rate, service rate, servers): a load of exactly ``servers`` written in decimals, whose
# quotient lands a rounding error below it (0.3 / 0.1 == 2.9999999999999996).
AT_CAPACITY = [(0.3, 0.1, 3), (0.7, 0.1, 7), (1.2, 0.4, 3)]


@pytest.mark.parametrize(("lam", "mu", "c"), AT_CAPACITY)
def test_mmc_at_capacity_in_decimals_is_unstable(lam: float, mu: float, c: int) -> None:
    """The issue's three loads: ``UnstableSystem``, not a mean wait of 1.8e16."""
    assert lam / mu < c  # the premise: the quotient is a rounding error below c
    with pytest.raises(UnstableSystem, match=r"^arrival_rate: must be < servers \* service_rate"):
        mmc(lam, mu, servers=c)


@pytest.mark.parametrize(("lam", "mu", "c"), AT_CAPACITY)
def test_erlang_c_at_capacity_in_decimals_is_unstable(lam: float, mu: float, c: int) -> None:
    """Scalars raise and array cells are nan, as for a load of exactly c."""
    with pytest.raises(UnstableSystem):
        erlang_c(c, lam / mu)
    assert np.isnan(erlang_c([c], lam / mu)[0])
    assert np.isnan(mmc([lam], mu, servers=c).mean_wait[0])


def test_just_below_capacity_by_more_than_a_rounding_error_is_stable() -> None:
    """A load of 2.99 on three servers is a (slow) steady state: C(3, 2.99) is close to 1."""
    assert 0.99 < erlang_c(3, 2.99) < 1.0


def test_min_servers_needs_one_more_than_a_load_of_three_in_decimals() -> None:
    """Load 0.3 / 0.1 = 3: three servers are unstable, so even a target of 1.0 takes four."""
    assert min_servers(0.3, 0.1, max_wait_probability=1.0) == 4


def test_compare_pooling_and_mmc_agree_on_stability() -> None:
    """A unit of load 0.3 / 0.1 staffed with ceil(need) = 3 is unstable in compare_pooling."""
    cmp = compare_pooling([0.3 / 0.1], kind="queue", max_wait_probability=1.0)
    assert cmp.merged_to_summed_need.staff == 3
    assert not cmp.merged_to_summed_need.stable
    assert cmp.merged.staff == 4


def test_whole_persons_never_loses_a_person_at_huge_needs() -> None:
    """Ceil is exact once floats are whole (1e17), and 1e9 + 0.5 still rounds up."""
    assert whole_persons(1e17) == 10**17
    assert whole_persons(1e9) == 10**9
    assert whole_persons(1e9 + 0.5) == 10**9 + 1
    assert whole_persons(0.1 + 0.2 + 2.7) == 3  # the snap it exists for still holds


def test_waste_at_a_need_of_1e17_staffs_the_need() -> None:
    """``erlang waste --need 1e17 --floor 2``: staff >= need and no negative part."""
    w = staffing_waste(1e17, floor=2)
    assert w.staff >= 10**17
    assert w.rounding_waste == 0.0
    assert w.used == 1e17


def test_pooling_1e9_and_1e9_has_no_negative_idle_staff() -> None:
    """``erlang pooling --need 1e9 1e9``: each unit staffs 1e9, idle 0 (not -1)."""
    cmp = compare_pooling([1e9, 1e9])
    assert [u.staff for u in cmp.separate] == [10**9, 10**9]
    assert all(u.idle == 0.0 for u in (*cmp.separate, cmp.merged))


@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda: erlang_b(2, "1.4"), "load"),
        (lambda: erlang_b("2", 1.4), "servers"),
        (lambda: erlang_c(3, ["1.4"]), "load"),
        (lambda: mmc("2", 1.0, servers=3), "arrival_rate"),
        (lambda: poisson_min_staff(b"1.4", coverage=0.9), "mean"),
    ],
)
def test_numeric_strings_are_refused_not_converted(call: object, name: str) -> None:
    """``erlang_b(2, "1.4")`` used to return 0.29; now the argument is named and refused."""
    with pytest.raises(InvalidArgument, match=rf"^{name}: must be a number"):
        call()  # type: ignore[operator]


@pytest.mark.parametrize(
    "call",
    [
        lambda: min_servers(1e308, 1 / 30, max_wait_probability=0.2),
        lambda: min_servers(1e15, 1.0, max_blocking=0.01),
        lambda: poisson_min_staff(1e308, coverage=0.9),
        lambda: newsvendor_staff(1e7, cost_ratio=3.0),
    ],
)
def test_searches_beyond_a_million_erlangs_are_refused(call: object) -> None:
    """The issue's endless searches end at once with the bound named."""
    with pytest.raises(InvalidArgument, match=r"must be at most 1e\+06 erlangs"):
        call()  # type: ignore[operator]


def test_a_million_erlangs_is_still_searched() -> None:
    """At the bound itself the answer is above the load by about sqrt(load)."""
    found = min_servers(1e6, 1.0, max_wait_probability=0.2)
    assert 1e6 < found < 1e6 + 10 * math.sqrt(1e6)
