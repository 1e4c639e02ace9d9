"""The replication engine shared by comparisons and sweeps.

A *group* is the set of models compared with each other (one comparison, or one point of a
sweep). Replication ``i`` of every model in every group gets the same seed,
``SeedSequence(seed).spawn(n)[i]``, built directly from the root's entropy and spawn key so that
it never depends on how many replications or models there are, nor on the order tasks run in.

The engine submits one task per (group, model, replication) to the executor, collects the
results as they finish and files them by their indices. With a stopping rule it then checks every
group's intervals and submits a further batch for the groups that are not yet precise enough,
round after round, until all are or reach the maximum number of replications.
"""

from __future__ import annotations

import concurrent.futures as cf
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, cast

import attrs
import numpy as np
from numpy.typing import NDArray

from hometeams._random import Seed, root_sequence
from hometeams.errors import InvalidArgument
from hometeams.experiment._executor import ExecutorSetting, executor_for
from hometeams.experiment._model import Model, Runner, kept_run
from hometeams.experiment._progress import Progress, ProgressSetting
from hometeams.experiment._results import Comparison
from hometeams.experiment._stats import Precision

if TYPE_CHECKING:
    from hometeams.records import Records

__all__ = [
    "Kept",
    "Settings",
    "kept_task",
    "replicate",
    "replication_seed",
    "root_seed",
    "run_groups",
]


def root_seed(seed: object) -> np.random.SeedSequence:
    """The root :class:`~numpy.random.SeedSequence` of an int, a SeedSequence or None.

    Examples
    --------
    >>> from hometeams.experiment._engine import root_seed
    >>> root_seed(42).entropy
    42
    """
    return root_sequence(cast("Seed", seed))


def replication_seed(root: np.random.SeedSequence, i: int) -> np.random.SeedSequence:
    """Replication ``i``'s seed: the ``i``-th child of ``root``, without mutating ``root``.

    Equal to ``root.spawn(n)[i]`` on a fresh ``root`` for any ``n > i``.

    Examples
    --------
    >>> import numpy as np
    >>> from hometeams.experiment._engine import replication_seed
    >>> replication_seed(np.random.SeedSequence(7), 3).spawn_key
    (3,)
    """
    return np.random.SeedSequence(
        root.entropy, spawn_key=(*root.spawn_key, i), pool_size=root.pool_size
    )


def replicate(
    model: Model,
    *,
    replications: int = 1,
    seed: int | np.random.SeedSequence | None = None,
    executor: ExecutorSetting = None,
) -> tuple[Records, ...]:
    """The records of replications ``0, 1, ...`` of one model, seeded as :func:`compare` seeds them.

    Replication ``i`` runs :func:`hometeams.sim.simulate` with the model's scenario, policy,
    planning and drop rule and the seed ``SeedSequence(seed).spawn(n)[i]``: the same run as
    replication ``i`` of a comparison with the same ``seed``, whatever the models beside it.

    Parameters
    ----------
    model
        The model to run.
    replications
        How many runs (at least 1).
    seed
        A non-negative int or a :class:`numpy.random.SeedSequence` (the root); ``None`` for
        fresh entropy.
    executor
        As for :func:`compare`: ``None`` is a process pool over all cores, ``1`` or
        ``"serial"`` runs in this process.

    Returns
    -------
    tuple of Records
        One per replication, in order.

    Examples
    --------
    >>> from hometeams.experiment import replicate
    >>> from hometeams.io import example_scenario
    >>> model = example_scenario().study().model("pooled")
    >>> runs = replicate(model, replications=2, seed=1, executor="serial")
    >>> len(runs), len(runs[0].jobs) > 0
    (2, True)
    """
    if not isinstance(model, Model):
        raise InvalidArgument(f"model: must be a Model, got {model!r}")
    if isinstance(replications, bool) or not isinstance(replications, int) or replications < 1:
        raise InvalidArgument(f"replications: must be an integer >= 1, got {replications!r}")
    root = root_seed(seed)
    seeds = [replication_seed(root, i) for i in range(replications)]
    with executor_for(executor, runner=simulate_task, models=[model]) as pool:
        futures = [pool.submit(simulate_task, model, seed) for seed in seeds]
        return tuple(future.result() for future in futures)


