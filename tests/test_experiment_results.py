"""Tests of Comparison: tidy tables, CSV, JSON round trip, pandas and the terminal table."""

from __future__ import annotations

import csv
import json
import math
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from hometeams.errors import InvalidArgument, InvalidScenario
from hometeams.experiment import TABLES, Comparison, Precision

# fixed: wait 10, 12, 11; idle 0.2, 0.4, nan.  pooled: wait 8, 9, 9.5; idle 0.3, 0.3, 0.3.
VALUES = [
    [[10.0, 0.2], [12.0, 0.4], [11.0, math.nan]],
    [[8.0, 0.3], [9.0, 0.3], [9.5, 0.3]],
]
T_975_2 = 4.302653  # Student t, 97.5 % quantile, 2 degrees of freedom (printed tables)
T_975_1 = 12.706205  # ditto, 1 degree of freedom


def _result(**kwargs: object) -> Comparison:
    return Comparison(["fixed", "pooled"], ["wait", "idle"], VALUES, baseline="fixed", **kwargs)  # type: ignore[arg-type]


def test_summary_by_hand() -> None:
    """Means, bounds and n of every model and metric, checked against hand computation."""
    rows = {(r["model"], r["metric"]): r for r in _result().summary()}
    fixed_wait = rows["fixed", "wait"]
    assert fixed_wait["mean"] == 11.0
    assert fixed_wait["half_width"] == pytest.approx(T_975_2 * 1.0 / math.sqrt(3), abs=1e-6)
    assert fixed_wait["n"] == 3
    fixed_idle = rows["fixed", "idle"]  # the nan replication is left out: 0.2, 0.4
    assert fixed_idle["n"] == 2
    assert fixed_idle["mean"] == pytest.approx(0.3)
    assert fixed_idle["half_width"] == pytest.approx(T_975_1 * 0.1414214 / math.sqrt(2), 1e-6)
    assert rows["pooled", "idle"]["half_width"] == 0.0
    assert list(rows) == [
        ("fixed", "wait"),
        ("fixed", "idle"),
        ("pooled", "wait"),
        ("pooled", "idle"),
    ]


def test_differences_by_hand() -> None:
    """Paired differences from the baseline, only for the other models, by hand."""
    rows = _result().differences()
    assert [(r["model"], r["baseline"], r["metric"]) for r in rows] == [
        ("pooled", "fixed", "wait"),
        ("pooled", "fixed", "idle"),
    ]
    wait, idle = rows
    # Differences -2, -3, -1.5: mean -13/6, sd sqrt(7/12).
    assert wait["difference"] == pytest.approx(-13 / 6)
    assert wait["half_width"] == pytest.approx(T_975_2 * math.sqrt(7 / 12) / math.sqrt(3), 1e-6)
    # Idle pairs where both are defined: 0.1, -0.1.
    assert idle["n"] == 2
    assert idle["difference"] == pytest.approx(0.0, abs=1e-15)


def test_rows_are_tidy_and_complete() -> None:
    """One row per model × replication × metric, in that order, with the raw value."""
    rows = _result().rows()
    assert len(rows) == 2 * 3 * 2
    assert rows[0] == {"model": "fixed", "replication": 0, "metric": "wait", "value": 10.0}
    assert rows[-1] == {"model": "pooled", "replication": 2, "metric": "idle", "value": 0.3}
    assert math.isnan(rows[5]["value"])  # type: ignore[arg-type]


def test_values_are_copied_and_read_only() -> None:
    """The stored array is a read-only copy: neither side can change the other's values."""
    source = np.array(VALUES)
    result = Comparison(["a", "b"], ["wait", "idle"], source, baseline="a")
    source[0, 0, 0] = -1.0
    assert result.values[0, 0, 0] == 10.0
    with pytest.raises(ValueError, match="read-only"):
        result.values[0, 0, 0] = 5.0


