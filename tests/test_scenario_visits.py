"""Tests for hometeams.scenario._visits: visit plans."""

from __future__ import annotations

import pytest

from hometeams.errors import InvalidScenario
from hometeams.scenario import Fixed, VisitPlan


def test_visit_plan_reads_times_days_and_defaults() -> None:
    """Times become sorted minutes, days a set, the window defaults to 60, n_staff to 1."""
    plan = VisitPlan("u1", days="weekend", times=["20:00", "08:00"], duration=30)
    assert plan.times == (480.0, 1200.0)
    assert plan.days == {5, 6}
    assert (plan.window, plan.n_staff, plan.team) == (60.0, 1, None)
    assert plan.duration == Fixed(30)
    assert plan.per_week() == 4


def test_single_time_and_competence_strings_are_one_item() -> None:
    """A bare time string is one time; a bare competence string is one competence."""
    plan = VisitPlan("u1", times="09:15", duration=10, required="wound-care")
    assert plan.times == (555.0,)
    assert plan.required == {"wound-care"}


def test_duplicate_times_collapse() -> None:
    """The same time twice is one visit a day."""
    assert VisitPlan("u1", times=["08:00", 480], duration=10).times == (480.0,)


@pytest.mark.parametrize(
    ("build", "path"),
    [
        (lambda: VisitPlan("u1", times=[], duration=5), "times"),
        (lambda: VisitPlan("u1", times=["08:00", "8.30"], duration=5), "times[1]"),
        (lambda: VisitPlan("u1", days=[], times="08:00", duration=5), "days"),
        (lambda: VisitPlan("u1", times="08:00", duration=5, window=-1), "window"),
        (lambda: VisitPlan("u1", times="08:00", duration=5, n_staff=0), "n_staff"),
        (lambda: VisitPlan("u1", times="08:00", duration=5, n_staff=3), "n_staff"),
        (lambda: VisitPlan("u1", times="08:00", duration=-5), "duration.minutes"),
        (lambda: VisitPlan("u1", times="08:00", duration="long"), "duration"),
        (lambda: VisitPlan("u1", times="08:00", duration=5, required=["a b"]), "required[0]"),
        (lambda: VisitPlan("u1", times="08:00", duration=5, preferred=[""]), "preferred[0]"),
        (lambda: VisitPlan("u1", times="08:00", duration=5, team=""), "team"),
        (lambda: VisitPlan("", times="08:00", duration=5), "user"),
    ],
)
def test_bad_visit_plans_name_the_field(build: object, path: str) -> None:
    """Each impossible visit plan is refused with InvalidScenario naming its field."""
    with pytest.raises(InvalidScenario) as info:
        build()  # type: ignore[operator]
    assert info.value.path == path
