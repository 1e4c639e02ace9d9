"""Tests of parameter grids for sweeps."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from hometeams.errors import InvalidArgument
from hometeams.experiment._grid import expand_grid


@given(
    st.lists(
        st.lists(st.integers(0, 9), min_size=1, max_size=3, unique=True), min_size=1, max_size=3
    )
)
def test_dict_grid_is_the_cartesian_product(columns: list[list[int]]) -> None:
    """A dict of lists gives every combination once, last parameter fastest."""
    grid = {f"p{i}": values for i, values in enumerate(columns)}
    names, points = expand_grid(grid)
    assert names == tuple(grid)
    assert [tuple(p.values()) for p in points] == list(itertools.product(*columns))


def test_list_grid_keeps_the_points_in_order() -> None:
    """A list of dicts names the points one by one, in its order and the first dict's keys."""
    names, points = expand_grid([{"staff": 2, "rate": 0.1}, {"rate": 0.05, "staff": 3}])
    assert names == ("staff", "rate")
    assert points == [{"staff": 2, "rate": 0.1}, {"staff": 3, "rate": 0.05}]


def test_numpy_scalars_become_python_values() -> None:
    """Numbers from numpy (e.g. np.arange) become plain Python numbers for the tables."""
    _, points = expand_grid({"staff": np.arange(1, 3)})
    assert points == [{"staff": 1}, {"staff": 2}]
    assert type(points[0]["staff"]) is int


@pytest.mark.parametrize(
    ("grid", "message"),
    [
        ({}, "grid: must name at least one parameter"),
        ([], "grid: must hold at least one point"),
        ("staff", "grid: must be a dict of lists or a list of dicts"),
        ({"staff": []}, r"grid\['staff'\]: must hold at least one value"),
        ({"staff": "123"}, r"grid\['staff'\]: must be a list of values"),
        ({"staff": 3}, r"grid\['staff'\]: must be a list of values"),
        ({"staff": [1, object()]}, r"grid\['staff'\]\[1\]: must be a number, string, bool"),
        ({"staff": [1, float("nan")]}, r"grid\['staff'\]\[1\]: must not be nan"),
        ({"model": [1]}, "clashes with a result column"),
        ({"evening staff": [1]}, "parameter names must be identifiers"),
        ({"staff": [1, 1]}, "appears more than once"),
        ([{"staff": 1}, {"rate": 1}], r"grid\[1\]: must set the same parameters"),
        ([{"staff": 1}, 2], r"grid\[1\]: must be a non-empty dict"),
    ],
)
def test_bad_grids_are_refused_by_name(grid: object, message: str) -> None:
    """Empty, malformed, clashing and duplicate grids raise InvalidArgument naming the place."""
    with pytest.raises(InvalidArgument, match=message):
        expand_grid(grid)  # type: ignore[arg-type]


def test_equal_values_of_different_types_are_distinct_points() -> None:
    """1, 1.0 and True compare equal in Python but are different labels, not duplicates."""
    _, points = expand_grid({"x": [1, 1.0, True]})
    assert len(points) == 3
