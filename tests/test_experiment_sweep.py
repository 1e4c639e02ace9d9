"""Tests of sweeps: grid points, shared seeds, per-point stopping, tidy tables and files."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import numpy as np
import pytest

from hometeams.errors import InvalidArgument, InvalidScenario
from hometeams.experiment import (
    ExperimentSettings,
    Model,
    Precision,
    Sweep,
    Synthetic,
    compare,
    sweep,
    synthetic_runner,
)


def build(evening_staff: int, threshold: int = 30) -> list[Model]:
    """Fixed teams against pooled evenings: waits fall with staff and with a lower threshold."""
    wait = 40.0 / evening_staff
    return [
        Model("fixed", Synthetic({"wait": wait + 5.0, "idle": 0.1 * evening_staff})),
        Model("pooled", Synthetic({"wait": wait + threshold / 30.0, "idle": 0.1 * evening_staff})),
    ]


def _sweep(grid: object, **kwargs: object) -> Sweep:
    options: dict[str, object] = {
        "replications": 4,
        "seed": 6,
        "executor": "serial",
        "runner": synthetic_runner,
    }
    options.update(kwargs)
    names = ("replications", "seed", "baseline", "level", "metrics", "precision")
    settings = {name: options.pop(name) for name in (*names, "max_replications") if name in options}
    return sweep(build, grid, ExperimentSettings(**settings), **options)  # type: ignore[arg-type]


def test_every_point_is_a_comparison_with_the_same_seeds() -> None:
    """Each point equals compare() of build(**point) with the same seed."""
    result = _sweep({"evening_staff": [1, 2], "threshold": [15, 30]})
    assert len(result) == 4
    assert result.parameters == ("evening_staff", "threshold")
    for point, comparison in zip(result.points, result.comparisons, strict=True):
        alone = compare(
            build(**point),
            ExperimentSettings(replications=4, seed=6),
            executor="serial",
            runner=synthetic_runner,
        )
        assert np.array_equal(comparison.values, alone.values)


def test_known_effects_across_the_grid() -> None:
    """Pooled minus fixed wait is threshold/30 - 5 at every point (common noise cancels)."""
    result = _sweep({"evening_staff": [1, 4], "threshold": [15, 60]}, replications=30)
    for row in result.differences():
        if row["metric"] != "wait":
            continue
        truth = row["threshold"] / 30.0 - 5.0  # type: ignore[operator]
        # Paired sd 0.2·sqrt(2) = 0.28, standard error over 30 runs 0.052: 4 of them is 0.21.
        assert row["difference"] == pytest.approx(truth, abs=0.21)


def test_tidy_tables_carry_parameter_columns() -> None:
    """Every row of every table starts with the point's parameters."""
    result = _sweep({"evening_staff": [1, 2]})
    rows = result.rows()
    assert len(rows) == 2 * 2 * 4 * 2  # points × models × replications × metrics
    assert list(rows[0])[:2] == ["evening_staff", "model"]
    assert {row["evening_staff"] for row in result.summary()} == {1, 2}
    assert all(row["baseline"] == "fixed" for row in result.differences())


def test_single_model_points_and_list_grids() -> None:
    """A build may return one Model; a list of dicts gives exactly those points."""

    def one(rate: float) -> Model:
        return Model("today", Synthetic({"unserved": 100 * rate}))

    result = sweep(
        one,
        [{"rate": 0.05}, {"rate": 0.12}],
        ExperimentSettings(replications=3, seed=1),
        executor="serial",
        runner=synthetic_runner,
    )
    assert [point["rate"] for point in result.points] == [0.05, 0.12]
    assert result.differences() == []
    assert result.comparison(rate=0.12).models == ("today",)


def test_stopping_rule_applies_per_point() -> None:
    """Each point adds replications until its own intervals are precise enough."""

    def noisy(noise: float) -> Model:
        return Model("m", Synthetic({"wait": 10.0}, common_sd=noise, own_sd=0.0))

    result = sweep(
        noisy,
        {"noise": [0.1, 2.0]},
        ExperimentSettings(
            replications=3, seed=2, precision=Precision(0.5, batch=3), max_replications=150
        ),
        executor="serial",
        runner=synthetic_runner,
    )
    quiet, loud = result.comparisons
    assert quiet.reached
    assert loud.reached
    # sd 0.1 meets 0.5 at once; sd 2 needs about (2·1.96/0.5)^2 = 61 replications.
    assert quiet.replications == 3
    assert loud.replications > 30


