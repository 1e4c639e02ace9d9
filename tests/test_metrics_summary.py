"""Tests of summarise() and metrics(): hand-computed figures per group, and properties."""

from __future__ import annotations

import itertools
import math

import attrs
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from hometeams._time import PeriodClock
from hometeams.errors import InvalidArgument
from hometeams.metrics import GROUP_KEYS, METRICS, metrics, summarise
from hometeams.records import JobRecords, JobState, Records, ShiftRecords

DAY = 1440.0
SAT = 5 * DAY
NAN = math.nan
ON, LATE, UNSERVED = JobState.ON_TIME, JobState.LATE, JobState.UNSERVED

# A Monday and a Saturday in two teams.  Shifts (minutes):
#   S1 kari  north z1 Mon day     rostered 480 = busy 240 + travel  60 + idle 180, overtime 30
#   S2 per   north z1 Mon evening rostered 480 = busy 120 + travel  60 + idle 300
#   S3 ola   south z2 Sat day     rostered 480 = busy 300 + travel 120 + idle  60
#   S4 eva   south z2 Sat day     rostered 480, absent
SHIFTS = ShiftRecords(
    staff=["kari", "per", "ola", "eva"],
    team=["north", "north", "south", "south"],
    zone=["z1", "z1", "z2", "z2"],
    day=[0, 0, 5, 5],
    period=["day", "evening", "day", "day"],
    start=[420.0, 900.0, SAT + 420, SAT + 420],
    end=[900.0, 1380.0, SAT + 900, SAT + 900],
    rostered=[480.0] * 4,
    busy=[240.0, 120.0, 300.0, 0.0],
    travel=[60.0, 60.0, 120.0, 0.0],
    idle=[180.0, 300.0, 60.0, 0.0],
    overtime=[30.0, 0.0, 0.0, 0.0],
    absent=[False, False, False, True],
)
# Jobs (ready -> start, delay):
#   J0 olsen  kari       north Mon 08:00 day      490  10  on time  preferred, met
#   J1 olsen  per        north Mon 16:00 evening 1010  50  late     preferred, not met
#   J2 olsen  kari       north Tue 08:00 day     1920   0  on time
#   J3 hansen ola + siri south Sat 08:00 day     +500  20  on time  preferred, met
#   J4 hansen -          south Sat 10:00 day     -      -  unserved preferred
#   J5 hansen ola        south Sat 13:20 day     +830  30  on time
JOBS = JobRecords(
    id=[0, 1, 2, 3, 4, 5],
    user=["olsen", "olsen", "olsen", "hansen", "hansen", "hansen"],
    staff=["kari", "per", "kari", "ola", "", "ola"],
    staff2=["", "", "", "siri", "", ""],
    team=["north", "north", "north", "south", "south", "south"],
    served_by_team=["north", "north", "north", "south", "", "south"],
    zone=["z1", "z1", "z1", "z2", "z2", "z2"],
    kind=["visit"] * 6,
    ready=[480.0, 960.0, 1920.0, SAT + 480, SAT + 600, SAT + 800],
    due=[510.0, 990.0, 1950.0, SAT + 510, SAT + 630, SAT + 840],
    start=[490.0, 1010.0, 1920.0, SAT + 500, NAN, SAT + 830],
    end=[520.0, 1040.0, 1950.0, SAT + 560, NAN, SAT + 860],
    duration=[30.0, 30.0, 30.0, 60.0, 30.0, 30.0],
    travel=[10.0] * 6,
    state=[ON, LATE, ON, ON, UNSERVED, ON],
    preferred=[True, True, False, True, True, False],
    preferred_met=[True, False, False, True, False, False],
    n_staff=[1, 1, 1, 2, 1, 1],
)
RECORDS = Records(JOBS, SHIFTS, horizon=14 * DAY)

