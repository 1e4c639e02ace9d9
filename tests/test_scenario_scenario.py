"""Tests for hometeams.scenario._scenario: the Scenario value and its strategies."""

from __future__ import annotations

from collections.abc import Callable

import attrs
import pytest
from hypothesis import given

import hometeams.scenario as scenario_pkg
from hometeams.errors import InvalidScenario
from hometeams.scenario import (
    Absences,
    Demand,
    Roster,
    Scenario,
    TravelMatrix,
)
from sim_strategies import bad_scenarios, scenarios, small_district

ORG = small_district()
ROSTER = Roster.weekly(
    {
        "kari": {"daily": "day"},
        "ola": {"daily": "evening"},
        "per": {"daily": "day"},
        "lise": {"weekdays": "day"},
    }
)


def base(**changes: object) -> Scenario:
    return Scenario(ORG, ROSTER, **changes)  # type: ignore[arg-type]


def test_public_names_are_sorted_and_importable() -> None:
    """The package's __all__ is sorted and every name in it exists."""
    assert list(scenario_pkg.__all__) == sorted(scenario_pkg.__all__)
    for name in scenario_pkg.__all__:
        assert hasattr(scenario_pkg, name)


def test_defaults() -> None:
    """A scenario defaults to one week, no warm-up, no demand, no absences, no travel, pooled."""
    s = base()
    assert (s.horizon, s.warmup, s.floors) == (7 * 1440.0, 0.0, ())
    assert not hasattr(s, "policy")  # a model's policy lives in the model
    assert s.demand == Demand()
    assert s.absences == Absences()
    assert s.travel == TravelMatrix()


def test_evolve_revalidates() -> None:
    """attrs.evolve gives another scenario on the same description, and checks it again."""
    s = base()
    assert attrs.evolve(s, horizon=2 * 1440.0).horizon == 2 * 1440.0
    with pytest.raises(InvalidScenario):
        attrs.evolve(s, horizon=0)


@given(scenarios())
def test_drawn_scenarios_are_valid_and_rebuild_identically(s: Scenario) -> None:
    """Every scenario from the strategy validates again when rebuilt field by field."""
    again = attrs.evolve(s)
    assert again == s
    assert isinstance(s.findings(), tuple)


@given(bad_scenarios())
def test_bad_scenarios_are_refused_naming_the_field(case: tuple[Callable[[], object], str]) -> None:
    """Every drawn mistake raises InvalidScenario with exactly the expected path."""
    build, path = case
    with pytest.raises(InvalidScenario) as info:
        build()
    assert info.value.path == path


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: scenario_pkg.Roster("x"), "lines: must be a list, got 'x'"),
        (lambda: scenario_pkg.Roster([1]), "lines[0]: must be of type RosterLine, got int 1"),
        (lambda: scenario_pkg.TravelMatrix("x"), "legs: must be a list, got 'x'"),
        (lambda: scenario_pkg.Demand(visits="x"), "visits: must be a list, got 'x'"),
        (
            lambda: scenario_pkg.Demand(alarms=[0.1]),
            "alarms[0]: must be of type Alarms, got float 0.1",
        ),
        (lambda: scenario_pkg.Absences(intervals=5), "intervals: must be a list, got 5"),
    ],
)
def test_wrong_types_are_invalid_arguments_naming_the_argument(
    build: Callable[[], object], message: str
) -> None:
    """``Roster("x")``, ``TravelMatrix("x")`` and the like name the argument, not an attribute."""
    from hometeams.errors import InvalidArgument

    with pytest.raises(InvalidArgument) as caught:
        build()
    assert str(caught.value) == message
