"""Tests of continuity per user and distinct staff per window, from job records."""

from __future__ import annotations

import math
from collections import defaultdict
from typing import Any

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from hometeams.errors import InvalidArgument
from hometeams.metrics import continuity, continuity_by_user, distinct_staff
from hometeams.records import JobRecords, JobState

DAY = 1440.0
NAMES = ("upc", "coc", "secon", "mmci", "hhi", "known_provider")


def make_jobs(rows: list[dict[str, Any]]) -> JobRecords:
    """Job records from short row dicts: user, staff, start and optionally staff2, state, id."""
    cols: dict[str, list[Any]] = defaultdict(list)
    for i, row in enumerate(rows):
        state = row.get("state", JobState.ON_TIME)
        served = state != JobState.UNSERVED
        start = row.get("start", 0.0) if served else math.nan
        ready = row.get("ready", start if served else 0.0)
        cols["id"].append(row.get("id", i))
        cols["user"].append(row["user"])
        cols["staff"].append(row.get("staff", "") if served else "")
        cols["staff2"].append(row.get("staff2", "") if served else "")
        cols["team"].append("north")
        cols["served_by_team"].append("north" if served else "")
        cols["zone"].append("z1")
        cols["kind"].append("visit")
        cols["ready"].append(ready)
        cols["due"].append(ready + 30)
        cols["start"].append(start)
        cols["end"].append(start + 30)
        cols["duration"].append(30.0)
        cols["travel"].append(0.0)
        cols["state"].append(int(state))
        cols["preferred"].append(False)
        cols["preferred_met"].append(False)
        cols["n_staff"].append(2 if row.get("staff2") else 1)
    if not rows:
        return JobRecords.empty()
    return JobRecords(**cols)


def visits(
    user: str, sequence: str, *, every: float = DAY, first: float = 0.0
) -> list[dict[str, Any]]:
    """One visit a day (by default) by each letter of ``sequence``."""
    return [{"user": user, "staff": s, "start": first + k * every} for k, s in enumerate(sequence)]


def test_continuity_by_user_reference() -> None:
    """Each user's row equals the reference indices of their sequence, users sorted."""
    rows = visits("olsen", "AAAABBBB") + visits("hansen", "ABABABAB")
    rows.reverse()  # row order must not matter: sequences are ordered by start
    table = continuity_by_user(make_jobs(rows)).as_dict()
    assert list(table) == [("hansen",), ("olsen",)]
    assert table[("olsen",)]["secon"] == pytest.approx(0.857143, abs=1e-6)
    assert table[("hansen",)]["secon"] == 0.0
    for user in table.values():
        assert user["coc"] == pytest.approx(0.428571, abs=1e-6)
        assert user["mmci"] == pytest.approx(0.859155, abs=1e-6)
        assert (user["n_visits"], user["n_staff"]) == (8, 2)


def test_unserved_and_second_staff_ignored() -> None:
    """Unserved visits are not in the sequence; nor is the second staff of a two-person visit."""
    rows = [
        {"user": "u", "staff": "A", "start": 0.0},
        {"user": "u", "state": JobState.UNSERVED},
        {"user": "u", "staff": "A", "staff2": "B", "start": 60.0},
        {"user": "u", "staff": "A", "start": 120.0},
    ]
    row = continuity_by_user(make_jobs(rows)).as_dict()[("u",)]
    assert (row["n_visits"], row["n_staff"], row["upc"], row["secon"]) == (3, 1, 1.0, 1.0)


def test_ties_broken_by_job_id() -> None:
    """Visits starting at the same minute are ordered by job id."""
    rows = [
        {"user": "u", "staff": "B", "start": 0.0, "id": 2},
        {"user": "u", "staff": "A", "start": 0.0, "id": 1},
        {"user": "u", "staff": "B", "start": 10.0, "id": 3},
    ]
    # by id: A (1), B (2), B (3): one repeat of two pairs
    assert continuity_by_user(make_jobs(rows)).as_dict()[("u",)]["secon"] == 0.5


def test_single_visit_user_has_nan_pairs() -> None:
    """A user with one served visit gets nan COC, SECON and known-provider share."""
    row = continuity_by_user(make_jobs(visits("u", "A"))).as_dict()[("u",)]
    assert row["upc"] == 1.0
    assert math.isnan(row["coc"])
    assert math.isnan(row["secon"])
    assert math.isnan(row["known_provider"])


