"""Continuity per user, from the job records: who came, how often, in what order.

A home-care user with two visits a day meets, over a fortnight, the people the organisation
sends: a fixed team of four sends some of the four; a pooled zone of twelve sends nearly all
twelve. Two measures are taken from the served jobs:

* **distinct staff per window** -- per user and per window of ``window`` minutes (14 days by
  default), how many different staff made the user's visits. Windows are *aligned*, not
  sliding: they are ``[origin + k window, origin + (k + 1) window)``, so that every visit falls in
  exactly one and a window's figure is a plain count. Both staff of a two-person visit count,
  since the user meets both. Only windows in which the user had a served visit appear; with
  ``end`` given, only windows that end by ``end`` (a half window would undercount).
* **continuity indices** -- per user, the indices of :func:`~hometeams.metrics.continuity` on
  the sequence of the user's served jobs ordered by start (ties by job id). A visit's provider
  is its ``staff`` column: the indices are defined for one provider per visit, so the second
  staff member of a two-person visit is not in the sequence.

Unserved jobs are in neither: the user met nobody.
"""

from __future__ import annotations

import math

import attrs
import numpy as np
from numpy.typing import NDArray

from hometeams._time import DAY
from hometeams._types import Minutes
from hometeams.errors import InvalidArgument
from hometeams.metrics._checks import check_jobs
from hometeams.metrics._continuity import INDEX_NAMES, indices
from hometeams.metrics._table import MetricTable
from hometeams.records import JobRecords, JobState

__all__ = [
    "Visits",
    "continuity_by_user",
    "distinct_staff",
    "grouped_continuity",
    "grouped_distinct_staff",
    "served_visits",
]

IntArray = NDArray[np.int64]
FloatArray = NDArray[np.float64]


@attrs.frozen(eq=False)
class Visits:
    """The served jobs with users and staff as integer codes (text is sorted once, here).

    Attributes
    ----------
    users
        The distinct user ids; ``user`` holds indices into it.
    user, staff, staff2
        Per served job: user code, staff code, second staff code (``-1`` if none).
    start, id
        Per served job: start time and job id (the order of a user's visits).
    job
        Per served job: its row in the job records (to pick its group).
    n_staff
        Number of distinct staff codes.
    """

    users: NDArray[np.str_]
    user: IntArray
    staff: IntArray
    staff2: IntArray
    start: FloatArray
    id: IntArray
    job: IntArray
    n_staff: int


def served_visits(jobs: JobRecords) -> Visits:
    """Encode the served jobs of ``jobs`` (unserved jobs are left out)."""
    job = np.flatnonzero(jobs.state != JobState.UNSERVED).astype(np.int64)
    users, user = np.unique(jobs.user[job], return_inverse=True)
    first, second = jobs.staff[job], jobs.staff2[job]
    has_second = second != ""
    names, codes = np.unique(np.concatenate([first, second[has_second]]), return_inverse=True)
    codes = codes.ravel().astype(np.int64)
    staff2 = np.full(len(job), -1, dtype=np.int64)
    staff2[has_second] = codes[len(job) :]
    return Visits(
        users, user.ravel().astype(np.int64), codes[: len(job)], staff2,
        jobs.start[job], jobs.id[job], job, len(names),
    )  # fmt: skip


def _units(group: IntArray, user: IntArray, n_users: int) -> tuple[IntArray, IntArray, IntArray]:
    """Compact codes of the (group, user) pairs: the pair of each row, its group and user."""
    width = max(n_users, 1)
    pairs, unit = np.unique(group * width + user, return_inverse=True)
    return unit.ravel().astype(np.int64), pairs // width, pairs % width


def grouped_continuity(
    visits: Visits, group: IntArray
) -> tuple[IntArray, NDArray[np.str_], dict[str, FloatArray]]:
    """Continuity indices per (group, user) over the served visits.

    Parameters
    ----------
    visits
        The served jobs, from :func:`served_visits`.
    group
        Group index of each *job* of the records the visits came from.

    Returns
    -------
    tuple
        The group of each (group, user) unit, its user id, and the arrays of
        :func:`~hometeams.metrics._continuity.indices`.
    """
    unit, unit_group, unit_user = _units(group[visits.job], visits.user, len(visits.users))
    order = np.lexsort((visits.id, visits.start, unit))
    values = indices(unit[order], visits.staff[order], len(unit_group))
    return unit_group, visits.users[unit_user], values


def _check_window(window: float, origin: float, end: float | None) -> None:
    if not (math.isfinite(window) and window > 0):
        raise InvalidArgument(f"window: must be finite and > 0 minutes, got {window!r}")
    if not math.isfinite(origin):
        raise InvalidArgument(f"origin: must be finite, got {origin!r}")
    if end is not None and not (math.isfinite(end) and end > origin):
        raise InvalidArgument(f"end: must be finite and > origin={origin!r}, got {end!r}")


