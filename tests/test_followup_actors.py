"""Tests of services per user by age and the actors each coordinator must reach."""

from __future__ import annotations

import math

import pytest
from hypothesis import given

from hometeams.errors import InvalidArgument
from hometeams.followup import (
    SERVICE_SURVEY_2023,
    Band,
    ComplexNeedsUser,
    CoordinatorRole,
    FollowUpProgramme,
    Sector,
    ServiceRange,
    actors_per_coordinator,
    services_by_age,
)
from test_followup_strategies import programmes


def test_survey_ranges_are_the_published_ones() -> None:
    """0-10: 4-9; 11-17: 2-7; 18-49: mostly 3-4; 50+: over half 4-7 (seed 003 L1455-1465)."""
    got = [(r.ages.label, r.low, r.high, r.share, r.strict) for r in SERVICE_SURVEY_2023]
    assert got == [
        ("0-10", 4, 9, 1.0, False),
        ("11-17", 2, 7, 1.0, False),
        ("18-49", 3, 4, 0.5, True),
        ("50+", 4, 7, 0.5, True),
    ]


def _adults(counts: list[int]) -> FollowUpProgramme:
    pool = ["gp", "nav", "mental-health", "physiotherapy", "occupational-therapy", "home-care"]
    return FollowUpProgramme(
        "x",
        users=[
            ComplexNeedsUser(f"u{i}", age=30, services=[*pool[:n], "relatives"])
            for i, n in enumerate(counts)
        ],
    )


def test_most_adults_with_three_or_four_services_is_consistent() -> None:
    """Three of five adults with 3-4 services is "most" (> half); two of five is not."""
    yes = services_by_age(_adults([3, 4, 3, 5, 1]))[2]
    assert (yes.users, yes.in_range, yes.share_in_range, yes.median) == (5, 3, 0.6, 3.0)
    assert yes.consistent
    no = services_by_age(_adults([3, 4, 5, 5, 1]))[2]
    assert not no.consistent
    half = services_by_age(_adults([3, 5]))[2]
    assert half.share_in_range == 0.5
    assert not half.consistent  # exactly half is not "most"


def test_varied_from_needs_every_child_in_range() -> None:
    """Varied from four to nine: one child with three services breaks the statement."""
    pool = ["gp", "physiotherapy", "occupational-therapy", "kindergarten", "speech-therapy"]
    p = FollowUpProgramme(
        "x",
        users=[
            ComplexNeedsUser("a", age=5, services=pool),
            ComplexNeedsUser("b", age=7, services=pool[:3]),
        ],
    )
    child = services_by_age(p)[0]
    assert (child.in_range, child.consistent) == (1, False)


def test_empty_group_is_not_consistent_and_has_nan_statistics() -> None:
    """A group without users neither matches the statement nor has a median."""
    child = services_by_age(_adults([3]))[0]
    assert child.users == 0
    assert not child.consistent
    assert math.isnan(child.median)
    assert math.isnan(child.share_in_range)


def test_custom_ranges_must_partition_ages() -> None:
    """Age groups with a gap are refused."""
    ranges = [ServiceRange(Band(0, 10), 1, 2, 1.0, "x"), ServiceRange(Band(12), 1, 2, 1.0, "y")]
    with pytest.raises(InvalidArgument, match="must start at 11"):
        services_by_age(_adults([3]), survey=ranges)


def test_actors_count_shared_services_once() -> None:
    """Two users sharing NAV and a named GP, each with their own school: four actors."""
    p = FollowUpProgramme(
        "x",
        coordinators=[
            CoordinatorRole("siri", hours_per_week=3),
            CoordinatorRole("per", hours_per_week=1),
        ],
        users=[
            ComplexNeedsUser(
                "a", age=9, services=["gp", "nav", "school"], coordinator="siri", gp="lund"
            ),
            ComplexNeedsUser(
                "b", age=12, services=["gp", "nav", "school"], coordinator="siri", gp="lund"
            ),
            ComplexNeedsUser("c", age=70, services=["home-care"]),
        ],
    )
    siri, per = actors_per_coordinator(p)
    assert (siri.staff, siri.users, siri.actors) == ("siri", 2, 4)
    assert siri.sectors == {Sector.HEALTH_AND_CARE, Sector.WELFARE, Sector.EDUCATION}
    assert (per.users, per.actors, per.sectors) == (0, 0, frozenset())


def test_actors_need_coordinators() -> None:
    """A programme without coordinators has no actors to count: refused."""
    with pytest.raises(InvalidArgument, match="no coordinators"):
        actors_per_coordinator(_adults([3]))


@given(programmes())
def test_actor_counts_lie_between_largest_user_and_sum(programme: FollowUpProgramme) -> None:
    """A coordinator reaches at least the actors of their busiest user and at most all of them."""
    if not programme.coordinators:
        return
    reach = {r.staff: r for r in actors_per_coordinator(programme)}
    for staff, users in programme.caseloads.items():
        sizes = [len(programme.users_by_id[u].services) for u in users]
        assert reach[staff].users == len(users)
        assert max(sizes, default=0) <= reach[staff].actors <= sum(sizes)


@given(programmes())
def test_every_user_is_in_exactly_one_age_group(programme: FollowUpProgramme) -> None:
    """The age groups' user counts add up to the programme's users."""
    assert sum(g.users for g in services_by_age(programme)) == len(programme.users)
