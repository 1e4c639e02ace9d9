"""Sweeps: the same comparison at every point of a parameter grid.

A planner asks how waits and idle time move as the evening shift gets one, two, three or four
nurses, or as the sick-leave rate climbs from 5 to 12 %. :func:`sweep` builds the models of every
grid point with a ``build(**params)`` function, runs all points' replications as one batch of
tasks on the executor (a sweep is where a process pool or a Dask cluster pays off) and returns a
:class:`Sweep`: one :class:`~hometeams.experiment.Comparison` per point, and tidy tables with a
column per parameter.

Every point uses the same seeds, so neighbouring points meet the same realised demand wherever
their scenarios describe the same demand: the curve over the grid is smooth and the difference
between two points is itself a paired comparison.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from hometeams._files import write_text
from hometeams.errors import InvalidArgument, InvalidScenario
from hometeams.experiment._engine import run_groups
from hometeams.experiment._executor import ExecutorSetting
from hometeams.experiment._export import Row, check_writable, to_frame, write_csv
from hometeams.experiment._grid import Scalar, expand_grid
from hometeams.experiment._model import Model, Runner, simulation_runner
from hometeams.experiment._progress import ProgressSetting
from hometeams.experiment._results import COLUMNS, TABLES, Comparison, TableName
from hometeams.experiment._run import check_sizes, settings_of
from hometeams.experiment._study import ExperimentSettings, Study, check_models

if TYPE_CHECKING:
    from hometeams.scenario import Limits

__all__ = ["Sweep", "sweep"]

_FORMAT = "hometeams.sweep"


def _points(points: Iterable[Mapping[str, Scalar]]) -> tuple[dict[str, Scalar], ...]:
    return tuple(dict(point) for point in points)


def _strings(names: Iterable[str]) -> tuple[str, ...]:
    return tuple(names)


def _comparisons(comparisons: Iterable[Comparison]) -> tuple[Comparison, ...]:
    return tuple(comparisons)


def _label(point: Mapping[str, Scalar]) -> str:
    return ", ".join(f"{name}={value!r}" for name, value in point.items())


@attrs.frozen(eq=False)
class Sweep:
    """One comparison per grid point, with tidy tables that carry the parameters as columns.

    Usually made by :func:`sweep`.

    Parameters
    ----------
    parameters
        The parameter names, in grid order.
    points
        The parameter values of each point.
    comparisons
        The comparison run at each point.

    Examples
    --------
    >>> from hometeams.experiment import Comparison, Sweep
    >>> one = Comparison(["m"], ["wait"], [[[10.0], [12.0]]], baseline="m")
    >>> two = Comparison(["m"], ["wait"], [[[7.0], [8.0]]], baseline="m")
    >>> result = Sweep(["staff"], [{"staff": 1}, {"staff": 2}], [one, two])
    >>> result.comparison(staff=2).interval("m", "wait").mean
    7.5
    >>> result.summary()[0]["staff"], result.summary()[0]["mean"]
    (1, 11.0)
    """

    parameters: tuple[str, ...] = attrs.field(converter=_strings)
    points: tuple[dict[str, Scalar], ...] = attrs.field(converter=_points)
    comparisons: tuple[Comparison, ...] = attrs.field(converter=_comparisons)

    def __attrs_post_init__(self) -> None:
        if not self.points:
            raise InvalidArgument("points: must hold at least one point")
        if len(self.points) != len(self.comparisons):
            raise InvalidArgument(
                f"comparisons: must be one per point ({len(self.points)}), "
                f"got {len(self.comparisons)}"
            )
        # Re-check names and values as a grid would be checked (also for files read back).
        names, _ = expand_grid(list(self.points))
        if set(names) != set(self.parameters) or len(names) != len(self.parameters):
            raise InvalidArgument(
                f"points: must set exactly the parameters {list(self.parameters)}, "
                f"got {list(names)}"
            )
        for i, comparison in enumerate(self.comparisons):
            if not isinstance(comparison, Comparison):
                raise InvalidArgument(f"comparisons[{i}]: must be a Comparison, got {comparison!r}")

    def __len__(self) -> int:
        return len(self.points)

    def comparison(self, **params: Scalar) -> Comparison:
        """The comparison at the point with these parameter values."""
        for point, comparison in zip(self.points, self.comparisons, strict=True):
            if point == params:
                return comparison
        raise InvalidArgument(f"no point {_label(params)}; points are: {list(self.points)}")

    def tidy(self, table: TableName) -> list[Row]:
        """The rows of one of the tables, each starting with the point's parameters."""
        return [
            {**point, **row}
            for point, comparison in zip(self.points, self.comparisons, strict=True)
            for row in comparison.tidy(table)
        ]

    def rows(self) -> list[Row]:
        """Tidy rows, one per point, model, replication and metric."""
        return self.tidy("replications")

    def summary(self) -> list[Row]:
        """One row per point, model and metric: mean and interval."""
        return self.tidy("summary")

    def differences(self) -> list[Row]:
        """One row per point, non-baseline model and metric: paired difference and interval."""
        return self.tidy("differences")

    def to_csv(self, directory: str | Path, *, overwrite: bool = False) -> tuple[Path, ...]:
        """Write ``replications.csv``, ``summary.csv`` and ``differences.csv`` into a directory.

        An existing file is an error (nothing is written) unless ``overwrite=True``.
        """
        out = Path(directory)
        paths = [out / f"{name}.csv" for name in TABLES]
        check_writable(paths, overwrite=overwrite)
        out.mkdir(parents=True, exist_ok=True)
        return tuple(
            write_csv(
                path, (*self.parameters, *COLUMNS[name]), self.tidy(name), overwrite=overwrite
            )
            for path, name in zip(paths, TABLES, strict=True)
        )

    def to_pandas(self, table: TableName = "replications") -> Any:
        """One of the tidy tables as a pandas DataFrame (needs the ``frame`` extra)."""
        rows = self.tidy(table)
        return to_frame((*self.parameters, *COLUMNS[table]), rows)

    def to_dict(self) -> dict[str, Any]:
        """Everything as plain JSON-ready values."""
        return {
            "format": _FORMAT,
            "version": 1,
            "parameters": list(self.parameters),
            "points": [
                {"params": dict(point), "comparison": comparison.to_dict()}
                for point, comparison in zip(self.points, self.comparisons, strict=True)
            ],
        }

    def to_json(self, path: str | Path, *, overwrite: bool = False) -> Path:
        """Write :meth:`to_dict` as a JSON file; an existing file needs ``overwrite=True``."""
        text = json.dumps(self.to_dict(), indent=1) + "\n"
        return write_text(path, text, overwrite=overwrite)

    @classmethod
    def from_json(cls, path: str | Path) -> Sweep:
        """Read a sweep written by :meth:`to_json`."""
        source = str(path)
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except json.JSONDecodeError as err:
            raise InvalidScenario(f"not valid JSON: {err}", source=source) from err
        if not isinstance(data, dict) or data.get("format") != _FORMAT:
            raise InvalidScenario(f"not a {_FORMAT} document", path="format", source=source)
        try:
            points = data["points"]
            comparisons = []
            for i, point in enumerate(points):
                try:
                    comparisons.append(Comparison.from_dict(point["comparison"], source=source))
                except InvalidScenario as err:
                    raise err.within(f"points[{i}].comparison") from err
            return cls(data["parameters"], [point["params"] for point in points], comparisons)
        except KeyError as err:
            raise InvalidScenario("missing", path=str(err.args[0]), source=source) from err
        except InvalidArgument as err:
            raise InvalidScenario(str(err), source=source) from err
        except TypeError as err:
            raise InvalidScenario(f"malformed: {err}", source=source) from err

    def table(self, *, metrics: Sequence[str] | None = None, lang: str = "en") -> str:
        """Plain-text tables, one per point under a line naming its parameters."""
        return "\n\n".join(
            f"{_label(point)}\n{comparison.table(metrics=metrics, lang=lang)}"
            for point, comparison in zip(self.points, self.comparisons, strict=True)
        )


