"""The public face of hometeams.sim and hometeams.validation, and the simulator's explanation."""

from __future__ import annotations

import inspect
from pathlib import Path

import attrs
import pytest

from hometeams import sim, validation

DOCS = Path(__file__).resolve().parents[1] / "docs" / "explanation" / "simulator.md"

DOCUMENTED = [
    "BuiltIn",
    "Chained",
    "ContinuityFirst",
    "Control",
    "DailyLists",
    "Day",
    "FixedLists",
    "FixedTeams",
    "NoLists",
    "OrderingRule",
    "Overflow",
    "Planner",
    "Planning",
    "Policy",
    "Pooled",
    "Process",
    "PyVRP",
    "Route",
    "RoutingProblem",
    "Solution",
    "Tier",
    "View",
    "Visit",
    "earliest_free",
    "known_staff_first",
    "lowest_care_level",
    "nearest",
    "preferred_first",
    "route_cost",
    "run",
    "schedule",
    "simulate",
    "synchronise",
]


def test_all_is_sorted_and_matches_the_documented_names() -> None:
    """``hometeams.sim.__all__`` is sorted and lists exactly the documented public names."""
    assert sim.__all__ == sorted(sim.__all__)
    assert sim.__all__ == DOCUMENTED
    assert validation.__all__ == ["QueueCheck", "queue_check"]


@pytest.mark.parametrize(
    "obj",
    [getattr(sim, n) for n in DOCUMENTED if inspect.isclass(getattr(sim, n))]
    + [
        sim.run,
        sim.simulate,
        sim.route_cost,
        sim.schedule,
        sim.synchronise,
        validation.queue_check,
    ],
)
def test_every_public_class_and_function_has_a_doctested_example(obj: object) -> None:
    """Every public class and function has an Examples section with runnable examples."""
    doc = inspect.getdoc(obj) or ""
    assert "Examples\n--------" in doc
    assert ">>> " in doc


@pytest.mark.parametrize(
    "value",
    [
        sim.Chained(),
        sim.ContinuityFirst(tolerance=1),
        sim.FixedTeams(),
        sim.Overflow(1),
        sim.Pooled(),
        sim.Tier(),
        sim.NoLists(),
        sim.DailyLists(),
        sim.FixedLists(),
        sim.BuiltIn(),
        sim.PyVRP(),
    ],
)
def test_policies_are_frozen_attrs_values(value: object) -> None:
    """The built-in policies, tiers, plannings and planners are frozen attrs values."""
    assert attrs.has(type(value))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        value.x = None  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "rule", ["nearest", "earliest_free", "lowest_care_level", "known_staff_first"]
)
def test_the_built_in_ordering_rules_read_their_names(rule: str) -> None:
    """Built-in ordering rules print as their names (they go into the records' meta)."""
    assert repr(getattr(sim, rule)) == rule


def test_the_explanation_page_covers_the_checks_and_the_design() -> None:
    """The explanation page names the queueing checks and has a defence of design."""
    text = DOCS.read_text(encoding="utf-8")
    for needle in ("queue_check", "Erlang C", "Pollaczek", "defence of design", "Overflow"):
        assert needle in text
