"""Which group each job and each shift belongs to: team, zone, period and day type.

A planner wants the evening figures apart from the day's, and Saturdays apart from Tuesdays. A
*job* is placed by the time it became ready (a visit planned for 16:30 on a Saturday is an
evening, weekend job), by the team that owns it (``""`` under a pooled model, where no team
owns it) and by its zone. A *shift* is placed by its recorded team, zone and period (the
simulator records the period of the shift's start) and by the calendar day it starts on: a
Friday night shift starting at 23:00 is a weekday shift.

Groups are the combinations of the requested keys that occur in the jobs or the shifts, sorted
by key: teams and zones alphabetically, periods day, evening, night; weekday before weekend.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
import numpy as np
from numpy.typing import NDArray

from hometeams._time import DAY, PeriodClock
from hometeams.errors import InvalidArgument
from hometeams.records import JobRecords, ShiftRecords

__all__ = [
    "DAY_TYPES",
    "GROUP_KEYS",
    "Groups",
    "check_by",
    "day_type_labels",
    "job_labels",
    "make_groups",
    "period_labels",
    "shift_labels",
]

GROUP_KEYS = ("team", "zone", "period", "day_type")
"""What :func:`~hometeams.metrics.summarise` can group by."""

DAY_TYPES = ("weekday", "weekend")
_PERIODS = ("day", "evening", "night")
_ORDER = {"period": _PERIODS, "day_type": DAY_TYPES}

StrArray = NDArray[np.str_]
IntArray = NDArray[np.int64]


def check_by(by: str | Sequence[str]) -> tuple[str, ...]:
    """The grouping keys as a tuple; a single string is one key.

    Examples
    --------
    >>> check_by("team"), check_by(["period", "day_type"])
    (('team',), ('period', 'day_type'))
    """
    keys = (by,) if isinstance(by, str) else tuple(by)
    for key in keys:
        if key not in GROUP_KEYS:
            raise InvalidArgument(f"by: unknown key {key!r}; choose from {list(GROUP_KEYS)}")
    if len(set(keys)) != len(keys):
        raise InvalidArgument(f"by: each key at most once, got {list(keys)}")
    return keys


def period_labels(t: NDArray[np.float64], clock: PeriodClock) -> StrArray:
    """``"day"``, ``"evening"`` or ``"night"`` for each time, as :meth:`PeriodClock.period`.

    Examples
    --------
    >>> period_labels(np.array([420.0, 1000.0, 1439.0, 1440.0 + 60]), PeriodClock()).tolist()
    ['day', 'evening', 'night', 'night']
    """
    c = t - np.floor(t / DAY) * DAY
    day = (clock.day <= c) & (c < clock.evening)
    evening = (clock.evening <= c) & (c < clock.night)
    return np.where(day, "day", np.where(evening, "evening", "night")).astype(np.str_)


def day_type_labels(day: NDArray[np.int64]) -> StrArray:
    """``"weekday"`` or ``"weekend"`` for each day index (0 = Monday of week 1)."""
    return np.where(np.mod(day, 7) >= 5, "weekend", "weekday").astype(np.str_)


def job_labels(jobs: JobRecords, key: str, clock: PeriodClock) -> StrArray:
    """The group label of each job for one key (period and day type by ready time)."""
    if key == "team":
        return jobs.team
    if key == "zone":
        return jobs.zone
    if key == "period":
        return period_labels(jobs.ready, clock)
    return day_type_labels(np.floor(jobs.ready / DAY).astype(np.int64))


def shift_labels(shifts: ShiftRecords, key: str) -> StrArray:
    """The group label of each shift for one key (day type by the shift's day)."""
    if key == "team":
        return shifts.team
    if key == "zone":
        return shifts.zone
    if key == "period":
        return shifts.period
    return day_type_labels(shifts.day)


@attrs.frozen(eq=False)
class Groups:
    """The groups found, and the group index of every job and every shift.

    Attributes
    ----------
    keys
        Key name -> the label of each group, in group order.
    jobs, shifts
        Group index of each job and each shift.
    n
        Number of groups.
    """

    keys: dict[str, StrArray]
    jobs: IntArray
    shifts: IntArray
    n: int


def _codes(key: str, labels: StrArray) -> tuple[StrArray, IntArray]:
    """Distinct labels in display order, and the code of every label."""
    uniq, inverse = np.unique(labels, return_inverse=True)
    known = _ORDER.get(key, ())
    rank = sorted(
        range(len(uniq)),
        key=lambda i: (known.index(uniq[i]) if uniq[i] in known else len(known), str(uniq[i])),
    )
    position = np.empty(len(uniq), dtype=np.int64)
    position[rank] = np.arange(len(uniq))
    return uniq[rank], position[inverse.ravel()]


def make_groups(
    by: tuple[str, ...], jobs: JobRecords, shifts: ShiftRecords, *, clock: PeriodClock
) -> Groups:
    """The groups of ``by`` found in the jobs or the shifts, and each row's group.

    With ``by = ()`` there is one group holding everything.

    Examples
    --------
    Two evening shifts of the north team, one Saturday (day 5) and one Monday:

    >>> shifts = ShiftRecords(
    ...     staff=["kari", "per"], team=["north", "north"], zone=["z1", "z1"], day=[5, 0],
    ...     period=["evening", "evening"], start=[8100.0, 900.0], end=[8580.0, 1380.0],
    ...     rostered=[480.0, 480.0], busy=[0.0, 0.0], travel=[0.0, 0.0], idle=[480.0, 480.0],
    ...     overtime=[0.0, 0.0], absent=[False, False])
    >>> groups = make_groups(("day_type",), JobRecords.empty(), shifts, clock=PeriodClock())
    >>> groups.keys["day_type"].tolist(), groups.shifts.tolist(), groups.n
    (['weekday', 'weekend'], [1, 0], 2)
    """
    n_jobs = len(jobs)
    if not by:
        return Groups({}, np.zeros(n_jobs, np.int64), np.zeros(len(shifts), np.int64), 1)
    combined = np.zeros(n_jobs + len(shifts), dtype=np.int64)
    labels = []
    for key in by:
        both = np.concatenate([job_labels(jobs, key, clock), shift_labels(shifts, key)])
        uniq, codes = _codes(key, both.astype(np.str_))
        combined = combined * len(uniq) + codes
        labels.append(uniq)
    found, group = np.unique(combined, return_inverse=True)
    keys: dict[str, StrArray] = {}
    rest = found
    for key, uniq in reversed(list(zip(by, labels, strict=True))):
        keys[key] = uniq[rest % len(uniq)]
        rest = rest // len(uniq)
    group = group.ravel().astype(np.int64)
    return Groups({k: keys[k] for k in by}, group[:n_jobs], group[n_jobs:], len(found))