# Continuity: olsen sees kari, per, kari (N=3, M=2, counts 2 and 1); hansen sees ola, ola.
OLSEN = {
    "upc": 2 / 3,
    "coc": (4 + 1 - 3) / (3 * 2),
    "secon": 0.0,
    "mmci": (1 - 2 / 3.1) / (1 - 1 / 3.1),
    "hhi": 4 / 9 + 1 / 9,
    "known_provider": (3 - 2) / 2,
}
PERFECT = dict.fromkeys(OLSEN, 1.0)

WHOLE = {
    "jobs": 6, "served": 5, "unserved": 1, "unserved_share": 1 / 6,
    "on_time_share": 4 / 6, "late_share": 1 / 6,
    "mean_delay": (10 + 50 + 0 + 20 + 30) / 5,
    "p90_delay": 30 + 0.6 * (50 - 30),  # sorted 0 10 20 30 50, position 0.9 * 4 = 3.6
    "competence_match": 2 / 3,  # J0 met, J1 not, J3 met; J4 unserved is left out
    "plan_deviation": math.nan, "moved_visits_share": math.nan,  # no work lists
    "rostered_hours": 4 * 8.0,
    "staff_hours": (3 * 480 + 30) / 60,
    "utilisation": (660 + 240) / 1440,  # busy 660, travel 240 over three worked shifts
    "idle_share": 540 / 1440,
    "face_to_face_share": 660 / (1440 + 30),
    # travel 60 + 60 + 120 within shifts, plus S1's 30 overtime minutes (none on site)
    "travel_hours": (240 + 30) / 60, "travel_share": 270 / (660 + 270),
    "travel_per_visit": 270 / 5,  # five served jobs
    "overtime_hours": 0.5,
    "absent_hours": 8.0,
    "absent_share": 480 / 1920,
    "users": 2, "continuity_users": 2,
    "mean_distinct_staff_14d": (2 + 2) / 2,  # olsen: kari, per; hansen: ola, siri
    **{f"mean_{k}": (OLSEN[k] + 1.0) / 2 for k in OLSEN},
}  # fmt: skip

NORTH = {
    "jobs": 3, "served": 3, "unserved": 0, "unserved_share": 0.0,
    "on_time_share": 2 / 3, "late_share": 1 / 3,
    "mean_delay": (10 + 50 + 0) / 3,
    "p90_delay": 10 + 0.8 * (50 - 10),  # sorted 0 10 50, position 1.8
    "competence_match": 1 / 2,
    "plan_deviation": math.nan, "moved_visits_share": math.nan,  # no work lists
    "rostered_hours": 16.0, "staff_hours": (960 + 30) / 60,
    "utilisation": (360 + 120) / 960, "idle_share": 480 / 960,
    "face_to_face_share": 360 / (960 + 30),
    "travel_hours": (120 + 30) / 60, "travel_share": 150 / (360 + 150),
    "travel_per_visit": 150 / 3,
    "overtime_hours": 0.5, "absent_hours": 0.0, "absent_share": 0.0,
    "users": 1, "continuity_users": 1, "mean_distinct_staff_14d": 2.0,
    **{f"mean_{k}": v for k, v in OLSEN.items()},
}  # fmt: skip

SOUTH = {
    "jobs": 3, "served": 2, "unserved": 1, "unserved_share": 1 / 3,
    "on_time_share": 2 / 3, "late_share": 0.0,
    "mean_delay": (20 + 30) / 2,
    "p90_delay": 20 + 0.9 * (30 - 20),  # sorted 20 30, position 0.9
    "competence_match": 1.0,
    "plan_deviation": math.nan, "moved_visits_share": math.nan,  # no work lists
    "rostered_hours": 16.0, "staff_hours": 8.0,
    "utilisation": (300 + 120) / 480, "idle_share": 60 / 480, "face_to_face_share": 300 / 480,
    "travel_hours": 2.0, "travel_share": 120 / (300 + 120), "travel_per_visit": 120 / 2,
    "overtime_hours": 0.0, "absent_hours": 8.0, "absent_share": 0.5,
    "users": 1, "continuity_users": 1, "mean_distinct_staff_14d": 2.0,
    **{f"mean_{k}": v for k, v in PERFECT.items()},
}  # fmt: skip


