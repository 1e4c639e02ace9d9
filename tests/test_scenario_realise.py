"""Tests for hometeams.scenario._realise: jobs, shifts, absences and their random streams.

Statistical tests use fixed seeds and a tolerance of 4 standard errors computed from theory
(the chance that a correct implementation falls outside is about 6e-5 per check).
"""

from __future__ import annotations

import math
from collections import Counter

import attrs
import numpy as np
import pytest
from hypothesis import given
from scipy import stats

from hometeams._time import DAY, WEEK
from hometeams.errors import InvalidScenario
from hometeams.scenario import (
    Absence,
    Absences,
    Alarms,
    ArrivalProcess,
    Demand,
    Discharges,
    Episode,
    Exponential,
    Fixed,
    LogNormal,
    Roster,
    RosterLine,
    Scenario,
    Shift,
    SickLeave,
    VisitPlan,
    realise,
)
from sim_strategies import scenarios, small_district

ORG = small_district()
ROSTER = Roster.weekly({"kari": {"daily": "day"}, "ola": {"daily": "evening"}})


def scenario(**changes: object) -> Scenario:
    fields: dict[str, object] = {"horizon": 2 * WEEK, **changes}
    roster = fields.pop("roster", ROSTER)
    return Scenario(ORG, roster, **fields)  # type: ignore[arg-type]


# -- visits ----------------------------------------------------------------------------------


def test_visit_plan_expands_to_each_day_and_time() -> None:
    """Daily 08:00 and 20:00 over 14 days: 28 visits at 480 + 1440 d and 1200 + 1440 d."""
    plan = VisitPlan("u1", days="daily", times=["08:00", "20:00"], duration=30, window=45)
    jobs = realise(scenario(demand=Demand(visits=[plan])), seed=1).jobs
    expected = sorted([480.0 + DAY * d for d in range(14)] + [1200.0 + DAY * d for d in range(14)])
    assert jobs.ready.tolist() == expected
    assert (jobs.due - jobs.ready).tolist() == [45.0] * 28
    assert jobs.id.tolist() == list(range(28))
    assert set(jobs.kind.tolist()) == {"visit"}
    assert set(jobs.zone.tolist()) == {"north"}  # u1 lives in the north
    assert set(jobs.team.tolist()) == {""}  # taken from the user at dispatch
    assert jobs.duration.tolist() == [30.0] * 28
    assert all(r == frozenset() for r in jobs.required)


def test_visit_plan_days_and_team_override() -> None:
    """Tuesday/Thursday visits owned by rehab fall on days 1, 3, 8, 10 only."""
    plan = VisitPlan("u3", days=["tue", "thu"], times="10:00", duration=40, team="rehab", n_staff=2,
                     required=["rehabilitation"], preferred=["medication"])  # fmt: skip
    jobs = realise(scenario(demand=Demand(visits=[plan])), seed=1).jobs
    assert jobs.ready.tolist() == [600.0 + DAY * d for d in (1, 3, 8, 10)]
    assert set(jobs.team.tolist()) == {"rehab"}
    assert jobs.n_staff.tolist() == [2] * 4
    assert jobs.required == (frozenset({"rehabilitation"}),) * 4
    assert jobs.preferred == (frozenset({"medication"}),) * 4


def test_jobs_stop_at_the_horizon() -> None:
    """With a horizon of 1 day + 12 hours, a 20:00 visit happens once and an 08:00 twice."""
    plan = VisitPlan("u1", times=["08:00", "20:00"], duration=30)
    jobs = realise(scenario(horizon=DAY + 720, demand=Demand(visits=[plan])), seed=1).jobs
    assert jobs.ready.tolist() == [480.0, 1200.0, DAY + 480.0]


def test_jobs_are_sorted_with_ids_in_order_across_sources() -> None:
    """Jobs from all sources are merged by ready time and numbered 0..n-1 in that order."""
    demand = Demand(
        visits=[
            VisitPlan("u1", times="08:00", duration=30),
            VisitPlan("u2", times="08:00", duration=30),
        ],
        alarms=[Alarms(0.5)],
    )
    jobs = realise(scenario(demand=demand), seed=4).jobs
    assert np.all(np.diff(jobs.ready) >= 0)
    assert jobs.id.tolist() == list(range(len(jobs)))
    # Ties keep the order of the plans: u1's visit before u2's at the same minute.
    first = jobs.user[jobs.ready == 480.0].tolist()
    assert first == ["u1", "u2"]


