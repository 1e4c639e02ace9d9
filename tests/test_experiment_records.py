"""Tests of kept records: compare(keep_records=...) and replicate() equal a fresh simulate()."""

from __future__ import annotations

import pickle
from concurrent.futures import ProcessPoolExecutor

import attrs
import numpy as np
import pytest

from hometeams.errors import InvalidArgument
from hometeams.experiment import (
    ExperimentSettings,
    Model,
    Synthetic,
    compare,
    replicate,
    synthetic_runner,
)
from hometeams.io import ScenarioFile, example_scenario
from hometeams.metrics import metrics
from hometeams.records import Records
from hometeams.sim import simulate


def _file() -> ScenarioFile:
    """The packaged example, three days long, so that a replication takes a moment."""
    file = example_scenario()
    return attrs.evolve(file, scenario=attrs.evolve(file.scenario, horizon=3 * 1440.0, warmup=0.0))


def _models(file: ScenarioFile) -> list[Model]:
    return [
        Model(spec.name, file.scenario_of(spec.name), policy=spec.policy, planning=spec.planning)
        for spec in file.models
    ]


def _same(a: Records, b: Records) -> bool:
    """Whether two records hold the same columns with the same values (nan equal to nan)."""
    for table in ("jobs", "shifts", "lists"):
        x, y = getattr(a, table), getattr(b, table)
        for field in attrs.fields(type(x)):
            left, right = np.asarray(getattr(x, field.name)), np.asarray(getattr(y, field.name))
            if left.dtype.kind == "f":
                if not np.array_equal(left, right, equal_nan=True):
                    return False
            elif not np.array_equal(left, right):
                return False
    return (a.warmup, a.horizon) == (b.warmup, b.horizon)


def _fresh(model: Model, seed: int, i: int) -> Records:
    """Replication ``i`` simulated afresh, with the seed the documentation promises."""
    child = np.random.SeedSequence(seed).spawn(i + 1)[i]
    return simulate(model.scenario, policy=model.policy, seed=child, planning=model.planning)


def test_kept_records_equal_a_fresh_simulation_with_the_same_seed() -> None:
    """Each model's kept replications are the runs simulate() makes with their seeds."""
    models = _models(_file())
    result = compare(
        models, ExperimentSettings(replications=3, seed=7), executor="serial", keep_records=(0, 2)
    )
    assert set(result.records) == {model.name for model in models}
    for model in models:
        kept = result.records[model.name]
        assert sorted(kept) == [0, 2]
        for i in (0, 2):
            assert _same(kept[i], _fresh(model, 7, i))


def test_kept_replications_have_the_figures_of_an_unkept_run() -> None:
    """Keeping records changes no figure: the values equal those of a run that keeps none."""
    models = _models(_file())
    kept = compare(
        models, ExperimentSettings(replications=2, seed=3), executor="serial", keep_records=(0,)
    )
    plain = compare(models, ExperimentSettings(replications=2, seed=3), executor="serial")
    assert np.array_equal(kept.values, plain.values, equal_nan=True)
    assert plain.records == {}
    model = models[0]
    again = metrics(kept.records[model.name][0], clock=model.scenario.clock)
    assert [again[m] for m in kept.metrics] == pytest.approx(list(kept.values[0, 0]), nan_ok=True)


@pytest.mark.slow
def test_kept_records_travel_back_from_worker_processes() -> None:
    """Records kept on a process pool equal those kept serially (they pickle)."""
    models = _models(_file())[:2]
    serial = compare(
        models, ExperimentSettings(replications=2, seed=5), executor="serial", keep_records=(1,)
    )
    with ProcessPoolExecutor(max_workers=2) as pool:
        parallel = compare(
            models, ExperimentSettings(replications=2, seed=5), executor=pool, keep_records=(1,)
        )
    for model in models:
        assert _same(parallel.records[model.name][1], serial.records[model.name][1])
    assert pickle.loads(pickle.dumps(serial)).records.keys() == serial.records.keys()


def test_a_scenario_file_keeps_records_for_its_models() -> None:
    """A file's study keeps the records asked for, by model name."""
    file = _file()
    study = file.study().select(["pooled"]).with_settings(replications=2, seed=1)
    result = compare(study, executor="serial", keep_records=(0,))
    (model,) = [m for m in _models(file) if m.name == "pooled"]
    assert _same(result.records["pooled"][0], _fresh(model, 1, 0))


def test_replicate_equals_the_comparison_s_replications() -> None:
    """replicate() gives replication i of compare() with the same seed, for every i."""
    model = _models(_file())[1]
    runs = replicate(model, replications=2, seed=9, executor="serial")
    result = compare(
        [model], ExperimentSettings(replications=2, seed=9), executor="serial", keep_records=(0, 1)
    )
    assert len(runs) == 2
    for i, records in enumerate(runs):
        assert _same(records, result.records[model.name][i])
        assert _same(records, _fresh(model, 9, i))


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"keep_records": (2,)}, "keep_records: must be replication numbers from 0 to 1, got 2"),
        ({"keep_records": (-1,)}, "keep_records: must be replication numbers from 0 to 1"),
        ({"keep_records": "0"}, "keep_records: must be a list of replication numbers"),
        ({"keep_records": (True,)}, "keep_records: must be replication numbers"),
    ],
)
def test_bad_keep_records_are_refused_by_name(kwargs: dict[str, object], message: str) -> None:
    """keep_records outside the replications, or not numbers, is refused naming the argument."""
    settings = ExperimentSettings(replications=2, seed=1)
    with pytest.raises(InvalidArgument, match=message):
        compare(_models(_file())[:1], settings, executor="serial", **kwargs)  # type: ignore[arg-type]


def test_keep_records_needs_the_default_runner() -> None:
    """A custom runner has no records to keep, and asking for them is an error."""
    model = Model("m", Synthetic({"wait": 1.0}))
    with pytest.raises(InvalidArgument, match="keep_records: only the default runner"):
        compare(
            [model],
            ExperimentSettings(replications=2),
            executor="serial",
            runner=synthetic_runner,
            keep_records=[0],
        )


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"replications": 0}, "replications: must be an integer >= 1, got 0"),
        ({"replications": True}, "replications: must be an integer >= 1, got True"),
    ],
)
def test_bad_replicate_arguments_are_refused_by_name(
    kwargs: dict[str, object], message: str
) -> None:
    """replicate() refuses a count below one, naming the argument and the value."""
    with pytest.raises(InvalidArgument, match=message):
        replicate(_models(_file())[0], executor="serial", **kwargs)  # type: ignore[arg-type]
    with pytest.raises(InvalidArgument, match="model: must be a Model"):
        replicate("pooled", executor="serial")  # type: ignore[arg-type]