def assert_row(got: dict[str, object], expected: dict[str, float]) -> None:
    assert set(got) == set(expected)
    for name, value in expected.items():
        actual = got[name]
        assert isinstance(actual, int | float), name
        if math.isnan(value):
            assert math.isnan(actual), name
        else:
            assert actual == pytest.approx(value, abs=1e-12), name


def test_whole_run_by_hand() -> None:
    """The single whole-run row matches the figures computed by hand."""
    table = summarise(RECORDS)
    assert table.by == ()
    assert list(table.as_dict()) == [()]
    assert_row(table.as_dict()[()], WHOLE)


def test_metrics_is_the_whole_run_row() -> None:
    """metrics() returns every catalogue name, in order, as floats equal to the hand figures."""
    m = metrics(RECORDS)
    assert list(m) == list(METRICS)
    assert all(type(v) is float for v in m.values())
    assert_row(m, WHOLE)


def test_by_team_by_hand() -> None:
    """Per team: jobs by owning team, shifts by rostered team."""
    table = summarise(RECORDS, by="team")
    assert table.names[:1] == ("team",)
    rows = table.as_dict()
    assert list(rows) == [("north",), ("south",)]
    assert_row(rows[("north",)], NORTH)
    assert_row(rows[("south",)], SOUTH)


def test_by_day_type_by_hand() -> None:
    """Monday is a weekday and Saturday a weekend: the same split as the teams here."""
    rows = summarise(RECORDS, by=["day_type"]).as_dict()
    assert list(rows) == [("weekday",), ("weekend",)]
    assert_row(rows[("weekday",)], NORTH)
    assert_row(rows[("weekend",)], SOUTH)


def test_by_period_by_hand() -> None:
    """Per period: continuity within the period; a user with one evening visit has no index."""
    rows = summarise(RECORDS, by="period").as_dict()
    assert list(rows) == [("day",), ("evening",)]
    evening = {
        "jobs": 1, "served": 1, "unserved": 0, "unserved_share": 0.0,
        "on_time_share": 0.0, "late_share": 1.0, "mean_delay": 50.0, "p90_delay": 50.0,
        "competence_match": 0.0,
        "plan_deviation": NAN, "moved_visits_share": NAN,  # no work lists
        "rostered_hours": 8.0, "staff_hours": 8.0,
        "utilisation": 180 / 480, "idle_share": 300 / 480, "face_to_face_share": 120 / 480,
        "travel_hours": 1.0, "travel_share": 60 / (120 + 60), "travel_per_visit": 60 / 1,
        "overtime_hours": 0.0, "absent_hours": 0.0, "absent_share": 0.0,
        "users": 1, "continuity_users": 0,  # olsen's single evening visit
        "mean_distinct_staff_14d": 1.0,
        **{f"mean_{k}": NAN for k in OLSEN},
    }  # fmt: skip
    day = {
        "jobs": 5, "served": 4, "unserved": 1, "unserved_share": 1 / 5,
        "on_time_share": 4 / 5, "late_share": 0.0,
        "mean_delay": (10 + 0 + 20 + 30) / 4,
        "p90_delay": 20 + 0.7 * (30 - 20),  # sorted 0 10 20 30, position 2.7
        "competence_match": 1.0,  # J0 and J3
        "plan_deviation": NAN, "moved_visits_share": NAN,  # no work lists
        "rostered_hours": 24.0, "staff_hours": (960 + 30) / 60,
        "utilisation": (540 + 180) / 960, "idle_share": 240 / 960,
        "face_to_face_share": 540 / (960 + 30),
        # S1 and S3: travel 60 + 120 and S1's 30 overtime minutes; busy 240 + 300
        "travel_hours": (180 + 30) / 60, "travel_share": 210 / (540 + 210),
        "travel_per_visit": 210 / 4,
        "overtime_hours": 0.5, "absent_hours": 8.0, "absent_share": 480 / 1440,
        "users": 2, "continuity_users": 2,  # olsen: kari, kari; hansen: ola, ola
        "mean_distinct_staff_14d": (1 + 2) / 2,  # kari; ola and siri
        **{f"mean_{k}": 1.0 for k in OLSEN},
    }  # fmt: skip
    assert_row(rows[("day",)], day)
    assert_row(rows[("evening",)], evening)


