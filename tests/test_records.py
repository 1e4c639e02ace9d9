"""Tests of the columnar records: shape checks, selection, CSV export."""

from __future__ import annotations

import csv
import math
from pathlib import Path

import numpy as np
import pytest

from hometeams.errors import InvalidArgument
from hometeams.records import JobRecords, JobState, Records, ShiftRecords, describe_columns


def _jobs(n: int = 3) -> JobRecords:
    served = np.arange(n) % 3 != 2
    return JobRecords(
        id=np.arange(n),
        user=[f"u{i}" for i in range(n)],
        staff=np.where(served, "kari", ""),
        staff2=[""] * n,
        team=["north"] * n,
        served_by_team=np.where(served, "north", ""),
        zone=["north"] * n,
        kind=["visit"] * n,
        ready=np.arange(n) * 60.0,
        due=np.arange(n) * 60.0 + 30,
        start=np.where(served, np.arange(n) * 60.0 + 10, np.nan),
        end=np.where(served, np.arange(n) * 60.0 + 40, np.nan),
        duration=[30.0] * n,
        travel=[5.0] * n,
        state=np.where(served, JobState.ON_TIME, JobState.UNSERVED),
        preferred=[False] * n,
        preferred_met=[False] * n,
        n_staff=[1] * n,
    )


def _shifts() -> ShiftRecords:
    return ShiftRecords(
        staff=["kari", "ola"],
        team=["north", "north"],
        zone=["north", "north"],
        day=[0, 0],
        period=["day", "day"],
        start=[420.0, 420.0],
        end=[900.0, 900.0],
        rostered=[480.0, 480.0],
        busy=[300.0, 0.0],
        travel=[60.0, 0.0],
        idle=[120.0, 0.0],
        overtime=[15.0, 0.0],
        absent=[False, True],
    )


def test_columns_must_have_equal_length() -> None:
    """A table whose columns differ in length is refused, naming the lengths."""
    cols = _shifts().columns()
    cols["busy"] = cols["busy"][:1]
    with pytest.raises(InvalidArgument, match="differ in length"):
        ShiftRecords(**cols)


def test_delay_and_take() -> None:
    """Delay is start - ready, nan when unserved; take selects rows in every column."""
    jobs = _jobs(3)
    assert jobs.delay[:2].tolist() == [10.0, 10.0]
    assert math.isnan(jobs.delay[2])
    late = jobs.take(jobs.state == JobState.UNSERVED)
    assert len(late) == 1
    assert late.user.tolist() == ["u2"]


def test_csv_round_trip_of_values(tmp_path: Path) -> None:
    """CSV has a header of column names and one row per job; nan is written empty."""
    path = _jobs(3).to_csv(tmp_path / "jobs.csv")
    with path.open() as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == list(JobRecords.column_names())
    assert [r["user"] for r in rows] == ["u0", "u1", "u2"]
    assert rows[2]["start"] == ""
    assert float(rows[1]["start"]) == 70.0


def test_csv_never_overwrites_without_asking(tmp_path: Path) -> None:
    """Writing over an existing file needs overwrite=True."""
    target = tmp_path / "jobs.csv"
    target.write_text("mine")
    with pytest.raises(InvalidArgument, match="exists"):
        _jobs().to_csv(target)
    assert target.read_text() == "mine"
    _jobs().to_csv(target, overwrite=True)
    assert target.read_text().startswith("id,")


def test_after_warmup_drops_early_rows(tmp_path: Path) -> None:
    """Jobs ready and shifts starting before the warm-up are left out."""
    records = Records(_jobs(3), _shifts(), warmup=60.0, horizon=1440.0)
    trimmed = records.after_warmup()
    assert trimmed.jobs.ready.tolist() == [60.0, 120.0]
    assert len(trimmed.shifts) == 2  # both start at 07:00 = minute 420, after the warm-up
    later = Records(_jobs(3), _shifts(), warmup=421.0, horizon=1440.0).after_warmup()
    assert (len(later.jobs), len(later.shifts)) == (0, 0)
    written = records.to_csv(tmp_path / "out")
    assert all(p.exists() for p in written)


def test_rows_and_empty() -> None:
    """rows() yields Python values; empty() has every column and no rows."""
    first = next(_shifts().rows())
    assert first["staff"] == "kari"
    assert first["absent"] is False
    assert len(ShiftRecords.empty()) == 0
    assert [name for name, _ in describe_columns(ShiftRecords)] == list(ShiftRecords.column_names())