def test_to_csv_writes_three_tidy_files(tmp_path: Path) -> None:
    """to_csv writes replications, summary and differences CSVs; nan is an empty cell."""
    paths = _result().to_csv(tmp_path / "out")
    assert [p.name for p in paths] == [f"{name}.csv" for name in TABLES]
    with paths[0].open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == ["model", "replication", "metric", "value"]
    assert rows[5] == {"model": "fixed", "replication": "2", "metric": "idle", "value": ""}
    with paths[2].open(encoding="utf-8") as fh:
        header = next(csv.reader(fh))
    assert header == ["model", "baseline", "metric", "difference", "low", "high", "half_width", "n"]


def test_writing_never_silently_overwrites(tmp_path: Path) -> None:
    """An existing file is an error naming it, and nothing is written; overwrite=True replaces."""
    (tmp_path / "summary.csv").write_text("mine", encoding="utf-8")
    with pytest.raises(InvalidArgument, match=r"summary.csv' exists; pass overwrite=True"):
        _result().to_csv(tmp_path)
    assert not (tmp_path / "replications.csv").exists()
    assert (tmp_path / "summary.csv").read_text(encoding="utf-8") == "mine"
    _result().to_csv(tmp_path, overwrite=True)
    assert (tmp_path / "summary.csv").read_text(encoding="utf-8").startswith("model,metric")
    target = tmp_path / "result.json"
    target.write_text("{}", encoding="utf-8")
    with pytest.raises(InvalidArgument, match=r"result\.json' exists"):
        _result().to_json(target)
    assert target.read_text(encoding="utf-8") == "{}"


def test_json_is_strict_and_carries_the_summaries(tmp_path: Path) -> None:
    """The JSON file is standard JSON (nan as null) with values, summary and differences."""
    path = _result(seed=np.random.SeedSequence(5), precision=Precision(0.5), reached=True).to_json(
        tmp_path / "r.json"
    )
    text = path.read_text(encoding="utf-8")
    assert "NaN" not in text
    data = json.loads(text)
    assert data["values"][0][2][1] is None
    assert data["seed"] == {"entropy": 5, "spawn_key": []}
    assert data["summary"][0]["mean"] == 11.0
    assert data["differences"][0]["model"] == "pooled"
    assert data["precision"]["target"] == 0.5


def test_json_round_trip_keeps_everything(tmp_path: Path) -> None:
    """from_json(to_json(c)) has the same names, values, baseline, seed and stopping rule."""
    original = _result(
        level=0.9,
        seed=np.random.SeedSequence([1, 2], spawn_key=(3,)),
        precision=Precision(0.1, relative=True, metrics=["wait"], batch=2),
        reached=False,
    )
    again = Comparison.from_json(original.to_json(tmp_path / "r.json"))
    assert (again.models, again.metrics, again.baseline, again.level) == (
        original.models,
        original.metrics,
        original.baseline,
        0.9,
    )
    assert np.array_equal(again.values, original.values, equal_nan=True)
    assert again.precision == original.precision
    assert again.reached is False
    assert again.seed is not None
    assert again.seed.entropy == [1, 2]
    assert again.seed.spawn_key == (3,)
    assert again.to_dict() == original.to_dict()


values_arrays = hnp.arrays(
    np.float64,
    st.tuples(st.integers(1, 3), st.integers(1, 4), st.integers(1, 3)),
    elements=st.floats(allow_nan=True, allow_infinity=True, width=64),
)


@given(values_arrays)
def test_dict_round_trip_for_any_values(values: np.ndarray) -> None:
    """Any float values, including nan and infinities, survive to_dict/from_dict via JSON text."""
    models = [f"m{i}" for i in range(values.shape[0])]
    metrics = [f"k{i}" for i in range(values.shape[2])]
    original = Comparison(models, metrics, values, baseline=models[-1])
    text = json.dumps(original.to_dict(), allow_nan=False)
    again = Comparison.from_dict(json.loads(text))
    assert np.array_equal(again.values, original.values, equal_nan=True)


