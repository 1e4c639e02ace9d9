"""How the day went against its work lists: deviation from plan and visits moved.

Kari's list said Mrs Berg at 09:00; she arrived at 09:25 because the visit before ran long:
25 minutes of *plan deviation*, the planned-versus-actual difference municipalities measure.
Ola was off sick, so his list went to Per: every visit on it was *moved* from its planned
person. Both are measured on the visits that were on a list (a run without lists has none, and
both figures are ``nan``):

* ``plan_deviation`` -- mean ``|start - planned start|`` over the listed visits that were
  served, in minutes;
* ``moved_visits_share`` -- the share of listed visits not done by the staff member they were
  planned for (done by someone else, or not at all).

Each listed visit belongs to its job's group (team, zone, period, day type).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from hometeams.metrics._continuity import ratio
from hometeams.records import JobRecords, ListRecords

__all__ = ["plan_metrics"]

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]


def plan_metrics(
    jobs: JobRecords, lists: ListRecords, group: IntArray, n_groups: int
) -> dict[str, FloatArray]:
    """``plan_deviation`` and ``moved_visits_share`` per group (see the module docstring).

    Examples
    --------
    Two planned visits: the first started 25 minutes late by its planned nurse, the second
    done by someone else 5 minutes early.

    >>> from hometeams.records import JobState
    >>> jobs = JobRecords(
    ...     id=[0, 1], user=["berg", "dahl"], staff=["kari", "per"], staff2=["", ""],
    ...     team=["n", "n"], served_by_team=["n", "n"], zone=["z", "z"], kind=["visit"] * 2,
    ...     ready=[540.0, 600.0], due=[600.0, 660.0], start=[565.0, 595.0], end=[595.0, 625.0],
    ...     duration=[30.0, 30.0], travel=[0.0, 0.0], state=[JobState.ON_TIME] * 2,
    ...     preferred=[False] * 2, preferred_met=[False] * 2, n_staff=[1, 1])
    >>> lists = ListRecords(
    ...     list=[0, 1], staff=["kari", "ola"], shift=[0, 1], slot=["", ""], day=[0, 0],
    ...     position=[0, 0], job=[0, 1], user=["berg", "dahl"], planned_start=[540.0, 600.0],
    ...     planned_travel=[0.0, 0.0])
    >>> out = plan_metrics(jobs, lists, np.zeros(2, dtype=np.int64), 1)
    >>> out["plan_deviation"].tolist(), out["moved_visits_share"].tolist()
    ([15.0], [0.5])
    """
    nothing = np.full(n_groups, np.nan)
    if not len(lists):
        return {"plan_deviation": nothing, "moved_visits_share": nothing.copy()}
    if not len(jobs):
        return {"plan_deviation": nothing, "moved_visits_share": nothing.copy()}
    order = np.argsort(jobs.id, kind="stable")
    at = order[np.minimum(np.searchsorted(jobs.id, lists.job, sorter=order), len(order) - 1)]
    found = jobs.id[at] == lists.job  # a listed visit of a job the records kept
    rows = at[found]
    planned = lists.staff[found]
    g = group[rows]
    start = jobs.start[rows]
    served = ~np.isnan(start)
    deviation = np.abs(start[served] - lists.planned_start[found][served])
    moved = (jobs.staff[rows] != planned) & (jobs.staff2[rows] != planned)
    listed = np.bincount(g, minlength=n_groups).astype(np.float64)
    return {
        "plan_deviation": ratio(
            np.bincount(g[served], weights=deviation, minlength=n_groups),
            np.bincount(g[served], minlength=n_groups).astype(np.float64),
        ),
        "moved_visits_share": ratio(
            np.bincount(g, weights=moved.astype(np.float64), minlength=n_groups), listed
        ),
    }
