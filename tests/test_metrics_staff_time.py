"""Tests of the per-group staff-time figures: Kari's evening and Per's sick leave."""

from __future__ import annotations

import numpy as np
import pytest

from hometeams.metrics._staff_time import staff_time_metrics, travel_per_visit
from hometeams.records import ShiftRecords

# Kari: 480 rostered = 250 busy + 90 travel + 140 idle, then 20 minutes' overtime.
# Per: rostered the same evening, absent.  Ola: another team, 480 idle.
SHIFTS = ShiftRecords(
    staff=["kari", "per", "ola"], team=["a", "a", "b"], zone=["z"] * 3, day=[1] * 3,
    period=["evening"] * 3, start=[2340.0] * 3, end=[2820.0] * 3, rostered=[480.0] * 3,
    busy=[250.0, 0.0, 0.0], travel=[90.0, 0.0, 0.0], idle=[140.0, 0.0, 480.0],
    overtime=[20.0, 0.0, 0.0], absent=[False, True, False],
)  # fmt: skip


def test_kari_and_per_by_hand() -> None:
    """Absent shifts are outside utilisation's numerator and denominator, and reported apart."""
    got = staff_time_metrics(SHIFTS, np.array([0, 0, 1]), 3)
    assert got["utilisation"][0] == pytest.approx((250 + 90) / 480)
    assert got["idle_share"][0] == pytest.approx(140 / 480)
    assert got["face_to_face_share"][0] == pytest.approx(250 / (480 + 20))
    assert got["staff_hours"][0] == pytest.approx((480 + 20) / 60)
    assert got["rostered_hours"][0] == 16.0
    assert got["absent_hours"][0] == 8.0
    assert got["absent_share"][0] == 0.5
    assert got["overtime_hours"][0] == pytest.approx(20 / 60)
    # her 20 overtime minutes are not on site (overtime_busy 0), so they are travel
    assert got["travel_hours"][0] == pytest.approx((90 + 20) / 60)
    assert got["travel_share"][0] == pytest.approx(110 / (250 + 110))
    assert (got["utilisation"][1], got["idle_share"][1]) == (0.0, 1.0)
    # group 2 has no shifts: hours are 0, shares have no denominator
    assert got["staff_hours"][2] == 0.0
    assert np.isnan(got["utilisation"][2])
    assert np.isnan(got["absent_share"][2])


def test_overtime_spent_with_the_user_counts_as_face_to_face() -> None:
    """Kari's 20 overtime minutes, 15 of them finishing a visit: (250 + 15) / (480 + 20)."""
    cols = SHIFTS.columns()
    cols["overtime_busy"] = np.array([15.0, 0.0, 0.0])
    got = staff_time_metrics(ShiftRecords(**cols), np.array([0, 0, 1]), 2)
    assert got["face_to_face_share"][0] == pytest.approx(265 / 500)
    assert got["utilisation"][0] == pytest.approx((250 + 90) / 480)  # within the shift only
    assert got["travel_hours"][0] == pytest.approx((90 + 5) / 60)  # the other 5 on the road
    assert got["travel_share"][0] == pytest.approx(95 / (265 + 95))


def test_travel_raises_utilisation_but_not_face_to_face_share() -> None:
    """Ola's idle hour spent driving instead: utilisation and travel up, time with users not."""
    cols = SHIFTS.columns()
    cols["travel"] = np.array([90.0, 0.0, 60.0])
    cols["idle"] = np.array([140.0, 0.0, 420.0])
    got = staff_time_metrics(ShiftRecords(**cols), np.array([0, 0, 1]), 2)
    assert got["utilisation"][1] == pytest.approx(60 / 480)
    assert got["face_to_face_share"][1] == 0.0
    assert got["travel_hours"][1] == 1.0
    assert got["travel_share"][1] == 1.0


def test_travel_per_visit_needs_time_worked() -> None:
    """Travel minutes per served job; no figure for a group with jobs but no time worked."""
    got = travel_per_visit(np.array([1.5, 0.0, 2.0]), np.array([3.0, 4.0, 0.0]),
                           np.array([8.0, 0.0, 8.0]))  # fmt: skip
    assert got[0] == 30.0  # 90 minutes over three visits
    assert np.isnan(got[1])  # four jobs, nobody's shift in the group
    assert np.isnan(got[2])  # no served job


def test_only_absent_shifts() -> None:
    """A group whose every shift was absent has no utilisation, and absence share 1."""
    got = staff_time_metrics(SHIFTS.take([1]), np.array([0]), 1)
    assert np.isnan(got["utilisation"][0])
    assert got["absent_share"][0] == 1.0
