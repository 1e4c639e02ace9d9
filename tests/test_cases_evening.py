"""The 1.4-versus-2 evening: its demand, its three rosters, the analytic answer, and theory.

Expected values come from the quote (seed 000 L976-978: need 1.4, staffed with 2), from
``reference-values.md`` (Poisson need and Erlang values) and from arithmetic on the documented
assumptions, never from the code's output.
"""

from __future__ import annotations

import math
from collections import Counter

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hometeams.cases import (
    DISTRICT_NEED,
    REHAB_NEED,
    TeamRunner,
    evening_staffing,
    evening_staffing_analytic,
)
from hometeams.errors import InvalidArgument
from hometeams.experiment import Comparison, ExperimentSettings, compare
from hometeams.scenario import Absence
from hometeams.sim import simulate

EVENING = (15 * 60, 23 * 60)


def _planned_need(model_index: int, team: str) -> float:
    """Planned minutes of one evening for a team's users, in staff of a 480-minute shift."""
    scenario = evening_staffing(weeks=2)[model_index].scenario
    users = scenario.organisation.users_by_id
    minutes = sum(
        len(plan.times) * plan.duration.mean
        for plan in scenario.demand.visits
        if users[plan.user].team == team
    )
    return minutes / 480


def test_the_need_is_one_point_four_and_the_district_four_point_two() -> None:
    """8 users x 2 visits x 42 min = 672 min = 1.4 staff; 28 x 2 x 36 = 2016 = 4.2 staff."""
    assert pytest.approx(1.4) == REHAB_NEED
    assert pytest.approx(4.2) == DISTRICT_NEED
    for i in range(3):
        assert _planned_need(i, "rehab") == pytest.approx(1.4)
        assert _planned_need(i, "district") == pytest.approx(4.2)


def test_every_visit_is_planned_within_the_evening() -> None:
    """All visits are every day and start between 15:00 and 23:00."""
    for model in evening_staffing(weeks=2):
        for plan in model.scenario.demand.visits:
            assert plan.days == frozenset(range(7))
            assert all(EVENING[0] <= t < EVENING[1] for t in plan.times)


def _on_evening(model_index: int) -> list[Counter[str]]:
    scenario = evening_staffing(weeks=2)[model_index].scenario
    days: list[Counter[str]] = [Counter() for _ in range(7 * scenario.roster.cycle)]
    for shift in scenario.cycle:
        assert shift.period.value == "evening"
        team = scenario.roster.lines[shift.line].team or ""
        days[shift.cycle_day][team] += 1
    return days


@pytest.mark.parametrize(
    ("index", "district", "rehab"),
    [(0, 5, 2), (1, 6, 0), (2, 4, 2)],
    ids=["fixed team", "pooled", "overflow"],
)
def test_rosters_staff_whole_people_every_evening(index: int, district: int, rehab: int) -> None:
    """Fixed: 5 + 2 = 7 a night; pooled 6 with one of the team in the district; overflow 4 + 2."""
    expected = {team: n for team, n in (("district", district), ("rehab", rehab)) if n}
    for day in _on_evening(index):
        assert day == Counter(expected)


def test_models_are_named_and_carry_their_policies() -> None:
    """The three models, in order, under FixedTeams, Pooled and Overflow."""
    models = evening_staffing(overflow_after=20)
    assert [m.name for m in models] == ["fixed team", "pooled", "overflow"]
    assert [type(m.policy).__name__ for m in models] == ["FixedTeams", "Pooled", "Overflow"]
    assert models[2].policy.threshold == 20.0


def test_sick_leave_and_absences_reach_the_scenarios() -> None:
    """The vulnerability options become the scenarios' absences, identically in each model."""
    models = evening_staffing(sick_leave=0.08, absences=[Absence("rh-1")])
    for model in models:
        assert model.scenario.absences.sick_leave.probability == 0.08
        assert [a.staff for a in model.scenario.absences.intervals] == ["rh-1"]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"weeks": 0}, "weeks: must be an integer >= 1, got 0"),
        ({"sick_leave": 1.2}, "sick_leave: must be a probability >= 0 and < 1, got 1.2"),
        ({"overflow_after": -5}, "overflow_after: must be a finite number of minutes >= 0"),
    ],
)
def test_bad_options_are_refused_by_name(options: dict[str, object], message: str) -> None:
    """Every option is checked, and the error names it."""
    with pytest.raises(InvalidArgument, match=message):
        evening_staffing(**options)  # type: ignore[arg-type]