def test_two_keys_in_order() -> None:
    """Groups of two keys are the combinations that occur, sorted team first."""
    table = summarise(RECORDS, by=("team", "period"))
    assert table.names[:2] == ("team", "period")
    assert list(table.as_dict()) == [("north", "day"), ("north", "evening"), ("south", "day")]
    assert table.column("jobs").tolist() == [2, 1, 3]
    assert table.column("rostered_hours").tolist() == [8.0, 8.0, 16.0]


def test_periods_sorted_by_the_clock_not_alphabet() -> None:
    """Periods come day, evening, night; a custom clock moves jobs but not recorded shifts."""
    clock = PeriodClock(day=510.0, evening=1020.0, night=1380.0)
    table = summarise(RECORDS, by="period", clock=clock)
    # ready clock times: J0 08:00 night, J1 16:00 day, J2 08:00 night, J3 08:00 night,
    # J4 10:00 day, J5 13:20 day.  Shifts keep their recorded day/evening.
    assert table.column("period").tolist() == ["day", "evening", "night"]
    assert table.column("jobs").tolist() == [3, 0, 3]
    assert table.column("rostered_hours").tolist() == [24.0, 8.0, 0.0]


def test_group_without_jobs_is_nan_not_zero() -> None:
    """A team with shifts but no jobs: counts 0, job ratios and continuity nan."""
    night = ShiftRecords(
        staff=["nina"], team=["patrol"], zone=["z1"], day=[0], period=["night"],
        start=[1380.0], end=[1860.0], rostered=[480.0], busy=[0.0], travel=[0.0],
        idle=[480.0], overtime=[0.0], absent=[False],
    )  # fmt: skip
    shifts = ShiftRecords(
        **{n: np.concatenate([SHIFTS.columns()[n], night.columns()[n]]) for n in night.columns()}
    )
    row = summarise(attrs.evolve(RECORDS, shifts=shifts), by="team").as_dict()[("patrol",)]
    assert (row["jobs"], row["served"], row["users"]) == (0, 0, 0)
    assert (row["utilisation"], row["idle_share"]) == (0.0, 1.0)
    for name in ("unserved_share", "on_time_share", "mean_delay", "p90_delay",
                 "competence_match", "mean_upc", "mean_distinct_staff_14d"):  # fmt: skip
        assert math.isnan(row[name]), name  # type: ignore[arg-type]


def test_jobs_without_shifts() -> None:
    """Records with jobs only: staff-time ratios nan, hours 0."""
    m = metrics(Records(JOBS, ShiftRecords.empty()))
    assert math.isnan(m["utilisation"])
    assert math.isnan(m["absent_share"])
    assert m["staff_hours"] == 0.0
    assert m["jobs"] == 6.0


def test_warmup_excluded() -> None:
    """Jobs ready and shifts starting before the warm-up are left out; fortnights start there."""
    late_start = attrs.evolve(RECORDS, warmup=DAY, horizon=DAY + 14 * DAY)
    m = metrics(late_start)
    # J0, J1 (Monday) and S1, S2 (Monday) go; J2..J5, S3, S4 stay.
    assert m["jobs"] == 4.0
    assert m["rostered_hours"] == 16.0
    assert m["continuity_users"] == 1.0  # olsen keeps one visit
    # one whole fortnight [1440, 21600): olsen kari; hansen ola, siri.
    assert m["mean_distinct_staff_14d"] == 1.5
    # horizon 14 days: the fortnight from the warm-up's end is cut short, so it does not count
    assert math.isnan(
        metrics(attrs.evolve(late_start, horizon=14 * DAY))["mean_distinct_staff_14d"]
    )


