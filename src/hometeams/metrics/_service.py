"""Service metrics from the job rows: how many jobs, how late, how many never served.

An evening in a district: 40 visits are planned. 31 start by their due time, 7 start late (a
nurse was held up at a two-person visit), 2 are never made before the run ends. The on-time
share is 31/40, the late share 7/40 and the unserved share 2/40 -- the three always add up to
one, because an unserved visit is not an on-time one. The delay (``start - ready``) is averaged
over the 38 visits that were made: an unserved visit has no delay, it is counted apart.

Competence match asks, of the visits that *wanted* a particular competence (a wound-care nurse,
a dementia coordinator) and were made, how many got it. Visits without such a wish and visits
never made are left out: the share answers "when it mattered, did the right person come?".

Every function takes a group index per job and returns one value per group; a group without a
denominator (no served jobs, no jobs with preferences) gets ``nan``, never 0.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from hometeams.metrics._continuity import ratio
from hometeams.records import JobRecords, JobState

__all__ = ["grouped_quantile", "service_metrics"]

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]


def grouped_quantile(values: FloatArray, group: IntArray, n_groups: int, q: float) -> FloatArray:
    """The ``q`` quantile of ``values`` within each group (numpy's default linear method).

    Examples
    --------
    >>> grouped_quantile(np.array([4.0, 1.0, 2.0, 3.0, 9.0]), np.array([0, 0, 0, 0, 2]), 3, 0.5)
    array([2.5, nan, 9. ])
    """
    counts = np.bincount(group, minlength=n_groups)
    order = np.argsort(values, kind="stable")
    order = order[np.argsort(group[order], kind="stable")]  # by group, then value
    ordered = values[order]
    starts = np.cumsum(counts) - counts
    out = np.full(n_groups, np.nan)
    has = counts > 0
    pos = q * (counts[has] - 1)
    low = np.floor(pos).astype(np.int64)
    high = np.ceil(pos).astype(np.int64)
    below, above = ordered[starts[has] + low], ordered[starts[has] + high]
    out[has] = below + (pos - low) * (above - below)
    return out


def service_metrics(jobs: JobRecords, group: IntArray, n_groups: int) -> dict[str, FloatArray]:
    """Job counts, shares, delays and competence match per group.

    Returns
    -------
    dict
        ``jobs``, ``served``, ``unserved``, ``unserved_share``, ``on_time_share``,
        ``late_share``, ``mean_delay``, ``p90_delay``, ``competence_match``.
    """

    def count(mask: NDArray[np.bool_]) -> FloatArray:
        return np.bincount(group[mask], minlength=n_groups).astype(np.float64)

    total = np.bincount(group, minlength=n_groups).astype(np.float64)
    unserved = count(jobs.state == JobState.UNSERVED)
    served_mask = jobs.state != JobState.UNSERVED
    served = total - unserved
    delay = jobs.start[served_mask] - jobs.ready[served_mask]
    delay_sum = np.bincount(group[served_mask], weights=delay, minlength=n_groups)
    wished = served_mask & jobs.preferred
    return {
        "jobs": total,
        "served": served,
        "unserved": unserved,
        "unserved_share": ratio(unserved, total),
        "on_time_share": ratio(count(jobs.state == JobState.ON_TIME), total),
        "late_share": ratio(count(jobs.state == JobState.LATE), total),
        "mean_delay": ratio(delay_sum, served),
        "p90_delay": grouped_quantile(delay, group[served_mask], n_groups, 0.9),
        "competence_match": ratio(count(wished & jobs.preferred_met), count(wished)),
    }
