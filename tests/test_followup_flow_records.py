"""Tests of the flow's tables and the waiting time per step, on hand-made records."""

from __future__ import annotations

import math

import pytest

from hometeams.errors import InvalidArgument
from hometeams.followup import (
    ComplexNeedsUser,
    CoordinatorRole,
    FlowCoordinators,
    FlowResult,
    FlowSeries,
    FlowSpec,
    FlowUsers,
    FollowUpProgramme,
    Reappointments,
    waiting_times,
)

NAN = math.nan
PROGRAMME = FollowUpProgramme(
    "x",
    coordinators=[CoordinatorRole("c", hours_per_week=5)],
    users=[ComplexNeedsUser("p", age=30, services=["nav"])],
)

# Six users by hand (times in weeks). u5 was in follow-up from the start; u6 left the programme
# during set-up; u3 waits for a coordinator and u4 for assessment at the horizon.
USERS = FlowUsers(
    user=["u1", "u2", "u3", "u4", "u5", "u6"],
    initial=[False, False, False, False, True, False],
    reported=[0, 2, 4, 5, NAN, 1],
    assessment_start=[1, 2, 6, NAN, NAN, 1],
    assessed=[3, 5, 7, NAN, NAN, 2],
    appointed=[4, 9, NAN, NAN, 0, 3],
    set_up=[6, 10, NAN, NAN, 0, NAN],
    exited=[NAN, NAN, NAN, NAN, 13, 3.5],
    coordinator=["c", "c", "", "", "c", "c"],
    orphanings=[1, 1, 0, 0, 1, 0],
    orphan_weeks=[2, 1, 0, 0, 2, 0],
    reviews_due=[0, 0, 0, 0, 0, 0],
    reviews_held=[0, 0, 0, 0, 0, 0],
)
# u1 orphaned at 10 and back at 12; u2 orphaned at 11 and still waiting; u5 left while waiting.
REAPPOINTMENTS = Reappointments(
    user=["u1", "u2", "u5"],
    left=["c", "c", "c"],
    orphaned=[10, 11, 11],
    reappointed=[12, NAN, NAN],
    exited=[NAN, NAN, 13],
)


def _result() -> FlowResult:
    return FlowResult(
        spec=FlowSpec(PROGRAMME, reports_per_week=1, horizon_weeks=14),
        users=USERS,
        reappointments=REAPPOINTMENTS,
        coordinators=FlowCoordinators(
            staff=["c"],
            joined=[0],
            left=[NAN],
            hours_per_week=[5],
            slots=[5],
            peak_caseload=[3],
            users_served=[4],
            replaces=[""],
        ),
        series=FlowSeries(
            week=[0],
            active_teams=[1],
            waiting_assessment=[0],
            waiting_appointment=[0],
            orphaned=[0],
            coordinators=[1],
        ),
        final=PROGRAMME,
    )


def test_waiting_times_by_hand() -> None:
    """Waits per step, counting unfinished users apart and leaving out those who left."""
    waits = {w.step: w for w in waiting_times(_result())}
    queue = waits["assessment queue"]  # waits 1, 0, 2, 0; u4 still waiting
    assert (queue.completed, queue.unfinished) == (4, 1)
    assert (queue.mean, queue.median) == (0.75, 0.5)
    assert queue.p90 == pytest.approx(1.7)  # linear interpolation in 0, 0, 1, 2
    assessment = waits["assessment"]  # 2, 3, 1, 1
    assert (assessment.completed, assessment.mean, assessment.median) == (4, 1.75, 1.5)
    appointment = waits["appointment"]  # 1, 4, 1; u3 still waiting
    assert (appointment.completed, appointment.unfinished, appointment.mean) == (3, 1, 2.0)
    setup = waits["set-up"]  # 2, 1; u6 left during set-up and counts in neither
    assert (setup.completed, setup.unfinished, setup.mean) == (2, 0, 1.5)
    whole = waits["report to team"]  # 6, 8; u3 and u4 on their way
    assert (whole.completed, whole.unfinished, whole.mean) == (2, 2, 7.0)
    again = waits["re-appointment"]  # u1 after 2 weeks; u2 still waiting; u5 left
    assert (again.completed, again.unfinished, again.mean) == (1, 1, 2.0)


def test_after_keeps_only_later_reports() -> None:
    """With after=2 only users reported from week 2 count: u2, u3 and u4."""
    queue = waiting_times(_result(), after=2)[0]
    assert (queue.completed, queue.unfinished, queue.mean) == (2, 1, 1.0)


def test_a_step_nobody_finished_has_nan_statistics() -> None:
    """With nobody through a step its statistics are nan and its count zero."""
    queue = waiting_times(_result(), after=100)[0]
    assert queue.completed == 0
    assert math.isnan(queue.mean)
    assert math.isnan(queue.median)
    assert math.isnan(queue.p90)


def test_after_must_be_finite() -> None:
    """A non-finite cut-off is refused."""
    with pytest.raises(InvalidArgument, match="after"):
        waiting_times(_result(), after=math.nan)


def test_columns_must_have_equal_lengths() -> None:
    """A table whose columns differ in length is refused."""
    with pytest.raises(InvalidArgument, match="columns differ"):
        Reappointments(user=["a"], left=["c"], orphaned=[1, 2], reappointed=[NAN], exited=[NAN])


def test_tables_have_length_and_named_columns() -> None:
    """A table's length is its row count; columns() gives the arrays by name."""
    assert len(USERS) == 6
    assert list(REAPPOINTMENTS.columns()) == ["user", "left", "orphaned", "reappointed", "exited"]
