"""Tests of Study and ExperimentSettings: one specification of a comparison, checked once."""

from __future__ import annotations

import math

import attrs
import numpy as np
import pytest

from hometeams.errors import InvalidArgument, InvalidScenario, InvalidSettings
from hometeams.experiment import (
    ExperimentSettings,
    Model,
    Precision,
    Study,
    Synthetic,
    compare,
    sweep,
    synthetic_runner,
)
from hometeams.io import ScenarioFile, dumps_scenario, example_scenario, loads_scenario
from hometeams.model import Organisation, Staff, Team, User, Zone
from hometeams.records import JobState
from hometeams.scenario import Demand, Fixed, Roster, Scenario, VisitPlan

FIXED = Model("fixed", Synthetic({"wait": 12.0}, common_sd=3.0, own_sd=0.3))
POOLED = Model("pooled", Synthetic({"wait": 9.0}, common_sd=3.0, own_sd=0.3))


def test_default_settings() -> None:
    """Ten replications, fresh entropy, the first model as baseline, 95 % intervals."""
    settings = ExperimentSettings()
    assert (settings.replications, settings.seed, settings.baseline, settings.level) == (
        10,
        None,
        None,
        0.95,
    )
    assert (settings.metrics, settings.precision, settings.max_replications) == (None, None, 100)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"replications": 1}, "replications: must be a whole number >= 2, got 1"),
        ({"replications": True}, "replications: must be a whole number >= 2, got True"),
        ({"seed": -1}, "seed: must be a whole number >= 0, got -1"),
        ({"seed": 1.5}, "seed: must be a whole number >= 0, got 1.5"),
        ({"level": 0}, "level: must be > 0 and < 1, got 0"),
        ({"metrics": "wait"}, "metrics: must be a list of metric names, got 'wait'"),
        ({"metrics": []}, "metrics: must name at least one metric, or be left out"),
        ({"metrics": ["wait", ""]}, "metrics[1]: must be a metric's name, got ''"),
        ({"baseline": 3}, "baseline: must be a model's name, got 3"),
        ({"max_replications": 1}, "max_replications: must be a whole number >= 2, got 1"),
        ({"precision": 0.5}, "precision: must be a Precision or None, got 0.5"),
        (
            {"precision": Precision(1.0), "replications": 10, "max_replications": 5},
            "max_replications: must be >= replications (10) with a stopping rule, got 5",
        ),
    ],
)
def test_bad_settings_name_the_field_the_value_and_the_rule(
    fields: dict[str, object], message: str
) -> None:
    """Each error is both an InvalidArgument (Python) and an InvalidScenario (a file's path)."""
    with pytest.raises(InvalidSettings) as info:
        ExperimentSettings(**fields)  # type: ignore[arg-type]
    assert str(info.value) == message
    assert isinstance(info.value, InvalidArgument)
    assert isinstance(info.value, InvalidScenario)


def test_numpy_integer_seed_is_the_int() -> None:
    """np.int64(7) is the seed 7 (so that a file can write it back)."""
    seed = ExperimentSettings(seed=np.int64(7)).seed  # type: ignore[arg-type]
    assert seed == 7
    assert type(seed) is int


def test_study_checks_its_models_against_its_settings() -> None:
    """Unique model names, a baseline among them, differences only with two models."""
    with pytest.raises(InvalidArgument, match=r"models\[1\].name: 'fixed' is used"):
        Study([FIXED, FIXED])
    with pytest.raises(InvalidArgument, match=r"^baseline: must be one of the models"):
        Study([FIXED], ExperimentSettings(baseline="pooled"))
    with pytest.raises(InvalidArgument, match=r"^precision.differences: needs at least two"):
        Study([FIXED], ExperimentSettings(precision=Precision(1.0, differences=True)))
    with pytest.raises(InvalidArgument, match=r"^settings: must be ExperimentSettings"):
        Study([FIXED], {"replications": 3})  # type: ignore[arg-type]


def test_select_and_with_settings() -> None:
    """select() keeps the chosen models in order; a baseline left out falls back to the first."""
    study = Study([FIXED, POOLED], ExperimentSettings(baseline="fixed", seed=3))
    assert study.baseline == "fixed"
    assert study.select(["pooled"]).baseline == "pooled"
    assert study.select(["pooled", "fixed"]).model_names == ("pooled", "fixed")
    assert study.with_settings(replications=4).settings == ExperimentSettings(
        replications=4, baseline="fixed", seed=3
    )
    with pytest.raises(InvalidArgument, match=r"^model: must be one of \['fixed', 'pooled'\]"):
        study.model("overflow")


