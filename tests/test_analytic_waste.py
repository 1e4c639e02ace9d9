"""Tests for hometeams.analytic.staffing_waste: where the staffed hours go."""

from __future__ import annotations

import math

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from hometeams.analytic import StaffingWaste, poisson_staffing, staffing_waste
from hometeams.errors import InvalidArgument

needs_st = st.floats(0.0, 40.0)
floors_st = st.integers(0, 6)


def parts(w: StaffingWaste) -> list[float]:
    """The four parts of staffed capacity."""
    return [w.used, w.rounding_waste, w.floor_waste, w.buffer]


def test_the_one_point_four_versus_two_evening() -> None:
    """Need 1.4 with a floor of two: 1.4 used, 0.6 rounding waste, 30 % idle."""
    w = staffing_waste(1.4, floor=2)
    assert w.staff == 2
    assert w.used == pytest.approx(1.4)
    assert w.rounding_waste == pytest.approx(0.6)
    assert w.floor_waste == 0.0
    assert w.buffer == 0.0
    assert w.shortfall == 0.0
    assert w.idle == pytest.approx(0.6)
    assert w.idle_share == pytest.approx(0.3)


def test_floor_waste_is_whole_persons_above_the_rounded_need() -> None:
    """Need 0.7 with a floor of two: 0.3 rounding waste and one person of floor waste."""
    w = staffing_waste(0.7, floor=2)
    assert (w.staff, w.floor_waste) == (2, 1.0)
    assert w.rounding_waste == pytest.approx(0.3)
    assert w.idle_share == pytest.approx(0.65)


def test_poisson_need_with_coverage_target_adds_a_buffer() -> None:
    """Poisson need 1.4, floor two, 90 % coverage: three staff; buffer = 1 + expected shortfall."""
    w = staffing_waste(1.4, floor=2, demand="poisson", coverage=0.9)
    reference = poisson_staffing(1.4, 3)
    assert w.staff == 3
    assert w.shortfall == pytest.approx(0.071927, abs=1e-6)
    assert w.used == pytest.approx(1.4 - 0.071927, abs=1e-6)
    assert w.rounding_waste == pytest.approx(0.6)
    assert w.buffer == pytest.approx(1.071927, abs=1e-6)
    assert w.idle == pytest.approx(reference.expected_idle, abs=1e-12)


def test_poisson_need_at_the_deterministic_roster() -> None:
    """Poisson need 1.4 on two staff: the idle of the reference table, 0.838430."""
    w = staffing_waste(1.4, demand="poisson")
    assert w.staff == 2
    assert w.idle == pytest.approx(0.838430, abs=1e-6)
    assert w.buffer == pytest.approx(0.238430, abs=1e-6)  # idle at quiet moments


def test_understaffing_shows_as_shortfall_not_waste() -> None:
    """One person for a fixed need of 1.4 uses all capacity and leaves 0.4 unmet."""
    w = staffing_waste(1.4, staff=1)
    assert w.used == 1.0
    assert w.idle == 0.0
    assert w.shortfall == pytest.approx(0.4)


def test_a_sum_that_is_whole_up_to_rounding_error_is_not_rounded_up() -> None:
    """0.1 + 0.2 + 2.7 is three people, not four."""
    assert staffing_waste(0.1 + 0.2 + 2.7).staff == 3


def test_record_is_frozen() -> None:
    """The result is an immutable record."""
    w = staffing_waste(1.4)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        w.staff = 3  # type: ignore[misc]


@given(
    need=needs_st,
    floor=floors_st,
    demand=st.sampled_from(["deterministic", "poisson"]),
    extra=st.integers(0, 4),
)
def test_parts_add_up_to_staffed_capacity(need: float, floor: int, demand: str, extra: int) -> None:
    """The four parts add up to the staff, none is negative, and the idle share is in [0, 1]."""
    staff = max(math.ceil(need), floor) + extra
    w = staffing_waste(need, floor=floor, staff=staff, demand=demand)  # type: ignore[arg-type]
    assert math.fsum(parts(w)) == pytest.approx(staff, abs=1e-9)
    assert all(part >= 0.0 for part in parts(w))
    assert 0.0 <= w.idle_share <= 1.0


@given(need=needs_st, floor=floors_st, staff=st.integers(0, 50))
def test_parts_add_up_for_any_staff_at_or_above_the_floor(
    need: float, floor: int, staff: int
) -> None:
    """Even below the rounded need, the four parts still add up and none is negative."""
    staff = max(staff, floor)
    for demand in ("deterministic", "poisson"):
        w = staffing_waste(need, floor=floor, staff=staff, demand=demand)  # type: ignore[arg-type]
        assert math.fsum(parts(w)) == pytest.approx(staff, abs=1e-9)
        assert min(parts(w)) >= 0.0
        assert w.used + w.shortfall == pytest.approx(need, abs=1e-9)


@given(need=needs_st, floor=floors_st)
def test_default_roster_is_the_smallest_that_covers_need_and_floor(need: float, floor: int) -> None:
    """By default a fixed need is staffed with max(ceil(need), floor) and nothing is unmet."""
    w = staffing_waste(need, floor=floor)
    assert w.staff == max(math.ceil(need - 1e-9 * max(1.0, need)), floor)
    assert w.shortfall == 0.0
    assert w.buffer == pytest.approx(0.0, abs=1e-12)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"need": -0.1}, "need: must be finite and >= 0, got -0.1"),
        ({"floor": -1}, "floor: must be an integer >= 0, got -1"),
        ({"staff": 1, "floor": 2}, r"staff: must be >= floor \(2\), got 1"),
        ({"demand": "random"}, "demand: must be 'deterministic' or 'poisson', got 'random'"),
        ({"coverage": 0.9}, "coverage: only used with demand='poisson' and no staff"),
        ({"coverage": 0.9, "demand": "poisson", "staff": 3}, "coverage: only used with"),
        ({"coverage": 1.5, "demand": "poisson"}, "coverage: must be > 0 and < 1, got 1.5"),
    ],
)
def test_bad_arguments_are_named(kwargs: dict[str, object], message: str) -> None:
    """Bad needs, floors, staff, demand models or coverage raise InvalidArgument naming them."""
    args: dict[str, object] = {"need": 1.4} | kwargs
    need = args.pop("need")
    with pytest.raises(InvalidArgument, match=message):
        staffing_waste(need, **args)  # type: ignore[arg-type]