def test_from_json_reports_bad_files(tmp_path: Path) -> None:
    """A file that is not a comparison fails with the file name and the offending field."""
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "other"}', encoding="utf-8")
    with pytest.raises(InvalidScenario, match=r"bad\.json: format: not a hometeams\.comparison"):
        Comparison.from_json(bad)
    data = _result().to_dict()
    data["values"][1][0][0] = "many"
    bad.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InvalidScenario, match=r"values\[1\]\[0\]\[0\]: must be a number"):
        Comparison.from_json(bad)
    del data["baseline"]
    data["values"] = _result().to_dict()["values"]
    bad.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InvalidScenario, match="baseline: missing"):
        Comparison.from_json(bad)
    bad.write_text("{", encoding="utf-8")
    with pytest.raises(InvalidScenario, match="not valid JSON"):
        Comparison.from_json(bad)


def test_to_pandas_gives_each_table() -> None:
    """to_pandas returns the tidy tables as DataFrames with the documented columns."""
    pytest.importorskip("pandas")
    result = _result()
    frame = result.to_pandas()
    assert list(frame.columns) == ["model", "replication", "metric", "value"]
    assert len(frame) == 12
    summary = result.to_pandas("summary")
    assert summary.loc[0, "mean"] == 11.0
    assert len(result.to_pandas("differences")) == 2
    with pytest.raises(InvalidArgument, match="table: must be one of"):
        result.to_pandas("raw")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"models": [], "metrics": ["w"], "values": np.zeros((0, 1, 1))}, "models: must not be"),
        ({"models": ["a", "a"], "metrics": ["w"], "values": np.zeros((2, 1, 1))}, "unique"),
        (
            {"models": ["a"], "metrics": ["w"], "values": np.zeros((1, 2))},
            "values: must have shape",
        ),
        ({"models": ["a"], "metrics": ["w"], "values": np.zeros((1, 0, 1))}, "at least one"),
        (
            {"models": ["a"], "metrics": ["w"], "values": np.zeros((1, 1, 1)), "baseline": "b"},
            "baseline",
        ),
    ],
)
def test_construction_checks_shape_and_names(kwargs: dict[str, object], message: str) -> None:
    """Inconsistent names, shapes and baselines are refused by name."""
    kwargs.setdefault("baseline", "a")
    with pytest.raises(InvalidArgument, match=message):
        Comparison(**kwargs)  # type: ignore[arg-type]


def test_lookups_name_unknown_models_and_metrics() -> None:
    """Asking for an unknown model or metric is an error listing the known ones."""
    with pytest.raises(InvalidArgument, match=r"model: must be one of \['fixed', 'pooled'\]"):
        _result().interval("hybrid", "wait")
    with pytest.raises(InvalidArgument, match="metric: must be one of"):
        _result().difference("pooled", "delay")


def test_table_english_layout() -> None:
    """The terminal table lists metric blocks, models, n, mean, interval and difference."""
    lines = _result().table().splitlines()
    assert lines[0].split() == [
        *("metric", "model", "n", "mean", "95", "%", "CI"),
        *("difference", "from", "fixed", "95", "%", "CI"),
    ]
    assert lines[1].split() == ["wait", "fixed", "3", "11", "[8.516,", "13.48]"]
    assert lines[2].split()[:3] == ["pooled", "3", "8.833"]
    assert lines[2].split()[5] == "-2.167"
    assert lines[3].split()[:2] == ["idle", "fixed"]
    assert len(lines) == 5


def test_table_norwegian_and_metric_choice() -> None:
    """lang='nb' gives Norwegian headings and decimal commas; metrics= picks and orders."""
    text = _result().table(metrics=["idle"], lang="nb")
    assert text.splitlines()[0].startswith("indikator  modell  n  snitt  95 % KI")
    assert "forskjell fra fixed" in text
    assert "0,3" in text
    assert "wait" not in text
    with pytest.raises(InvalidArgument, match="lang: must be one of"):
        _result().table(lang="sv")
    with pytest.raises(InvalidArgument, match="metric: must be one of"):
        _result().table(metrics=["delay"])


# -- intervals of a level cut at the metric's range --------------------------------------------

T_975_4 = 2.776445  # Student t, 97.5 % quantile, 4 degrees of freedom (printed tables)