def test_distinct_staff_by_hand() -> None:
    """Aligned 14-day windows; both staff of a two-person visit count."""
    rows = [
        {"user": "u", "staff": "A", "start": 0.0},
        {"user": "u", "staff": "B", "start": 3 * DAY},
        {"user": "u", "staff": "A", "start": 14 * DAY - 1},  # last minute of window 0
        {"user": "u", "staff": "C", "start": 14 * DAY},  # first minute of window 1
        {"user": "u", "staff": "C", "staff2": "D", "start": 20 * DAY},
        {"user": "u", "staff": "E", "start": 30 * DAY},
        {"user": "v", "staff": "A", "start": 2 * DAY},
        {"user": "v", "state": JobState.UNSERVED},
    ]
    table = distinct_staff(make_jobs(rows))
    # window 0: A, B, A -> 2 staff in 3 visits; window 1: C, C+D -> 2 in 2; window 2: E.
    assert table.as_dict() == {
        ("u", 0): {"window_start": 0.0, "visits": 3, "distinct_staff": 2},
        ("u", 1): {"window_start": 14 * DAY, "visits": 2, "distinct_staff": 2},
        ("u", 2): {"window_start": 28 * DAY, "visits": 1, "distinct_staff": 1},
        ("v", 0): {"window_start": 0.0, "visits": 1, "distinct_staff": 1},
    }
    # With end = 28 days the third window (28-42) is incomplete and dropped.
    assert list(distinct_staff(make_jobs(rows), end=28 * DAY).as_dict()) == [
        ("u", 0),
        ("u", 1),
        ("v", 0),
    ]
    # Aligned at day 3: [-11, 3) holds A; [3, 17) holds B, A, C; [17, 31) holds C+D and E.
    shifted = distinct_staff(make_jobs(rows), origin=3 * DAY).as_dict()
    assert shifted[("u", -1)] == {"window_start": -11 * DAY, "visits": 1, "distinct_staff": 1}
    assert shifted[("u", 0)] == {"window_start": 3 * DAY, "visits": 3, "distinct_staff": 3}
    assert shifted[("u", 1)] == {"window_start": 17 * DAY, "visits": 2, "distinct_staff": 3}


@pytest.mark.parametrize(("kwargs", "match"), [
    ({"window": 0.0}, "window: must be finite and > 0"),
    ({"window": math.inf}, "window: must be finite and > 0"),
    ({"origin": math.nan}, "origin: must be finite"),
    ({"origin": 100.0, "end": 50.0}, "end: must be finite and > origin"),
])  # fmt: skip
def test_distinct_staff_rejects_bad_windows(kwargs: dict[str, float], match: str) -> None:
    """Window length, origin and end are checked and named."""
    with pytest.raises(InvalidArgument, match=match):
        distinct_staff(make_jobs(visits("u", "AB")), **kwargs)


def test_served_job_without_staff_rejected() -> None:
    """A served job with no staff member cannot be measured."""
    jobs = make_jobs([{"user": "u", "staff": "", "start": 0.0}])
    with pytest.raises(InvalidArgument, match=r"jobs.staff\[0\]: a served job needs staff"):
        continuity_by_user(jobs)
    with pytest.raises(InvalidArgument, match="needs staff"):
        distinct_staff(jobs)


@st.composite
def job_rows(draw: st.DrawFn) -> list[dict[str, Any]]:
    """Up to 40 jobs of up to 4 users and 5 staff over 6 weeks, some unserved or two-person."""
    n = draw(st.integers(min_value=0, max_value=40))
    rows = []
    for i in range(n):
        row: dict[str, Any] = {"user": f"u{draw(st.integers(0, 3))}", "id": i}
        if draw(st.integers(0, 5)) == 0:
            row["state"] = JobState.UNSERVED
        else:
            row["staff"] = f"s{draw(st.integers(0, 4))}"
            row["start"] = float(draw(st.integers(0, 42 * 1440)) // 60 * 60)  # hourly: ties
            if draw(st.booleans()) and draw(st.booleans()):
                row["staff2"] = f"s{draw(st.integers(0, 4))}"
        rows.append(row)
    return rows


@given(job_rows())
def test_continuity_by_user_matches_one_user_at_a_time(rows: list[dict[str, Any]]) -> None:
    """The vectorised per-user table equals continuity() of each user's ordered sequence."""
    table = continuity_by_user(make_jobs(rows)).as_dict()
    by_user: dict[str, list[tuple[float, int, str]]] = defaultdict(list)
    for row in rows:
        if row.get("state") != JobState.UNSERVED:
            by_user[row["user"]].append((row["start"], row["id"], row["staff"]))
    assert sorted(table) == sorted((u,) for u in by_user)
    for user, seq in by_user.items():
        expected = continuity([s for _, _, s in sorted(seq)])
        got = table[(user,)]
        assert got["n_visits"] == expected.n_visits
        for name in NAMES:
            e = getattr(expected, name)
            assert (math.isnan(e) and math.isnan(got[name])) or got[name] == pytest.approx(e)


@given(job_rows(), st.sampled_from([7 * DAY, 14 * DAY]), st.integers(0, 3))
def test_distinct_staff_matches_set_counting(
    rows: list[dict[str, Any]], window: float, origin_days: int
) -> None:
    """Distinct staff per window equals counting a set of names per (user, window)."""
    origin = origin_days * DAY
    expected: dict[tuple[str, int], set[str]] = defaultdict(set)
    counts: dict[tuple[str, int], int] = defaultdict(int)
    for row in rows:
        if row.get("state") == JobState.UNSERVED:
            continue
        key = (row["user"], math.floor((row["start"] - origin) / window))
        expected[key] |= {row["staff"], row.get("staff2", "")} - {""}
        counts[key] += 1
    got = distinct_staff(make_jobs(rows), window=window, origin=origin).as_dict()
    assert got == {
        key: {"window_start": origin + key[1] * window, "visits": counts[key],
              "distinct_staff": len(staff)}
        for key, staff in sorted(expected.items())
    }  # fmt: skip


def test_empty_jobs() -> None:
    """No jobs give empty tables, not errors."""
    assert len(continuity_by_user(JobRecords.empty())) == 0
    table = distinct_staff(make_jobs([{"user": "u", "state": JobState.UNSERVED}]))
    assert len(table) == 0
    assert table.names == ("user", "window", "window_start", "visits", "distinct_staff")
    assert np.asarray(table.column("distinct_staff")).dtype == np.int64
