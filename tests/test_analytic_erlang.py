"""Tests for hometeams.analytic: Erlang B and Erlang C."""

from __future__ import annotations

from decimal import Decimal, localcontext

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import optimize

from hometeams.analytic import erlang_b, erlang_c
from hometeams.errors import InvalidArgument, UnstableSystem

servers_st = st.integers(min_value=0, max_value=400)
loads_st = st.floats(min_value=0.0, max_value=500.0, allow_nan=False, allow_infinity=False)


def exact_erlang_b(servers: int, load: float) -> Decimal:
    """The textbook recursion in 40-digit decimal arithmetic: the reference."""
    with localcontext() as ctx:
        ctx.prec = 40
        a = Decimal(load)  # the exact binary value of the float
        b = Decimal(1)
        for k in range(1, servers + 1):
            b = a * b / (k + a * b)
        return b


def float_erlang_b(servers: int, load: float) -> float:
    """The textbook recursion in floating point."""
    b = 1.0
    for k in range(1, servers + 1):
        b = load * b / (k + load * b)
    return b


def assert_close_to_exact(got: float, servers: int, load: float, rel: float = 1e-12) -> None:
    exact = exact_erlang_b(servers, load)
    if exact < Decimal("1e-300"):  # subnormal or zero in binary64: only the absolute size counts
        assert got < 1e-300
    else:
        assert abs(Decimal(got) - exact) <= Decimal(rel) * exact


# --- reference values (reference-values.md) -------------------------------------------------


@pytest.mark.parametrize(("servers", "load", "expected"), [(10, 5.0, 0.018385), (2, 1.4, 0.289941)])
def test_erlang_b_reference_values(servers: int, load: float, expected: float) -> None:
    """Erlang B reproduces the project's reference values to 1e-6."""
    assert erlang_b(servers, load) == pytest.approx(expected, abs=1e-6)


@pytest.mark.parametrize(
    ("servers", "load", "expected"),
    [(3, 2.0, 0.444444), (2, 1.5, 0.642857), (4, 3.0, 0.509434), (10, 6.0, 0.101299)],
)
def test_erlang_c_reference_values(servers: int, load: float, expected: float) -> None:
    """Erlang C reproduces the project's reference values to 1e-6."""
    assert erlang_c(servers, load) == pytest.approx(expected, abs=1e-6)


def one_percent_capacity(servers: int) -> float:
    """The load that ``servers`` carry at exactly 1 % blocking."""
    return float(optimize.brentq(lambda a: erlang_b(servers, a) - 0.01, 1e-9, 10.0 * servers + 10))


def test_erlang_b_matches_westbay_calculator_manual() -> None:
    """Westbay's Erlang B calculator manual: 15 lines at 1 % blocking carry 8.108 erlangs.

    https://erlang.com/calculatormanual/howmuchtrafficcanatrunkgrouphandle.htm
    """
    assert one_percent_capacity(15) == pytest.approx(8.108, abs=5e-4)


@pytest.mark.parametrize(("servers", "table"), [(5, 1.4), (6, 1.9), (7, 2.5), (8, 3.1), (9, 3.8)])
def test_erlang_b_matches_published_table(servers: int, table: float) -> None:
    """A published Erlang B table (1 % column, one decimal) is reproduced.

    "Appendix A: Table of Erlang B", *Carrier Grade Voice Over IP*, 2nd ed. (D. Collins),
    https://www.globalspec.com/reference/55139/203279/appendix-a-table-of-erlang-b
    """
    assert round(one_percent_capacity(servers), 1) == table


def test_erlang_c_matches_call_centre_helper_example() -> None:
    """Call Centre Helper's worked example: 10 erlangs on 11 agents wait with probability 68.21 %.

    https://www.callcentrehelper.com/erlang-c-formula-example-121281.htm (100 calls in 30
    minutes, 180 s handling time, so 10 erlangs; 11 agents; "probability of waiting 68.21 %").
    """
    assert erlang_c(11, 10.0) == pytest.approx(0.6821, abs=5e-5)


# --- accuracy against the recursion ---------------------------------------------------------


@pytest.mark.parametrize("servers", [1, 2, 15, 16, 100, 1_000, 10_000, 20_000])
@pytest.mark.parametrize("ratio", [1e-3, 0.3, 0.9, 0.999, 1.0, 1.001, 1.2, 2.0, 10.0])
def test_erlang_b_agrees_with_exact_recursion_to_1e_12(servers: int, ratio: float) -> None:
    """The closed form agrees with the exact recursion to 1e-12 relative, up to 20,000 servers."""
    load = servers * ratio
    assert_close_to_exact(erlang_b(servers, load), servers, load)


@settings(deadline=None, max_examples=60)
@given(servers=st.integers(min_value=1, max_value=3_000), ratio=st.floats(1e-4, 5.0))
def test_erlang_b_agrees_with_recursion_everywhere(servers: int, ratio: float) -> None:
    """For random servers and loads, the closed form matches the exact recursion to 1e-12."""
    load = servers * ratio
    assert_close_to_exact(erlang_b(servers, load), servers, load)


def test_erlang_b_keeps_relative_accuracy_for_tiny_probabilities() -> None:
    """Probabilities far below 1e-100 keep full relative accuracy instead of rounding to 0."""
    value = erlang_b(200, 20.0)
    assert 0 < value < 1e-100
    assert_close_to_exact(value, 200, 20.0)


