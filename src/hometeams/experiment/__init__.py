"""Compare organisation models with confidence intervals: replications, CRN, sweeps, executors.

Name each organisation model to compare (:class:`Model`: a scenario run under a policy, a
work-list planning and a drop rule), put the models and the :class:`ExperimentSettings` in a
:class:`Study` (the whole specification of a comparison), run it on the same realised demand and
absences with :func:`compare`, and read each model's mean with a 95 % interval and each model's
paired difference from a baseline (:class:`Comparison`). Sweep a
grid of planning choices with :func:`sweep`. Replications run serially, on a local process pool
or on a Dask cluster, with identical results for the same seed. :func:`replicate` gives one
model's records, replication by replication, seeded as :func:`compare` seeds them.

:class:`Synthetic` and :func:`synthetic_runner` stand in for the simulator with known answers, to
check the machinery (or a cluster) before trusting it with real models.
"""

from __future__ import annotations

from hometeams.experiment._engine import replicate
from hometeams.experiment._executor import ExecutorSetting, SerialExecutor
from hometeams.experiment._model import Model, Runner, simulation_runner
from hometeams.experiment._progress import ProgressSetting
from hometeams.experiment._results import TABLES, Comparison, TableName
from hometeams.experiment._run import compare
from hometeams.experiment._stats import Interval, Precision, paired_interval, t_interval
from hometeams.experiment._study import ExperimentSettings, Study
from hometeams.experiment._sweep import Sweep, sweep
from hometeams.experiment._synthetic import Synthetic, synthetic_runner

__all__ = [
    "TABLES",
    "Comparison",
    "ExecutorSetting",
    "ExperimentSettings",
    "Interval",
    "Model",
    "Precision",
    "ProgressSetting",
    "Runner",
    "SerialExecutor",
    "Study",
    "Sweep",
    "Synthetic",
    "TableName",
    "compare",
    "paired_interval",
    "replicate",
    "simulation_runner",
    "sweep",
    "synthetic_runner",
    "t_interval",
]