def simulate_task(model: Model, seed: np.random.SeedSequence) -> Records:
    """One run of one model's scenario, policy, planning and drop rule (sent to an executor)."""
    return model.simulate(seed)


def run_task(runner: Runner, model: Model, seed: np.random.SeedSequence) -> Mapping[str, float]:
    """One replication of one model (the unit of work sent to an executor)."""
    return runner(model, seed)


@attrs.frozen
class Kept:
    """A replication's figures with the records they were measured on (``keep_records``)."""

    figures: Mapping[str, float]
    records: Records


def kept_task(model: Model, seed: np.random.SeedSequence) -> Kept:
    """One replication of one model whose records are kept (the default runner's)."""
    figures, records = kept_run(model, seed)
    return Kept(figures, records)


@attrs.frozen
class Settings:
    """What every group of a run shares (already validated by the caller)."""

    replications: int
    root: np.random.SeedSequence
    level: float
    metrics: tuple[str, ...] | None
    precision: Precision | None
    max_replications: int
    keep: frozenset[int] = frozenset()


def _to_floats(
    out: object, *, model: str, i: int, names: tuple[str, ...], exact: bool
) -> list[float]:
    where = f"runner: model {model!r}, replication {i}"
    if not isinstance(out, Mapping):
        raise InvalidArgument(f"{where}: must return a mapping of metric to value, got {out!r}")
    if exact and set(out) != set(names):
        raise InvalidArgument(
            f"{where}: returned metrics {sorted(map(str, out))}, "
            f"but the first replication returned {sorted(names)}"
        )
    values = []
    for name in names:
        if name not in out:
            raise InvalidArgument(f"{where}: metric {name!r} missing from the result")
        value = out[name]
        try:
            values.append(float(value))
        except (TypeError, ValueError) as err:
            raise InvalidArgument(f"{where}: {name} must be a number, got {value!r}") from err
    return values


def _collect(
    futures: dict[cf.Future[Mapping[str, float] | Kept], tuple[int, int, int]],
    progress: Progress,
    describe: Sequence[Sequence[Model]],
) -> dict[tuple[int, int, int], Mapping[str, float] | Kept]:
    results: dict[tuple[int, int, int], Mapping[str, float] | Kept] = {}
    try:
        for future in cf.as_completed(futures):
            key = futures[future]
            try:
                results[key] = future.result()
            except Exception as err:
                g, m, i = key
                err.add_note(f"while running model {describe[g][m].name!r}, replication {i}")
                raise
            progress.done()
    except BaseException:
        for future in futures:
            future.cancel()
        raise
    return results


def run_groups(
    groups: Sequence[Sequence[Model]],
    *,
    baselines: Sequence[str],
    settings: Settings,
    runner: Runner,
    executor: ExecutorSetting,
    progress: ProgressSetting,
) -> list[Comparison]:
    """Run every group until its replications (or its stopping rule) are done."""
    precision = settings.precision
    target = [settings.replications] * len(groups)
    ran = [0] * len(groups)
    active = list(range(len(groups)))
    names = settings.metrics
    values: list[list[list[list[float]]]] = [[[] for _ in group] for group in groups]
    kept: list[dict[str, dict[int, Records]]] = [{} for _ in groups]
    reached: list[bool | None] = [None] * len(groups)
    with (
        executor_for(executor, runner=runner, models=_unique(groups)) as pool,
        Progress(progress) as bar,
    ):
        while active:
            tasks = [
                (g, m, i)
                for g in active
                for i in range(ran[g], target[g])
                for m in range(len(groups[g]))
            ]
            results = _run_round(
                pool, tasks, groups, root=settings.root, runner=runner, bar=bar, keep=settings.keep
            )
            for (g, m, i), out in results.items():
                if isinstance(out, Kept):
                    kept[g].setdefault(groups[g][m].name, {})[i] = out.records
                    results[g, m, i] = out.figures
            if names is None:
                names = _metric_names(results[min(results)])
            for (g, m, i), out in sorted(results.items()):
                exact = settings.metrics is None
                row = _to_floats(out, model=groups[g][m].name, i=i, names=names, exact=exact)
                values[g][m].append(row)
            for g in active:
                ran[g] = target[g]
            if precision is None:
                break
            still = []
            for g in active:
                comparison = _comparison(groups[g], baselines[g], values[g], names, settings)
                reached[g] = _precise(comparison, precision)
                if not reached[g] and ran[g] < settings.max_replications:
                    batch = precision.batch or settings.replications
                    target[g] = min(ran[g] + batch, settings.max_replications)
                    still.append(g)
            active = still
    assert names is not None  # set by the first round, which always runs
    return [
        attrs.evolve(
            _comparison(groups[g], baselines[g], values[g], names, settings),
            reached=reached[g],
            records={
                model.name: dict(sorted(kept[g][model.name].items()))
                for model in groups[g]
                if model.name in kept[g]
            },
        )
        for g in range(len(groups))
    ]


