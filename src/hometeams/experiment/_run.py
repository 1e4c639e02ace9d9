"""Compare organisation models on the same realised demand, with confidence intervals.

A district considering pooled evenings runs both models -- today's fixed zone teams and the
pooled team -- through the same twenty simulated months: the same discharges on the same
Fridays, the same nurse off sick on the same Tuesday (common random numbers). Differences in
waiting or idle time are then the organisation's, not the dice's, and the paired interval of each
difference is narrow enough to act on with few replications.

:func:`compare` runs every model of a :class:`Study` ``replications`` times (or, with a
:class:`Precision`, until the intervals are narrow enough) on any executor and returns a
:class:`Comparison`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import attrs

from hometeams.errors import InvalidArgument, InvalidScenario
from hometeams.experiment._engine import Settings, root_seed, run_groups
from hometeams.experiment._executor import ExecutorSetting
from hometeams.experiment._model import Model, Runner, simulation_runner
from hometeams.experiment._progress import ProgressSetting
from hometeams.experiment._results import Comparison
from hometeams.experiment._stats import check_level
from hometeams.experiment._study import ExperimentSettings, Study, check_models

if TYPE_CHECKING:
    from hometeams.scenario import Limits

__all__ = ["as_study", "check_keep", "check_sizes", "compare", "settings_of"]


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


def settings_of(settings: ExperimentSettings, *, runner: object, limits: object = None) -> Settings:
    """The engine's settings of a study's, checked against the runner and ``limits``."""
    from hometeams.scenario import Limits, check_replications  # noqa: PLC0415

    if limits is not None and not isinstance(limits, Limits):
        raise InvalidArgument(f"limits: must be a Limits or None, got {type(limits).__name__}")
    reps = check_replications(settings.replications, limits=limits)
    if not callable(runner):
        raise InvalidArgument(f"runner: must be a callable(model, seed), got {runner!r}")
    if settings.precision is not None:
        check_replications(settings.max_replications, limits=limits, field="max_replications")
    return Settings(
        replications=reps,
        root=root_seed(settings.seed),
        level=check_level(settings.level),
        metrics=settings.metrics,
        precision=settings.precision,
        max_replications=settings.max_replications,
    )


def as_study(study: object, settings: object) -> Study:
    """A :class:`Study` of a study, or of models and settings (the defaults if ``None``)."""
    if isinstance(study, Study):
        if settings is not None:
            raise InvalidArgument(
                "settings: a Study holds its own settings; change them with "
                "study.with_settings(...)"
            )
        return study
    if settings is not None and not isinstance(settings, ExperimentSettings):
        raise InvalidArgument(
            f"settings: must be ExperimentSettings or None, got {type(settings).__name__}"
        )
    return Study(check_models(study), settings or ExperimentSettings())


def compare(
    study: Study | Iterable[Model],
    settings: ExperimentSettings | None = None,
    *,
    executor: ExecutorSetting = None,
    progress: ProgressSetting = None,
    runner: Runner = simulation_runner,
    limits: Limits | None = None,
    keep_records: Iterable[int] = (),
) -> Comparison:
    """Run a study's models on the same realised demand and compare them with intervals.

    Replication ``i`` of every model uses the seed ``SeedSequence(seed).spawn(n)[i]`` (common
    random numbers): adding a model or a replication leaves every other run's streams unchanged.

    The study says *what* is compared (the models, each with its policy, planning and drop
    rule, and the :class:`ExperimentSettings`); the keywords say *how* it runs here.

    Parameters
    ----------
    study
        A :class:`Study`, or the models (with unique names) to make one of with ``settings``.
    settings
        Replications, seed, baseline, level, metrics and stopping rule, with models; the
        defaults if ``None``. A study holds its own (give none).
    executor
        ``None`` for a process pool over all cores, a number of worker processes (``1`` runs in
        this process; pools are started and shut down by this call), ``"serial"``, or any
        :class:`concurrent.futures.Executor` (e.g. a Dask client's ``get_executor()``), which
        is left running.
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

    >>> from hometeams.experiment import (ExperimentSettings, Model, Study, Synthetic, compare,
    ...                                   synthetic_runner)
    >>> fixed = Model("fixed", Synthetic({"wait": 12.0}, common_sd=3.0, own_sd=0.3))
    >>> pooled = Model("pooled", Synthetic({"wait": 9.0}, common_sd=3.0, own_sd=0.3))
    >>> study = Study([fixed, pooled], ExperimentSettings(replications=20, seed=1))
    >>> result = compare(study, executor="serial", runner=synthetic_runner)
    >>> diff = result.difference("pooled", "wait")
    >>> diff.contains(-3.0), diff.half_width < 0.3
    (True, True)
    """
    chosen = as_study(study, settings)
    config = settings_of(chosen.settings, runner=runner, limits=limits)
    keep = check_keep(keep_records, replications=config.replications, runner=runner)
    check_sizes(chosen.models, limits=limits)
    (result,) = run_groups(
        [chosen.models],
        baselines=[chosen.baseline],
        settings=attrs.evolve(config, keep=keep),
        runner=runner,
        executor=executor,
        progress=progress,
    )
    return result
