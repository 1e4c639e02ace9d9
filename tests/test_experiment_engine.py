"""Tests of the replication engine: seeds, common random numbers, stopping rule, runner errors."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from hometeams.errors import InvalidArgument, InvalidSettings
from hometeams.experiment import (
    Comparison,
    ExperimentSettings,
    Model,
    Precision,
    Synthetic,
    compare,
    synthetic_runner,
    t_interval,
)
from hometeams.experiment._engine import replication_seed, root_seed

A = Model("a", Synthetic({"wait": 10.0, "idle": 0.3}, common_sd=2.0, own_sd=0.5))
B = Model("b", Synthetic({"wait": 8.0, "idle": 0.3}, common_sd=2.0, own_sd=0.5))
C = Model("c", Synthetic({"wait": 9.0, "idle": 0.4}, common_sd=2.0, own_sd=0.5))


def _run(models: list[Model], n: int, seed: int = 5, **kwargs: object) -> np.ndarray:
    settings = ExperimentSettings(replications=n, seed=seed, **kwargs)  # type: ignore[arg-type]
    result = compare(models, settings, executor="serial", runner=synthetic_runner)
    return result.values


@given(st.integers(0, 2**63), st.integers(1, 40), st.data())
def test_replication_seed_is_the_spawned_child(seed: int, n: int, data: st.DataObject) -> None:
    """Replication i's seed generates the same state as SeedSequence(seed).spawn(n)[i]."""
    i = data.draw(st.integers(0, n - 1))
    expected = np.random.SeedSequence(seed).spawn(n)[i]
    got = replication_seed(np.random.SeedSequence(seed), i)
    assert np.array_equal(got.generate_state(8), expected.generate_state(8))


def test_a_given_seed_sequence_is_not_mutated() -> None:
    """compare() never spawns from (and so never changes) a SeedSequence it is given."""
    root = np.random.SeedSequence(17)
    result = compare(
        [A],
        ExperimentSettings(replications=3, seed=root),
        executor="serial",
        runner=synthetic_runner,
    )
    assert root.n_children_spawned == 0
    assert result.seed is root
    assert np.array_equal(result.values, _run([A], 3, seed=17))


def test_numpy_integers_are_seeds_and_generators_are_not() -> None:
    """A numpy integer seeds like the same int; a Generator (drawn from, an rng) is refused."""
    assert np.array_equal(_run([A], 2, seed=np.int64(17)), _run([A], 2, seed=17))
    with pytest.raises(InvalidSettings, match=r"seed: .* got a Generator, which is drawn from"):
        ExperimentSettings(replications=2, seed=np.random.default_rng(3))  # type: ignore[arg-type]


@pytest.mark.parametrize("seed", [-1, 1.5, "7", True, np.random.default_rng(3)])
def test_bad_seeds_are_refused(seed: object) -> None:
    """Negative, fractional, textual and Generator seeds are refused, naming the argument."""
    with pytest.raises(InvalidArgument, match="seed: must be a non-negative int"):
        root_seed(seed)


def test_no_seed_draws_fresh_entropy_and_records_it() -> None:
    """seed=None uses fresh entropy; the recorded root seed repeats the run exactly."""
    first = compare(
        [A], ExperimentSettings(replications=3), executor="serial", runner=synthetic_runner
    )
    assert first.seed is not None
    again = compare(
        [A],
        ExperimentSettings(replications=3, seed=first.seed),
        executor="serial",
        runner=synthetic_runner,
    )
    assert np.array_equal(first.values, again.values)


@settings(max_examples=15, deadline=None)
@given(st.integers(2, 8), st.integers(2, 8), st.integers(0, 1000))
def test_adding_replications_keeps_the_earlier_ones(k: int, extra: int, seed: int) -> None:
    """The first k replications of a longer run equal a run of k replications."""
    short = _run([A, B], k, seed=seed)
    long = _run([A, B], k + extra, seed=seed)
    assert np.array_equal(long[:, :k], short)


@settings(max_examples=15, deadline=None)
@given(st.permutations([A, B, C]), st.integers(0, 1000))
def test_adding_or_reordering_models_keeps_each_models_values(
    order: list[Model], seed: int
) -> None:
    """A model's values do not depend on which other models run alongside it, or their order."""
    alone = {m.name: _run([m], 3, seed=seed)[0] for m in (A, B, C)}
    together = _run(order, 3, seed=seed)
    for index, model in enumerate(order):
        assert np.array_equal(together[index], alone[model.name])


