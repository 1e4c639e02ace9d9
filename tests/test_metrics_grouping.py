"""Tests of the grouping of jobs and shifts by team, zone, period and day type."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from hometeams._time import PeriodClock, is_weekend
from hometeams.errors import InvalidArgument
from hometeams.metrics import GROUP_KEYS
from hometeams.metrics._grouping import (
    check_by,
    day_type_labels,
    make_groups,
    period_labels,
)
from hometeams.records import JobRecords, ShiftRecords

clocks = st.tuples(st.integers(0, 600), st.integers(1, 600), st.integers(1, 839)).map(
    lambda t: PeriodClock(day=t[0], evening=t[0] + t[1], night=min(t[0] + t[1] + t[2], 1440))
)


@given(st.lists(st.integers(0, 60 * 1440), min_size=1, max_size=50), clocks)
def test_period_labels_agree_with_clock(times: list[int], clock: PeriodClock) -> None:
    """The vectorised period of each time is PeriodClock.period of that time."""
    t = np.array(times, dtype=np.float64)
    assert period_labels(t, clock).tolist() == [clock.period(float(x)).value for x in times]


@given(st.lists(st.integers(0, 400), min_size=1, max_size=50))
def test_day_type_agrees_with_is_weekend(days: list[int]) -> None:
    """Saturday and Sunday (day index 5 and 6 mod 7) are weekend days."""
    labels = day_type_labels(np.array(days, dtype=np.int64)).tolist()
    assert labels == ["weekend" if is_weekend(d * 1440.0) else "weekday" for d in days]


def test_check_by() -> None:
    """A string is one key; unknown and repeated keys are rejected."""
    assert check_by("zone") == ("zone",)
    assert check_by(()) == ()
    assert check_by(list(GROUP_KEYS)) == GROUP_KEYS
    with pytest.raises(InvalidArgument, match="by: unknown key 'user'"):
        check_by(["user"])
    with pytest.raises(InvalidArgument, match="by: each key at most once"):
        check_by(("zone", "zone"))


def _shifts(team: list[str], period: list[str]) -> ShiftRecords:
    n = len(team)
    return ShiftRecords(
        staff=["s"] * n, team=team, zone=["z"] * n, day=[0] * n, period=period,
        start=[0.0] * n, end=[60.0] * n, rostered=[60.0] * n, busy=[0.0] * n,
        travel=[0.0] * n, idle=[60.0] * n, overtime=[0.0] * n, absent=[False] * n,
    )  # fmt: skip


def test_groups_sorted_and_shared() -> None:
    """Groups are the combinations found; periods in clock order, unknown labels last."""
    shifts = _shifts(["b", "a", "a", "b"], ["night", "evening", "x", "day"])
    groups = make_groups(("team", "period"), JobRecords.empty(), shifts, clock=PeriodClock())
    assert groups.n == 4
    assert groups.keys["team"].tolist() == ["a", "a", "b", "b"]
    assert groups.keys["period"].tolist() == ["evening", "x", "day", "night"]
    assert groups.shifts.tolist() == [3, 0, 1, 2]
    assert groups.jobs.tolist() == []


def test_no_keys_is_one_group() -> None:
    """Without keys every row is in group 0."""
    shifts = _shifts(["b", "a"], ["day", "day"])
    groups = make_groups((), JobRecords.empty(), shifts, clock=PeriodClock())
    assert (groups.n, groups.shifts.tolist(), groups.keys) == (1, [0, 0], {})
