"""The engine's rules on tiny hand-built workloads whose outcome can be worked out by hand.

Each case is a realisation built directly (no scenario, no randomness): a few staff on a
07:00-15:00 shift (minutes 420-900) and a few jobs; the expected assignments, start times and
minute counts are derived in the comments.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pytest

from hometeams.errors import InvalidArgument, InvalidScenario
from hometeams.model import Membership, Organisation, Staff, Team, User, Zone
from hometeams.records import JobState, Records
from hometeams.scenario import Realisation, RealisedJobs, RealisedShifts
from hometeams.sim import Pooled, RoutingProblem, run

ON_TIME, LATE, UNSERVED = JobState.ON_TIME, JobState.LATE, JobState.UNSERVED
DAY_START, DAY_END = 420.0, 900.0


def job(
    ready: float,
    duration: float,
    *,
    user: str = "u",
    zone: str = "z",
    due: float | None = None,
    team: str = "",
    required: Sequence[str] = (),
    preferred: Sequence[str] = (),
    n_staff: int = 1,
    kind: str = "visit",
    expected: float | None = None,
) -> dict[str, object]:
    """One job row (due defaults to ready + 30, the expected duration to the duration)."""
    return {
        "user": user,
        "zone": zone,
        "kind": kind,
        "team": team,
        "ready": ready,
        "due": ready + 30.0 if due is None else due,
        "duration": duration,
        "required": frozenset(required),
        "preferred": frozenset(preferred),
        "n_staff": n_staff,
        "expected": duration if expected is None else expected,
    }


def shift(
    staff: str,
    start: float = DAY_START,
    end: float = DAY_END,
    *,
    team: str = "",
    zone: str = "z",
    absent: bool = False,
    period: str = "day",
) -> dict[str, object]:
    """One shift row (a 07:00-15:00 day shift by default)."""
    return {
        "staff": staff,
        "team": team,
        "zone": zone,
        "start": start,
        "end": end,
        "period": period,
        "absent": absent,
    }


def realisation(
    jobs: Sequence[Mapping[str, object]],
    shifts: Sequence[Mapping[str, object]],
    *,
    horizon: float = 1440.0,
    warmup: float = 0.0,
) -> Realisation:
    """A realisation from rows (jobs given in ready order)."""
    job_cols = {k: [r[k] for r in jobs] for k in job(0, 0)}
    shift_cols = {k: [r[k] for r in shifts] for k in shift("x")}
    return Realisation(
        RealisedJobs(id=list(range(len(jobs))), **job_cols),  # type: ignore[arg-type]
        RealisedShifts(**shift_cols),  # type: ignore[arg-type]
        horizon=horizon,
        warmup=warmup,
    )


def organisation(
    staff: Mapping[str, Sequence[str]],
    *,
    teams: Mapping[str, Sequence[str]] | None = None,
    users: Sequence[User] = (),
    zones: Sequence[str] = ("z",),
    professions: Mapping[str, str] | None = None,
    homes: Mapping[str, str] | None = None,
    team_options: Mapping[str, Mapping[str, object]] | None = None,
) -> Organisation:
    """Staff (id -> competences) in the given teams (default: one team ``t`` of everyone)."""
    teams = {"t": list(staff)} if teams is None else teams
    count = {s: sum(s in m for m in teams.values()) for s in staff}
    return Organisation(
        "case",
        zones=[Zone(z) for z in zones],
        staff=[
            Staff(
                s,
                profession=(professions or {}).get(s, "nurse"),
                competences=list(c),
                zone=(homes or {}).get(s, zones[0]),
            )
            for s, c in staff.items()
        ],
        teams=[
            Team(
                t,
                members=[Membership(s, share=1.0 / count[s]) for s in m],
                **dict((team_options or {}).get(t, {})),  # type: ignore[arg-type]
            )
            for t, m in teams.items()
        ],
        users=list(users),
    )


def columns(records: Records, *names: str) -> list[list[object]]:
    """Job columns as plain lists."""
    return [getattr(records.jobs, n).tolist() for n in names]


def test_first_come_first_served_with_two_nurses() -> None:
    """Three visits at 08:00 and two nurses: the third waits for the first nurse free."""
    org = organisation({"ola": [], "kari": []})
    # ola (index 0) takes job 0 (30 min, free 08:30); kari job 1 (20 min, free 08:20);
    # job 2 waits for kari and starts at 08:20 = 500, its due time: still on time.
    r = realisation(
        [job(480, 30, due=500), job(480, 20, due=500), job(480, 10, due=500)],
        [shift("ola"), shift("kari")],
    )
    records = run(r, org)
    staff, start, state = columns(records, "staff", "start", "state")
    assert staff == ["ola", "kari", "kari"]
    assert start == [480.0, 480.0, 500.0]
    assert state == [ON_TIME] * 3
    assert records.shifts.busy.tolist() == [30.0, 30.0]
    assert records.shifts.idle.tolist() == [450.0, 450.0]


def test_a_queue_is_served_in_ready_order() -> None:
    """One nurse, three visits: each waits for the previous one (late when past its due)."""
    org = organisation({"kari": []})
    # 480-540 job 0; job 1 (ready 490, due 520) starts 540 -> late; job 2 (ready 500,
    # due 600) starts 540 + 20 = 560 -> on time.
    r = realisation([job(480, 60), job(490, 20, due=520), job(500, 5, due=600)], [shift("kari")])
    start, state = columns(run(r, org), "start", "state")
    assert start == [480.0, 540.0, 560.0]
    assert state == [ON_TIME, LATE, ON_TIME]


def test_travel_between_zones_is_counted_apart_from_work() -> None:
    """A nurse drives 10 minutes to zone b, works, and drives 10 minutes back for the next."""
    org = organisation({"kari": []}, zones=("a", "b"))
    r = realisation([job(480, 30, zone="b"), job(600, 30, zone="a")], [shift("kari", zone="a")])
    records = run(r, org, travel={("a", "b"): 10.0, ("b", "a"): 10.0})
    start, end, travel = columns(records, "start", "end", "travel")
    assert start == [490.0, 610.0]  # 480 + 10, then 600 + 10 back from b
    assert end == [520.0, 640.0]
    assert travel == [10.0, 10.0]
    # 480 rostered = 60 busy + 20 travel + 400 idle
    assert records.shifts.busy.tolist() == [60.0]
    assert records.shifts.travel.tolist() == [20.0]
    assert records.shifts.idle.tolist() == [400.0]


def test_no_travel_within_a_zone_or_from_nowhere() -> None:
    """Pairs the matrix does not give take no time; so does a shift without a zone."""
    org = organisation({"kari": []}, zones=("a", "b"))
    r = realisation([job(480, 30, zone="b")], [shift("kari", zone="a")])
    assert columns(run(r, org, travel=None), "travel") == [[0.0]]
    assert columns(run(r, org, travel=lambda _a, _b: 0.0), "start") == [[480.0]]


def test_work_past_the_shift_end_is_overtime_and_nothing_starts_after_it() -> None:
    """A visit started at 14:40 runs to 15:40 (40 minutes overtime)."""
    # one ready at 14:55 is left unserved, because the nurse is off duty when she is free again.
    org = organisation({"kari": []})
    r = realisation([job(880, 60), job(895, 10, due=2000)], [shift("kari")])
    records = run(r, org)
    staff, start, state = columns(records, "staff", "start", "state")
    assert staff == ["kari", ""]
    assert start[0] == 880.0
    assert math.isnan(start[1])
    assert state == [ON_TIME, UNSERVED]
    sh = records.shifts
    assert (sh.busy[0], sh.overtime[0], sh.idle[0]) == (20.0, 40.0, 460.0)


def test_travel_past_the_shift_end_is_overtime_too() -> None:
    """Leaving at 14:50 with a 20 minute drive."""
    # 10 minutes of travel in the shift, the rest and all the work overtime.
    org = organisation({"kari": []}, zones=("a", "b"))
    r = realisation([job(890, 30, zone="b")], [shift("kari", zone="a")])
    records = run(r, org, travel={("a", "b"): 20.0})
    sh = records.shifts
    assert (sh.travel[0], sh.busy[0], sh.overtime[0]) == (10.0, 0.0, 40.0)
    assert sh.idle[0] == 470.0


def test_back_to_back_shifts_share_a_visit_without_overtime() -> None:
    """A visit from 14:40 to 15:40 by a nurse on day and then evening shift."""
    # 20 minutes in the day shift, 40 in the evening shift, no overtime.
    org = organisation({"kari": []})
    r = realisation(
        [job(880, 60)],
        [shift("kari"), shift("kari", DAY_END, 1380.0, period="evening")],
    )
    sh = run(r, org).shifts
    assert sh.busy.tolist() == [20.0, 40.0]
    assert sh.overtime.tolist() == [0.0, 0.0]
    assert (sh.busy + sh.travel + sh.idle).tolist() == sh.rostered.tolist()


def test_overlapping_shifts_count_work_in_the_earliest_started_one() -> None:
    """Rostered 420-900 for team a and 600-1000 for team b."""
    # a visit 850-950 counts 50 minutes in the first shift and 50 in the second; the overlap is
    # rostered twice, idle in one.
    org = organisation({"kari": []}, teams={"a": ["kari"], "b": ["kari"]})
    r = realisation(
        [job(850, 100)],
        [shift("kari", team="a"), shift("kari", 600.0, 1000.0, team="b")],
    )
    records = run(r, org)
    sh = records.shifts
    assert sh.busy.tolist() == [50.0, 50.0]
    assert sh.idle.tolist() == [430.0, 350.0]
    assert records.jobs.served_by_team.tolist() == ["a"]


def test_an_absent_shift_does_nothing() -> None:
    """Kari is off sick: Ola takes both visits; Kari's row has no minutes but its roster."""
    org = organisation({"kari": [], "ola": []})
    r = realisation([job(480, 30), job(480, 30)], [shift("kari", absent=True), shift("ola")])
    records = run(r, org)
    staff, start = columns(records, "staff", "start")
    assert staff == ["ola", "ola"]
    assert start == [480.0, 510.0]
    sh = records.shifts
    assert sh.absent.tolist() == [True, False]
    assert sh.rostered.tolist() == [480.0, 480.0]
    assert [sh.busy[0], sh.travel[0], sh.idle[0], sh.overtime[0]] == [0.0] * 4


