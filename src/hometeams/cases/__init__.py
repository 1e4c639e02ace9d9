"""The flagship cases: the stories ``hometeams`` exists for, ready to run.

Four staffing problems that Norwegian home-care planners describe (``domain.md`` §2; the SOF
report *Faste team i hjemmetjenesten*, seed 000), each as a small made-up district built on the
report's numbers, with every other number marked as an assumption in its builder's module:

* :func:`evening_staffing` -- the 1.4-versus-2 evening: a rehabilitation team whose evening need
  averages 1.4 staff must staff two; pooled with the district's home nursing, the fraction is
  absorbed (L974-978). :func:`evening_staffing_analytic` gives the closed-form answer.
* :func:`pooled_coordinators` -- two districts' cancer coordinators with caseload for 1.5 each,
  merged into three or four: three work for schedulable caseload, not for a queue of requests
  at full load (L985-1003). :func:`coordinators_analytic`.
* :func:`memory_team_reach` -- six specialists and 300 citizens with dementia: direct visits only
  build a waiting list, supervision of home-care staff reaches everyone (L954-961).
  :func:`memory_team_analytic`, and :func:`memory_team_metrics` to measure the runs.
* :func:`lumpy_discharges` -- four home from hospital on a Friday, none on a Wednesday: a fixed
  rota is overloaded and idle at once, pooling absorbs the lumps (L974-976).
  :func:`discharges_analytic`.

Each builder returns :class:`~hometeams.experiment.Model` values to pass to
:func:`~hometeams.experiment.compare`; :data:`CASES` names each case's runner and headline
metrics, :func:`describe` prints its story and assumptions, and ``examples/`` has a script per
case that prints the analytic answer beside the simulated one.

Examples
--------
>>> from hometeams.cases import CASES, evening_staffing_analytic
>>> sorted(CASES)
['evening-staffing', 'lumpy-discharges', 'memory-team-reach', 'pooled-coordinators']
>>> round(evening_staffing_analytic().waste.idle_share, 2)
0.3
"""

from __future__ import annotations

from hometeams.cases._coordinators import (
    CoordinatorsAnalytic,
    Work,
    coordinators_analytic,
    pooled_coordinators,
)
from hometeams.cases._discharges import (
    DISCHARGE_MEANS,
    DischargesAnalytic,
    discharges_analytic,
    lumpy_discharges,
)
from hometeams.cases._evening import (
    DISTRICT_NEED,
    REHAB_NEED,
    EveningAnalytic,
    evening_staffing,
    evening_staffing_analytic,
)
from hometeams.cases._memory import (
    MEMORY_METRICS,
    MemoryAnalytic,
    memory_team_analytic,
    memory_team_metrics,
    memory_team_reach,
)
from hometeams.cases._registry import CASES, Case, describe
from hometeams.cases._runner import TEAM_METRICS, TeamRunner, team_figures

__all__ = [
    "CASES",
    "DISCHARGE_MEANS",
    "DISTRICT_NEED",
    "MEMORY_METRICS",
    "REHAB_NEED",
    "TEAM_METRICS",
    "Case",
    "CoordinatorsAnalytic",
    "DischargesAnalytic",
    "EveningAnalytic",
    "MemoryAnalytic",
    "TeamRunner",
    "Work",
    "coordinators_analytic",
    "describe",
    "discharges_analytic",
    "evening_staffing",
    "evening_staffing_analytic",
    "lumpy_discharges",
    "memory_team_analytic",
    "memory_team_metrics",
    "memory_team_reach",
    "pooled_coordinators",
    "team_figures",
]