def test_visit_duration_mean() -> None:
    """LogNormal(mean=30, sd=10) visit durations average 30 within 4 SE (SE = 10/sqrt(n))."""
    plan = VisitPlan(
        "u1", times=[f"{h:02d}:00" for h in range(24)], duration=LogNormal(mean=30, sd=10)
    )
    jobs = realise(scenario(horizon=60 * WEEK, demand=Demand(visits=[plan])), seed=5).jobs
    n = len(jobs)
    assert n == 60 * 7 * 24
    assert abs(jobs.duration.mean() - 30) <= 4 * 10 / math.sqrt(n)


def test_custom_duration_that_misbehaves_is_reported() -> None:
    """A planner's distribution returning negative durations is refused at its field."""

    class Broken:
        mean = 10.0

        def sample(self, rng: np.random.Generator, n: int) -> np.ndarray:  # noqa: ARG002
            return -np.ones(n)

    s = scenario(demand=Demand(visits=[VisitPlan("u1", times="08:00", duration=Broken())]))
    with pytest.raises(InvalidScenario) as info:
        realise(s, seed=1)
    assert info.value.path == "demand.visits[0].duration"


# -- arrivals and alarms ---------------------------------------------------------------------


def _peaked() -> ArrivalProcess:
    """Rate 3/h, doubled in hours 8-9, Monday x1.5, zero outside 08-10: 18 per Monday window."""
    hours = [0.0] * 24
    hours[8] = hours[9] = 2.0
    return ArrivalProcess(
        3, by_hour=hours, by_weekday=[1.5, 1, 1, 1, 1, 0, 0], duration=Exponential(25)
    )