def test_short_run_has_no_fortnight() -> None:
    """A one-week run has no whole fortnight: nan, not an undercount; unknown horizon counts all."""
    assert math.isnan(metrics(attrs.evolve(RECORDS, horizon=7 * DAY))["mean_distinct_staff_14d"])
    assert metrics(attrs.evolve(RECORDS, horizon=0.0))["mean_distinct_staff_14d"] == 2.0


def test_nothing_after_warmup_rejected() -> None:
    """Records with nothing left after the warm-up are an error."""
    with pytest.raises(InvalidArgument, match="no jobs or shifts are left after the warm-up"):
        summarise(attrs.evolve(RECORDS, warmup=30 * DAY))


@pytest.mark.parametrize(("by", "match"), [
    ("shift", "by: unknown key 'shift'"),
    (["team", "team"], "by: each key at most once"),
])  # fmt: skip
def test_bad_grouping_rejected(by: object, match: str) -> None:
    """Unknown or repeated grouping keys are rejected by name."""
    with pytest.raises(InvalidArgument, match=match):
        summarise(RECORDS, by=by)  # type: ignore[arg-type]


def test_impossible_records_rejected() -> None:
    """A served job without a start is rejected with its table, column and row."""
    cols = JOBS.columns()
    cols["start"] = cols["start"].copy()
    cols["start"][2] = NAN
    with pytest.raises(InvalidArgument, match=r"records.jobs.start\[2\]: a served job needs"):
        metrics(attrs.evolve(RECORDS, jobs=JobRecords(**cols)))


# --- properties on random records --------------------------------------------------------


_JOB = st.tuples(
    st.sampled_from([0, 0, 1, 2]),  # state
    st.integers(0, 21 * 1440),  # ready
    st.integers(0, 120),  # delay
    st.integers(0, 4),  # user
    st.integers(0, 4),  # staff
    st.sampled_from(["", "", "s1"]),  # second staff
    st.sampled_from(["", "a", "b"]),  # team
    st.sampled_from(["z1", "z2"]),  # zone
    st.booleans(),  # preferred
    st.booleans(),  # preferred met
)
_SHIFT = st.tuples(
    st.integers(0, 20),  # day
    st.integers(1, 600),  # rostered minutes
    st.integers(0, 600),  # first cut: busy
    st.integers(0, 600),  # second cut: busy + travel
    st.integers(0, 60),  # overtime
    st.sampled_from([False, False, False, True]),  # absent
    st.integers(0, 4),  # staff
    st.sampled_from(["", "a", "b"]),  # team
    st.sampled_from(["z1", "z2"]),  # zone
    st.sampled_from(["day", "evening", "night"]),  # period
)


def _jobs(rows: list[tuple[int, int, int, int, int, str, str, str, bool, bool]]) -> JobRecords:
    if not rows:
        return JobRecords.empty()
    state = [r[0] for r in rows]
    ready = [float(r[1]) for r in rows]
    start = [float(r[1] + r[2]) if r[0] < 2 else NAN for r in rows]
    served = [s < 2 for s in state]
    return JobRecords(
        id=range(len(rows)), user=[f"u{r[3]}" for r in rows],
        staff=[f"s{r[4]}" if ok else "" for r, ok in zip(rows, served, strict=True)],
        staff2=[r[5] if ok else "" for r, ok in zip(rows, served, strict=True)],
        team=[r[6] for r in rows], served_by_team=[""] * len(rows), zone=[r[7] for r in rows],
        kind=["visit"] * len(rows), ready=ready, due=[r + 60 for r in ready], start=start,
        end=[s + 30 for s in start], duration=[30.0] * len(rows), travel=[0.0] * len(rows),
        state=state, preferred=[r[8] for r in rows], preferred_met=[r[9] for r in rows],
        n_staff=[1] * len(rows),
    )  # fmt: skip


