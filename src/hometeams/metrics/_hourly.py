"""Utilisation by hour of the week: when in the week the staff are busy.

A district's Monday morning is not its Sunday evening. This metric folds every week of a run
onto one week and asks, for each of its 168 hours, what share of the rostered minutes was spent
working or travelling -- the picture behind "the evening team idles on weekdays and runs on
Fridays".
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import NDArray

from hometeams._time import HOUR, WEEK
from hometeams.errors import InvalidArgument
from hometeams.records import Records

__all__ = ["utilisation_by_hour"]

_HOURS_PER_WEEK = int(WEEK // HOUR)


def _minutes_per_hour(a: NDArray[np.float64], b: NDArray[np.float64]) -> NDArray[np.float64]:
    """Minutes of the intervals ``[a, b)`` falling in each of the week's 168 hours.

    The covered minutes up to time ``E`` are ``sum max(0, E - a) - sum max(0, E - b)``; each
    sum is a prefix sum over sorted ends, so every hour edge costs one binary search.
    """
    out = np.zeros(_HOURS_PER_WEEK)
    if a.size == 0:
        return out
    first, last = math.floor(a.min() / HOUR), math.ceil(b.max() / HOUR)
    edges = np.arange(first, last + 1, dtype=np.float64) * HOUR

    def ramp(points: NDArray[np.float64]) -> NDArray[np.float64]:
        ordered = np.sort(points)
        prefix = np.concatenate([[0.0], np.cumsum(ordered)])
        below = np.searchsorted(ordered, edges, side="right")
        total: NDArray[np.float64] = below * edges - prefix[below]
        return total

    covered = np.diff(ramp(a) - ramp(b))
    hours = np.arange(first, last) % _HOURS_PER_WEEK
    return out + np.bincount(hours, weights=covered, minlength=_HOURS_PER_WEEK)


def _work_within_shifts(
    records: Records,
) -> tuple[NDArray[np.float64], NDArray[np.float64], NDArray[np.float64], NDArray[np.float64]]:
    """The worked shifts after the warm-up, and the busy and travel minutes inside them."""
    shifts = records.shifts
    worked = ~shifts.absent & (shifts.start >= records.warmup)
    s_staff, s_start, s_end = shifts.staff[worked], shifts.start[worked], shifts.end[worked]
    jobs = records.jobs
    served = np.isfinite(jobs.start)
    begin = jobs.start[served] - jobs.travel[served]
    end = jobs.end[served]
    # One work interval per staff member on the job: the second of a two-person visit too.
    second = jobs.staff2[served] != ""
    who = np.concatenate([jobs.staff[served], jobs.staff2[served][second]])
    begin = np.concatenate([begin, begin[second]])
    end = np.concatenate([end, end[second]])
    low: list[NDArray[np.float64]] = []
    high: list[NDArray[np.float64]] = []
    for person in np.unique(who):
        mine = s_staff == person
        order = np.argsort(s_start[mine], kind="stable")
        starts, ends = s_start[mine][order], s_end[mine][order]
        if starts.size == 0:
            continue
        a, b = begin[who == person], end[who == person]
        reach = np.maximum.accumulate(ends)  # shifts before k all end by reach[k - 1]
        k = np.searchsorted(reach, a, side="right")
        while True:
            live = (k < starts.size) & (b > a)
            live[live] &= starts[k[live]] < b[live]
            if not live.any():
                break
            lo = np.maximum(a[live], starts[k[live]])
            hi = np.minimum(b[live], ends[k[live]])
            keep = hi > lo
            low.append(lo[keep])
            high.append(hi[keep])
            k = np.where(live, k + 1, starts.size)
    empty = np.zeros(0)
    work_a = np.concatenate(low) if low else empty
    work_b = np.concatenate(high) if high else empty
    return s_start, s_end, work_a, work_b


def utilisation_by_hour(records: Records) -> NDArray[np.float64]:
    """Utilisation in each of the week's 168 hours, over the weeks after the warm-up.

    For hour ``h`` (``0`` = Monday 00:00-01:00, ``167`` = Sunday 23:00-24:00)::

        utilisation[h] = (busy + travel minutes in hour h, within shifts)
                         / (rostered minutes in hour h)

    summed over every week. Rostered minutes are those of the shifts worked (absent shifts and
    shifts starting before the warm-up are left out, as in the ``utilisation`` metric). Busy
    and travel minutes come from the served jobs: the staff member
    travels during ``[start - travel, start)`` and works during ``[start, end)``; only the
    minutes inside one of her worked shifts count (minutes past a shift's end are overtime).
    A two-person visit counts for both staff, each with the job's travel time -- the longer of
    the two journeys, which the job records keep -- so where partners' journeys differ the
    hourly figures are slightly higher than the shift records' own busy and travel minutes.

    Parameters
    ----------
    records
        One simulated run.

    Returns
    -------
    numpy.ndarray
        168 shares; ``nan`` in hours when nobody was rostered.

    Examples
    --------
    Kari works Monday 08:00-10:00 and is busy 08:30-09:30 (ten minutes of it driving):

    >>> from hometeams.records import JobRecords, Records, ShiftRecords
    >>> shifts = ShiftRecords(staff=["kari"], team=[""], zone=["z"], day=[0], period=["day"],
    ...     start=[480.0], end=[600.0], rostered=[120.0], busy=[50.0], travel=[10.0],
    ...     idle=[60.0], overtime=[0.0], absent=[False])
    >>> jobs = JobRecords(id=[0], user=["u"], staff=["kari"], staff2=[""], team=[""],
    ...     served_by_team=[""], zone=["z"], kind=["visit"], ready=[500.0], due=[520.0],
    ...     start=[520.0], end=[570.0], duration=[50.0], travel=[10.0], state=[0],
    ...     preferred=[False], preferred_met=[False], n_staff=[1])
    >>> u = utilisation_by_hour(Records(jobs, shifts, horizon=1440.0))
    >>> float(u[8]), float(u[9]), bool(np.isnan(u[10]))
    (0.5, 0.5, True)
    """
    if not isinstance(records, Records):
        raise InvalidArgument(f"records: must be Records, got {type(records).__name__}")
    s_start, s_end, work_a, work_b = _work_within_shifts(records)
    rostered = _minutes_per_hour(s_start, s_end)
    working = _minutes_per_hour(work_a, work_b)
    share: NDArray[np.float64] = np.full(_HOURS_PER_WEEK, np.nan)
    staffed = rostered > 0
    share[staffed] = working[staffed] / rostered[staffed]
    return share