def test_analytic_answer_matches_the_reference_values() -> None:
    """30 % idle; Poisson shortfall and idle from reference-values.md; Erlang C from B(2, 1.4)."""
    a = evening_staffing_analytic()
    assert (a.waste.staff, a.waste.idle) == (2, pytest.approx(0.6))
    assert a.waste.idle_share == pytest.approx(0.3)
    assert a.poisson.expected_shortfall == pytest.approx(0.238430, abs=1e-6)
    assert a.poisson.expected_idle == pytest.approx(0.838430, abs=1e-6)
    b = 0.289941  # B(c=2, a=1.4), reference-values.md
    c = 2 * b / (2 - 1.4 * (1 - b))
    assert a.wait_probability == pytest.approx(c, abs=1e-6)
    assert a.mean_wait == pytest.approx(c / ((2 - 1.4) / 42), rel=1e-5)
    # Separately 2 + ceil(4.2) = 7 staff for 5.6 of need; pooled ceil(5.6) = 6.
    assert a.separate_idle_share == pytest.approx(1.4 / 7)
    assert a.pooled_idle_share == pytest.approx(0.4 / 6)


def test_analytic_answer_at_full_load_has_no_steady_state_wait() -> None:
    """A need of exactly two staff on two staff is an unstable queue: wait for ever."""
    a = evening_staffing_analytic(need=2.0)
    assert a.wait_probability == 1.0
    assert math.isinf(a.mean_wait)
    with pytest.raises(InvalidArgument, match="visit_minutes"):
        evening_staffing_analytic(visit_minutes=-1)


@settings(max_examples=8, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), index=st.integers(0, 2))
def test_idle_time_is_rostered_time_minus_the_work_done_in_it(seed: int, index: int) -> None:
    """Without travel, idle - overtime == rostered - minutes of the visits made, exactly."""
    model = evening_staffing(weeks=1)[index]
    records = simulate(model.scenario, policy=model.policy, seed=seed)
    jobs, shifts = records.jobs, records.shifts
    made = jobs.state != 2
    assert made.mean() > 0.99  # at most a visit or two left at the very end of the run
    lhs = shifts.idle.sum() - shifts.overtime.sum()
    assert lhs == pytest.approx(shifts.rostered.sum() - jobs.duration[made].sum(), abs=1e-6)


@pytest.fixture(scope="module")
def result() -> Comparison:
    """Eight replications of two weeks (about a second)."""
    runner = TeamRunner(
        ["rehab"],
        metrics=[
            "idle_share",
            "overtime_hours",
            "rostered_hours",
            "competence_match",
            "mean_distinct_staff_14d",
        ],
    )
    return compare(
        evening_staffing(weeks=2),
        ExperimentSettings(replications=8, seed=11),
        executor="serial",
        runner=runner,
        progress=False,
    )


def test_the_team_idles_thirty_percent_as_the_arithmetic_says(result: Comparison) -> None:
    """Net of overtime, the team's idle share is 1 - 1.4/2 = 0.30 up to sampling error.

    Per replication the work is 224 log-normal visits (sd 14 min) on 13440 rostered minutes, so
    its idle share has sd 14 * sqrt(224) / 13440 = 0.0156; the mean of 8 has sd 0.0055, and
    the tolerance is four of those.
    """
    idle = result.sample("fixed team", "rehab_idle_share")
    overtime = result.sample("fixed team", "rehab_overtime_hours")
    rostered = result.sample("fixed team", "rehab_rostered_hours")
    assert (rostered == 2 * 8 * 14).all()
    assert float(np.mean(idle - overtime / rostered)) == pytest.approx(0.30, abs=0.022)


def test_pooling_cuts_idle_time_and_staff_hours(result: Comparison) -> None:
    """Same work on 6/7 of the rostered time: idle share and staff-hours fall, surely."""
    assert result.difference("pooled", "idle_share").high < -0.10
    assert result.difference("pooled", "staff_hours").high < -(8 * 14) + 20
    assert result.difference("overflow", "idle_share").high < -0.10


def test_only_the_team_brings_the_team_competence(result: Comparison) -> None:
    """Only the team brings its competence: always when fixed, at most 480/672 when pooled.

    Pooled, one rehabilitation-trained person works an evening, whose 480 minutes cover at
    most 480/672 of the team's visit minutes.
    """
    assert (result.sample("fixed team", "competence_match") == 1.0).all()
    assert result.interval("pooled", "competence_match").high < 480 / 672
    assert result.difference("overflow", "competence_match").high < 0


def test_the_team_keeps_its_users_faces_few(result: Comparison) -> None:
    """A fixed team of four shows its users at most four faces; pooled, many more."""
    assert (result.sample("fixed team", "rehab_mean_distinct_staff_14d") <= 4).all()
    assert result.interval("pooled", "rehab_mean_distinct_staff_14d").low > 4
