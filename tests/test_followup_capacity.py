"""Tests of coordinating capacity: slots, free slots, overload and shortfall."""

from __future__ import annotations

from hypothesis import given

from hometeams.followup import ComplexNeedsUser, CoordinatorRole, FollowUpProgramme, capacity
from test_followup_strategies import programmes


def test_hand_example() -> None:
    """Roles of 2 h (2 slots) and 6 h capped at 3; three users with A: A is overloaded by one."""
    p = FollowUpProgramme(
        "x",
        coordinators=[
            CoordinatorRole("a", hours_per_week=2),
            CoordinatorRole("b", hours_per_week=6, max_caseload=3),
        ],
        users=[
            *(ComplexNeedsUser(f"a{i}", age=9, services=["gp"], coordinator="a") for i in range(3)),
            ComplexNeedsUser("b0", age=9, services=["gp"], coordinator="b"),
            *(ComplexNeedsUser(f"n{i}", age=80, services=["home-care"]) for i in range(4)),
        ],
    )
    report = capacity(p)
    assert report.slots == 5
    assert report.free == 2  # b has 2 free; a's overload does not subtract
    assert report.overloaded == ("a",)
    assert (report.users, report.coordinated, report.uncoordinated) == (8, 4, 4)
    assert report.shortfall == 3  # 8 users, 5 slots
    assert [load.hours_needed for load in report.loads] == [3.0, 1.0]


@given(programmes())
def test_slots_split_into_used_and_free(programme: FollowUpProgramme) -> None:
    """Free slots plus the users held within their slots equal all slots."""
    report = capacity(programme)
    held = sum(min(load.caseload, load.slots) for load in report.loads)
    assert report.free + held == report.slots
    assert report.shortfall == max(0, report.users - report.slots)
    assert set(report.overloaded) == {
        load.staff for load in report.loads if load.caseload > load.slots
    }
