"""Tests for hometeams.scenario._travel: zone-to-zone travel times."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from hometeams.errors import InvalidScenario
from hometeams.scenario import Leg, TravelMatrix

ZONES = ("a", "b", "c")


def test_symmetric_by_default_and_zero_when_absent() -> None:
    """A leg applies both ways; unmentioned pairs and the diagonal take no time."""
    travel = TravelMatrix({("a", "b"): 12})
    assert travel.minutes("a", "b") == travel.minutes("b", "a") == 12.0
    assert travel.minutes("a", "c") == 0.0
    assert travel.minutes("a", "a") == 0.0
    assert travel.zones == {"a", "b"}


def test_asymmetric_matrix_keeps_directions_apart() -> None:
    """With symmetric=False each direction is its own leg."""
    travel = TravelMatrix({("a", "b"): 12, ("b", "a"): 15}, symmetric=False)
    assert travel.matrix(["a", "b"]).tolist() == [[0.0, 12.0], [15.0, 0.0]]


def test_within_zone_travel_can_be_given() -> None:
    """A leg from a zone to itself sets the time between two users in that zone."""
    assert TravelMatrix([Leg("a", "a", minutes=5)]).matrix(["a", "b"]).tolist() == [
        [5.0, 0.0],
        [0.0, 0.0],
    ]


def test_conflicting_directions_are_refused() -> None:
    """Symmetric legs that disagree name the later leg."""
    with pytest.raises(InvalidScenario) as info:
        TravelMatrix({("a", "b"): 5, ("b", "a"): 7})
    assert info.value.path == "legs[1].minutes"
    TravelMatrix({("a", "b"): 5, ("b", "a"): 5})  # agreeing is fine


@pytest.mark.parametrize(
    ("build", "path"),
    [
        (lambda: TravelMatrix({("a", "b"): -1}), "legs[0].minutes"),
        (lambda: TravelMatrix({("a", "b"): 1, ("a", ""): 1}), "legs[1].destination"),
        (lambda: Leg("a", "b", minutes=float("inf")), "minutes"),
    ],
)
def test_bad_travel_names_the_field(build: object, path: str) -> None:
    """Negative, infinite or nameless travel is refused naming the field."""
    with pytest.raises(InvalidScenario) as info:
        build()  # type: ignore[operator]
    assert info.value.path == path


@given(
    st.dictionaries(st.tuples(st.sampled_from(ZONES), st.sampled_from(ZONES)), st.integers(0, 60))
)
def test_matrix_agrees_with_minutes(legs: dict[tuple[str, str], int]) -> None:
    """matrix()[i, j] equals minutes(zone i, zone j) for every pair (asymmetric legs)."""
    travel = TravelMatrix(legs, symmetric=False)
    m = travel.matrix(ZONES)
    for i, a in enumerate(ZONES):
        for j, b in enumerate(ZONES):
            assert m[i, j] == travel.minutes(a, b) == legs.get((a, b), 0)


@given(st.lists(st.tuples(st.sampled_from(ZONES), st.sampled_from(ZONES)), unique_by=frozenset))
def test_symmetric_matrix_is_symmetric(pairs: list[tuple[str, str]]) -> None:
    """With symmetric legs the matrix equals its transpose."""
    travel = TravelMatrix({p: k + 1 for k, p in enumerate(pairs)})
    m = travel.matrix(ZONES)
    assert np.array_equal(m, m.T)