def test_a_visit_ready_at_shift_start_is_met_and_one_at_shift_end_is_not() -> None:
    """Shift 420-900: a visit at exactly 420 starts at 420; one at exactly 900 finds nobody."""
    org = organisation({"kari": []})
    r = realisation([job(420, 10), job(900, 10)], [shift("kari")])
    start, state = columns(run(r, org), "start", "state")
    assert start[0] == 420.0
    assert math.isnan(start[1])
    assert state == [ON_TIME, UNSERVED]


def test_a_two_person_visit_starts_when_both_have_arrived() -> None:
    """Anne is in zone a, Bo drives 15 minutes from b."""
    # the visit starts at 495; Anne waits outside (idle) for those 15 minutes.
    org = organisation({"anne": [], "bo": []}, zones=("a", "b"))
    r = realisation(
        [job(480, 30, zone="a", n_staff=2)],
        [shift("anne", zone="a"), shift("bo", zone="b")],
    )
    records = run(r, org, travel={("b", "a"): 15.0})
    staff, staff2, start, travel = columns(records, "staff", "staff2", "start", "travel")
    assert (staff, staff2, start, travel) == (["anne"], ["bo"], [495.0], [15.0])
    sh = records.shifts
    assert sh.busy.tolist() == [30.0, 30.0]
    assert sh.travel.tolist() == [0.0, 15.0]
    assert sh.idle.tolist() == [450.0, 435.0]