def test_compare_a_study_equals_compare_of_its_models_and_settings() -> None:
    """compare(Study(models, settings)) and compare(models, settings) are the same run."""
    settings = ExperimentSettings(replications=5, seed=8, baseline="pooled")
    a = compare(Study([FIXED, POOLED], settings), executor="serial", runner=synthetic_runner)
    b = compare([FIXED, POOLED], settings, executor="serial", runner=synthetic_runner)
    assert np.array_equal(a.values, b.values)
    assert a.baseline == b.baseline == "pooled"
    with pytest.raises(InvalidArgument, match=r"^settings: a Study holds its own settings"):
        compare(Study([FIXED]), settings, executor="serial", runner=synthetic_runner)


def test_sweep_takes_one_settings_value_for_every_point() -> None:
    """Every point runs with the sweep's settings; a baseline missing at a point is named."""
    result = sweep(
        lambda staff: [FIXED, attrs.evolve(POOLED, name=f"pooled {staff}")],
        {"staff": [1, 2]},
        ExperimentSettings(replications=3, seed=2),
        executor="serial",
        runner=synthetic_runner,
    )
    assert [c.replications for c in result.comparisons] == [3, 3]
    with pytest.raises(InvalidArgument, match="baseline") as info:
        sweep(
            lambda **_: [FIXED],
            {"staff": [1]},
            ExperimentSettings(baseline="pooled"),
            executor="serial",
            runner=synthetic_runner,
        )
    assert "at sweep point staff=1" in info.value.__notes__


# -- the drop rule -------------------------------------------------------------------------------


def _one_nurse_two_visits() -> Scenario:
    """Kari alone on the day shift; two hour-long visits at 08:00 every day, on time within 30."""
    org = Organisation(
        "d",
        zones=[Zone("z")],
        staff=[Staff("kari", profession="nurse", zone="z")],
        teams=[Team("t", members=["kari"])],
        users=[User("u1", zone="z", team="t"), User("u2", zone="z", team="t")],
    )
    visits = [
        VisitPlan(user, days="daily", times=["08:00"], duration=Fixed(60), window=30)
        for user in ("u1", "u2")
    ]
    return Scenario(
        org,
        Roster.weekly({"kari": {"daily": "day"}}),
        demand=Demand(visits=visits),
        horizon=7 * 1440,
    )


@pytest.mark.parametrize(("max_lateness", "unserved"), [(math.inf, 0), (0, 7), (29, 7), (31, 0)])
def test_a_model_s_drop_rule_reaches_the_simulator(max_lateness: float, unserved: int) -> None:
    """The second visit of each day can start at 09:00, 30 minutes after its due time 08:30.

    Dropped when max_lateness < 30 (one a day for 7 days), served late otherwise.
    """
    model = Model("m", _one_nurse_two_visits(), max_lateness=max_lateness)
    records = model.simulate(1)
    assert int((records.jobs.state == JobState.UNSERVED).sum()) == unserved
    assert records.meta["max_lateness"] == float(max_lateness)


@pytest.mark.parametrize("bad", [-1, math.nan, True, "1 hour"])
def test_a_bad_drop_rule_is_refused(bad: object) -> None:
    """max_lateness must be a number of minutes >= 0 (infinity: never drop)."""
    with pytest.raises(InvalidArgument, match=r"^max_lateness: must be >= 0 minutes"):
        Model("m", None, max_lateness=bad)  # type: ignore[arg-type]


# -- files -----------------------------------------------------------------------------------------


def test_a_file_s_drop_rule_reads_and_writes_back() -> None:
    """max_lateness = "2 hours" is 120 minutes in the study; left out it is never."""
    file = example_scenario()
    text = dumps_scenario(file)
    assert "max_lateness" not in text
    assert all(math.isinf(model.max_lateness) for model in file.study().models)
    changed = text.replace('name = "pooled"\n', 'name = "pooled"\nmax_lateness = "2 hours"\n', 1)
    back = loads_scenario(changed)
    assert back.study().model("pooled").max_lateness == 120.0
    assert back.model("pooled").max_lateness == 120.0
    assert 'max_lateness = "2 hours"' in dumps_scenario(back)
    with pytest.raises(InvalidScenario, match=r"models\[1\]\.max_lateness"):
        loads_scenario(changed.replace('"2 hours"', "-5"))


def test_a_study_round_trips_through_a_file() -> None:
    """from_study, written and read again, gives the same study."""
    study = example_scenario().study()
    lean = attrs.evolve(study.models[1], max_lateness=90.0)
    study = Study([study.models[0], lean, study.models[2]], study.settings)
    text = dumps_scenario(ScenarioFile.from_study(study))
    assert loads_scenario(text).study() == study


def test_a_seed_sequence_cannot_be_written_to_a_file() -> None:
    """A file holds a whole-number seed; a SeedSequence is refused when writing, by name."""
    study = example_scenario().study().with_settings(seed=np.random.SeedSequence(1))
    with pytest.raises(InvalidArgument, match=r"^experiment.seed: a file holds a whole number"):
        dumps_scenario(ScenarioFile.from_study(study))
