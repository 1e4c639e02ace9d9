"""Tests of the coordinator role, the individual plan and the coordinating unit."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from hometeams.errors import InvalidArgument, InvalidScenario
from hometeams.followup import (
    FULL_TIME_HOURS,
    CoordinatingUnit,
    CoordinatorRole,
    IndividualPlan,
    Service,
)


def test_slots_are_hours_over_hours_per_user_capped_by_caseload() -> None:
    """Three hours at one hour a user is three slots; a cap of two makes it two."""
    assert CoordinatorRole("a", hours_per_week=3).slots(hours_per_user=1.0) == 3
    assert CoordinatorRole("a", hours_per_week=3, max_caseload=2).slots(hours_per_user=1.0) == 2
    assert CoordinatorRole("a", hours_per_week=3).slots(hours_per_user=1.5) == 2
    assert CoordinatorRole("a", hours_per_week=1).slots(hours_per_user=1.5) == 0


@given(st.floats(0.1, FULL_TIME_HOURS), st.none() | st.integers(1, 20), st.floats(0.1, 5.0))
def test_slots_never_exceed_budget_or_cap(hours: float, cap: int | None, per_user: float) -> None:
    """Slots times hours per user fit in the budget, and never exceed the cap."""
    slots = CoordinatorRole("a", hours_per_week=hours, max_caseload=cap).slots(
        hours_per_user=per_user
    )
    assert slots >= 0
    assert slots * per_user <= hours * (1 + 1e-9)
    assert cap is None or slots <= cap


@pytest.mark.parametrize(
    ("kwargs", "path"),
    [
        ({"hours_per_week": 0}, "hours_per_week"),
        ({"hours_per_week": 40}, "hours_per_week"),
        ({"hours_per_week": float("nan")}, "hours_per_week"),
        ({"hours_per_week": 2, "max_caseload": 0}, "max_caseload"),
        ({"hours_per_week": 2, "max_caseload": 2.5}, "max_caseload"),
        ({"hours_per_week": 2, "service": "dentist"}, "service"),
    ],
)
def test_bad_role_fields_are_refused_by_name(kwargs: dict[str, object], path: str) -> None:
    """Each field rule of a coordinator role names the field."""
    with pytest.raises(InvalidScenario) as info:
        CoordinatorRole("kari", **kwargs)  # type: ignore[arg-type]
    assert info.value.path == path


@pytest.mark.parametrize("per_user", [0, -1.0, float("inf"), True])
def test_slots_need_a_positive_hours_per_user(per_user: float) -> None:
    """Slots are undefined for zero, negative or infinite hours per user: refused by name."""
    with pytest.raises(InvalidArgument, match="hours_per_user"):
        CoordinatorRole("a", hours_per_week=3).slots(hours_per_user=per_user)


def test_role_service_accepts_its_value() -> None:
    """A role's service may be given by value and becomes a Service."""
    assert CoordinatorRole("a", hours_per_week=1, service="school").service is Service.SCHOOL


def test_plan_defaults_to_twice_a_year_and_rejects_empty_goals() -> None:
    """A plan is reviewed every 26 weeks by default; an empty goal is refused by index."""
    assert IndividualPlan().review_weeks == 26.0
    with pytest.raises(InvalidScenario) as info:
        IndividualPlan(goals=["school", " "])
    assert info.value.path == "goals[1]"
    with pytest.raises(InvalidScenario, match="review_weeks"):
        IndividualPlan(review_weeks=-1)


def test_unit_rejects_duplicate_members_and_zero_capacity() -> None:
    """A coordinating unit lists each member once and assesses at least one report at a time."""
    with pytest.raises(InvalidScenario) as info:
        CoordinatingUnit("ke", members=["a", "b", "a"])
    assert info.value.path == "members[2]"
    with pytest.raises(InvalidScenario) as info:
        CoordinatingUnit("ke", capacity=0)
    assert info.value.path == "capacity"


def test_value_objects_are_frozen() -> None:
    """Roles, plans and units cannot be changed in place; evolve makes a new one."""
    role = CoordinatorRole("a", hours_per_week=2)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        role.hours_per_week = 3  # type: ignore[misc]
    assert attrs.evolve(role, hours_per_week=3).hours_per_week == 3
    assert role.hours_per_week == 2
