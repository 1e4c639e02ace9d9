"""Tests of Model and of the default runner's contract with the simulator and metrics."""

from __future__ import annotations

import ast
import types
from pathlib import Path
from typing import Any

import attrs
import numpy as np
import pytest

import hometeams.experiment
from hometeams.errors import InvalidArgument
from hometeams.experiment import Model, simulation_runner


def test_model_is_frozen_and_keeps_its_parts() -> None:
    """A model holds its name, scenario and policy and cannot be changed in place."""
    scenario, policy = object(), object()
    model = Model("pooled", scenario, policy=policy)
    assert (model.name, model.scenario, model.policy) == ("pooled", scenario, policy)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        model.name = "x"  # type: ignore[misc]
    assert attrs.evolve(model, name="fixed").scenario is scenario


@pytest.mark.parametrize("name", ["", "  ", " a", "a ", 3, None])
def test_model_name_must_be_a_clean_string(name: object) -> None:
    """Empty, padded or non-string names are refused, naming the field and value."""
    with pytest.raises(InvalidArgument, match=r"name: must be a non-empty string"):
        Model(name, None)  # type: ignore[arg-type]


def test_simulation_runner_calls_simulate_and_metrics(monkeypatch: pytest.MonkeyPatch) -> None:
    """The default runner simulates with the model's policy, planning, drop rule and seed."""
    import hometeams.metrics
    import hometeams.sim

    calls: dict[str, Any] = {}
    records = object()

    def simulate(
        scenario: object, *, policy: object, seed: object, planning: object, max_lateness: float
    ) -> object:
        calls["simulate"] = (scenario, policy, seed, planning, max_lateness)
        return records

    def metrics(got: object, *, clock: object) -> dict[str, float]:
        calls["metrics"] = (got, clock)
        return {"wait": 4.0}

    monkeypatch.setattr(hometeams.sim, "simulate", simulate)
    monkeypatch.setattr(hometeams.metrics, "metrics", metrics)
    scenario = types.SimpleNamespace(clock="the scenario's clock")

    seed = np.random.SeedSequence(1)
    model = Model("m", scenario, policy="pool", planning="lists", max_lateness=45)
    out = simulation_runner(model, seed)
    assert out == {"wait": 4.0}
    assert calls["simulate"] == (scenario, "pool", seed, "lists", 45.0)
    assert calls["metrics"] == (records, "the scenario's clock")


def test_the_package_does_not_import_the_engine_at_module_level() -> None:
    """No experiment module imports hometeams.sim or hometeams.metrics at import time."""
    package = Path(hometeams.experiment.__file__).parent
    for path in package.glob("*.py"):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            for name in names:
                assert not name.startswith(("hometeams.sim", "hometeams.metrics")), path.name