def test_stopping_rule_stops_at_the_first_precise_batch() -> None:
    """Batches are added until the half-width meets the target, and not one batch longer."""
    model = Model("a", Synthetic({"wait": 10.0}, common_sd=1.0, own_sd=0.0))
    rule = Precision(0.5, batch=4)
    result = compare(
        [model],
        ExperimentSettings(replications=4, seed=8, precision=rule, max_replications=200),
        executor="serial",
        runner=synthetic_runner,
    )
    assert result.reached is True
    n = result.replications
    assert (n - 4) % 4 == 0
    values = result.sample("a", "wait")

    def half_width(x: np.ndarray) -> float:
        # Independently: t quantile times the standard error, via scipy's sem.
        return float(stats.t.ppf(0.975, len(x) - 1) * stats.sem(x))

    assert half_width(values) <= 0.5
    assert half_width(values[: n - 4]) > 0.5
    # sd = 1, so about (1.96 / 0.5)^2 = 15.4 replications are needed: n should be near 16.
    assert 8 <= n <= 40


def test_stopping_rule_decides_on_the_t_half_width_of_a_share_it_shows_cut() -> None:
    """A share whose interval is shown cut at 0 stops exactly where the same values would."""
    rule = Precision(0.0005, batch=4)

    def run(name: str) -> Comparison:
        # One metric: its noise is the same whatever its name (drawn in sorted order of names).
        model = Model("a", Synthetic({name: 0.0005}, common_sd=0.002, own_sd=0.0))
        settings = ExperimentSettings(replications=4, seed=8, precision=rule, max_replications=400)
        return compare([model], settings, executor="serial", runner=synthetic_runner)

    share, plain = run("unserved_share"), run("wait")  # "wait" is not in the catalogue: not cut
    n = share.replications
    assert share.reached is plain.reached is True
    assert n == plain.replications
    assert np.array_equal(share.sample("a", "unserved_share"), plain.sample("a", "wait"))
    values = share.sample("a", "unserved_share")
    half = float(stats.t.ppf(0.975, n - 5) * stats.sem(values[: n - 4]))
    earlier = t_interval(values[: n - 4])
    assert half > 0.0005  # one batch earlier the t interval was too wide ...
    assert earlier.low < 0.0  # ... reaching below 0, so cut at 0 it looks narrower:
    assert (earlier.high - 0.0) / 2 <= 0.0005  # a rule reading the cut bounds would have stopped


def test_stopping_rule_reports_an_unreached_target_at_the_maximum() -> None:
    """An impossible target stops at max_replications (even mid-batch) with reached=False."""
    result = compare(
        [A],
        ExperimentSettings(replications=5, seed=1, precision=Precision(1e-9), max_replications=12),
        executor="serial",
        runner=synthetic_runner,
    )
    assert result.reached is False
    assert result.replications == 12


def test_stopping_on_differences_needs_fewer_replications() -> None:
    """With common random numbers the paired differences get precise long before the means."""
    a = Model("a", Synthetic({"wait": 10.0}, common_sd=2.0, own_sd=0.1))
    b = Model("b", Synthetic({"wait": 8.0}, common_sd=2.0, own_sd=0.1))
    kwargs = {"executor": "serial", "runner": synthetic_runner}
    means = ExperimentSettings(
        replications=3, seed=2, precision=Precision(0.3, batch=3), max_replications=400
    )
    diffs = ExperimentSettings(
        replications=3, seed=2, precision=Precision(0.3, batch=3, differences=True)
    )
    on_means = compare([a, b], means, **kwargs)  # type: ignore[arg-type]
    on_diffs = compare([a, b], diffs, **kwargs)  # type: ignore[arg-type]
    assert on_means.reached
    assert on_diffs.reached
    # Means: sd 2, so ~ (2·1.96/0.3)^2 = 171 replications; differences: sd 0.1·sqrt(2) = 0.14,
    # so the first batch of 3 (t = 4.30, half-width ~ 0.35) or the second suffices.
    assert on_diffs.replications <= 9
    assert on_means.replications > 100


def test_stopping_rule_only_watches_the_chosen_metrics() -> None:
    """Metrics not named in the rule do not hold the run back."""
    model = Model("a", Synthetic({"wait": 10.0, "noisy": 0.0}, common_sd=1.0, own_sd=0.0))
    precise = Model("a", Synthetic({"wait": 10.0, "noisy": 0.0}, common_sd=1.0, own_sd=0.0))
    kwargs = {"executor": "serial", "runner": synthetic_runner}
    on_all = ExperimentSettings(replications=4, seed=3, precision=Precision(0.05, relative=True))
    on_wait = ExperimentSettings(
        replications=4, seed=3, precision=Precision(0.05, relative=True, metrics=["wait"])
    )
    both = compare([model], on_all, **kwargs)  # type: ignore[arg-type]
    one = compare([precise], on_wait, **kwargs)  # type: ignore[arg-type]
    # "noisy" has true mean 0: a relative target of 5 % of ~0 is out of reach.
    assert both.reached is False
    assert both.replications == 100
    assert one.reached is True
    assert one.replications < 100


