"""Tests of compare(): known differences, common random numbers, arguments, progress."""

from __future__ import annotations

import io
import math

import numpy as np
import pytest
from scipy import stats

from hometeams.errors import InvalidArgument
from hometeams.experiment import (
    Comparison,
    ExperimentSettings,
    Model,
    Precision,
    Synthetic,
    compare,
    synthetic_runner,
)

FIXED = Model("fixed", Synthetic({"wait": 12.0, "idle": 0.30}, common_sd=3.0, own_sd=0.3))
POOLED = Model("pooled", Synthetic({"wait": 9.0, "idle": 0.25}, common_sd=3.0, own_sd=0.3))


def _compare(models: object, **kwargs: object) -> Comparison:
    options: dict[str, object] = {
        "replications": 20,
        "seed": 1,
        "executor": "serial",
        "runner": synthetic_runner,
    }
    options.update(kwargs)
    names = ("replications", "seed", "baseline", "level", "metrics", "precision")
    settings = {name: options.pop(name) for name in (*names, "max_replications") if name in options}
    return compare(models, ExperimentSettings(**settings), **options)  # type: ignore[arg-type]


def test_known_means_and_differences_are_recovered() -> None:
    """Means and paired differences land on the synthetic models' true values."""
    result = compare(
        [FIXED, POOLED],
        ExperimentSettings(replications=400, seed=3),
        executor="serial",
        runner=synthetic_runner,
    )
    # Means: sd sqrt(3² + 0.3²) = 3.015, standard error over 400 runs 0.151; allow 4 of them.
    assert result.interval("fixed", "wait").mean == pytest.approx(12.0, abs=0.61)
    # Differences: sd 0.3·sqrt(2) = 0.424, standard error 0.021; allow 4 of them.
    assert result.difference("pooled", "wait").mean == pytest.approx(-3.0, abs=0.085)
    assert result.difference("pooled", "idle").mean == pytest.approx(-0.05, abs=0.085)


def test_paired_interval_is_much_narrower_than_unpaired() -> None:
    """With common random numbers the paired interval is far narrower than a two-sample one."""
    result = compare(
        [FIXED, POOLED],
        ExperimentSettings(replications=20, seed=4),
        executor="serial",
        runner=synthetic_runner,
    )
    paired = result.difference("pooled", "wait")
    a, b = result.sample("fixed", "wait"), result.sample("pooled", "wait")
    # The unpaired (Welch) interval, computed independently by scipy, ignores the pairing.
    unpaired = stats.ttest_ind(b, a, equal_var=False).confidence_interval()
    unpaired_half = (unpaired.high - unpaired.low) / 2
    # Theory: paired sd = 0.3·sqrt(2) = 0.42, unpaired sd of a difference of means
    # sqrt(2·(3² + 0.3²)) = 4.26, a ratio of 0.10; with 20 replications the sample sds vary by
    # ~16 %, so a ratio below 0.25 holds by a wide margin.
    assert paired.half_width < 0.25 * unpaired_half
    # Both intervals are centred on the same estimate (a mean of differences is a difference
    # of means when no value is missing).
    assert paired.mean == pytest.approx(b.mean() - a.mean(), abs=1e-12)


def test_baseline_defaults_to_the_first_model_and_can_be_chosen() -> None:
    """Differences are taken from the first model unless another baseline is named."""
    default = _compare([FIXED, POOLED])
    assert default.baseline == "fixed"
    assert [row["model"] for row in default.differences()] == ["pooled", "pooled"]
    chosen = _compare([FIXED, POOLED], baseline="pooled")
    assert chosen.difference("fixed", "wait").mean == pytest.approx(
        -default.difference("pooled", "wait").mean
    )


@pytest.mark.slow
def test_coverage_of_compare_intervals_end_to_end() -> None:
    """1,000 comparisons of 10 replications: paired and mean intervals cover the truth ~95 %."""
    a = Model("a", Synthetic({"wait": 10.0}, common_sd=2.0, own_sd=0.5))
    b = Model("b", Synthetic({"wait": 11.5}, common_sd=2.0, own_sd=0.5))
    experiments = 1000
    diff_hits = mean_hits = 0
    for seed in range(experiments):
        result = compare(
            [a, b],
            ExperimentSettings(replications=10, seed=seed),
            executor="serial",
            runner=synthetic_runner,
        )
        diff_hits += result.difference("b", "wait").contains(1.5)
        mean_hits += result.interval("a", "wait").contains(10.0)
    # Values are exactly normal and replications independent, so each count is
    # Binomial(1000, 0.95): the shares lie within 0.95 ± 3·sqrt(0.95·0.05/1000) = ± 0.0207
    # except with probability ~0.3 % each; seeds are fixed, so the test is deterministic.
    bound = 3 * math.sqrt(0.95 * 0.05 / experiments)
    assert abs(diff_hits / experiments - 0.95) <= bound
    assert abs(mean_hits / experiments - 0.95) <= bound


