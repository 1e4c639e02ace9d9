"""Compare organisation models on the same realised demand, with confidence intervals.

A district considering pooled evenings runs both models -- today's fixed zone teams and the
pooled team -- through the same twenty simulated months: the same discharges on the same
Fridays, the same nurse off sick on the same Tuesday (common random numbers). Differences in
waiting or idle time are then the organisation's, not the dice's, and the paired interval of each
difference is narrow enough to act on with few replications.

:func:`compare` runs every model ``replications`` times (or, with a :class:`Precision`, until the
intervals are narrow enough) on any executor and returns a :class:`Comparison`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import attrs
import numpy as np

from hometeams.errors import InvalidArgument, InvalidScenario
from hometeams.experiment._engine import Settings, root_seed, run_groups
from hometeams.experiment._executor import ExecutorSetting
from hometeams.experiment._model import Model, Runner, simulation_runner
from hometeams.experiment._progress import ProgressSetting
from hometeams.experiment._results import Comparison
from hometeams.experiment._stats import Precision, check_level

if TYPE_CHECKING:
    from hometeams.scenario import Limits

__all__ = ["check_baseline", "check_keep", "check_models", "check_sizes", "compare", "settings"]


def check_models(models: object, *, field: str = "models") -> tuple[Model, ...]:
    """The models as a tuple, or an error naming the first that is not a uniquely named Model."""
    if isinstance(models, Model):
        raise InvalidArgument(f"{field}: must be a list of Model, got a single Model; wrap it")
    if not isinstance(models, Iterable) or isinstance(models, str | bytes):
        raise InvalidArgument(f"{field}: must be a list of Model, got {models!r}")
    out = tuple(models)
    if not out:
        raise InvalidArgument(f"{field}: must hold at least one Model, got none")
    seen: set[str] = set()
    for i, model in enumerate(out):
        if not isinstance(model, Model):
            raise InvalidArgument(f"{field}[{i}]: must be a Model, got {model!r}")
        if model.name in seen:
            raise InvalidArgument(f"{field}[{i}].name: {model.name!r} is used by another model")
        seen.add(model.name)
    return out


def check_baseline(baseline: str | None, models: Sequence[Model]) -> str:
    """The baseline's name (the first model's by default), or an error if it is not a model."""
    names = [model.name for model in models]
    if baseline is None:
        return names[0]
    if baseline not in names:
        raise InvalidArgument(f"baseline: must be one of the models {names}, got {baseline!r}")
    return baseline


def check_keep(keep: object, *, replications: int, runner: object) -> frozenset[int]:
    """The replications whose records to keep, or an error naming the first that cannot be.

    Only the default runner (:func:`simulation_runner`) has records, and only replications of
    the first round (below ``replications``) surely run.
    """
    if isinstance(keep, str | bytes) or not isinstance(keep, Iterable):
        raise InvalidArgument(f"keep_records: must be a list of replication numbers, got {keep!r}")
    out = tuple(keep)
    for i in out:
        if isinstance(i, bool) or not isinstance(i, int) or not 0 <= i < replications:
            raise InvalidArgument(
                f"keep_records: must be replication numbers from 0 to {replications - 1}, got {i!r}"
            )
    if out and runner is not simulation_runner:
        raise InvalidArgument(
            f"keep_records: only the default runner (simulation_runner) has records, got "
            f"runner={runner!r}"
        )
    return frozenset(out)


def _positive_int(value: object, field: str, minimum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise InvalidArgument(f"{field}: must be an integer >= {minimum}, got {value!r}")
    return value


def check_sizes(models: Iterable[Model], *, limits: object) -> None:
    """Refuse models whose scenarios are beyond ``limits``, before anything runs.

    Models whose scenario is not a :class:`~hometeams.scenario.Scenario` (a stand-in for a
    custom runner) are left to their runner.
    """
    from hometeams.scenario import Scenario, check_size  # noqa: PLC0415 - only when comparing

    for model in models:
        if isinstance(model.scenario, Scenario):
            try:
                check_size(model.scenario, limits=limits)  # type: ignore[arg-type]
            except InvalidScenario as err:
                err.add_note(f"in model {model.name!r}")
                raise


def settings(
    *,
    replications: object,
    seed: object,
    level: object,
    metrics: object,
    precision: object,
    max_replications: object,
    runner: object,
    n_models: int,
    limits: object = None,
) -> Settings:
    """Check the arguments :func:`compare` and :func:`~hometeams.experiment.sweep` share."""
    from hometeams.scenario import Limits, check_replications  # noqa: PLC0415

    if limits is not None and not isinstance(limits, Limits):
        raise InvalidArgument(f"limits: must be a Limits or None, got {type(limits).__name__}")
    reps = check_replications(_positive_int(replications, "replications", 2), limits=limits)
    if not callable(runner):
        raise InvalidArgument(f"runner: must be a callable(model, seed), got {runner!r}")
    names: tuple[str, ...] | None = None
    if metrics is not None:
        if isinstance(metrics, str) or not isinstance(metrics, Iterable):
            raise InvalidArgument(f"metrics: must be a list of metric names, got {metrics!r}")
        names = tuple(metrics)
        if not names or not all(isinstance(n, str) and n for n in names):
            raise InvalidArgument(f"metrics: must be non-empty metric names, got {metrics!r}")
        if len(set(names)) != len(names):
            raise InvalidArgument(f"metrics: names must be unique, got {list(names)}")
    if precision is not None and not isinstance(precision, Precision):
        raise InvalidArgument(f"precision: must be a Precision or None, got {precision!r}")
    maximum = _positive_int(max_replications, "max_replications", 2)
    if precision is not None:
        check_replications(maximum, limits=limits, field="max_replications")
        if maximum < reps:
            raise InvalidArgument(
                f"max_replications: must be >= replications ({reps}), got {maximum}"
            )
        if names is not None and precision.metrics is not None:
            unknown = [n for n in precision.metrics if n not in names]
            if unknown:
                raise InvalidArgument(
                    f"precision.metrics: {unknown} not among metrics {list(names)}"
                )
        if precision.differences and n_models < 2:
            raise InvalidArgument(
                "precision.differences: needs at least two models to take differences"
            )
    return Settings(
        replications=reps,
        root=root_seed(seed),
        level=check_level(level),
        metrics=names,
        precision=precision,
        max_replications=maximum,
    )


def compare(
    models: Iterable[Model],
    *,
    replications: int = 10,
    seed: int | np.random.SeedSequence | None = None,
    baseline: str | None = None,
    level: float = 0.95,
    executor: ExecutorSetting = None,
    metrics: Sequence[str] | None = None,
    precision: Precision | None = None,
    max_replications: int = 100,
    progress: ProgressSetting = None,
    runner: Runner = simulation_runner,
    limits: Limits | None = None,
    keep_records: Iterable[int] = (),
) -> Comparison:
    """Run models on the same realised demand and compare them with confidence intervals.

    Replication ``i`` of every model uses the seed ``SeedSequence(seed).spawn(n)[i]`` (common
    random numbers): adding a model or a replication leaves every other run's streams unchanged.

    Parameters
    ----------
    models
        The models, with unique names.
    replications
        Replications per model (at least 2); with ``precision``, the first round.
    seed
        A non-negative int, a :class:`numpy.random.SeedSequence`, or ``None`` for fresh entropy
        (recorded in the result's ``seed`` so the run can be repeated).
    baseline
        Name of the model the others are compared with; the first model by default.
    level
        Confidence level of every interval.
    executor
        ``None`` for a process pool over all cores, a number of worker processes (``1`` runs in
        this process; pools are started and shut down by this call), ``"serial"``, or any
        :class:`concurrent.futures.Executor` (e.g. a Dask client's ``get_executor()``), which
        is left running.
    metrics
        Metrics to keep, in this order; all that the runner returns by default.
    precision
        A stopping rule: add batches of replications until its target is met.
    max_replications
        Most replications per model under a stopping rule (ignored without one).
    progress
        ``None``: a progress line on standard error when it is a terminal; ``True``/``False``:
        always/never; or a callable ``(done, total)``.
    runner
        Runs one replication, ``(model, seed) -> {metric: value}``; the simulator by default.
        Must be picklable (a top-level function) for process pools and clusters.
    limits
        The most a run may hold (:class:`~hometeams.scenario.Limits`; the defaults if
        ``None``): more replications, or a model whose scenario is estimated to need more jobs,
        shifts or memory, is refused before anything runs.
    keep_records
        Replications whose records to keep in the result's ``records``, by model (e.g.
        ``(0,)`` for the first replication, the run a report draws its figures from); each
        below ``replications``, and only with the default runner. They come back from worker
        processes pickled, and their figures are those of the same run.

    Returns
    -------
    Comparison
        Every replication's figures, with means and paired differences.

    Examples
    --------
    Two stand-in models whose true mean waits are 12 and 9 minutes:

    >>> from hometeams.experiment import Model, Synthetic, compare, synthetic_runner
    >>> fixed = Model("fixed", Synthetic({"wait": 12.0}, common_sd=3.0, own_sd=0.3))
    >>> pooled = Model("pooled", Synthetic({"wait": 9.0}, common_sd=3.0, own_sd=0.3))
    >>> result = compare([fixed, pooled], replications=20, seed=1, executor="serial",
    ...                  runner=synthetic_runner)
    >>> diff = result.difference("pooled", "wait")
    >>> diff.contains(-3.0), diff.half_width < 0.3
    (True, True)
    """
    chosen = check_models(models)
    config = settings(
        replications=replications,
        seed=seed,
        level=level,
        metrics=metrics,
        precision=precision,
        max_replications=max_replications,
        runner=runner,
        n_models=len(chosen),
        limits=limits,
    )
    keep = check_keep(keep_records, replications=config.replications, runner=runner)
    check_sizes(chosen, limits=limits)
    (result,) = run_groups(
        [chosen],
        baselines=[check_baseline(baseline, chosen)],
        settings=attrs.evolve(config, keep=keep),
        runner=runner,
        executor=executor,
        progress=progress,
    )
    return result