def test_a_two_person_visit_waits_for_the_second_person() -> None:
    """With only Anne on duty at 08:00, the two-person visit waits for Bo's 09:00 start."""
    org = organisation({"anne": [], "bo": []})
    r = realisation([job(480, 30, n_staff=2)], [shift("anne"), shift("bo", 540.0)])
    staff, staff2, start = columns(run(r, org), "staff", "staff2", "start")
    assert (staff, staff2, start) == (["anne"], ["bo"], [540.0])


def test_max_lateness_drops_jobs_that_can_no_longer_start() -> None:
    """The nurse is busy until 600."""
    # a visit due at 500 is dropped with a limit of 60 (600 > 500 + 60) and served late with a limit
    # of 120.
    org = organisation({"kari": []})
    r = realisation([job(480, 120), job(490, 10, due=500)], [shift("kari")])
    assert columns(run(r, org, max_lateness=60), "state")[0] == [ON_TIME, UNSERVED]
    assert columns(run(r, org, max_lateness=120), "state")[0] == [ON_TIME, LATE]
    assert columns(run(r, org), "start")[0] == [480.0, 600.0]


def test_jobs_not_started_before_the_horizon_are_unserved() -> None:
    """A visit ready after the horizon, and one waiting at the horizon, end unserved."""
    org = organisation({"kari": []})
    r = realisation(
        [job(480, 600), job(500, 10, due=2000), job(1500, 10)],
        [shift("kari", 420.0, 1400.0)],
        horizon=1000.0,
    )
    records = run(r, org)
    assert records.jobs.state.tolist() == [ON_TIME, UNSERVED, UNSERVED]
    assert records.horizon == 1000.0


