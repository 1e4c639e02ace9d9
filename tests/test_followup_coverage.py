"""Tests of coordinator coverage by age group."""

from __future__ import annotations

import math

from hypothesis import given

from hometeams.followup import (
    AGE_GROUPS,
    NATIONAL_COORDINATOR_SHARE,
    Band,
    ComplexNeedsUser,
    CoordinatorRole,
    FollowUpProgramme,
    coverage_by_age,
)
from test_followup_strategies import programmes


def test_national_figures_are_the_published_ones() -> None:
    """40 % of users aged 0-66 and 6 % of those 67+ had a coordinator (seed 002 L163-166)."""
    assert [b.label for b in AGE_GROUPS] == ["0-66", "67+"]
    assert NATIONAL_COORDINATOR_SHARE[Band(0, 66)] == 0.40
    assert NATIONAL_COORDINATOR_SHARE[Band(67)] == 0.06


def test_hand_example_splits_coordinator_contact_and_neither() -> None:
    """Ages 66 and 67 fall on either side; primary contacts count only without a coordinator."""
    p = FollowUpProgramme(
        "x",
        coordinators=[CoordinatorRole("c", hours_per_week=5)],
        users=[
            ComplexNeedsUser("a", age=66, services=["gp"], coordinator="c", primary_contact="k"),
            ComplexNeedsUser("b", age=20, services=["gp"]),
            ComplexNeedsUser("c", age=67, services=["gp"], primary_contact="k"),
            ComplexNeedsUser("d", age=90, services=["gp"], primary_contact="k"),
            ComplexNeedsUser("e", age=70, services=["gp"], coordinator="c"),
        ],
    )
    young, old = coverage_by_age(p)
    assert (young.users, young.coordinator, young.primary_contact_only, young.neither) == (
        2,
        1,
        0,
        1,
    )
    assert (old.users, old.coordinator, old.primary_contact_only, old.neither) == (3, 1, 2, 0)
    assert old.coordinator_share == 1 / 3
    assert young.national_share == 0.40


def test_groups_without_a_published_share_get_none() -> None:
    """Custom age groups have no national share unless one is given."""
    p = FollowUpProgramme("x", users=[ComplexNeedsUser("a", age=5, services=["gp"])])
    child, rest = coverage_by_age(p, groups=[Band(0, 17), Band(18)])
    assert child.national_share is None
    assert math.isnan(rest.coordinator_share)


@given(programmes())
def test_every_user_is_counted_once(programme: FollowUpProgramme) -> None:
    """Each group splits its users exactly; the groups cover every user."""
    groups = coverage_by_age(programme)
    assert sum(g.users for g in groups) == len(programme.users)
    for g in groups:
        assert g.coordinator + g.primary_contact_only + g.neither == g.users
    assert sum(g.coordinator for g in groups) == sum(
        1 for u in programme.users if u.coordinator is not None
    )
