"""A model to compare, and the runner that turns one model and one seed into figures.

A planner weighing "three fixed zone teams" against "one pooled evening team" is comparing two
*models*: an organisation with its roster (both inside a :class:`~hometeams.scenario.Scenario`)
run under an organisation policy. :class:`Model` gives such a variant a name.

A *runner* plays one replication: it takes a model and the replication's
:class:`numpy.random.SeedSequence` and returns that replication's whole-run figures, e.g.
``{"utilisation": 0.71, "mean_delay": 12.4}``. The default, :func:`simulation_runner`, simulates
the scenario and measures the records. Because the realised demand and absences depend only on
the scenario's descriptions and the seed, every model of replication ``i`` handed the same seed
meets the same Tuesday evening: the same discharges, the same sick nurse (common random numbers).

A runner must be a pure function of its two arguments and, to run on a process pool or a Dask
cluster, picklable: a function defined at the top level of a module.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Protocol

import attrs
import numpy as np

from hometeams.errors import InvalidArgument

if TYPE_CHECKING:
    from hometeams.records import Records
    from hometeams.scenario import Seed

__all__ = ["Model", "Runner", "kept_run", "simulation_runner"]


def _check_name(_instance: object, _attribute: object, value: object) -> None:
    if not isinstance(value, str) or not value.strip() or value != value.strip():
        raise InvalidArgument(
            f"name: must be a non-empty string without leading or trailing spaces, got {value!r}"
        )


@attrs.frozen
class Model:
    """A named organisation model: a scenario (organisation, roster, demand) and a policy.

    Parameters
    ----------
    name
        How the model is called in tables and files, e.g. ``"pooled evenings"``.
    scenario
        What to run: a :class:`~hometeams.scenario.Scenario` for the default runner, or
        whatever a custom runner expects.
    policy
        The organisation policy to run the scenario under; ``None`` for :class:`Pooled`.
    planning
        How planned visits go on work lists (:mod:`hometeams.sim`: ``NoLists``,
        ``DailyLists``, ``FixedLists``); ``None`` for no lists.
    max_lateness
        The drop rule: a job not started by ``due + max_lateness`` minutes ends unserved;
        never (infinity) by default.

    Examples
    --------
    >>> from hometeams.experiment import Model, Synthetic
    >>> Model("pooled", Synthetic({"wait": 8.0})).name
    'pooled'
    >>> Model(" pooled", None)
    Traceback (most recent call last):
    ...
    hometeams.errors.InvalidArgument: name: must be a non-empty string without leading or
    trailing spaces, got ' pooled'
    """

    name: str
    scenario: Any
    policy: Any = attrs.field(default=None, kw_only=True)
    planning: Any = attrs.field(default=None, kw_only=True)
    max_lateness: float = attrs.field(default=math.inf, kw_only=True)

    def __attrs_post_init__(self) -> None:
        name: object = self.name
        if not isinstance(name, str) or not name.strip() or name != name.strip():
            raise InvalidArgument(
                f"name: must be a non-empty string without leading or trailing spaces, got {name!r}"
            )
        late: object = self.max_lateness
        if isinstance(late, bool) or not isinstance(late, int | float) or not late >= 0:
            raise InvalidArgument(f"max_lateness: must be >= 0 minutes, got {late!r}")
        object.__setattr__(self, "max_lateness", float(late))

    def simulate(self, seed: Seed) -> Records:
        """One run: the scenario under the model's policy, planning and drop rule.

        :func:`hometeams.sim.simulate` with the model's settings, so that a runner of one's
        own runs exactly what :func:`simulation_runner` runs.
        """
        from hometeams.sim import simulate  # noqa: PLC0415 - the engine loads only when it runs

        return simulate(
            self.scenario,
            policy=self.policy,
            seed=seed,
            planning=self.planning,
            max_lateness=self.max_lateness,
        )


class Runner(Protocol):
    """One replication: ``(model, seed) -> {metric: value}``, pure and picklable."""

    def __call__(self, model: Model, seed: np.random.SeedSequence, /) -> Mapping[str, float]:
        """Run ``model`` once with the streams of ``seed`` and return its figures."""
        ...


def simulation_runner(model: Model, seed: np.random.SeedSequence) -> dict[str, float]:
    """Simulate ``model`` once and return the run's metrics after the warm-up.

    The default runner of :func:`~hometeams.experiment.compare`: it calls
    :func:`hometeams.sim.simulate` with the model's scenario, policy, planning, drop rule
    (``max_lateness``) and ``seed`` and
    measures the records with :func:`hometeams.metrics.metrics` on the scenario's own clock (so
    its periods decide which jobs are evening ones), leaving out the jobs and shifts of the
    scenario's warm-up. A top-level function, so that it travels to worker processes.

    Parameters
    ----------
    model
        The model to run.
    seed
        The replication's seed; every model of one replication gets the same one.

    Returns
    -------
    dict[str, float]
        Whole-run figures, one per metric.

    Examples
    --------
    >>> from hometeams.experiment import simulation_runner
    >>> callable(simulation_runner)
    True
    """
    return kept_run(model, seed)[0]


def kept_run(model: Model, seed: np.random.SeedSequence) -> tuple[dict[str, float], Records]:
    """:func:`simulation_runner`'s figures and the records they were measured on.

    What a replication whose records a comparison keeps runs (a top-level function, so that it
    travels to worker processes, and its records come back pickled).
    """
    # Imported here so that the experiment machinery does not load the engine until it runs.
    from hometeams.metrics import metrics  # noqa: PLC0415

    records = model.simulate(seed)
    return dict(metrics(records, clock=model.scenario.clock)), records