def test_required_competences_are_hard() -> None:
    """A wound visit waits for the only wound nurse although another nurse is free."""
    org = organisation({"ola": [], "kari": ["wound-care"]})
    r = realisation(
        [job(480, 60, required=["wound-care"]), job(490, 10, required=["wound-care"])],
        [shift("ola"), shift("kari")],
    )
    staff, start = columns(run(r, org), "staff", "start")
    assert staff == ["kari", "kari"]
    assert start == [480.0, 540.0]


def test_a_competence_nobody_holds_leaves_the_job_unserved() -> None:
    """Nobody holds the required competence: the job waits to the horizon, unserved."""
    org = organisation({"ola": []})
    r = realisation([job(480, 10, required=["dementia"])], [shift("ola")])
    assert columns(run(r, org), "state") == [[UNSERVED]]


def test_preferred_competences_are_recorded() -> None:
    """``preferred`` marks jobs with preferences, ``preferred_met`` whether they were met."""
    # preferred_met is vacuously true for served jobs without preferences, false when unserved
    org = organisation({"ola": [], "kari": ["dementia"]})
    r = realisation(
        [
            job(480, 10, preferred=["dementia"]),
            job(480, 10, preferred=["dementia"]),
            job(480, 10),
            job(1200, 10, preferred=["dementia"]),
        ],
        [shift("ola"), shift("kari")],
    )
    staff, pref, met = columns(run(r, org), "staff", "preferred", "preferred_met")
    # preferred_first sends kari to the first, the second goes to ola; the third waits until
    # both are free again at 490, together, and goes to the first listed, ola
    assert staff == ["kari", "ola", "ola", ""]
    assert pref == [True, True, False, True]
    assert met == [True, False, True, False]


def test_owning_and_serving_teams_are_recorded() -> None:
    """The job's team is its user's team; served_by_team is the shift's team if it has one."""
    users = [User("u1", zone="z", team="north")]
    org = organisation(
        {"kari": [], "ola": []}, teams={"north": ["kari", "ola"], "memory": ["ola"]}, users=users
    )
    r = realisation(
        [job(480, 10, user="u1"), job(480, 10, user="u1"), job(480, 10, user="other")],
        [shift("kari"), shift("ola", team="memory"), shift("kari", 420.0, 900.0)],
    )
    team, served = columns(run(r, org), "team", "served_by_team")
    assert team == ["north", "north", ""]
    assert served == ["north", "memory", "north"]


def test_meta_horizon_and_warmup_are_passed_on() -> None:
    """Records carry the realisation's horizon and warm-up and name the policy."""
    org = organisation({"kari": []})
    r = realisation([job(480, 10)], [shift("kari")], horizon=1000.0, warmup=100.0)
    records = run(r, org, Pooled(order=()), meta={"scenario": "x"})
    assert (records.horizon, records.warmup) == (1000.0, 100.0)
    assert records.meta["policy"] == "Pooled(order=())"
    assert records.meta["scenario"] == "x"