def test_unknown_metric_in_the_rule_is_refused() -> None:
    """A stopping rule naming a metric the runner does not return is an error naming it."""
    with pytest.raises(InvalidArgument, match=r"precision.metrics: unknown metrics \['delay'\]"):
        compare(
            [A],
            ExperimentSettings(replications=2, seed=1, precision=Precision(1.0, metrics=["delay"])),
            executor="serial",
            runner=synthetic_runner,
        )


def failing_runner(model: Model, seed: np.random.SeedSequence) -> dict[str, float]:
    """Fails on replication 2 of model b."""
    if model.name == "b" and seed.spawn_key[-1] == 2:
        raise RuntimeError("engine stalled")
    return synthetic_runner(model, seed)


def test_a_failing_replication_is_named() -> None:
    """A runner's exception propagates with a note naming the model and replication."""
    with pytest.raises(RuntimeError, match="engine stalled") as info:
        compare(
            [A, B],
            ExperimentSettings(replications=4, seed=1),
            executor="serial",
            runner=failing_runner,
        )
    assert "while running model 'b', replication 2" in info.value.__notes__


def test_runner_results_are_checked() -> None:
    """Non-mappings, inconsistent metric sets and non-numbers are refused, naming the run."""

    def not_a_mapping(_model: Model, _seed: np.random.SeedSequence) -> object:
        return [1.0]

    def drifting(_model: Model, seed: np.random.SeedSequence) -> dict[str, object]:
        return {"wait": 1.0} if seed.spawn_key[-1] == 0 else {"wait": 1.0, "idle": 2.0}

    def wordy(_model: Model, _seed: np.random.SeedSequence) -> dict[str, object]:
        return {"wait": "long"}

    def run(runner: object, **kwargs: object) -> None:
        settings = ExperimentSettings(replications=2, seed=1, **kwargs)  # type: ignore[arg-type]
        compare([A], settings, executor="serial", runner=runner)  # type: ignore[arg-type]

    with pytest.raises(InvalidArgument, match="runner: must return a non-empty mapping"):
        run(not_a_mapping)
    with pytest.raises(InvalidArgument, match="model 'a', replication 1: returned metrics"):
        run(drifting)
    with pytest.raises(InvalidArgument, match="replication 0: wait must be a number, got 'long'"):
        run(wordy)
    with pytest.raises(InvalidArgument, match="metric 'delay' missing from the result"):
        run(synthetic_runner, metrics=["delay"])


def test_metrics_selects_and_orders() -> None:
    """metrics= keeps only the named metrics, in the given order."""
    result = compare(
        [A],
        ExperimentSettings(replications=2, seed=1, metrics=["idle"]),
        executor="serial",
        runner=synthetic_runner,
    )
    assert result.metrics == ("idle",)
    full = compare(
        [A], ExperimentSettings(replications=2, seed=1), executor="serial", runner=synthetic_runner
    )
    assert np.array_equal(result.sample("a", "idle"), full.sample("a", "idle"))


def test_nan_metric_values_pass_through() -> None:
    """A runner's nan (a metric undefined in a run) is kept and left out of the interval."""

    def sometimes_undefined(_model: Model, seed: np.random.SeedSequence) -> dict[str, float]:
        return {"late_delay": math.nan if seed.spawn_key[-1] == 1 else 5.0}

    result = compare(
        [A],
        ExperimentSettings(replications=3, seed=1),
        executor="serial",
        runner=sometimes_undefined,
    )
    assert math.isnan(result.sample("a", "late_delay")[1])
    assert result.interval("a", "late_delay").n == 2


def spawning_runner(model: Model, seed: np.random.SeedSequence) -> dict[str, float]:
    """Spawns child streams from its seed, as a simulator does per source of randomness."""
    arrivals, durations = seed.spawn(2)
    shift = 0.0 if model.name == "a" else 1.0
    return {
        "arrivals": float(np.random.default_rng(arrivals).random()),
        "durations": float(np.random.default_rng(durations).random()) + shift,
    }


def test_runners_that_spawn_from_their_seed_still_share_random_numbers() -> None:
    """Every task gets its own seed object, so a runner spawning from it cannot disturb CRN."""
    result = compare(
        [A, B],
        ExperimentSettings(replications=4, seed=9),
        executor="serial",
        runner=spawning_runner,
    )
    assert np.array_equal(result.sample("a", "arrivals"), result.sample("b", "arrivals"))
    assert np.allclose(result.sample("b", "durations") - result.sample("a", "durations"), 1.0)
    # And the streams differ between replications.
    assert len(set(result.sample("a", "arrivals").tolist())) == 4
