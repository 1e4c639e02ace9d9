"""Tests of concentration risk: users orphaned when a coordinator leaves, worst case, bus factor."""

from __future__ import annotations

import pytest
from hypothesis import given

from hometeams.errors import InvalidArgument
from hometeams.followup import (
    ComplexNeedsUser,
    CoordinatorRole,
    FollowUpProgramme,
    concentration,
)
from test_followup_strategies import programmes


def _programme(loads: dict[str, int]) -> FollowUpProgramme:
    return FollowUpProgramme(
        "x",
        coordinators=[CoordinatorRole(s, hours_per_week=10) for s in loads],
        users=[
            ComplexNeedsUser(f"{s}-{k}", age=30, services=["nav"], coordinator=s)
            for s, n in loads.items()
            for k in range(n)
        ],
    )


HAND = {"a": 5, "b": 3, "c": 1, "d": 1, "e": 0}


def test_hand_example_worst_case_and_effective_number() -> None:
    """Caseloads 5, 3, 1, 1, 0: A's departure orphans half; HHI 0.36 gives 2.78 coordinators."""
    risk = concentration(_programme(HAND))
    assert risk.worst == ("a",)
    assert (risk.worst_orphaned, risk.coordinated, risk.worst_share) == (5, 10, 0.5)
    assert risk.orphaned["b"] == ("b-0", "b-1", "b-2")
    assert risk.orphaned["e"] == ()
    # HHI = 0.5² + 0.3² + 0.1² + 0.1² = 0.36
    assert risk.effective_coordinators == pytest.approx(1 / 0.36)


@pytest.mark.parametrize(("threshold", "bus"), [(0.5, 1), (0.51, 2), (0.8, 2), (0.81, 3), (1.0, 4)])
def test_bus_factor_by_hand(threshold: float, bus: int) -> None:
    """Half the users go with A alone; 80 % with A and B; everyone needs all four busy ones."""
    assert concentration(_programme(HAND), threshold=threshold).bus_factor == bus


def test_ties_list_every_worst_coordinator() -> None:
    """Two coordinators with the largest caseload are both the worst case."""
    assert concentration(_programme({"a": 2, "b": 2, "c": 1})).worst == ("a", "b")


def test_even_caseloads_give_the_number_of_coordinators() -> None:
    """N coordinators with equal caseloads are n effective coordinators."""
    assert concentration(
        _programme({"a": 3, "b": 3, "c": 3})
    ).effective_coordinators == pytest.approx(3)


def test_no_coordinated_user_is_refused() -> None:
    """Without coordinated users there is no concentration to measure: refused, not zero."""
    with pytest.raises(InvalidArgument, match="no user has a coordinator"):
        concentration(_programme({"a": 0}))


@pytest.mark.parametrize("threshold", [0, -0.1, 1.5, True])
def test_threshold_outside_unit_interval_is_refused(threshold: float) -> None:
    """The bus-factor threshold is a share in (0, 1]."""
    with pytest.raises(InvalidArgument, match="threshold"):
        concentration(_programme(HAND), threshold=threshold)


@given(programmes())
def test_orphaned_sets_partition_the_coordinated_users(programme: FollowUpProgramme) -> None:
    """Each coordinated user is orphaned by exactly one departure; the bus factor is minimal."""
    coordinated = [u.id for u in programme.users if u.coordinator is not None]
    if not coordinated:
        return
    risk = concentration(programme)
    orphaned = [u for users in risk.orphaned.values() for u in users]
    assert sorted(orphaned) == sorted(coordinated)
    sizes = sorted((len(v) for v in risk.orphaned.values()), reverse=True)
    assert risk.worst_orphaned == sizes[0]
    need = risk.threshold * len(coordinated)
    assert sum(sizes[: risk.bus_factor]) >= need - 1e-9
    assert sum(sizes[: risk.bus_factor - 1]) < need - 1e-9
    busy = sum(1 for n in sizes if n)
    assert 1 - 1e-9 <= risk.effective_coordinators <= busy + 1e-9