def _shifts(rows: list[tuple[int, int, int, int, int, bool, int, str, str, str]]) -> ShiftRecords:
    if not rows:
        return ShiftRecords.empty()
    cols: dict[str, list[object]] = {n: [] for n in ShiftRecords.column_names()}
    for day, rostered, c1, c2, overtime, absent, staff, team, zone, period in rows:
        cut1, cut2 = sorted((min(c1, rostered), min(c2, rostered)))
        busy, travel, idle = (0, 0, 0) if absent else (cut1, cut2 - cut1, rostered - cut2)
        for name, value in (
            ("staff", f"s{staff}"), ("team", team), ("zone", zone), ("day", day),
            ("period", period), ("start", day * DAY + 420), ("end", day * DAY + 420 + rostered),
            ("rostered", rostered), ("busy", busy), ("travel", travel), ("idle", idle),
            ("overtime", 0 if absent else overtime), ("absent", absent),
            ("overtime_busy", 0 if absent else overtime / 2),
        ):  # fmt: skip
            cols[name].append(value)
    return ShiftRecords(**cols)


@st.composite
def random_records(draw: st.DrawFn) -> Records:
    """Valid records: up to 30 jobs and 12 shifts over 3 weeks; shift minutes conserved."""
    jobs = draw(st.lists(_JOB, max_size=30))
    shifts = draw(st.lists(_SHIFT, min_size=0 if jobs else 1, max_size=12))
    horizon = draw(st.sampled_from([0.0, 14 * DAY, 28 * DAY]))
    return Records(_jobs(jobs), _shifts(shifts), horizon=horizon)


GROUPINGS = [c for k in range(len(GROUP_KEYS) + 1) for c in itertools.combinations(GROUP_KEYS, k)]
SHARES = [n for n, info in METRICS.items() if info.unit in ("share", "index")]
ADDITIVE = ["jobs", "served", "unserved", "rostered_hours", "staff_hours", "overtime_hours",
            "absent_hours"]  # fmt: skip


@given(random_records(), st.sampled_from(GROUPINGS))
def test_group_properties(records: Records, by: tuple[str, ...]) -> None:
    """Shares in [0, 1]; utilisation + idle = 1; on time + late + unserved = 1; sums add up."""
    table = summarise(records, by=by)
    whole = metrics(records)
    for name in SHARES:
        col = table.column(name)
        ok = np.isnan(col) | ((col >= 0) & (col <= 1 + 1e-12))
        assert ok.all(), name
    worked = table.column("staff_hours") - table.column("overtime_hours") > 0
    total = table.column("utilisation") + table.column("idle_share")
    assert np.allclose(total[worked], 1.0)
    assert np.isnan(total[~worked]).all()  # no worked time: nan, never 0
    has_jobs = table.column("jobs") > 0
    shares = table.column("on_time_share") + table.column("late_share")
    assert np.allclose((shares + table.column("unserved_share"))[has_jobs], 1.0)
    for name in ADDITIVE:
        assert table.column(name).sum() == pytest.approx(whole[name]), name
    served = table.column("served")
    if whole["served"]:
        weighted = np.nansum(table.column("mean_delay") * served) / whole["served"]
        assert weighted == pytest.approx(whole["mean_delay"])


@given(random_records())
def test_no_grouping_equals_metrics(records: Records) -> None:
    """metrics() is the single row of summarise() with no grouping."""
    row = summarise(records).as_dict()[()]
    m = metrics(records)
    for name, value in m.items():
        expected = row[name]
        assert (math.isnan(value) and math.isnan(expected)) or value == expected  # type: ignore[arg-type]