def grouped_distinct_staff(
    visits: Visits,
    group: IntArray,
    *,
    window: Minutes,
    origin: Minutes,
    end: Minutes | None,
) -> dict[str, NDArray[np.generic]]:
    """Distinct staff per (group, user, window) over the served visits.

    Returns
    -------
    dict
        ``group``, ``user``, ``window`` (index ``k``), ``visits`` and ``distinct_staff``, one
        entry per (group, user, window) with a served visit, sorted by group, user, window.
    """
    k = np.floor((visits.start - origin) / window)
    keep = np.ones(len(k), dtype=np.bool_) if end is None else origin + (k + 1) * window <= end
    k = k[keep].astype(np.int64)
    unit, unit_group, unit_user = _units(
        group[visits.job[keep]], visits.user[keep], len(visits.users)
    )
    k_low = int(k.min()) if k.size else 0
    span = int(k.max()) - k_low + 1 if k.size else 1
    cells, cell = np.unique(unit * span + (k - k_low), return_inverse=True)
    cell = cell.ravel()
    count = np.bincount(cell, minlength=len(cells))

    staff2 = visits.staff2[keep]
    second = staff2 >= 0
    met_cell = np.concatenate([cell, cell[second]])
    met_staff = np.concatenate([visits.staff[keep], staff2[second]])
    width = max(visits.n_staff, 1)
    met = np.sort(met_cell * width + met_staff)  # sort-based: numpy's hashed unique is slower
    met = met[np.r_[True, met[1:] != met[:-1]]] if met.size else met
    distinct = np.bincount(met // width, minlength=len(cells))
    cell_unit = cells // span
    return {
        "group": unit_group[cell_unit],
        "user": visits.users[unit_user[cell_unit]],
        "window": cells % span + k_low,
        "visits": count.astype(np.int64),
        "distinct_staff": distinct.astype(np.int64),
    }


def continuity_by_user(jobs: JobRecords) -> MetricTable:
    """Continuity indices of every user with a served visit.

    Parameters
    ----------
    jobs
        Job records; pass ``records.after_warmup().jobs`` to leave the warm-up out.

    Returns
    -------
    MetricTable
        Keyed by ``user`` (sorted), with ``n_visits``, ``n_staff``, ``upc``, ``coc``,
        ``secon``, ``mmci``, ``hhi`` and ``known_provider``; ``coc``, ``secon`` and
        ``known_provider`` are ``nan`` for a user with a single served visit.

    Examples
    --------
    >>> from hometeams.records import JobRecords
    >>> t = [480.0, 1920.0, 3360.0, 4800.0]  # 08:00 on four days in a row
    >>> jobs = JobRecords(
    ...     id=range(4), user=["olsen"] * 4, staff=["kari", "per", "kari", "kari"],
    ...     staff2=[""] * 4, team=["north"] * 4, served_by_team=["north"] * 4, zone=["z1"] * 4,
    ...     kind=["visit"] * 4, ready=t, due=t, start=t, end=t, duration=[30.0] * 4,
    ...     travel=[0.0] * 4, state=[0] * 4, preferred=[False] * 4, preferred_met=[False] * 4,
    ...     n_staff=[1] * 4)
    >>> row = continuity_by_user(jobs).as_dict()[("olsen",)]
    >>> row["n_visits"], row["n_staff"], row["upc"], round(row["secon"], 4)
    (4, 2, 0.75, 0.3333)
    """
    check_jobs(jobs)
    _, users, values = grouped_continuity(served_visits(jobs), np.zeros(len(jobs), np.int64))
    columns: dict[str, NDArray[np.generic]] = {"user": users}
    columns["n_visits"] = values["n_visits"].astype(np.int64)
    columns["n_staff"] = values["n_staff"].astype(np.int64)
    columns.update({name: values[name] for name in INDEX_NAMES})
    return MetricTable(by=("user",), columns=columns)


def distinct_staff(
    jobs: JobRecords,
    *,
    window: Minutes = 14 * DAY,
    origin: Minutes = 0.0,
    end: Minutes | None = None,
) -> MetricTable:
    """How many different staff each user met in each window of time.

    Parameters
    ----------
    jobs
        Job records; only served jobs count, placed by their start time.
    window
        Window length in minutes (14 days by default).
    origin
        Where the windows are aligned: window ``k`` is ``[origin + k window, origin + (k + 1)
        window)``. Pass the warm-up's end to start counting there.
    end
        If given, only windows that end by ``end`` count (e.g. the horizon: a window cut short
        would undercount).

    Returns
    -------
    MetricTable
        Keyed by ``user`` and ``window`` (the index ``k``), with ``window_start``, ``visits``
        and ``distinct_staff``; one row per window in which the user had a served visit.

    Examples
    --------
    Windows of two days: Kari and Per on days 0-1, Kari alone on days 2-3.

    >>> from hometeams.records import JobRecords
    >>> t = [480.0, 1920.0, 3360.0, 4800.0]  # 08:00 on four days in a row
    >>> jobs = JobRecords(
    ...     id=range(4), user=["olsen"] * 4, staff=["kari", "per", "kari", "kari"],
    ...     staff2=[""] * 4, team=["north"] * 4, served_by_team=["north"] * 4, zone=["z1"] * 4,
    ...     kind=["visit"] * 4, ready=t, due=t, start=t, end=t, duration=[30.0] * 4,
    ...     travel=[0.0] * 4, state=[0] * 4, preferred=[False] * 4, preferred_met=[False] * 4,
    ...     n_staff=[1] * 4)
    >>> table = distinct_staff(jobs, window=2 * 1440.0)
    >>> table.column("window").tolist(), table.column("distinct_staff").tolist()
    ([0, 1], [2, 1])
    """
    _check_window(window, origin, end)
    check_jobs(jobs)
    group = np.zeros(len(jobs), dtype=np.int64)
    out = grouped_distinct_staff(served_visits(jobs), group, window=window, origin=origin, end=end)
    columns: dict[str, NDArray[np.generic]] = {"user": out["user"], "window": out["window"]}
    columns["window_start"] = origin + out["window"].astype(np.float64) * window
    columns["visits"] = out["visits"]
    columns["distinct_staff"] = out["distinct_staff"]
    return MetricTable(by=("user", "window"), columns=columns)
