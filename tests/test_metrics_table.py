"""Tests of MetricTable: construction checks, immutability, access and export."""

from __future__ import annotations

import csv
import math
from pathlib import Path

import numpy as np
import pytest

from hometeams.errors import InvalidArgument
from hometeams.metrics import MetricTable


def table() -> MetricTable:
    return MetricTable(
        by=("team", "period"),
        columns={
            "team": ["north", "north", "south"],
            "period": ["day", "evening", "day"],
            "jobs": [3, 1, 0],
            "mean_delay": [20.0, 50.0, math.nan],
        },
    )


def test_access() -> None:
    """Keys come first; as_dict keys by group tuples; rows are plain Python values."""
    t = table()
    assert len(t) == 3
    assert t.names == ("team", "period", "jobs", "mean_delay")
    assert t.metric_names == ("jobs", "mean_delay")
    assert t.column("jobs").tolist() == [3, 1, 0]
    rows = t.as_dict()
    assert list(rows) == [("north", "day"), ("north", "evening"), ("south", "day")]
    assert rows[("north", "evening")] == {"jobs": 1, "mean_delay": 50.0}
    first = next(t.rows())
    assert first == {"team": "north", "period": "day", "jobs": 3, "mean_delay": 20.0}
    assert type(first["jobs"]) is int
    assert type(first["team"]) is str


def test_whole_run_key_is_empty_tuple() -> None:
    """A table with no keys has one row keyed by ()."""
    assert MetricTable(by=(), columns={"jobs": [5]}).as_dict() == {(): {"jobs": 5}}


def test_columns_are_read_only_copies() -> None:
    """The table copies its input and cannot be written through a column."""
    source = np.array([1.0, 2.0])
    t = MetricTable(by=(), columns={"x": source})
    source[0] = 99.0
    assert t.column("x").tolist() == [1.0, 2.0]
    with pytest.raises(ValueError, match="read-only"):
        t.column("x")[0] = 5.0
    with pytest.raises(TypeError):
        t.columns["y"] = np.zeros(2)  # type: ignore[index]


@pytest.mark.parametrize(("by", "columns", "match"), [
    (("team",), {"jobs": [1]}, "by: key column 'team' is not among"),
    ((), {"a": [1, 2], "b": [1]}, "columns: must have equal lengths"),
    ((), {"a": [[1, 2]]}, r"columns.a: must be one-dimensional"),
])  # fmt: skip
def test_construction_checks(by: tuple[str, ...], columns: dict[str, object], match: str) -> None:
    """Missing key columns, ragged and two-dimensional columns are rejected."""
    with pytest.raises(InvalidArgument, match=match):
        MetricTable(by=by, columns=columns)  # type: ignore[arg-type]


def test_duplicate_keys_cannot_be_a_dict() -> None:
    """as_dict refuses a table whose key names two rows rather than dropping one."""
    t = MetricTable(by=("team",), columns={"team": ["a", "a"], "jobs": [1, 2]})
    assert len(list(t.rows())) == 2
    with pytest.raises(InvalidArgument, match=r"by: the key \('a',\) names more than one row"):
        t.as_dict()


def test_unknown_column() -> None:
    """Asking for a column that is not there names it and lists the others."""
    with pytest.raises(InvalidArgument, match=r"name: unknown column 'idle'.*'jobs'"):
        table().column("idle")


def test_csv(tmp_path: Path) -> None:
    """CSV has a header, one line per row, nan as an empty cell; overwrite is explicit."""
    path = table().to_csv(tmp_path / "m.csv")
    with path.open(encoding="utf-8") as fh:
        lines = list(csv.reader(fh))
    assert lines[0] == ["team", "period", "jobs", "mean_delay"]
    assert lines[1] == ["north", "day", "3", "20.0"]
    assert lines[3] == ["south", "day", "0", ""]
    with pytest.raises(InvalidArgument, match="exists; pass overwrite=True"):
        table().to_csv(path)
    table().to_csv(path, overwrite=True)


def test_pandas() -> None:
    """to_pandas gives a DataFrame with the same columns and values."""
    frame = table().to_pandas()
    assert list(frame.columns) == ["team", "period", "jobs", "mean_delay"]
    assert frame["jobs"].tolist() == [3, 1, 0]
    frame.loc[0, "jobs"] = 7  # the frame is a writable copy; the table is unchanged
    assert table().column("jobs")[0] == 3


def test_repr_is_short() -> None:
    """The repr names the keys, the row count and the columns, not the data."""
    assert repr(table()) == (
        "MetricTable(by=('team', 'period'), rows=3, "
        "columns=['team', 'period', 'jobs', 'mean_delay'])"
    )