@pytest.mark.parametrize(
    ("jobs", "shifts", "path"),
    [
        ([job(480, 10)], [shift("nobody")], "shifts[0].staff"),
        ([job(480, 10)], [shift("kari", team="ghost")], "shifts[0].team"),
        ([job(480, 10, team="ghost")], [shift("kari")], "jobs[0].team"),
        ([job(480, 10, due=470)], [shift("kari")], "jobs[0].due"),
        ([job(480, -1)], [shift("kari")], "jobs[0].duration"),
        ([job(480, 10, n_staff=3)], [shift("kari")], "jobs[0].n_staff"),
        ([job(480, 10)], [shift("kari", 500.0, 400.0)], "shifts[0].end"),
    ],
)
def test_impossible_realisations_are_refused_naming_the_field(
    jobs: list[dict[str, object]], shifts: list[dict[str, object]], path: str
) -> None:
    """Unknown names and impossible times raise InvalidScenario with the field's path."""
    org = organisation({"kari": []})
    with pytest.raises(InvalidScenario) as err:
        run(realisation(jobs, shifts), org)
    assert err.value.path == path


def test_bad_travel_times_are_refused() -> None:
    """A negative travel time is refused, naming the pair."""
    org = organisation({"kari": []}, zones=("a", "b"))
    r = realisation([job(480, 10, zone="b")], [shift("kari", zone="a")])
    with pytest.raises(InvalidScenario, match=r"travel\[a\]\[b\]"):
        run(r, org, travel={("a", "b"): -5.0})


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"max_lateness": -1}, "max_lateness"),
        ({"policy": object()}, "policy"),
        ({"travel": 5}, "travel"),
    ],
)
def test_bad_arguments_are_refused(kwargs: dict[str, object], match: str) -> None:
    """Bad arguments raise InvalidArgument naming the argument."""
    org = organisation({"kari": []})
    r = realisation([job(480, 10)], [shift("kari")])
    with pytest.raises(InvalidArgument, match=match):
        run(r, org, **kwargs)  # type: ignore[arg-type]


def test_the_records_match_the_realisation_row_for_row() -> None:
    """Job rows keep the realisation's order and columns (id, user, ready, due, duration)."""
    org = organisation({"kari": []})
    r = realisation([job(480, 10, user="a"), job(490, 20, user="b")], [shift("kari")])
    jobs = run(r, org).jobs
    assert jobs.id.tolist() == [0, 1]
    assert jobs.user.tolist() == ["a", "b"]
    np.testing.assert_array_equal(jobs.duration, r.jobs.duration)
    np.testing.assert_array_equal(jobs.due, r.jobs.due)


def test_a_listed_visit_reached_before_it_is_ready_is_done_once_by_its_nurse() -> None:
    """Under daily lists, a nurse at the door early does the visit at its time, and nobody else."""
    from hometeams.sim import DailyLists

    jobs = [job(480.0, 20.0), job(600.0, 30.0)]
    shifts = [shift("kari"), shift("ola")]
    records = run(
        realisation(jobs, shifts),
        organisation({"kari": [], "ola": []}),
        planning=DailyLists(),
    )
    assert len(records.lists) == 2
    planned = dict(zip(records.lists.job.tolist(), records.lists.staff.tolist(), strict=True))
    staff, start = columns(records, "staff", "start")
    assert start == [480.0, 600.0]
    assert staff == [planned[0], planned[1]]
    # each visit's minutes are counted once, on the shift that did it
    assert records.shifts.busy.sum() == pytest.approx(50.0)


class AllOnTheDayShift:
    """A careless planner: every visit of the day on the list of the earliest shift."""

    def solve(self, problem: RoutingProblem) -> tuple[tuple[int, ...], ...]:
        """All visits, in order, on the first-starting route."""
        lists: list[tuple[int, ...]] = [() for _ in problem.routes]
        if lists:
            day = min(range(len(lists)), key=lambda r: problem.routes[r].start)
            lists[day] = tuple(range(len(problem.visits)))
        return tuple(lists)