def test_vectorised_grid_matches_float_recursion() -> None:
    """A broadcast grid gives, cell by cell, what the scalar recursion gives."""
    servers = np.arange(0, 60)[:, None]
    loads = np.array([0.0, 0.5, 3.0, 17.5, 59.0, 80.0])[None, :]
    grid = erlang_b(servers, loads)
    assert grid.shape == (60, 6)
    expected = [[float_erlang_b(int(c), float(a)) for a in loads[0]] for c in servers[:, 0]]
    np.testing.assert_allclose(grid, expected, rtol=1e-12, atol=0)


# --- edges -----------------------------------------------------------------------------------


def test_no_servers_block_everything_and_no_load_blocks_nothing() -> None:
    """B(0, a) = 1 for every load, and B(c, 0) = 0 for c > 0."""
    assert erlang_b(0, 0.0) == 1.0
    assert erlang_b(0, 3.0) == 1.0
    assert erlang_b(5, 0.0) == 0.0
    assert erlang_c(5, 0.0) == 0.0


def test_whole_valued_float_servers_are_accepted() -> None:
    """``3.0`` servers means three servers; numpy integer scalars work too."""
    assert erlang_b(3.0, 2.0) == erlang_b(3, 2.0) == erlang_b(np.int64(3), 2.0)  # type: ignore[call-overload]


def test_scalar_inputs_give_python_floats_and_arrays_give_arrays() -> None:
    """Scalars in, float out; any array in, array of the broadcast shape out."""
    assert type(erlang_b(3, 2.0)) is float
    assert type(erlang_c(3, 2.0)) is float
    assert erlang_c([3, 4], 2.0).shape == (2,)
    assert erlang_b(3, np.ones((2, 3))).shape == (2, 3)


def test_erlang_c_raises_for_unstable_scalars() -> None:
    """A scalar queue at or above capacity raises UnstableSystem, which is also a ValueError."""
    with pytest.raises(UnstableSystem, match=r"load: must be < servers .* load=3\.0 .* servers=3"):
        erlang_c(3, 3.0)
    with pytest.raises(ValueError, match="stable"):
        erlang_c(2, 2.5)
    with pytest.raises(UnstableSystem):
        erlang_c(0, 0.0)


def test_erlang_c_marks_unstable_cells_nan_in_arrays() -> None:
    """In arrays, unstable cells are NaN and the stable cells are unaffected."""
    values = erlang_c([2, 3, 4], 3.0)
    assert np.isnan(values[0])
    assert np.isnan(values[1])
    assert values[2] == pytest.approx(0.509434, abs=1e-6)
    assert not np.isnan(values[2])


@pytest.mark.parametrize(
    ("servers", "load", "message"),
    [
        (-1, 1.0, "servers: must be a non-negative integer, got -1"),
        (2.5, 1.0, "servers: must be a non-negative integer, got 2.5"),
        (float("nan"), 1.0, "servers: must be a non-negative integer, got nan"),
        (2, -0.5, "load: must be finite and >= 0, got -0.5"),
        (2, float("inf"), "load: must be finite and >= 0, got inf"),
        ([1, 2, -3], 1.0, r"servers: must be a non-negative integer, got -3.0 at index \(2,\)"),
        (2, "many", "load: must be a number"),
        (True, 1.0, "servers: must be a number, got True"),
    ],
)
def test_bad_arguments_name_the_argument_value_and_rule(
    servers: object, load: object, message: str
) -> None:
    """Bad arguments raise InvalidArgument naming the argument, the value and the rule."""
    for func in (erlang_b, erlang_c):
        with pytest.raises(InvalidArgument, match=message):
            func(servers, load)  # type: ignore[call-overload]


# --- properties --------------------------------------------------------------------------------


@given(servers=servers_st, load=loads_st)
def test_erlang_b_is_a_probability(servers: int, load: float) -> None:
    """B lies in [0, 1]."""
    assert 0.0 <= erlang_b(servers, load) <= 1.0


@given(servers=servers_st, load=loads_st)
def test_erlang_b_falls_with_servers_and_rises_with_load(servers: int, load: float) -> None:
    """One more server never raises B; more load never lowers it."""
    b = erlang_b(servers, load)
    assert erlang_b(servers + 1, load) <= b
    assert erlang_b(servers, load * 1.1 + 0.01) >= b


@given(servers=st.integers(1, 400), occupancy=st.floats(0.0, 0.999))
def test_erlang_c_is_a_probability_at_least_b(servers: int, occupancy: float) -> None:
    """C lies in [0, 1] and is never below B for the same servers and load."""
    load = servers * occupancy
    c = erlang_c(servers, load)
    assert 0.0 <= c <= 1.0
    assert c >= erlang_b(servers, load) * (1 - 1e-12)


@given(servers=st.integers(1, 400), occupancy=st.floats(0.0, 0.99))
def test_erlang_c_falls_with_servers_and_rises_with_load(servers: int, occupancy: float) -> None:
    """One more server never raises C; more load (still stable) never lowers it."""
    load = servers * occupancy
    c = erlang_c(servers, load)
    assert erlang_c(servers + 1, load) <= c * (1 + 1e-12)
    higher = min(load * 1.05 + 1e-3, servers * 0.999)
    assert erlang_c(servers, max(higher, load)) >= c * (1 - 1e-12)


def test_erlang_c_stays_accurate_near_saturation() -> None:
    """Close to full load C tends to 1 without cancellation; for 10,000 servers it is smooth."""
    assert erlang_c(1, 0.999999) == pytest.approx(0.999999, rel=1e-12)
    near = erlang_c(10_000, np.array([9_990.0, 9_999.0, 9_999.9]))
    assert np.all(np.diff(near) > 0)
    assert near[-1] == pytest.approx(1.0, abs=0.05)
