"""The result of a comparison: every replication's figures, their means and paired differences.

After running "fixed teams" and "pooled evenings" on the same twenty realised months, a planner
wants three tables: the raw figures (model × replication × metric), each model's mean with a
95 % interval, and each model's paired difference from the baseline with its interval.
:class:`Comparison` holds the raw figures and computes the other two; it writes all three to CSV,
to one JSON file (which :meth:`Comparison.from_json` reads back) and to pandas, and prints a
plain-text table for a terminal.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import attrs
import numpy as np
from numpy.typing import ArrayLike, NDArray

from hometeams._files import write_text
from hometeams.errors import InvalidArgument, InvalidScenario
from hometeams.experiment._export import (
    Row,
    check_writable,
    from_json_number,
    json_number,
    to_frame,
    write_csv,
)
from hometeams.experiment._stats import (
    Interval,
    Precision,
    check_level,
    paired_interval,
    t_interval,
)
from hometeams.experiment._text import format_table

if TYPE_CHECKING:
    from hometeams.records import Records

__all__ = ["TABLES", "Comparison", "TableName", "precision_from_json", "precision_to_json"]

TableName = Literal["replications", "summary", "differences"]
TABLES: tuple[TableName, ...] = ("replications", "summary", "differences")
"""The three tidy tables, in the order they are written."""

COLUMNS: dict[TableName, tuple[str, ...]] = {
    "replications": ("model", "replication", "metric", "value"),
    "summary": ("model", "metric", "mean", "low", "high", "half_width", "n"),
    "differences": ("model", "baseline", "metric", "difference", "low", "high", "half_width", "n"),
}
_FORMAT = "hometeams.comparison"


def _names(value: Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    return tuple(value)


def _records(value: Mapping[str, Mapping[int, Records]]) -> dict[str, dict[int, Records]]:
    return {str(model): dict(runs) for model, runs in value.items()}


def _values(value: ArrayLike) -> NDArray[np.float64]:
    arr = np.array(value, dtype=np.float64)  # a copy: the caller's array stays theirs
    arr.setflags(write=False)
    return arr


@attrs.frozen(eq=False)
class Comparison:
    """Replications of several models, with means and paired differences from a baseline.

    Usually made by :func:`~hometeams.experiment.compare`.

    Parameters
    ----------
    models
        Model names, in the order given to :func:`~hometeams.experiment.compare`.
    metrics
        Metric names, in the runner's order.
    values
        Array of shape ``(models, replications, metrics)``; ``nan`` where a metric was undefined
        in a run. Stored read-only.
    baseline
        The model the differences are taken from.
    level
        Confidence level of every interval.
    seed
        The root seed: replication ``i`` ran with ``SeedSequence(seed.entropy,
        spawn_key=(*seed.spawn_key, i))``, i.e. ``SeedSequence(seed).spawn(n)[i]``.
    precision, reached
        The stopping rule, if one was used, and whether its target was met.
    records
        The records of the replications :func:`~hometeams.experiment.compare` was asked to
        keep (``keep_records``), by model and replication: ``records["pooled"][0]``. Empty
        by default; not written to files.

    Examples
    --------
    >>> from hometeams.experiment import Comparison
    >>> result = Comparison(
    ...     ["fixed", "pooled"], ["wait"], [[[10.0], [12.0], [11.0]], [[8.0], [9.0], [9.5]]],
    ...     baseline="fixed")
    >>> result.replications
    3
    >>> result.interval("pooled", "wait").mean
    8.833...
    >>> round(result.difference("pooled", "wait").mean, 4)
    -2.1667
    """

    models: tuple[str, ...] = attrs.field(converter=_names)
    metrics: tuple[str, ...] = attrs.field(converter=_names)
    values: NDArray[np.float64] = attrs.field(converter=_values)
    baseline: str = attrs.field(kw_only=True)
    level: float = attrs.field(default=0.95, kw_only=True, converter=check_level)
    seed: np.random.SeedSequence | None = attrs.field(default=None, kw_only=True)
    precision: Precision | None = attrs.field(default=None, kw_only=True)
    reached: bool | None = attrs.field(default=None, kw_only=True)
    records: Mapping[str, Mapping[int, Records]] = attrs.field(
        factory=dict, kw_only=True, converter=_records, repr=False
    )

    def __attrs_post_init__(self) -> None:
        for field, names in (("models", self.models), ("metrics", self.metrics)):
            if not names:
                raise InvalidArgument(f"{field}: must not be empty")
            if not all(isinstance(name, str) and name for name in names):
                raise InvalidArgument(f"{field}: must be non-empty strings, got {names!r}")
            if len(set(names)) != len(names):
                dup = sorted({name for name in names if names.count(name) > 1})
                raise InvalidArgument(f"{field}: names must be unique, got {dup} more than once")
        shape = self.values.shape
        if len(shape) != 3 or shape[0] != len(self.models) or shape[2] != len(self.metrics):
            raise InvalidArgument(
                f"values: must have shape (models={len(self.models)}, replications, "
                f"metrics={len(self.metrics)}), got {shape}"
            )
        if shape[1] < 1:
            raise InvalidArgument("values: must hold at least one replication")
        if self.reached not in (None, True, False):
            raise InvalidArgument(f"reached: must be True, False or None, got {self.reached!r}")
        if self.seed is not None and not isinstance(self.seed, np.random.SeedSequence):
            raise InvalidArgument(f"seed: must be a SeedSequence or None, got {self.seed!r}")
        if self.precision is not None and not isinstance(self.precision, Precision):
            raise InvalidArgument(f"precision: must be a Precision or None, got {self.precision!r}")
        unknown = [model for model in self.records if model not in self.models]
        if unknown:
            raise InvalidArgument(
                f"records: {unknown} are not among the models {list(self.models)}"
            )
        if self.baseline not in self.models:
            raise InvalidArgument(
                f"baseline: must be one of the models {list(self.models)}, got {self.baseline!r}"
            )

    @property
    def replications(self) -> int:
        """How many replications every model ran."""
        return int(self.values.shape[1])

    def _index(self, model: str, metric: str) -> tuple[int, int]:
        if model not in self.models:
            raise InvalidArgument(f"model: must be one of {list(self.models)}, got {model!r}")
        if metric not in self.metrics:
            raise InvalidArgument(f"metric: must be one of {list(self.metrics)}, got {metric!r}")
        return self.models.index(model), self.metrics.index(metric)

    def sample(self, model: str, metric: str) -> NDArray[np.float64]:
        """The values of ``metric`` for ``model``, one per replication (read-only)."""
        m, k = self._index(model, metric)
        return self.values[m, :, k]

    def interval(self, model: str, metric: str) -> Interval:
        """The mean of ``metric`` for ``model`` with its confidence interval.

        The *t* interval, cut at the metric's range in the catalogue
        (:attr:`MetricInfo.bounds <hometeams.metrics.MetricInfo.bounds>`: a share within 0 and
        1, hours never below 0); a metric the catalogue does not know is not cut. Its
        ``half_width`` stays the *t* interval's, which a stopping rule reads.
        ``t_interval(comparison.sample(model, metric))`` is the uncut interval.

        Examples
        --------
        >>> from hometeams.experiment import Comparison
        >>> result = Comparison(["a"], ["unserved_share"], [[[0.0], [0.0], [0.0], [0.0], [0.0015]]],
        ...                     baseline="a")
        >>> iv = result.interval("a", "unserved_share")
        >>> iv.low, round(iv.high, 6), round(iv.half_width, 6)
        (0.0, 0.001133, 0.000833)
        """
        # Imported here so that the experiment machinery does not load the metrics until used.
        from hometeams.metrics import METRICS  # noqa: PLC0415

        iv = t_interval(self.sample(model, metric), level=self.level)
        info = METRICS.get(metric)
        return iv if info is None else iv.within(*info.bounds)

    def difference(self, model: str, metric: str) -> Interval:
        """The paired difference ``model - baseline`` of ``metric`` with its interval."""
        return paired_interval(
            self.sample(model, metric), self.sample(self.baseline, metric), level=self.level
        )

    def rows(self) -> list[Row]:
        """Tidy rows, one per model, replication and metric (``replications.csv``)."""
        return [
            {
                "model": model,
                "replication": i,
                "metric": metric,
                "value": float(self.values[m, i, k]),
            }
            for m, model in enumerate(self.models)
            for i in range(self.replications)
            for k, metric in enumerate(self.metrics)
        ]

    def summary(self) -> list[Row]:
        """One row per model and metric: mean, interval bounds, half-width and ``n``.

        The bounds are :meth:`interval`'s, cut at the metric's range; the half-width is the
        *t* interval's.
        """
        out: list[Row] = []
        for model in self.models:
            for metric in self.metrics:
                iv = self.interval(model, metric)
                out.append({"model": model, "metric": metric, **_interval_row(iv, "mean")})
        return out

    def differences(self) -> list[Row]:
        """One row per non-baseline model and metric: paired difference from the baseline."""
        out: list[Row] = []
        for model in self.models:
            if model == self.baseline:
                continue
            for metric in self.metrics:
                iv = self.difference(model, metric)
                row = _interval_row(iv, "difference")
                out.append({"model": model, "baseline": self.baseline, "metric": metric, **row})
        return out

    def tidy(self, table: TableName) -> list[Row]:
        """The rows of one of :data:`TABLES` by name."""
        if table == "replications":
            return self.rows()
        if table == "summary":
            return self.summary()
        if table == "differences":
            return self.differences()
        raise InvalidArgument(f"table: must be one of {list(TABLES)}, got {table!r}")

    def to_csv(self, directory: str | Path, *, overwrite: bool = False) -> tuple[Path, ...]:
        """Write ``replications.csv``, ``summary.csv`` and ``differences.csv``.

        Parameters
        ----------
        directory
            Where to write; created if missing.
        overwrite
            Replace existing files; without it, any existing one is an error and nothing is
            written.

        Returns
        -------
        tuple[Path, ...]
            The three paths, in the order of :data:`TABLES`.
        """
        out = Path(directory)
        paths = [out / f"{name}.csv" for name in TABLES]
        check_writable(paths, overwrite=overwrite)
        out.mkdir(parents=True, exist_ok=True)
        return tuple(
            write_csv(path, COLUMNS[name], self.tidy(name), overwrite=overwrite)
            for path, name in zip(paths, TABLES, strict=True)
        )

    def to_pandas(self, table: TableName = "replications") -> Any:
        """One of the tidy tables as a pandas DataFrame (needs the ``frame`` extra)."""
        rows = self.tidy(table)
        return to_frame(COLUMNS[table], rows)

    def to_dict(self) -> dict[str, Any]:
        """Everything as plain JSON-ready values, including the two summary tables."""
        return {
            "format": _FORMAT,
            "version": 1,
            "models": list(self.models),
            "metrics": list(self.metrics),
            "baseline": self.baseline,
            "level": self.level,
            "seed": _seed_to_json(self.seed),
            "precision": precision_to_json(self.precision),
            "reached": self.reached,
            "values": [
                [[json_number(v) for v in rep] for rep in model] for model in self.values.tolist()
            ],
            "summary": [_json_row(row) for row in self.summary()],
            "differences": [_json_row(row) for row in self.differences()],
        }

    def to_json(self, path: str | Path, *, overwrite: bool = False) -> Path:
        """Write :meth:`to_dict` as a JSON file; an existing file needs ``overwrite=True``."""
        text = json.dumps(self.to_dict(), indent=1) + "\n"
        return write_text(path, text, overwrite=overwrite)

    @classmethod
    def from_dict(cls, data: object, *, source: str = "") -> Comparison:
        """Rebuild a comparison from :meth:`to_dict`; bad fields raise ``InvalidScenario``."""
        src = source or None
        if not isinstance(data, dict) or data.get("format") != _FORMAT:
            raise InvalidScenario(f"not a {_FORMAT} document", path="format", source=src)
        try:
            raw = data["values"]
            values = [
                [
                    [
                        from_json_number(v, path=f"values[{m}][{i}][{k}]", source=source)
                        for k, v in enumerate(rep)
                    ]
                    for i, rep in enumerate(model)
                ]
                for m, model in enumerate(raw)
            ]
            return cls(
                data["models"],
                data["metrics"],
                values,
                baseline=data["baseline"],
                level=data["level"],
                seed=_seed_from_json(data["seed"]),
                precision=precision_from_json(data["precision"]),
                reached=data["reached"],
            )
        except KeyError as err:
            raise InvalidScenario("missing", path=str(err.args[0]), source=src) from err
        except InvalidArgument as err:
            raise InvalidScenario(str(err), source=src) from err
        except TypeError as err:
            raise InvalidScenario(f"malformed: {err}", source=src) from err

    @classmethod
    def from_json(cls, path: str | Path) -> Comparison:
        """Read a comparison written by :meth:`to_json`.

        Examples
        --------
        >>> import tempfile, pathlib
        >>> from hometeams.experiment import Comparison
        >>> result = Comparison(
        ...     ["a", "b"], ["wait"], [[[1.0], [2.0]], [[3.0], [5.0]]], baseline="a")
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     path = result.to_json(pathlib.Path(tmp) / "result.json")
        ...     again = Comparison.from_json(path)
        >>> again.difference("b", "wait").mean
        2.5
        """
        text = Path(path).read_text(encoding="utf-8")
        try:
            data = json.loads(text)
        except json.JSONDecodeError as err:
            raise InvalidScenario(f"not valid JSON: {err}", source=str(path)) from err
        return cls.from_dict(data, source=str(path))

    def table(self, *, metrics: Sequence[str] | None = None, lang: str = "en") -> str:
        """A plain-text table: per metric and model, mean, interval and difference.

        Parameters
        ----------
        metrics
            Which metrics to show, in this order; all by default.
        lang
            ``"en"`` or ``"nb"`` (Norwegian headings and decimal commas).

        Examples
        --------
        >>> from hometeams.experiment import Comparison
        >>> result = Comparison(
        ...     ["fixed", "pooled"], ["wait"], [[[10.0], [12.0], [11.0]], [[8.0], [9.0], [9.5]]],
        ...     baseline="fixed")
        >>> print(result.table())
        metric  model   n  mean   95 % CI         difference from fixed  95 % CI
        wait    fixed   3  11     [8.516, 13.48]
                pooled  3  8.833  [6.936, 10.73]  -2.167                 [-4.064, -0.2694]
        """
        chosen = list(self.metrics if metrics is None else _names(metrics))
        for metric in chosen:
            self._index(self.baseline, metric)
        rows = [
            (
                metric,
                model,
                self.interval(model, metric),
                None if model == self.baseline else self.difference(model, metric),
            )
            for metric in chosen
            for model in self.models
        ]
        return format_table(rows, baseline=self.baseline, level=self.level, lang=lang)


def _interval_row(iv: Interval, name: str) -> dict[str, object]:
    return {
        name: iv.mean,
        "low": iv.low,
        "high": iv.high,
        "half_width": iv.half_width,
        "n": iv.n,
    }


def _json_row(row: Row) -> dict[str, object]:
    return {k: json_number(v) if isinstance(v, float) else v for k, v in row.items()}


def _seed_to_json(seed: np.random.SeedSequence | None) -> dict[str, object] | None:
    if seed is None:
        return None
    entropy = seed.entropy
    return {
        "entropy": entropy if isinstance(entropy, int) else [int(e) for e in entropy],  # type: ignore[union-attr]
        "spawn_key": [int(k) for k in seed.spawn_key],
    }


def _seed_from_json(data: object) -> np.random.SeedSequence | None:
    if data is None:
        return None
    if not isinstance(data, dict):
        raise InvalidArgument(f"seed: must be an object with entropy and spawn_key, got {data!r}")
    return np.random.SeedSequence(data["entropy"], spawn_key=tuple(data["spawn_key"]))


def precision_to_json(precision: Precision | None) -> dict[str, object] | None:
    """The stopping rule as a JSON object (``None`` stays ``None``)."""
    if precision is None:
        return None
    out = attrs.asdict(precision)
    if precision.metrics is not None:
        out["metrics"] = list(precision.metrics)
    return out


def precision_from_json(data: object) -> Precision | None:
    """Undo :func:`precision_to_json`."""
    if data is None:
        return None
    if not isinstance(data, dict):
        raise InvalidArgument(f"precision: must be an object or null, got {data!r}")
    fields = dict(data)
    target = fields.pop("target", None)
    return Precision(target, **fields)