def _run_round(
    pool: cf.Executor,
    tasks: Sequence[tuple[int, int, int]],
    groups: Sequence[Sequence[Model]],
    *,
    root: np.random.SeedSequence,
    runner: Runner,
    bar: Progress,
    keep: frozenset[int],
) -> dict[tuple[int, int, int], Mapping[str, float] | Kept]:
    """Submit (group, model, replication) tasks and return their results by those indices.

    A replication in ``keep`` returns its records too (:class:`Kept`).
    """
    futures: dict[cf.Future[Mapping[str, float] | Kept], tuple[int, int, int]] = {}
    bar.add(total=len(tasks))
    for g, m, i in tasks:
        # A fresh seed object per task: a runner that spawns from it cannot affect another.
        seed = replication_seed(root, i)
        future: cf.Future[Mapping[str, float] | Kept]
        if i in keep:
            future = pool.submit(kept_task, groups[g][m], seed)
        else:
            future = pool.submit(run_task, runner, groups[g][m], seed)
        futures[future] = (g, m, i)
        if future.done() and future.exception() is not None:
            break  # a serial run failed: report it without running the rest
    return _collect(futures, bar, groups)


def _metric_names(first: object) -> tuple[str, ...]:
    """The metric names, in the runner's order, from the first (model, replication)'s result."""
    if not isinstance(first, Mapping) or not first:
        raise InvalidArgument(
            f"runner: must return a non-empty mapping of metric to value, got {first!r}"
        )
    return tuple(str(name) for name in first)


def _unique(groups: Sequence[Sequence[Model]]) -> list[Model]:
    """The distinct model objects of all groups (a sweep often repeats one)."""
    seen: dict[int, Model] = {}
    for group in groups:
        for model in group:
            seen.setdefault(id(model), model)
    return list(seen.values())


def _comparison(
    models: Sequence[Model],
    baseline: str,
    values: list[list[list[float]]],
    names: tuple[str, ...],
    settings: Settings,
) -> Comparison:
    array: NDArray[np.float64] = np.array(values, dtype=np.float64)
    return Comparison(
        [model.name for model in models],
        names,
        array,
        baseline=baseline,
        level=settings.level,
        seed=settings.root,
        precision=settings.precision,
    )


def _precise(comparison: Comparison, precision: Precision) -> bool:
    metrics = precision.metrics if precision.metrics is not None else comparison.metrics
    unknown = [name for name in metrics if name not in comparison.metrics]
    if unknown:
        raise InvalidArgument(
            f"precision.metrics: unknown metrics {unknown}; the runner returns "
            f"{list(comparison.metrics)}"
        )
    if precision.differences:
        return all(
            precision.met_by(comparison.difference(model, metric))
            for model in comparison.models
            if model != comparison.baseline
            for metric in metrics
        )
    return all(
        precision.met_by(comparison.interval(model, metric))
        for model in comparison.models
        for metric in metrics
    )
