"""What a comparison is: the models to run and the settings of the experiment, as one value.

A planner's question -- "three fixed zone teams, or one pooled evening team, or the zone teams
with overflow after half an hour?" -- names organisation models (:class:`Model`: a scenario
run under a policy, a work-list planning and a drop rule) and says how sure the answer must be
(:class:`ExperimentSettings`: replications, seed, baseline, confidence level, metrics, stopping
rule). A :class:`Study` holds both. It is the whole specification of a comparison:
:func:`~hometeams.experiment.compare` runs one, :func:`~hometeams.experiment.sweep` runs one per
grid point with the same settings, and :mod:`hometeams.io` reads one from a scenario file and
writes one back. *How* a study runs -- the executor, the progress line, which records to keep,
the limits of the machine -- is not part of it: those are keywords of ``compare``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs
import numpy as np

from hometeams.errors import InvalidArgument, InvalidSettings
from hometeams.experiment._model import Model
from hometeams.experiment._stats import Precision

__all__ = ["ExperimentSettings", "Study", "check_models"]


def _check_count(value: object, *, field: str, low: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < low:
        raise InvalidSettings(f"must be a whole number >= {low}, got {value!r}", path=field)


def _seed(value: object) -> object:
    """A numpy integer as the int it is (a file writes it back as a number)."""
    return int(value) if isinstance(value, np.integer) else value


def _metric_names(value: object) -> object:
    if value is None or isinstance(value, str | bytes) or not isinstance(value, Iterable):
        return value
    return tuple(value)


@attrs.frozen
class ExperimentSettings:
    """How sure a comparison must be: replications, seed, baseline, level, metrics, stopping rule.

    One value, checked once, that :func:`~hometeams.experiment.compare`,
    :func:`~hometeams.experiment.sweep` and the scenario-file reader all use.

    Parameters
    ----------
    replications
        Replications per model (at least 2); with ``precision``, the first round.
    seed
        The root seed, a whole number >= 0 (in Python also a
        :class:`numpy.random.SeedSequence`); left out, fresh entropy, which the results record
        so the run can be repeated.
    baseline
        The model the others are compared with; the first model by default.
    level
        Confidence level of every interval.
    metrics
        The metrics to keep and show, in this order; all that the runner returns by default
        (a scenario file may name only those of :data:`~hometeams.metrics.METRICS`).
    precision
        A :class:`~hometeams.experiment.Precision` stopping rule: add batches of replications
        until the intervals are narrow enough.
    max_replications
        Most replications per model under a stopping rule (ignored without one).

    Raises
    ------
    InvalidSettings
        Naming the field, the value and the rule (an ``InvalidScenario`` and an
        ``InvalidArgument``).

    Examples
    --------
    >>> from hometeams.experiment import ExperimentSettings
    >>> ExperimentSettings(replications=20, seed=2026, metrics=["idle_share"]).metrics
    ('idle_share',)
    >>> ExperimentSettings(replications=1)
    Traceback (most recent call last):
    ...
    hometeams.errors.InvalidSettings: replications: must be a whole number >= 2, got 1
    """

    replications: int = attrs.field(default=10, kw_only=True)
    seed: int | np.random.SeedSequence | None = attrs.field(
        default=None, converter=_seed, kw_only=True
    )
    baseline: str | None = attrs.field(default=None, kw_only=True)
    level: float = attrs.field(default=0.95, kw_only=True)
    metrics: tuple[str, ...] | None = attrs.field(
        default=None, converter=_metric_names, kw_only=True
    )
    precision: Precision | None = attrs.field(default=None, kw_only=True)
    max_replications: int = attrs.field(default=100, kw_only=True)

    def __attrs_post_init__(self) -> None:
        _check_count(self.replications, field="replications", low=2)
        if isinstance(self.seed, np.random.Generator):
            raise InvalidSettings(
                "must be a whole number >= 0, a numpy SeedSequence or None, got a Generator, "
                "which is drawn from, not seeded from; pass int(rng.integers(2**63))",
                path="seed",
            )
        if not isinstance(self.seed, np.random.SeedSequence | None):
            _check_count(self.seed, field="seed", low=0)
        if self.baseline is not None and not isinstance(self.baseline, str):
            raise InvalidSettings(f"must be a model's name, got {self.baseline!r}", path="baseline")
        level = self.level
        if isinstance(level, bool) or not isinstance(level, int | float) or not 0 < level < 1:
            raise InvalidSettings(f"must be > 0 and < 1, got {level!r}", path="level")
        object.__setattr__(self, "level", float(level))
        self._check_metrics(self.metrics)
        _check_count(self.max_replications, field="max_replications", low=2)
        if self.precision is not None:
            self._check_precision(self.precision)

    @staticmethod
    def _check_metrics(metrics: object) -> None:
        if metrics is None:
            return
        if not isinstance(metrics, tuple):
            raise InvalidSettings(
                f"must be a list of metric names, got {metrics!r}", path="metrics"
            )
        if not metrics:
            raise InvalidSettings("must name at least one metric, or be left out", path="metrics")
        for i, name in enumerate(metrics):
            if not isinstance(name, str) or not name:
                raise InvalidSettings(
                    f"must be a metric's name, got {name!r}", path=f"metrics[{i}]"
                )
            if name in metrics[:i]:
                raise InvalidSettings(f"{name!r} is named twice", path=f"metrics[{i}]")

    def _check_precision(self, precision: object) -> None:
        if not isinstance(precision, Precision):
            raise InvalidSettings(
                f"must be a Precision or None, got {precision!r}", path="precision"
            )
        for i, name in enumerate(precision.metrics or ()):
            if self.metrics is not None and name not in self.metrics:
                raise InvalidSettings(
                    f"{name!r} is not among the experiment's metrics {list(self.metrics)}",
                    path=f"precision.metrics[{i}]",
                )
        if self.max_replications < self.replications:
            raise InvalidSettings(
                f"must be >= replications ({self.replications}) with a stopping rule, "
                f"got {self.max_replications}",
                path="max_replications",
            )


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


def _models(value: object) -> tuple[Model, ...]:
    return check_models(value)


@attrs.frozen
class Study:
    """A whole comparison: the models to run on the same realised demand, and the settings.

    Each :class:`Model` carries everything that makes it a model -- its scenario, policy,
    work-list planning and drop rule (``max_lateness``) -- so a study says completely what is
    compared and how sure the answer must be. :func:`~hometeams.experiment.compare` runs it;
    a scenario file read with :func:`hometeams.io.read_scenario` gives one
    (:meth:`~hometeams.io.ScenarioFile.study`), and
    :meth:`~hometeams.io.ScenarioFile.from_study` turns one into a file to write.

    Parameters
    ----------
    models
        The models, with unique names (at least one).
    settings
        Replications, seed, baseline, level, metrics and stopping rule; the defaults otherwise.

    Raises
    ------
    InvalidArgument
        Naming the model or the setting that does not fit the others.

    Examples
    --------
    >>> from hometeams.experiment import ExperimentSettings, Model, Study, Synthetic
    >>> study = Study([Model("fixed", Synthetic({"wait": 12.0})),
    ...                Model("pooled", Synthetic({"wait": 9.0}))],
    ...               ExperimentSettings(replications=20, seed=1, baseline="pooled"))
    >>> study.model_names, study.baseline
    (('fixed', 'pooled'), 'pooled')
    >>> Study(study.models, ExperimentSettings(baseline="overflow"))
    Traceback (most recent call last):
    ...
    hometeams.errors.InvalidArgument: baseline: must be one of the models ['fixed', 'pooled'],
    got 'overflow'
    """

    models: tuple[Model, ...] = attrs.field(converter=_models)
    settings: ExperimentSettings = attrs.field(factory=ExperimentSettings)

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.settings, ExperimentSettings):
            raise InvalidArgument(
                f"settings: must be ExperimentSettings, got {type(self.settings).__name__}"
            )
        names = list(self.model_names)
        baseline = self.settings.baseline
        if baseline is not None and baseline not in names:
            raise InvalidArgument(f"baseline: must be one of the models {names}, got {baseline!r}")
        precision = self.settings.precision
        if precision is not None and precision.differences and len(names) < 2:
            raise InvalidArgument(
                "precision.differences: needs at least two models to take differences"
            )

    @property
    def model_names(self) -> tuple[str, ...]:
        """The models' names, in order."""
        return tuple(model.name for model in self.models)

    @property
    def baseline(self) -> str:
        """The baseline model's name: the settings', or the first model's."""
        return self.settings.baseline or self.models[0].name

    def model(self, name: str) -> Model:
        """The model called ``name``.

        Raises
        ------
        InvalidArgument
            If there is none, naming the models there are.
        """
        for model in self.models:
            if model.name == name:
                return model
        raise InvalidArgument(f"model: must be one of {list(self.model_names)}, got {name!r}")

    def select(self, names: Iterable[str]) -> Study:
        """The same study with only the models ``names``, in that order.

        A baseline left out falls back to the first model chosen.

        Examples
        --------
        >>> from hometeams.experiment import ExperimentSettings, Model, Study, Synthetic
        >>> same = Synthetic({"wait": 1.0})
        >>> study = Study([Model("a", same), Model("b", same)], ExperimentSettings(baseline="a"))
        >>> study.select(["b"]).baseline
        'b'
        """
        chosen = [self.model(name) for name in names]
        settings = self.settings
        if settings.baseline is not None and settings.baseline not in {m.name for m in chosen}:
            settings = attrs.evolve(settings, baseline=None)
        return Study(chosen, settings)

    def with_settings(self, **changes: Any) -> Study:
        """The same models with some settings changed (``replications=2``, ``seed=1``, ...).

        Examples
        --------
        >>> from hometeams.experiment import Model, Study, Synthetic
        >>> study = Study([Model("a", Synthetic({"wait": 1.0}))])
        >>> study.with_settings(replications=3).settings.replications
        3
        """
        return Study(self.models, attrs.evolve(self.settings, **changes))