def _study(
    build: Callable[..., Model | Sequence[Model]],
    point: dict[str, Scalar],
    settings: ExperimentSettings,
) -> Study:
    try:
        made = build(**point)
    except Exception as err:
        err.add_note(f"while building the models of sweep point {_label(point)}")
        raise
    field = f"build({_label(point)})"
    models = check_models([made] if isinstance(made, Model) else made, field=field)
    try:
        return Study(models, settings)
    except InvalidArgument as err:
        err.add_note(f"at sweep point {_label(point)}")
        raise


def sweep(
    build: Callable[..., Model | Sequence[Model]],
    grid: Mapping[str, Iterable[Scalar]] | Sequence[Mapping[str, Scalar]],
    settings: ExperimentSettings | None = None,
    *,
    executor: ExecutorSetting = None,
    progress: ProgressSetting = None,
    runner: Runner = simulation_runner,
    limits: Limits | None = None,
) -> Sweep:
    """Compare models at every point of a parameter grid, with the same settings at each.

    Each point is a :class:`~hometeams.experiment.Study` of the models ``build`` makes and
    ``settings``; every point uses the same seeds, and a stopping rule applies to each point
    separately.

    Parameters
    ----------
    build
        Called in this process as ``build(**params)`` for each point; returns the point's
        :class:`~hometeams.experiment.Model` or list of models.
    grid
        A dict of lists (every combination) or a list of dicts (these points). Values must be
        numbers, strings, booleans or ``None``.
    settings
        The :class:`~hometeams.experiment.ExperimentSettings` of every point (the defaults if
        ``None``); a baseline names the baseline model within each point (each point's first
        model by default).
    executor, progress, runner, limits
        As for :func:`~hometeams.experiment.compare`.

    Returns
    -------
    Sweep
        One comparison per point.

    Examples
    --------
    Waits that fall by four minutes per extra evening nurse:

    >>> from hometeams.experiment import ExperimentSettings, Model, Synthetic, sweep
    >>> from hometeams.experiment import synthetic_runner
    >>> def build(evening_staff):
    ...     return Model("pooled", Synthetic({"wait": 20.0 - 4.0 * evening_staff}))
    >>> result = sweep(build, {"evening_staff": [1, 2, 3]},
    ...                ExperimentSettings(replications=5, seed=3),
    ...                executor="serial", runner=synthetic_runner)
    >>> [row["evening_staff"] for row in result.summary()]
    [1, 2, 3]
    """
    if not callable(build):
        raise InvalidArgument(f"build: must be a callable(**params), got {build!r}")
    if settings is None:
        settings = ExperimentSettings()
    elif not isinstance(settings, ExperimentSettings):
        raise InvalidArgument(
            f"settings: must be ExperimentSettings or None, got {type(settings).__name__}"
        )
    names, points = expand_grid(grid)
    studies = [_study(build, point, settings) for point in points]
    config = settings_of(settings, runner=runner, limits=limits)
    for study in studies:
        check_sizes(study.models, limits=limits)
    comparisons = run_groups(
        [study.models for study in studies],
        baselines=[study.baseline for study in studies],
        settings=config,
        runner=runner,
        executor=executor,
        progress=progress,
    )
    return Sweep(names, points, comparisons)