def test_arrivals_fall_only_where_the_rate_is_positive() -> None:
    """No arrival outside 08-10 on weekdays when the profile is zero elsewhere."""
    jobs = realise(scenario(horizon=4 * WEEK, demand=Demand(arrivals=[_peaked()])), seed=2).jobs
    clock = jobs.ready % DAY
    weekday = (jobs.ready // DAY) % 7
    assert len(jobs) > 0
    assert np.all((clock >= 480) & (clock < 600))
    assert np.all(weekday < 5)


def test_nhpp_count_mean_and_variance_match_integral_of_rate() -> None:
    """Monday 08-10 counts are Poisson with mean 3*2*1.5*2 = 18: mean and variance within 4 SE."""
    weeks = 600
    jobs = realise(scenario(horizon=weeks * WEEK, demand=Demand(arrivals=[_peaked()])), seed=3).jobs
    monday = jobs.ready[(jobs.ready // DAY) % 7 == 0]
    counts = np.bincount((monday // WEEK).astype(int), minlength=weeks)
    lam = 3 * 2 * 1.5 * 2
    assert abs(counts.mean() - lam) <= 4 * math.sqrt(lam / weeks)
    # Var(s^2) for Poisson: (mu4 - sigma^4 (n-3)/(n-1)) / n with mu4 = lam (1 + 3 lam).
    var_se = math.sqrt((lam * (1 + 3 * lam) - lam**2 * (weeks - 3) / (weeks - 1)) / weeks)
    assert abs(counts.var(ddof=1) - lam) <= 4 * var_se
    # Tuesday to Friday: rate 3*2 for two hours = 12 each.
    total = len(jobs) - int(counts.sum())
    expected = 4 * 12 * weeks
    assert abs(total - expected) <= 4 * math.sqrt(expected)
    assert _peaked().expected(0, WEEK) == pytest.approx(lam + 4 * 12)


def test_arrival_times_are_uniform_within_the_hour() -> None:
    """Within a constant-rate hour the minute of arrival is uniform (Kolmogorov-Smirnov)."""
    jobs = realise(scenario(horizon=40 * WEEK, demand=Demand(arrivals=[_peaked()])), seed=6).jobs
    minutes = (jobs.ready % 60) / 60
    assert stats.kstest(minutes, "uniform").pvalue > 1e-4


def test_arrival_users_come_from_the_list_and_carry_their_zone() -> None:
    """Arrivals are for listed users only, in the zone each lives in; shares near 1/2."""
    source = ArrivalProcess(2, users=["u1", "u2"], duration=10, window=90, name="calls")
    jobs = realise(scenario(horizon=8 * WEEK, demand=Demand(arrivals=[source])), seed=7).jobs
    zone_of = {"u1": "north", "u2": "south"}
    assert set(jobs.user.tolist()) == {"u1", "u2"}
    assert all(zone_of[u] == z for u, z in zip(jobs.user.tolist(), jobs.zone.tolist(), strict=True))
    share = float((jobs.user == "u1").mean())
    assert abs(share - 0.5) <= 4 * math.sqrt(0.25 / len(jobs))
    assert set(jobs.kind.tolist()) == {"arrival"}
    assert np.allclose(jobs.due - jobs.ready, 90)


def test_alarms_are_urgent_jobs_for_all_users_by_default() -> None:
    """Alarms have kind 'alarm', a 30-minute window, and come from every user."""
    jobs = realise(scenario(horizon=8 * WEEK, demand=Demand(alarms=[Alarms(1.0)])), seed=8).jobs
    assert set(jobs.kind.tolist()) == {"alarm"}
    assert np.allclose(jobs.due - jobs.ready, 30)
    assert set(jobs.user.tolist()) == {"u1", "u2", "u3"}
    # 8 weeks at 1 per hour: Poisson(1344).
    assert abs(len(jobs) - 1344) <= 4 * math.sqrt(1344)


# -- discharges ------------------------------------------------------------------------------


def _first_visits(jobs: object) -> dict[str, float]:
    first: dict[str, float] = {}
    for user, ready in zip(jobs.user.tolist(), jobs.ready.tolist(), strict=True):  # type: ignore[attr-defined]
        first.setdefault(user, ready)
    return first


def test_negative_binomial_daily_counts_have_configured_mean_and_variance() -> None:
    """Friday counts: mean 2, variance 2 + 4/1.5; Wednesdays (mean 0) bring nobody."""
    weeks = 3000
    source = Discharges(
        [0.5, 0.5, 0.0, 0.5, 2.0, 0.2, 0.2],
        dispersion=1.5,
        time="12:00",
        episode=Episode(days=1, times="12:00", duration=30),
    )
    jobs = realise(scenario(horizon=weeks * WEEK, demand=Demand(discharges=[source])), seed=9).jobs
    # One visit per discharged person, at the discharge moment: count people per day.
    days = (np.asarray(list(_first_visits(jobs).values())) // DAY).astype(int)
    assert len(days) == len(jobs)
    per_day = np.bincount(days, minlength=weeks * 7)
    fridays = per_day[4::7]
    mean, k = 2.0, 1.5
    var = mean + mean**2 / k
    assert abs(fridays.mean() - mean) <= 4 * math.sqrt(var / weeks)
    # Fourth central moment from the negative binomial's excess kurtosis (scipy's formula).
    kurt = float(stats.nbinom(k, k / (k + mean)).stats(moments="k"))
    mu4 = (kurt + 3) * var**2
    var_se = math.sqrt((mu4 - var**2 * (weeks - 3) / (weeks - 1)) / weeks)
    assert abs(fridays.var(ddof=1) - var) <= 4 * var_se
    assert per_day[2::7].sum() == 0


def test_poisson_discharges_without_dispersion() -> None:
    """dispersion=None gives Poisson counts: variance equals the mean (4 SE)."""
    weeks = 2000
    source = Discharges(1.0, time="12:00", episode=Episode(days=1, times="12:00", duration=30))
    jobs = realise(scenario(horizon=weeks * WEEK, demand=Demand(discharges=[source])), seed=10).jobs
    per_day = np.bincount((jobs.ready // DAY).astype(int), minlength=weeks * 7)
    n = len(per_day)
    assert abs(per_day.mean() - 1) <= 4 * math.sqrt(1 / n)
    assert abs(per_day.var(ddof=1) - 1) <= 4 * math.sqrt((1 * 4 - (n - 3) / (n - 1)) / n)


def test_episode_visits_follow_the_discharge() -> None:
    """A 13:00 discharge with 09:00 and 18:00 visits over 3 days: 18:00, then 2 + 2 visits."""
    source = Discharges(
        [3, 0, 0, 0, 0, 0, 0],
        episode=Episode(days=3, times=["09:00", "18:00"], duration=45, required=["medication"]),
        zones=["south"],
        team="south",
    )
    jobs = realise(scenario(horizon=WEEK, demand=Demand(discharges=[source])), seed=11).jobs
    for user in set(jobs.user.tolist()):
        ready = jobs.ready[jobs.user == user].tolist()
        assert ready == [1080.0, DAY + 540, DAY + 1080, 2 * DAY + 540, 2 * DAY + 1080]
    assert set(jobs.zone.tolist()) <= {"south"}
    assert set(jobs.team.tolist()) <= {"south"}
    assert set(jobs.kind.tolist()) <= {"discharge"}


def test_discharged_users_get_new_unique_ids() -> None:
    """New users are '<name>-<n>' and never reuse an organisation user's id."""
    org = attrs.evolve(ORG, users=[*ORG.users, attrs.evolve(ORG.users[0], id="discharge-1")])
    source = Discharges(2, episode=Episode(days=1, times="14:00", duration=30))
    s = Scenario(org, ROSTER, horizon=2 * WEEK, demand=Demand(discharges=[source]))
    users = set(realise(s, seed=12).jobs.user.tolist())
    assert "discharge-1" not in users
    assert users.isdisjoint({u.id for u in ORG.users})
    assert all(u.startswith("discharge-") for u in users)


def test_discharge_zones_follow_weights() -> None:
    """Zone weights 3:1 put about 3/4 of new users in the first zone (4 binomial SEs)."""
    source = Discharges(
        3,
        zones=["north", "south"],
        zone_weights=[3, 1],
        episode=Episode(days=1, times="14:00", duration=30),
    )
    jobs = realise(scenario(horizon=30 * WEEK, demand=Demand(discharges=[source])), seed=13).jobs
    zones = Counter(dict(zip(jobs.user.tolist(), jobs.zone.tolist(), strict=True)).values())
    n = sum(zones.values())
    assert abs(zones["north"] / n - 0.75) <= 4 * math.sqrt(0.75 * 0.25 / n)


# -- shifts ----------------------------------------------------------------------------------


def test_weekday_day_shifts_over_two_weeks() -> None:
    """Weekday day shifts over 14 days: 10 shifts of 07:00-15:00 on days 0-4 and 7-11."""
    s = scenario(roster=Roster.weekly({"kari": {"weekdays": "day"}}))
    shifts = realise(s, seed=0).shifts
    days = [0, 1, 2, 3, 4, 7, 8, 9, 10, 11]
    assert shifts.start.tolist() == [420.0 + DAY * d for d in days]
    assert shifts.end.tolist() == [900.0 + DAY * d for d in days]
    assert set(shifts.period.tolist()) == {"day"}
    assert set(shifts.zone.tolist()) == {"north"}
    assert set(shifts.team.tolist()) == {""}
    assert not shifts.absent.any()


def test_sunday_night_wraps_into_the_first_morning_and_shifts_stop_at_horizon() -> None:
    """A Sunday night rota gives [0, 420) on Monday of week 1 and is cut at the horizon."""
    s = scenario(roster=Roster.weekly({"ola": {"sun": "night"}}), horizon=WEEK)
    shifts = realise(s, seed=0).shifts
    assert list(zip(shifts.start.tolist(), shifts.end.tolist(), strict=True)) == [
        (0.0, 420.0),
        (6 * DAY + 1380, WEEK),
    ]
    assert set(shifts.period.tolist()) == {"night"}
    # the first piece was rostered on the Sunday before week 1
    assert shifts.day.tolist() == [-1, 6]


def test_pieces_of_a_split_night_shift_keep_their_rostered_day() -> None:
    """Friday's night shift, split by an absence on Saturday 01:00-02:00, stays Friday's."""
    s = scenario(
        roster=Roster.weekly({"ola": {"fri": "night"}}),
        horizon=WEEK,
        absences=Absences(intervals=[Absence("ola", start=5 * DAY + 60, end=5 * DAY + 120)]),
    )
    shifts = realise(s, seed=0).shifts
    assert shifts.absent.tolist() == [False, True, False]
    assert shifts.day.tolist() == [4, 4, 4]


def test_rotation_and_custom_shift_and_team() -> None:
    """A two-week rota: week 1 long days for 'north', week 2 weekend evenings."""
    roster = Roster(
        [
            RosterLine("kari", shift="long", days="mon", weeks=[0], team="north"),
            RosterLine("kari", shift="evening", days="weekend", weeks=[1]),
        ],
        shifts=[Shift("long", start="07:30", end="19:30")],
        cycle=2,
    )
    shifts = realise(scenario(roster=roster, horizon=4 * WEEK), seed=0).shifts
    rows = list(zip(shifts.start.tolist(), shifts.end.tolist(), shifts.team.tolist(), strict=True))
    assert rows == [
        (450.0, 1170.0, "north"),
        (12 * DAY + 900, 12 * DAY + 1380, ""),
        (13 * DAY + 900, 13 * DAY + 1380, ""),
        (14 * DAY + 450, 14 * DAY + 1170, "north"),
        (26 * DAY + 900, 26 * DAY + 1380, ""),
        (27 * DAY + 900, 27 * DAY + 1380, ""),
    ]


def test_absence_splits_a_shift_it_covers_in_part() -> None:
    """Away 10:00-11:40 on Monday: the day shift becomes worked, absent, worked pieces."""
    s = scenario(
        roster=Roster.weekly({"kari": {"mon": "day"}}),
        horizon=WEEK,
        absences=Absences(intervals=[Absence("kari", start=600, end=700)]),
    )
    shifts = realise(s, seed=0).shifts
    rows = list(
        zip(shifts.start.tolist(), shifts.end.tolist(), shifts.absent.tolist(), strict=True)
    )
    assert rows == [(420.0, 600.0, False), (600.0, 700.0, True), (700.0, 900.0, False)]
    assert set(shifts.period.tolist()) == {"day"}


def test_whole_run_absence_removes_every_shift() -> None:
    """Absence('kari') marks every one of kari's shifts absent and nobody else's."""
    s = scenario(absences=Absences(intervals=[Absence("kari")]))
    shifts = realise(s, seed=0).shifts
    assert shifts.absent[shifts.staff == "kari"].all()
    assert not shifts.absent[shifts.staff == "ola"].any()
    assert (shifts.staff == "kari").sum() == 14


def test_overlapping_absences_merge() -> None:
    """Two overlapping absences act as their union."""
    s = scenario(
        roster=Roster.weekly({"kari": {"mon": "day"}}),
        horizon=WEEK,
        absences=Absences(
            intervals=[Absence("kari", start=500, end=600), Absence("kari", start=550, end=650)]
        ),
    )
    shifts = realise(s, seed=0).shifts
    rows = list(
        zip(shifts.start.tolist(), shifts.end.tolist(), shifts.absent.tolist(), strict=True)
    )
    assert rows == [(420.0, 500.0, False), (500.0, 650.0, True), (650.0, 900.0, False)]


def test_sick_leave_share_matches_probability() -> None:
    """With p = 0.2 over 4 staff x 3 shifts x 200 days, the absent share is 0.2 within 4 SE."""
    roster = Roster.weekly(
        {
            "kari": {"daily": "day"},
            "ola": {"daily": "evening"},
            "per": {"daily": "night"},
            "lise": {"daily": "day"},
        }
    )
    s = scenario(roster=roster, horizon=200 * DAY, absences=Absences(sick_leave=0.2))
    shifts = realise(s, seed=14).shifts
    n = len(shifts)
    assert abs(shifts.absent.mean() - 0.2) <= 4 * math.sqrt(0.2 * 0.8 / n)


def test_sick_leave_extremes_and_staff_subset() -> None:
    """Probability 1 removes every shift of the listed staff only; 0 removes none."""
    s = scenario(absences=Absences(sick_leave=SickLeave(1.0, staff=["ola"])))
    shifts = realise(s, seed=0).shifts
    assert shifts.absent[shifts.staff == "ola"].all()
    assert not shifts.absent[shifts.staff == "kari"].any()
    assert not realise(scenario(), seed=0).shifts.absent.any()


def test_same_person_same_day_same_period_sick_under_different_rosters() -> None:
    """Common random numbers: ola's day shifts are sick on the same days in both rosters.

    The second roster adds kari and moves ola's weekends to evenings.
    """
    sick = Absences(sick_leave=0.3)
    a = scenario(roster=Roster.weekly({"ola": {"daily": "day"}}), absences=sick, horizon=20 * WEEK)
    b = scenario(
        roster=Roster.weekly(
            {"kari": {"daily": "day"}, "ola": {"weekdays": "day", "weekend": "evening"}}
        ),
        absences=sick,
        horizon=20 * WEEK,
    )
    sa, sb = realise(a, seed=15).shifts, realise(b, seed=15).shifts

    def ola_days(shifts: object) -> dict[float, bool]:
        pick = (shifts.staff == "ola") & (shifts.period == "day")  # type: ignore[attr-defined]
        return dict(zip(shifts.start[pick].tolist(), shifts.absent[pick].tolist(), strict=True))  # type: ignore[attr-defined]

    da, db = ola_days(sa), ola_days(sb)
    common = set(da) & set(db)
    assert len(common) == 100
    assert all(da[t] == db[t] for t in common)
    assert any(da[t] for t in common)  # some sick days, so the check has teeth


def test_higher_sick_leave_only_adds_absences() -> None:
    """Raising p from 0.1 to 0.3 keeps every earlier absence (one uniform per shift)."""
    low = realise(scenario(absences=Absences(sick_leave=0.1), horizon=30 * WEEK), seed=16).shifts
    high = realise(scenario(absences=Absences(sick_leave=0.3), horizon=30 * WEEK), seed=16).shifts
    assert np.array_equal(low.start, high.start)
    assert np.all(high.absent[low.absent])
    assert high.absent.sum() > low.absent.sum()


# -- reproducibility and streams ---------------------------------------------------------------


def _demand() -> Demand:
    return Demand(
        visits=[VisitPlan("u1", times=["08:00", "20:00"], duration=Exponential(20))],
        arrivals=[ArrivalProcess(0.5, duration=LogNormal(mean=30, sd=12), name="calls")],
        alarms=[Alarms(0.2)],
        discharges=[
            Discharges(0.7, dispersion=1.0, episode=Episode(days=5, times="10:00", duration=40))
        ],
    )


def _columns(jobs: object) -> dict[str, list[object]]:
    names = ("id", "user", "zone", "kind", "team", "ready", "due", "duration", "n_staff")
    out = {name: getattr(jobs, name).tolist() for name in names}
    out["required"] = list(jobs.required)  # type: ignore[attr-defined]
    return out


def test_same_seed_same_realisation() -> None:
    """Same seed gives identical jobs and shifts; another seed other jobs."""
    s = scenario(demand=_demand(), absences=Absences(sick_leave=0.1))
    a = realise(s, seed=21)
    b = realise(s, seed=21)
    assert _columns(a.jobs) == _columns(b.jobs)
    assert np.array_equal(a.shifts.absent, b.shifts.absent)
    assert (a.horizon, a.warmup) == (s.horizon, s.warmup)
    c = realise(s, seed=22)
    assert _columns(a.jobs) != _columns(c.jobs)


def test_seed_sequence_and_int_agree() -> None:
    """An int seed and SeedSequence(int) give the same realisation."""
    s = scenario(demand=_demand())
    a = realise(s, seed=5)
    b = realise(s, seed=np.random.SeedSequence(5))
    assert _columns(a.jobs) == _columns(b.jobs)


def test_adding_a_source_leaves_the_others_unchanged() -> None:
    """Adding an alarm source and a visit plan for another user changes nothing else."""
    base = scenario(demand=_demand())
    more = attrs.evolve(
        base,
        demand=attrs.evolve(
            base.demand,
            visits=[VisitPlan("u2", times="09:00", duration=Exponential(30)), *base.demand.visits],
            alarms=[Alarms(0.4, name="fall-alarm"), *base.demand.alarms],
        ),
    )
    a, b = realise(base, seed=31).jobs, realise(more, seed=31).jobs
    for kind in ("visit", "arrival", "alarm", "discharge"):
        keep_a = (a.kind == kind) & (a.user != "u2") if kind == "visit" else a.kind == kind
        old_b = (b.kind == kind) & (b.user != "u2") if kind == "visit" else b.kind == kind
        if kind == "alarm":
            # The new source's alarms are the extra ones; the old source's are all still there.
            assert set(a.ready[keep_a].tolist()) <= set(b.ready[old_b].tolist())
            continue
        assert a.ready[keep_a].tolist() == b.ready[old_b].tolist()
        assert a.duration[keep_a].tolist() == b.duration[old_b].tolist()
        assert a.user[keep_a].tolist() == b.user[old_b].tolist()


def test_changing_a_duration_leaves_arrival_times_alone() -> None:
    """Arrival times, users and counts have their own streams apart from durations."""
    base = scenario(demand=_demand())
    longer = attrs.evolve(
        base,
        demand=attrs.evolve(
            base.demand, arrivals=[ArrivalProcess(0.5, duration=Fixed(45), name="calls")]
        ),
    )
    a, b = realise(base, seed=41).jobs, realise(longer, seed=41).jobs
    assert _columns(a)["ready"] == _columns(b)["ready"]
    assert a.user.tolist() == b.user.tolist()
    assert set(b.duration[b.kind == "arrival"].tolist()) == {45.0}


def test_empty_scenario_realises_to_empty_tables() -> None:
    """No demand and no roster give zero jobs and zero shifts."""
    r = realise(Scenario(ORG, Roster([])), seed=0)
    assert len(r.jobs) == 0
    assert len(r.shifts) == 0


# -- properties on random scenarios ------------------------------------------------------------


def _rostered_minutes(s: Scenario) -> dict[str, float]:
    """Each person's rostered minutes in [0, horizon), by a plain day-by-day expansion."""
    clock = {"day": s.clock.day, "evening": s.clock.evening, "night": s.clock.night}
    out: Counter[str] = Counter()
    for line in s.roster.lines:
        shift = s.roster.shift_times(line.shift, **clock)
        for day in range(-1, math.ceil(s.horizon / DAY)):
            week = (day // 7) % s.roster.cycle
            if day % 7 in line.days and (line.weeks is None or week in line.weeks):
                start = day * DAY + shift.start
                end = start + shift.length
                out[line.staff] += max(0.0, min(end, s.horizon) - max(start, 0.0))
    return dict(out)


@given(scenarios())
def test_realisation_invariants(s: Scenario) -> None:
    """Jobs sorted and in range; shifts in [0, horizon) and never overlapping per person.

    Each person's realised shift minutes (worked + absent) equal the roster's exactly.
    """
    r = realise(s, seed=0)
    jobs, shifts = r.jobs, r.shifts
    assert jobs.id.tolist() == list(range(len(jobs)))
    assert np.all(np.diff(jobs.ready) >= 0)
    assert np.all((jobs.ready >= 0) & (jobs.ready < s.horizon))
    assert np.all(jobs.due >= jobs.ready)
    assert np.all(np.isfinite(jobs.duration) & (jobs.duration >= 0))
    assert set(jobs.n_staff.tolist()) <= {1, 2}
    assert np.all((shifts.start >= 0) & (shifts.end <= s.horizon) & (shifts.start < shifts.end))
    assert np.all(np.diff(shifts.start) >= 0)
    assert set(shifts.period.tolist()) <= {"day", "evening", "night"}
    minutes: Counter[str] = Counter()
    for staff in set(shifts.staff.tolist()):
        pick = shifts.staff == staff
        start, end = shifts.start[pick], shifts.end[pick]
        order = np.argsort(start)
        assert np.all(start[order][1:] >= end[order][:-1])
        minutes[staff] = float((end - start).sum())
    expected = _rostered_minutes(s)
    assert set(minutes) == {k for k, v in expected.items() if v > 0}
    for staff, total in minutes.items():
        assert total == pytest.approx(expected[staff], abs=1e-6)


@given(scenarios(max_days=3))
def test_realisation_is_reproducible(s: Scenario) -> None:
    """Realising twice with one seed gives identical columns."""
    a = realise(s, seed=99)
    b = realise(s, seed=99)
    assert _columns(a.jobs) == _columns(b.jobs)
    for name in ("staff", "team", "zone", "start", "end", "period", "absent"):
        assert getattr(a.shifts, name).tolist() == getattr(b.shifts, name).tolist()
