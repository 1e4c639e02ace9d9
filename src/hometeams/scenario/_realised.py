"""The realised workload: what one replication's dice produced, before any policy acts on it.

A scenario *describes* demand (visit plans, arrival rates, discharges, alarms), rosters and
absences. :func:`~hometeams.scenario.realise` rolls the dice once and returns a
:class:`Realisation`: every job with its ready time, due time and realised duration, and every
rostered shift with whether its staff member is absent. The simulator then plays the
organisation's policy against exactly this workload. Because the realisation depends only on the
scenario's demand and absence descriptions and the seed -- never on the policy -- two
organisation models compared with the same seed face the same Friday with four discharges and
the same sick nurse on Tuesday evening (common random numbers).

Users who appear during the run (a discharge creates a new user) carry their zone and, where the
scenario says so, an owning team on the job itself; other jobs get their owning team from the
organisation's :class:`~hometeams.model.User` at dispatch time.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
import numpy as np
from numpy.typing import NDArray

from hometeams._time import DAY
from hometeams._types import CompetenceId
from hometeams.errors import InvalidArgument

__all__ = ["Realisation", "RealisedJobs", "RealisedShifts"]


def _str(v: object) -> NDArray[np.str_]:
    return np.asarray(v, dtype=np.str_)


def _f8(v: object) -> NDArray[np.float64]:
    return np.asarray(v, dtype=np.float64)


def _i8(v: object) -> NDArray[np.int64]:
    return np.asarray(v, dtype=np.int64)


def _b(v: object) -> NDArray[np.bool_]:
    return np.asarray(v, dtype=np.bool_)


def _sets(v: Sequence[frozenset[CompetenceId]]) -> tuple[frozenset[CompetenceId], ...]:
    # realise() builds a tuple of frozensets already; rebuilding a year's 600,000 sets would cost
    # a third of its time.
    if isinstance(v, tuple):
        return v
    return tuple(frozenset(s) for s in v)


def _check_lengths(title: str, obj: object) -> None:
    lengths = {f.name: len(getattr(obj, f.name)) for f in attrs.fields(type(obj))}  # type: ignore[arg-type]
    if len(set(lengths.values())) > 1:
        raise InvalidArgument(f"{title}: columns differ in length: {lengths}")


@attrs.frozen(eq=False)
class RealisedJobs:
    """Every job of one replication, columnar, sorted by ``ready`` (ties by ``id``).

    Attributes
    ----------
    id
        Job number, unique within the realisation.
    user, zone, kind
        Who it is for, where, and what produced it (``visit``, ``arrival``, ``discharge``,
        ``alarm``, ...).
    team
        Owning team fixed by the scenario (e.g. a discharge episode owned by the rehabilitation
        team), or ``""`` to take it from the organisation's user at dispatch.
    ready, due
        Earliest and latest acceptable start, minutes since Monday 00:00 of week 1.
    duration
        Realised duration of the work on site, minutes.
    required, preferred
        Competences the staff sent must hold (hard) and should hold (soft).
    n_staff
        1, or 2 for a two-person visit (*dobbeltbemanning*).
    expected
        The duration a planner expects when putting the job on a work list: the mean of its
        duration distribution (the realised ``duration`` is only known when the visit is
        done). Defaults to ``duration``, as for a hand-built realisation with exact durations.
    """

    id: NDArray[np.int64] = attrs.field(converter=_i8)
    user: NDArray[np.str_] = attrs.field(converter=_str)
    zone: NDArray[np.str_] = attrs.field(converter=_str)
    kind: NDArray[np.str_] = attrs.field(converter=_str)
    team: NDArray[np.str_] = attrs.field(converter=_str)
    ready: NDArray[np.float64] = attrs.field(converter=_f8)
    due: NDArray[np.float64] = attrs.field(converter=_f8)
    duration: NDArray[np.float64] = attrs.field(converter=_f8)
    required: tuple[frozenset[CompetenceId], ...] = attrs.field(converter=_sets)
    preferred: tuple[frozenset[CompetenceId], ...] = attrs.field(converter=_sets)
    n_staff: NDArray[np.int64] = attrs.field(converter=_i8)
    expected: NDArray[np.float64] = attrs.field(
        converter=_f8,
        default=attrs.Factory(lambda self: self.duration, takes_self=True),
        kw_only=True,
    )

    def __attrs_post_init__(self) -> None:
        _check_lengths("jobs", self)

    def __len__(self) -> int:
        return len(self.id)


@attrs.frozen(eq=False)
class RealisedShifts:
    """Every rostered shift of one replication, columnar, sorted by ``start`` (ties by staff).

    Attributes
    ----------
    staff
        Staff member rostered.
    team
        Team the shift is rostered for (``""`` for the staff member's teams in general).
    zone
        Zone the shift starts in (the staff member's home zone, or ``""``).
    start, end
        Rostered start and end, minutes since Monday 00:00 of week 1.
    period
        ``day``, ``evening`` or ``night`` by the shift's start.
    absent
        Whether the staff member is absent for this shift (sick leave or an explicit absence).
    day
        The day the shift is rostered on (0 = Monday of week 1; -1 for the Sunday-night shift
        running into the first Monday). A night shift's pieces after midnight, or a shift split
        by an absence, keep the day it was rostered on. Defaults to the start's day.
    """

    staff: NDArray[np.str_] = attrs.field(converter=_str)
    team: NDArray[np.str_] = attrs.field(converter=_str)
    zone: NDArray[np.str_] = attrs.field(converter=_str)
    start: NDArray[np.float64] = attrs.field(converter=_f8)
    end: NDArray[np.float64] = attrs.field(converter=_f8)
    period: NDArray[np.str_] = attrs.field(converter=_str)
    absent: NDArray[np.bool_] = attrs.field(converter=_b)
    day: NDArray[np.int64] = attrs.field(
        converter=_i8,
        default=attrs.Factory(lambda self: np.floor(self.start / DAY), takes_self=True),
    )

    def __attrs_post_init__(self) -> None:
        _check_lengths("shifts", self)

    def __len__(self) -> int:
        return len(self.staff)


@attrs.frozen(eq=False)
class Realisation:
    """One replication's realised workload and roster.

    Attributes
    ----------
    jobs, shifts
        The realised jobs and shifts.
    horizon
        End of simulated time, minutes.
    warmup
        Minutes at the start to leave out of the metrics.
    """

    jobs: RealisedJobs
    shifts: RealisedShifts
    horizon: float = attrs.field(kw_only=True)
    warmup: float = attrs.field(default=0.0, kw_only=True)
