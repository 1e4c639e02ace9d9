"""One replication's figures: every metric, for the whole run or per group.

After a simulated month of a district, the planner asks: how much of the evening staff time was
idle in the north zone, how late were weekend visits, how many faces did the users of the
rehabilitation team see per fortnight? :func:`summarise` answers all of it in one table, one row
per group; :func:`metrics` gives the whole-run row as a flat ``{name: value}`` mapping, the
figures an experiment collects from each replication.

What counts:

* only jobs that became ready, and shifts that started, after the warm-up
  (:meth:`~hometeams.records.Records.after_warmup`);
* jobs are grouped by the owning team and zone and by the period and day type of their ready
  time; shifts by their own team, zone, period and start day
  (:mod:`hometeams.metrics._grouping`);
* continuity is computed on each user's served jobs *within the group* (the evening row shows
  how many different people came in the evenings); the distinct-staff fortnights start at the
  warm-up's end and, when the records carry a horizon after it, only whole fortnights count;
* a metric without a denominator in a group is ``nan``; a sum over nothing is 0.

The names and definitions are in :data:`~hometeams.metrics.METRICS`.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from hometeams._time import DAY, PeriodClock
from hometeams.errors import InvalidArgument
from hometeams.metrics._catalogue import METRICS
from hometeams.metrics._checks import check_records
from hometeams.metrics._continuity import INDEX_NAMES, ratio
from hometeams.metrics._grouping import check_by, make_groups
from hometeams.metrics._plan import plan_metrics
from hometeams.metrics._service import service_metrics
from hometeams.metrics._staff_time import staff_time_metrics, travel_per_visit
from hometeams.metrics._table import MetricTable
from hometeams.metrics._users import grouped_continuity, grouped_distinct_staff, served_visits
from hometeams.records import JobRecords, Records

__all__ = ["FORTNIGHT", "continuity_metrics", "metrics", "summarise"]

FORTNIGHT = 14 * DAY
_COUNTS = ("jobs", "served", "unserved", "users", "continuity_users")

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]


def continuity_metrics(
    jobs: JobRecords, group: IntArray, n_groups: int, *, origin: float, end: float | None
) -> dict[str, FloatArray]:
    """Users, mean continuity indices and mean distinct staff per fortnight, per group."""
    visits = served_visits(jobs)
    unit_group, _, values = grouped_continuity(visits, group)
    counted = values["n_visits"] >= 2
    users = np.bincount(unit_group, minlength=n_groups).astype(np.float64)
    n_counted = np.bincount(unit_group[counted], minlength=n_groups).astype(np.float64)
    out = {"users": users, "continuity_users": n_counted}
    for name in INDEX_NAMES:
        total = np.bincount(unit_group[counted], weights=values[name][counted], minlength=n_groups)
        out[f"mean_{name}"] = ratio(total, n_counted)
    cells = grouped_distinct_staff(visits, group, window=FORTNIGHT, origin=origin, end=end)
    cell_group = cells["group"].astype(np.int64)
    distinct = np.bincount(
        cell_group, weights=cells["distinct_staff"].astype(np.float64), minlength=n_groups
    )
    out["mean_distinct_staff_14d"] = ratio(distinct, np.bincount(cell_group, minlength=n_groups))
    return out


def summarise(
    records: Records, *, by: str | Sequence[str] = (), clock: PeriodClock | None = None
) -> MetricTable:
    """Every metric of :data:`~hometeams.metrics.METRICS`, per group.

    Parameters
    ----------
    records
        One simulation run; jobs ready and shifts starting before ``records.warmup`` are left
        out.
    by
        Any of ``"team"``, ``"zone"``, ``"period"`` and ``"day_type"`` (a single name or a
        sequence); empty for a single whole-run row.
    clock
        Where the day, evening and night begin, for placing jobs by ready time (default
        07-15-23). Shifts use the period the simulator recorded.

    Returns
    -------
    MetricTable
        The key columns of ``by``, then one column per metric in catalogue order. Counts
        (``jobs``, ``served``, ``unserved``, ``users``, ``continuity_users``) are integers.

    Raises
    ------
    InvalidArgument
        For an unknown grouping key, for records that cannot be measured (a served job
        without a start, negative minutes), or when nothing is left after the warm-up.

    Examples
    --------
    >>> from hometeams.records import JobRecords, ShiftRecords
    >>> shifts = ShiftRecords(
    ...     staff=["kari", "per"], team=["north", "north"], zone=["z1", "z1"], day=[1, 1],
    ...     period=["evening", "evening"], start=[2340.0, 2340.0], end=[2820.0, 2820.0],
    ...     rostered=[480.0, 480.0], busy=[250.0, 0.0], travel=[90.0, 0.0], idle=[140.0, 0.0],
    ...     overtime=[20.0, 0.0], absent=[False, True])
    >>> row = summarise(Records(JobRecords.empty(), shifts)).as_dict()[()]
    >>> round(row["utilisation"], 4), row["absent_share"], row["staff_hours"], row["jobs"]
    (0.7083, 0.5, 8.333..., 0)
    """
    keys = check_by(by)
    clock = PeriodClock() if clock is None else clock
    check_records(records)
    kept = records.after_warmup()
    if len(kept.jobs) == 0 and len(kept.shifts) == 0:
        raise InvalidArgument(
            f"records: no jobs or shifts are left after the warm-up (warmup={records.warmup!r}, "
            f"{len(records.jobs)} jobs and {len(records.shifts)} shifts before it)"
        )
    groups = make_groups(keys, kept.jobs, kept.shifts, clock=clock)
    end = records.horizon if records.horizon > records.warmup else None
    values = {
        **service_metrics(kept.jobs, groups.jobs, groups.n),
        **plan_metrics(kept.jobs, kept.lists, groups.jobs, groups.n),
        **staff_time_metrics(kept.shifts, groups.shifts, groups.n),
        **continuity_metrics(kept.jobs, groups.jobs, groups.n, origin=records.warmup, end=end),
    }
    values["travel_per_visit"] = travel_per_visit(
        values["travel_hours"], values["served"], values["staff_hours"]
    )
    columns: dict[str, NDArray[np.generic]] = dict(groups.keys)
    for name in METRICS:
        columns[name] = values[name].astype(np.int64) if name in _COUNTS else values[name]
    return MetricTable(by=keys, columns=columns)


def metrics(records: Records, *, clock: PeriodClock | None = None) -> dict[str, float]:
    """The whole-run figures of one replication as a flat ``{name: value}`` mapping.

    The keys are exactly those of :data:`~hometeams.metrics.METRICS`, in that order; every value
    is a ``float`` (counts too), ``nan`` where the metric has no denominator.

    Examples
    --------
    >>> from hometeams.records import JobRecords, JobState, ShiftRecords
    >>> jobs = JobRecords(
    ...     id=[0, 1, 2], user=["olsen"] * 3, staff=["kari", "per", ""], staff2=[""] * 3,
    ...     team=["north"] * 3, served_by_team=["north", "north", ""], zone=["z1"] * 3,
    ...     kind=["visit"] * 3, ready=[480.0, 1920.0, 3360.0], due=[510.0, 1950.0, 3390.0],
    ...     start=[490.0, 1960.0, float("nan")], end=[520.0, 1990.0, float("nan")],
    ...     duration=[30.0] * 3, travel=[5.0] * 3,
    ...     state=[JobState.ON_TIME, JobState.LATE, JobState.UNSERVED],
    ...     preferred=[True, False, False], preferred_met=[True, False, False], n_staff=[1] * 3)
    >>> m = metrics(Records(jobs, ShiftRecords.empty()))
    >>> m["jobs"], m["unserved_share"], m["mean_delay"], m["mean_coc"], m["utilisation"]
    (3.0, 0.333..., 25.0, 0.0, nan)
    """
    row = summarise(records, clock=clock).as_dict()[()]
    return {name: float(row[name]) for name in METRICS}  # type: ignore[arg-type]
