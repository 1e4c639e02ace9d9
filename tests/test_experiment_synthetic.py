"""Tests of the stand-in runner with known answers."""

from __future__ import annotations

import math
import pickle

import numpy as np
import pytest

from hometeams.errors import InvalidArgument
from hometeams.experiment import Model, Synthetic, synthetic_runner


def _seeds(n: int, seed: int = 0) -> list[np.random.SeedSequence]:
    return np.random.SeedSequence(seed).spawn(n)


def test_same_seed_same_values() -> None:
    """The runner is a pure function of (model, seed)."""
    model = Model("a", Synthetic({"wait": 5.0, "idle": 0.2}))
    seed = _seeds(1)[0]
    assert synthetic_runner(model, seed) == synthetic_runner(model, seed)


def test_common_noise_cancels_in_differences() -> None:
    """Without own noise, two models differ by exactly their difference of means."""
    seeds = _seeds(20)
    a = Model("a", Synthetic({"wait": 10.0, "idle": 1.0}, common_sd=4.0, own_sd=0.0))
    b = Model("b", Synthetic({"wait": 7.5, "idle": 1.0}, common_sd=4.0, own_sd=0.0))
    for seed in seeds:
        ra, rb = synthetic_runner(a, seed), synthetic_runner(b, seed)
        assert rb["wait"] - ra["wait"] == pytest.approx(-2.5, abs=1e-12)
        assert rb["idle"] == ra["idle"]


def test_own_noise_differs_between_models() -> None:
    """Models with different names get independent own noise in the same replication."""
    seed = _seeds(1)[0]
    scenario = Synthetic({"wait": 0.0}, common_sd=0.0, own_sd=1.0)
    assert synthetic_runner(Model("a", scenario), seed) != synthetic_runner(
        Model("b", scenario), seed
    )


def test_moments_match_the_description() -> None:
    """Over 2,000 replications the sample mean and sd match mean and sqrt(common² + own²)."""
    scenario = Synthetic({"wait": 12.0}, common_sd=3.0, own_sd=4.0)
    values = np.array([synthetic_runner(Model("a", scenario), s)["wait"] for s in _seeds(2000)])
    # sd = sqrt(9 + 16) = 5; the sample mean's standard error is 5/sqrt(2000) = 0.112 and the
    # sample sd's about 5/sqrt(2·2000) = 0.079: allow 4 standard errors for each.
    assert values.mean() == pytest.approx(12.0, abs=0.45)
    assert values.std(ddof=1) == pytest.approx(5.0, abs=0.32)


def test_values_are_plain_floats_and_picklable() -> None:
    """The runner returns Python floats and, with its model, survives pickling."""
    model = Model("a", Synthetic({"wait": 1.0}))
    out = synthetic_runner(model, _seeds(1)[0])
    assert all(type(v) is float for v in out.values())
    again = pickle.loads(pickle.dumps((synthetic_runner, model)))
    assert again[1] == model


def test_rejects_other_scenarios() -> None:
    """A model whose scenario is not Synthetic is refused, naming the model."""
    with pytest.raises(InvalidArgument, match="model 'x': scenario must be a Synthetic"):
        synthetic_runner(Model("x", {"wait": 1.0}), _seeds(1)[0])


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"means": {}}, "means: must be a non-empty mapping"),
        ({"means": {"wait": math.nan}}, r"means\['wait'\]: must be a finite number"),
        ({"means": {"": 1.0}}, "means: metric names must be non-empty strings"),
        ({"means": {"wait": 1.0}, "common_sd": -1.0}, "common_sd: must be a finite number >= 0"),
    ],
)
def test_synthetic_validates(kwargs: dict[str, object], message: str) -> None:
    """Impossible means and noise levels are refused by name."""
    with pytest.raises(InvalidArgument, match=message):
        Synthetic(**kwargs)  # type: ignore[arg-type]