@pytest.mark.parametrize(
    ("models", "kwargs", "message"),
    [
        ([], {}, "models: must hold at least one Model"),
        (FIXED, {}, "models: must be a list of Model, got a single Model"),
        ([FIXED, "pooled"], {}, r"models\[1\]: must be a Model"),
        ([FIXED, FIXED], {}, r"models\[1\].name: 'fixed' is used by another model"),
        ([FIXED], {"replications": 1}, "replications: must be a whole number >= 2, got 1"),
        ([FIXED], {"replications": 2.5}, "replications: must be a whole number >= 2, got 2.5"),
        ([FIXED], {"baseline": "hybrid"}, "baseline: must be one of the models"),
        ([FIXED], {"level": 95}, "level: must be > 0 and < 1, got 95"),
        ([FIXED], {"metrics": "wait"}, "metrics: must be a list of metric names"),
        ([FIXED], {"metrics": ["wait", "wait"]}, r"metrics\[1\]: 'wait' is named twice"),
        ([FIXED], {"precision": 0.5}, "precision: must be a Precision or None, got 0.5"),
        (
            [FIXED],
            {"precision": Precision(1.0), "max_replications": 5, "replications": 10},
            "max_replications: must be >= replications",
        ),
        (
            [FIXED],
            {"precision": Precision(1.0, metrics=["delay"]), "metrics": ["wait"]},
            r"precision.metrics\[0\]: 'delay' is not among the experiment's metrics",
        ),
        (
            [FIXED],
            {"precision": Precision(1.0, differences=True)},
            "precision.differences: needs at least two models",
        ),
        ([FIXED], {"runner": "simulate"}, "runner: must be a callable"),
        ([FIXED], {"executor": "dask"}, "executor: must be None, 'serial', a number"),
        ([FIXED], {"progress": "yes"}, "progress: must be None, True, False or a callable"),
    ],
)
def test_bad_arguments_are_refused_by_name(
    models: object, kwargs: dict[str, object], message: str
) -> None:
    """Every impossible argument raises InvalidArgument naming it and the value."""
    with pytest.raises(InvalidArgument, match=message):
        _compare(models, **kwargs)


def test_progress_callback_counts_every_run() -> None:
    """The progress callable sees every model × replication finish, ending at total."""
    seen: list[tuple[int, int]] = []
    _compare([FIXED, POOLED], replications=3, progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (6, 6)
    assert [d for d, _ in seen] == list(range(7))


def test_silent_by_default_off_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    """Under pytest standard error is not a terminal: a default run prints nothing."""
    _compare([FIXED], replications=2)
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == ""


def test_progress_true_writes_to_standard_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """progress=True draws the counting line on standard error."""
    err = io.StringIO()
    monkeypatch.setattr("sys.stderr", err)
    _compare([FIXED, POOLED], replications=2, progress=True)
    assert err.getvalue().endswith("hometeams: 4/4 runs\n")


def test_models_may_be_any_iterable() -> None:
    """A generator of models works like a list, in its order."""
    result = _compare(m for m in (POOLED, FIXED))
    assert result.models == ("pooled", "fixed")
    assert np.all(np.isfinite(result.values))


def test_default_runner_with_the_real_simulator() -> None:
    """The default runner simulates a tiny scenario and returns every catalogued metric."""
    from concurrent.futures import ThreadPoolExecutor

    from hometeams.metrics import METRICS
    from hometeams.model import Organisation, Staff, Team, User, Zone
    from hometeams.scenario import Demand, Fixed, Roster, Scenario, VisitPlan

    org = Organisation(
        "District 1",
        zones=[Zone("north")],
        staff=[Staff("kari", profession="nurse", zone="north")],
        teams=[Team("north", category="geographic", members=["kari"])],
        users=[User("u1", zone="north", team="north")],
    )
    visits = VisitPlan("u1", days="daily", times=["08:00"], duration=Fixed(30))
    scenario = Scenario(
        org,
        Roster.weekly({"kari": {"daily": "day"}}),
        demand=Demand(visits=[visits]),
        horizon=7 * 1440,
    )
    models = [Model("today", scenario)]
    serial = compare(models, ExperimentSettings(replications=2, seed=1), executor="serial")
    assert serial.metrics == tuple(METRICS)
    # One nurse, one 30-minute visit a day on an 8-hour day shift: utilisation 30/480.
    assert serial.interval("today", "utilisation").mean == pytest.approx(30 / 480)
    with ThreadPoolExecutor(2) as pool:
        threaded = compare(models, ExperimentSettings(replications=2, seed=1), executor=pool)
    assert np.array_equal(serial.values, threaded.values, equal_nan=True)