def _bounded() -> Comparison:
    """Five replications of two shares, one mostly 0 and one mostly 1.

    unserved_share: fixed 0, 0, 0, 0, 0.0015 (mean 0.0003, s.e. 0.0003), pooled all 0;
    on_time_share: fixed 1, 1, 1, 1, 0.99 (mean 0.998, s.e. 0.002), pooled all 1.
    """
    fixed = [[0.0, 1.0]] * 4 + [[0.0015, 0.99]]
    pooled = [[0.0, 1.0]] * 5
    return Comparison(
        ["fixed", "pooled"], ["unserved_share", "on_time_share"], [fixed, pooled], baseline="fixed"
    )


def test_interval_of_a_share_is_cut_at_zero_and_one() -> None:
    """The t interval [0.0003 ± 0.000833] shows as [0, 0.001133]; [0.998 ± 0.00555] stops at 1."""
    result = _bounded()
    unserved = result.interval("fixed", "unserved_share")
    assert unserved.low == 0.0
    assert unserved.high == pytest.approx(0.0003 + T_975_4 * 0.0003, abs=1e-9)
    assert unserved.half_width == pytest.approx(T_975_4 * 0.0003, abs=1e-9)  # the t interval's
    on_time = result.interval("fixed", "on_time_share")
    assert on_time.high == 1.0
    assert on_time.low == pytest.approx(0.998 - T_975_4 * 0.002, abs=1e-9)
    assert on_time.half_width == pytest.approx(T_975_4 * 0.002, abs=1e-9)


def test_differences_of_a_share_are_not_cut() -> None:
    """The paired difference of the unserved share reaches below 0 and keeps its t bounds."""
    diff = _bounded().difference("pooled", "unserved_share")  # differences 0, 0, 0, 0, -0.0015
    assert diff.mean == pytest.approx(-0.0003)
    assert diff.low == pytest.approx(-0.0003 - T_975_4 * 0.0003, abs=1e-9)
    assert diff.high == pytest.approx(-0.0003 + T_975_4 * 0.0003, abs=1e-9)
    assert diff.high > 0.0  # an interval of a difference crosses 0 freely
    on_time = _bounded().difference("pooled", "on_time_share")  # differences 0, ..., +0.01
    assert on_time.high == pytest.approx(0.002 + T_975_4 * 0.002, abs=1e-9)


def test_a_metric_outside_the_catalogue_is_not_cut() -> None:
    """A runner's own figure has no known range: its interval is the t interval."""
    result = Comparison(["a"], ["wait"], [[[0.0], [0.0], [0.0], [0.0], [0.0015]]], baseline="a")
    assert result.interval("a", "wait").low == pytest.approx(0.0003 - T_975_4 * 0.0003, abs=1e-9)


def test_exports_carry_the_cut_bounds_and_the_t_half_width(tmp_path: Path) -> None:
    """summary(), CSV, JSON and the text table show the cut bounds; differences stay as they are."""
    result = _bounded()
    rows = {(r["model"], r["metric"]): r for r in result.summary()}
    assert rows["fixed", "unserved_share"]["low"] == 0.0
    assert rows["fixed", "on_time_share"]["high"] == 1.0
    assert rows["fixed", "unserved_share"]["half_width"] == pytest.approx(T_975_4 * 0.0003, 1e-6)
    data = json.loads(json.dumps(result.to_dict()))
    assert min(row["low"] for row in data["summary"]) == 0.0
    assert max(row["high"] for row in data["summary"]) == 1.0
    assert min(row["low"] for row in data["differences"]) < 0.0
    path = result.to_csv(tmp_path)[1]
    with path.open(encoding="utf-8") as fh:
        summary = list(csv.DictReader(fh))
    assert all(0.0 <= float(row["low"]) <= float(row["high"]) <= 1.0 for row in summary)
    table = result.table()
    assert "[0, 0.001133]" in table
    assert "[0.9924, 1]" in table  # 0.998 - 0.005553
    assert "[-0.001133, +0.0005329]" in table  # the difference keeps its t bounds