def test_a_listed_visit_pushed_past_the_shift_goes_to_the_dispatcher() -> None:
    """A list whose last visit would start at the shift's end is not walked past it."""
    # Kari's day shift ends at 15:00 (900); her 08:00 visit takes until 15:00, so the 14:40
    # visit on her list would start at 15:00: it goes to Ola, whose evening starts then.
    from hometeams.sim import DailyLists

    jobs = [job(480.0, 420.0), job(880.0, 30.0)]
    shifts = [shift("kari"), shift("ola", 900.0, 1380.0, period="evening")]
    records = run(
        realisation(jobs, shifts),
        organisation({"kari": [], "ola": []}),
        planning=DailyLists(planner=AllOnTheDayShift()),
    )
    assert columns(records, "staff", "start") == [["kari", "ola"], [480.0, 900.0]]
    assert (records.shifts.idle >= 0).all()


def test_a_nurse_walking_a_list_takes_only_waiting_work_that_fits_the_gap() -> None:
    """Between two listed visits she takes a call that fits, not one that would make her late."""
    # Listed visits at 08:00 and 14:40 (30 minutes each); calls at 08:20 (400 minutes: would
    # end at 15:00, after she must leave) and 10:00 (30 minutes: fits).
    from hometeams.sim import DailyLists

    jobs = [
        job(480.0, 30.0),
        job(500.0, 400.0, kind="arrival"),
        job(600.0, 30.0, kind="arrival"),
        job(880.0, 30.0),
    ]
    shifts = [shift("kari")]
    records = run(
        realisation(jobs, shifts),
        organisation({"kari": [], "ola": []}),
        planning=DailyLists(planner=AllOnTheDayShift()),
    )
    assert columns(records, "staff")[0] == ["kari", "", "kari", "kari"]
    assert records.jobs.start[[0, 2, 3]].tolist() == [480.0, 600.0, 880.0]
    assert (records.shifts.idle >= 0).all()


def test_a_listed_visit_walked_before_it_is_ready_is_not_dispatched_again() -> None:
    """A nurse who sets out at 07:00 for her 07:45 visit makes it; nobody else does it again."""
    # Regression: the walker marked the visit as off the lists when she set out, so at 07:45
    # it became ready for the dispatcher as well and the free nurse made it a second time.
    from hometeams.sim import DailyLists

    r = realisation([job(465.0, 30.0, due=525.0)], [shift("kari"), shift("ola")])
    records = run(r, organisation({"kari": [], "ola": []}), Pooled(), planning=DailyLists())
    planned = records.lists.staff.tolist()  # kari or ola: the planner's tie, by the seed
    assert len(planned) == 1
    assert columns(records, "staff", "start") == [planned, [465.0]]
    busy = dict(zip(records.shifts.staff.tolist(), records.shifts.busy.tolist(), strict=True))
    assert busy[planned[0]] == 30.0
    assert sum(busy.values()) == 30.0


def test_a_nurse_whose_shift_ends_now_is_not_sent_by_a_tier_opening_now() -> None:
    """A tier opening at the very minute a shift ends does not send its nurse (start <= t < end)."""
    # Kari (pool) works 07:00-15:00, Ola (pool) 15:00-23:00; the north team is off. A north
    # visit becomes ready at 14:15 and may go to the pool after 45 minutes: at 15:00, when
    # Kari's shift ends and Ola's starts. Only Ola is on duty at 15:00.
    from hometeams.sim import Overflow

    records = run(
        realisation(
            [job(855.0, 20.0, team="north", due=960.0)],
            [shift("kari"), shift("ola", 900.0, 1380.0, period="evening"), shift("nina", 0, 60)],
        ),
        organisation(
            {"kari": [], "ola": [], "nina": []},
            teams={"pool": ["kari", "ola"], "north": ["nina"]},
        ),
        Overflow(45),
    )
    assert columns(records, "staff", "start") == [["ola"], [900.0]]


class AllOnTheFirst:
    """A planner that puts every visit of the day on the first route, in order."""

    def solve(self, problem: RoutingProblem) -> tuple[tuple[int, ...], ...]:
        """All visits on route 0."""
        lists: list[tuple[int, ...]] = [() for _ in problem.routes]
        if lists:
            lists[0] = tuple(range(len(problem.visits)))
        return tuple(lists)


