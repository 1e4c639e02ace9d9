"""Tests that records which cannot be measured are rejected with the field named."""

from __future__ import annotations

import math

import pytest

from hometeams.errors import InvalidArgument
from hometeams.metrics._checks import check_records
from hometeams.records import JobRecords, Records, ShiftRecords


def one_job(**changes: object) -> JobRecords:
    cols: dict[str, object] = {
        "id": [0], "user": ["u"], "staff": ["kari"], "staff2": [""], "team": ["t"],
        "served_by_team": ["t"], "zone": ["z"], "kind": ["visit"], "ready": [0.0],
        "due": [30.0], "start": [10.0], "end": [40.0], "duration": [30.0], "travel": [0.0],
        "state": [0], "preferred": [False], "preferred_met": [False], "n_staff": [1],
    }  # fmt: skip
    cols.update({k: [v] for k, v in changes.items()})
    return JobRecords(**cols)


def one_shift(**changes: object) -> ShiftRecords:
    cols: dict[str, object] = {
        "staff": ["kari"], "team": ["t"], "zone": ["z"], "day": [0], "period": ["day"],
        "start": [420.0], "end": [900.0], "rostered": [480.0], "busy": [200.0],
        "travel": [80.0], "idle": [200.0], "overtime": [0.0], "absent": [False],
    }  # fmt: skip
    cols.update({k: [v] for k, v in changes.items()})
    return ShiftRecords(**cols)


def test_valid_records_pass() -> None:
    """A served job and a conserved shift are accepted; an unserved job needs no start."""
    check_records(Records(one_job(), one_shift()))
    check_records(Records(one_job(state=2, staff="", start=math.nan), ShiftRecords.empty()))


@pytest.mark.parametrize(("changes", "match"), [
    ({"state": 7}, r"records.jobs.state\[0\]: must be 0 \(on time\), .* got 7"),
    ({"ready": math.nan}, r"records.jobs.ready\[0\]: must be finite, got nan"),
    ({"start": math.nan}, r"records.jobs.start\[0\]: a served job needs a start"),
    ({"state": 1, "staff": ""}, r"records.jobs.staff\[0\]: a served job needs staff, got ''"),
])  # fmt: skip
def test_bad_jobs(changes: dict[str, object], match: str) -> None:
    """Unknown states, missing ready times, starts or staff of served jobs are named."""
    with pytest.raises(InvalidArgument, match=match):
        check_records(Records(one_job(**changes), ShiftRecords.empty()))


@pytest.mark.parametrize("column", ["rostered", "busy", "travel", "idle", "overtime"])
@pytest.mark.parametrize("value", [-5.0, math.inf, math.nan])
def test_bad_shift_minutes(column: str, value: float) -> None:
    """Negative or non-finite shift minutes are named with the row and value."""
    with pytest.raises(InvalidArgument, match=rf"records.shifts.{column}\[0\]: must be finite"):
        check_records(Records(JobRecords.empty(), one_shift(**{column: value})))
