"""The memory team's reach: capacity arithmetic, the graph's reach and the simulated backlog.

Expected values: six specialists and 300 citizens (seed 000 L954-955), ten staff supervised per
specialist FTE (L956-957, ``DEFAULT_SUPERVISED_PER_FTE``), and arithmetic on the documented
assumptions (80-minute follow-ups, 40-hour weeks), not the code's output.
"""

from __future__ import annotations

import numpy as np
import pytest

from hometeams.cases import (
    MEMORY_METRICS,
    memory_team_analytic,
    memory_team_metrics,
    memory_team_reach,
)
from hometeams.errors import InvalidArgument
from hometeams.experiment import Comparison, ExperimentSettings, Model, Synthetic, compare


def test_capacity_and_reach_follow_from_six_arms_and_three_hundred_citizens() -> None:
    """Capacity 180 a week for 300 citizens; supervision (5 users per person) reaches the rest.

    6 x 5 days x 480 min / 80 min = 180 follow-ups a week, 120 left over every week; 120 users
    through staff at 5 each need 24 of the 60 staff the team could supervise.
    """
    a = memory_team_analytic()
    assert a.capacity_per_week == 180
    assert a.load == pytest.approx(300 / 180)
    assert a.backlog_growth_per_week == 120
    assert (a.direct_only.direct, a.direct_only.unreached) == (180, 120)
    assert len(a.through_staff.supervised) == 24
    assert (a.through_staff.through_staff, a.through_staff.unreached) == (120, 0)
    # Three arms: half the capacity, 90 direct; 3 x 10 people x 5 users = 150 through staff
    # for the other 210 leaves 60 unreached.
    three = memory_team_analytic(specialists=3)
    assert (three.capacity_per_week, three.through_staff.unreached) == (90, 60)
    assert three.through_staff.through_staff == 150
    assert three.direct_only.unreached == 300 - 90


def test_every_citizen_gets_one_follow_up_a_week_in_both_models() -> None:
    """300 weekly plans each; direct: all by the team; supervision: 40 % by the team."""
    direct, supervision = memory_team_reach()
    for model in (direct, supervision):
        plans = model.scenario.demand.visits
        assert sorted(p.user for p in plans) == sorted(model.scenario.organisation.users_by_id)
        assert all(p.per_week() == 1 for p in plans)
    assert all(
        p.team == "memory" and p.required == {"dementia"} for p in direct.scenario.demand.visits
    )
    by_team = [p for p in supervision.scenario.demand.visits if p.team == "memory"]
    assert len(by_team) == 120
    assert {p.user.split("-")[0] for p in by_team} == {"north", "south", "west"}  # 40 a zone
    carried = [p for p in supervision.scenario.demand.visits if p.team is None]
    assert all(p.preferred == {"dementia"} and not p.required for p in carried)


def test_the_team_works_four_days_under_supervision() -> None:
    """The six visit on weekdays, or Monday to Thursday when supervising; home care 30 a day."""
    direct, supervision = memory_team_reach()
    team = {f"mt-{i}" for i in range(1, 7)}
    visits = [s for s in direct.scenario.cycle if s.staff in team]
    assert len(visits) == 6 * 5
    shifts = supervision.scenario.cycle
    assert len([s for s in shifts if s.staff in team]) == 6 * 4
    home = [s.cycle_day for s in shifts if s.staff not in team]
    assert sorted(set(home)) == [0, 1, 2, 3, 4]
    assert all(home.count(day) == 30 for day in range(5))


def test_bad_options_are_refused_by_name() -> None:
    """Zero specialists, a share of one, or a model of another case are errors naming them."""
    with pytest.raises(InvalidArgument, match="specialists"):
        memory_team_reach(specialists=0)
    with pytest.raises(InvalidArgument, match="direct_share"):
        memory_team_reach(direct_share=1.0)
    with pytest.raises(InvalidArgument, match="memory_team_reach"):
        memory_team_metrics(Model("x", Synthetic({"a": 1.0})), np.random.SeedSequence(0))


@pytest.fixture(scope="module")
def result() -> Comparison:
    """Six replications of two weeks."""
    return compare(
        memory_team_reach(weeks=2),
        ExperimentSettings(replications=6, seed=5),
        executor="serial",
        runner=memory_team_metrics,
        progress=False,
    )


def test_runner_reports_exactly_its_metrics(result: Comparison) -> None:
    """The runner returns the documented figures, in order."""
    assert result.metrics == MEMORY_METRICS


def test_direct_visits_alone_build_a_waiting_list(result: Comparison) -> None:
    """Alone, the team is always busy, makes its minutes / 80 visits a week, and the rest wait.

    Load 5/3: far fewer than 300 are made, and what was not made is on the waiting list.
    """
    made = result.sample("direct visits", "followed_per_week")
    hours = result.sample("direct visits", "memory_visit_hours_per_week") + result.sample(
        "direct visits", "memory_overtime_hours_per_week"
    )
    # Mean visit 80 min (sd 20) over ~390 visits: the per-visit average is within 3 %.
    assert made == pytest.approx(hours * 60 / 80, rel=0.03)
    assert result.interval("direct visits", "memory_visit_hours_per_week").low > 0.98 * 240
    assert (made < 240).all()
    waiting = result.sample("direct visits", "waiting_list")
    assert waiting == pytest.approx(2 * (300 - made))  # due minus made, over two weeks
    assert (result.sample("direct visits", "specialist_share") == 1).all()


def test_supervision_reaches_everyone_and_keeps_the_specialists_for_the_complex(
    result: Comparison,
) -> None:
    """Supervising, all 300 are followed weekly and on time, 40 % by the specialists.

    Team load 120 x 80 / (6 x 4 x 480) = 0.83 and home care has spare capacity; the team
    spends 48 hours a week on supervision.
    """
    assert result.interval("supervision", "reached_share").low > 0.99
    assert result.difference("supervision", "waiting_list").high < 0
    assert result.interval("supervision", "on_time_share").low > 0.99
    assert result.interval("supervision", "specialist_share").mean == pytest.approx(0.4, abs=0.01)
    assert (result.sample("supervision", "supervision_hours_per_week") == 48).all()
    # Home care carries 180 follow-ups of 20 minutes: 60 hours a week, within sampling error.
    assert result.interval("supervision", "home_care_hours_per_week").mean == pytest.approx(
        60, rel=0.05
    )