def test_a_zero_minute_alarm_as_she_must_leave_is_taken_once() -> None:
    """Work arriving at the minute a waiting nurse must leave is not sent to her twice."""
    # Kari's list: 08:00 (30 min) and 10:00; she waits from 08:30 and must leave at 10:00,
    # when a zero-minute alarm comes in (the 09:10 two-person call cannot be served).
    from hometeams.sim import DailyLists

    jobs = [
        job(480.0, 30.0),
        job(550.0, 10.0, kind="arrival", n_staff=2),
        job(600.0, 30.0),
        job(600.0, 0.0, kind="alarm"),
    ]
    records = run(realisation(jobs, [shift("kari")]), organisation({"kari": []}),
                  planning=DailyLists())  # fmt: skip
    assert columns(records, "staff")[0] == ["kari", "", "kari", "kari"]
    assert records.shifts.busy.tolist() == [60.0]


def test_a_visit_released_at_the_minute_it_becomes_ready_is_done_once() -> None:
    """A listed visit released at its ready time is dispatched once, not twice."""
    # Kari's 08:00 visit takes 40 minutes (30 expected); her next, at 08:40 in zone b ten
    # minutes away, would start at 08:50: late by more than release_after = 0, so it goes to
    # the dispatcher at 08:40 -- once.
    from hometeams.sim import DailyLists

    class KariOnly:
        def solve(self, problem: RoutingProblem) -> tuple[tuple[int, ...], ...]:
            lists: list[tuple[int, ...]] = [() for _ in problem.routes]
            for r, route in enumerate(problem.routes):
                if route.staff == 0:  # kari
                    lists[r] = tuple(range(len(problem.visits)))
                    break
            return tuple(lists)

    jobs = [
        job(480.0, 40.0, expected=30.0),
        job(500.0, 5.0, kind="arrival", zone="b"),
        job(520.0, 30.0, zone="b", due=600.0),
    ]
    records = run(
        realisation(jobs, [shift("kari"), shift("ola", zone="b")]),
        organisation({"kari": [], "ola": []}, zones=("z", "b")),
        travel={("z", "b"): 10.0, ("b", "z"): 10.0},
        planning=DailyLists(planner=KariOnly(), release_after=0),
    )
    # the visit is done once, and every minute of work is some job's
    assert records.shifts.busy.sum() == pytest.approx(40.0 + 5.0 + 30.0)
    assert (records.jobs.state < 2).all()


def test_a_nurse_waiting_past_her_shift_is_sent_nothing() -> None:
    """A list stop planned after the shift is released at once; no work after her shift."""
    # The planner puts the 14:10 visit after an eight-hour expected first visit (planned 15:30,
    # after her shift): it is released; a call at 15:05 waits for Ola, who starts at 16:40.
    from hometeams.sim import DailyLists

    jobs = [
        job(480.0, 100.0, expected=450.0, due=600.0),
        job(850.0, 30.0, due=1200.0),
        job(905.0, 10.0, kind="arrival", due=1000.0),
    ]
    records = run(
        realisation(jobs, [shift("kari"), shift("ola", 1000.0, 1380.0, period="evening")]),
        organisation({"kari": [], "ola": []}),
        planning=DailyLists(planner=AllOnTheFirst()),
    )
    assert columns(records, "staff", "start") == [["kari", "kari", "ola"], [480.0, 850.0, 1000.0]]
    assert records.shifts.busy.tolist() == [130.0, 10.0]


def test_listed_visits_are_dropped_by_the_lateness_limit_as_others_are() -> None:
    """With max_lateness, a listed visit not started by due + limit ends unserved."""
    # The first visit runs to 09:25; the second is due at 09:10, dropped at 09:20.
    from hometeams.sim import DailyLists

    jobs = [job(480.0, 85.0, expected=30.0, due=510.0), job(520.0, 30.0, due=550.0)]
    kwargs: dict[str, Any] = {"max_lateness": 10}
    with_lists = run(realisation(jobs, [shift("kari")]), organisation({"kari": []}),
                     planning=DailyLists(planner=AllOnTheFirst()), **kwargs)  # fmt: skip
    online = run(realisation(jobs, [shift("kari")]), organisation({"kari": []}), **kwargs)
    assert columns(with_lists, "state")[0] == columns(online, "state")[0] == [ON_TIME, UNSERVED]
