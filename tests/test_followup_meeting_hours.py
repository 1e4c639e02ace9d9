"""Tests of meeting person-hours: responsibility group against core team."""

from __future__ import annotations

import pytest

from hometeams.errors import InvalidArgument, InvalidScenario
from hometeams.followup import FollowUpTeam, MeetingPlan, MeetingSeries, meeting_hours


def test_worked_example_80_against_44_person_hours() -> None:
    """2 x 20 x 2 h = 80 for the old group; 4 x 5 x 1 h + 1 x 12 x 2 h = 44 for a core team."""
    assert meeting_hours(MeetingPlan.responsibility_group()) == 80.0
    assert meeting_hours(MeetingPlan.core_team()) == 44.0


def test_hours_scale_with_the_number_of_teams() -> None:
    """A hundred teams cost a hundred times one team."""
    one = meeting_hours(MeetingPlan.core_team(core=4, per_year=3, hours=1.5))
    assert one == 4 * 3 * 1.5 + 12 * 2
    assert (
        meeting_hours(MeetingPlan.core_team(core=4, per_year=3, hours=1.5), teams=100) == 100 * one
    )
    assert meeting_hours(MeetingPlan.core_team(), teams=0) == 0.0


def test_staff_hours_leave_out_user_and_relative() -> None:
    """Staff hours count 18 of the 20 people in a responsibility group: 2 x 18 x 2 = 72."""
    assert meeting_hours(MeetingPlan.responsibility_group(), staff_only=True) == 72.0
    series = MeetingSeries("x", per_year=2, attendees=3, hours=1, unpaid=1)
    assert meeting_hours(series) == 6.0
    assert meeting_hours(series, staff_only=True) == 4.0


def test_plan_for_a_team_follows_its_core_and_wider_group() -> None:
    """A team of coordinator, user, 3 core and 2 wider services: 5 and 7 attendees."""
    team = FollowUpTeam(
        "ole",
        coordinator="siri",
        core=["gp", "kindergarten", "relatives"],
        wider=["nav", "educational-psychology"],
    )
    plan = MeetingPlan.for_team(team, per_year=6, hours=1.0, wider_per_year=1, wider_hours=2.0)
    core, wider = plan.series
    assert (core.attendees, core.unpaid, wider.attendees, wider.unpaid) == (5, 2, 7, 2)
    assert plan.person_hours == 6 * 5 * 1.0 + 7 * 2.0
    assert plan.staff_hours == 6 * 3 * 1.0 + 5 * 2.0


@pytest.mark.parametrize(
    ("kwargs", "path"),
    [
        ({"per_year": 0}, "per_year"),
        ({"attendees": 0}, "attendees"),
        ({"hours": -1}, "hours"),
        ({"unpaid": 5}, "unpaid"),
    ],
)
def test_bad_series_are_refused_by_field(kwargs: dict[str, object], path: str) -> None:
    """Each meeting series field names itself when it is out of range."""
    fields: dict[str, object] = {"per_year": 2, "attendees": 4, "hours": 1}
    fields.update(kwargs)
    with pytest.raises(InvalidScenario) as info:
        MeetingSeries("x", **fields)  # type: ignore[arg-type]
    assert info.value.path == path


def test_empty_plans_and_bad_arguments_are_refused() -> None:
    """A plan needs a series; meeting_hours needs a plan and a team count >= 0."""
    with pytest.raises(InvalidScenario, match="series"):
        MeetingPlan("x", series=[])
    with pytest.raises(InvalidArgument, match="plan"):
        meeting_hours("twice a year")  # type: ignore[arg-type]
    with pytest.raises(InvalidArgument, match="teams"):
        meeting_hours(MeetingPlan.core_team(), teams=-1)