def test_csv_and_json(tmp_path: Path) -> None:
    """CSV files have the parameter columns first; JSON reads back to the same sweep."""
    result = _sweep({"evening_staff": [1, 2]})
    paths = result.to_csv(tmp_path)
    with paths[1].open(encoding="utf-8") as fh:
        header = next(csv.reader(fh))
    assert header[:3] == ["evening_staff", "model", "metric"]
    again = Sweep.from_json(result.to_json(tmp_path / "sweep.json"))
    assert again.points == result.points
    assert again.to_dict() == result.to_dict()
    with pytest.raises(InvalidArgument, match="exists; pass overwrite=True"):
        result.to_json(tmp_path / "sweep.json")


def test_from_json_names_the_bad_point(tmp_path: Path) -> None:
    """A broken comparison inside a sweep file is reported with its point's path."""
    data = _sweep({"evening_staff": [1, 2]}).to_dict()
    data["points"][1]["comparison"]["values"][0][0][0] = "x"
    path = tmp_path / "s.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InvalidScenario, match=r"points\[1\]\.comparison\.values\[0\]\[0\]\[0\]"):
        Sweep.from_json(path)


def test_to_pandas_and_table() -> None:
    """The DataFrame has parameter columns; the text table has a heading per point."""
    pytest.importorskip("pandas")
    result = _sweep({"evening_staff": [1, 2]})
    frame = result.to_pandas("summary")
    assert list(frame.columns)[:2] == ["evening_staff", "model"]
    assert len(frame) == 2 * 2 * 2
    text = result.table(metrics=["wait"])
    assert text.startswith("evening_staff=1\nmetric")
    assert "\n\nevening_staff=2\n" in text


def test_build_errors_name_the_point() -> None:
    """A failing or wrong build is reported with the point it was building."""

    def broken(evening_staff: int) -> list[Model]:
        if evening_staff == 2:
            raise ValueError("no roster for 2")
        return build(evening_staff)

    with pytest.raises(ValueError, match="no roster for 2") as info:
        sweep(broken, {"evening_staff": [1, 2]}, executor="serial", runner=synthetic_runner)
    assert "while building the models of sweep point evening_staff=2" in info.value.__notes__

    def wrong(**_params: object) -> object:
        return "fixed"

    with pytest.raises(InvalidArgument, match=r"build\(evening_staff=1\): must be a list of Model"):
        sweep(wrong, {"evening_staff": [1]}, executor="serial", runner=synthetic_runner)  # type: ignore[arg-type]


def test_baseline_must_exist_at_every_point() -> None:
    """A named baseline missing from one point's models is refused, naming the point."""
    with pytest.raises(InvalidArgument, match="baseline: must be one of the models") as info:
        _sweep({"evening_staff": [1]}, baseline="hybrid")
    assert "at sweep point evening_staff=1" in info.value.__notes__


def test_sweep_checks_its_arguments() -> None:
    """A build that is not callable, or a bad grid, is refused before anything runs."""
    with pytest.raises(InvalidArgument, match="build: must be a callable"):
        sweep("build", {"x": [1]})  # type: ignore[arg-type]
    with pytest.raises(InvalidArgument, match="grid: must be a dict of lists"):
        sweep(build, 3)  # type: ignore[arg-type]


def test_sweep_constructor_checks_consistency() -> None:
    """Points and comparisons must pair up, and points must set exactly the parameters."""
    one = _sweep({"evening_staff": [1]}).comparisons[0]
    with pytest.raises(InvalidArgument, match="comparisons: must be one per point"):
        Sweep(["x"], [{"x": 1}, {"x": 2}], [one])
    with pytest.raises(InvalidArgument, match="points: must set exactly the parameters"):
        Sweep(["x", "y"], [{"x": 1}], [one])
    with pytest.raises(InvalidArgument, match="no point x=3"):
        Sweep(["x"], [{"x": 1}], [one]).comparison(x=3)
