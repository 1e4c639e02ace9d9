"""Tests of the export helpers: strict JSON numbers, CSV cells, the no-overwrite rule."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hometeams.errors import InvalidArgument, InvalidScenario
from hometeams.experiment._export import (
    check_writable,
    from_json_number,
    json_number,
    to_frame,
    write_csv,
)


@given(st.floats(allow_nan=True, allow_infinity=True))
def test_json_numbers_round_trip(value: float) -> None:
    """Every float, nan and infinities included, survives json_number and back."""
    again = from_json_number(json_number(value), path="x", source="f.json")
    assert again == value or (math.isnan(again) and math.isnan(value))


def test_json_numbers_are_strict_json() -> None:
    """A nan becomes null and infinities strings, which strict JSON accepts."""
    assert json_number(math.nan) is None
    assert json_number(math.inf) == "inf"
    assert json_number(-math.inf) == "-inf"
    assert json_number(1.5) == 1.5


@pytest.mark.parametrize("value", ["1.5", True, [1.0]])
def test_non_numbers_are_refused_with_their_path(value: object) -> None:
    """A value that is not a number or null names the field and the file."""
    with pytest.raises(InvalidScenario, match=r"f\.json: values\[0\]: must be a number or null"):
        from_json_number(value, path="values[0]", source="f.json")


def test_check_writable(tmp_path: Path) -> None:
    """Missing files pass; an existing one fails by name unless overwrite is set."""
    mine = tmp_path / "mine.csv"
    check_writable([tmp_path / "new.csv"], overwrite=False)
    mine.write_text("x", encoding="utf-8")
    with pytest.raises(InvalidArgument, match=r"path: '.*mine\.csv' exists"):
        check_writable([tmp_path / "new.csv", mine], overwrite=False)
    check_writable([mine], overwrite=True)


def test_write_csv_leaves_nan_cells_empty(tmp_path: Path) -> None:
    """Columns come in the given order and nan becomes an empty cell."""
    path = write_csv(tmp_path / "t.csv", ["b", "a"], [{"a": 1, "b": math.nan}, {"a": 2, "b": 0.5}])
    assert path.read_text(encoding="utf-8").splitlines() == ["b,a", ",1", "0.5,2"]


def test_to_frame_keeps_column_order() -> None:
    """The DataFrame has the given columns in order, also when there are no rows."""
    pytest.importorskip("pandas")
    assert list(to_frame(["b", "a"], [{"a": 1, "b": 2}]).columns) == ["b", "a"]
    assert list(to_frame(["b", "a"], []).columns) == ["b", "a"]
