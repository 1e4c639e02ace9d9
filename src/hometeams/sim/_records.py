"""The engine's buffers turned into records, once, at the end of a run.

During the run the engine writes plain Python lists: for each job the start of work, the
journey, the staff sent and the shift they were on; for each shift the minutes of work, travel
and overtime counted into it. Here they become the numpy columns of
:class:`~hometeams.records.JobRecords` and :class:`~hometeams.records.ShiftRecords`, with the
derived columns: the state (on time, late, unserved), whether preferred competences were met,
the team each job was done for, and each shift's idle minutes (``rostered - busy - travel``).
"""

from __future__ import annotations

import array
from collections.abc import Sequence
from typing import Any

import numpy as np

from hometeams.records import JobRecords, JobState, ListRecords, ShiftRecords
from hometeams.sim._compile import Compiled
from hometeams.sim._routing import RoutingProblem

__all__ = ["ListBuffer", "job_records", "shift_records", "slot_label"]


def job_records(
    c: Compiled,
    *,
    start: Sequence[float],
    travel: Sequence[float],
    staff: Sequence[int],
    staff2: Sequence[int],
    shift: Sequence[int],
) -> JobRecords:
    """One row per job, in the realisation's order (staff -1 = nobody)."""
    jobs = c.realisation.jobs
    begun = np.array(start, dtype=np.float64)  # a copy: the engine's buffer stays its own
    served = ~np.isnan(begun)
    state = np.where(
        served, np.where(begun <= jobs.due, JobState.ON_TIME, JobState.LATE), JobState.UNSERVED
    )
    names = np.asarray([*c.staff_ids, ""], dtype=np.str_)
    first = np.asarray(staff, dtype=np.int64)
    second = np.asarray(staff2, dtype=np.int64)
    return JobRecords(
        id=jobs.id,
        user=jobs.user,
        staff=names[first],
        staff2=names[second],
        team=_owning_team(c),
        served_by_team=_served_by(c, first, np.asarray(shift, dtype=np.int64)),
        zone=jobs.zone,
        kind=jobs.kind,
        ready=jobs.ready,
        due=jobs.due,
        start=begun,
        end=begun + jobs.duration,
        duration=jobs.duration,
        travel=np.where(served, travel, 0.0),
        state=state,
        preferred=np.asarray(c.pref, dtype=np.int64) != 0,
        preferred_met=served & _preferred_met(c, first, second),
        n_staff=jobs.n_staff,
    )


def shift_records(
    c: Compiled,
    *,
    busy: Sequence[float],
    travel: Sequence[float],
    overtime: Sequence[float],
    overtime_busy: Sequence[float],
) -> ShiftRecords:
    """One row per shift, in the realisation's order; absent shifts count no minutes."""
    shifts = c.realisation.shifts
    absent = shifts.absent
    rostered = shifts.end - shifts.start
    work = np.where(absent, 0.0, busy)
    trips = np.where(absent, 0.0, travel)
    idle = np.where(absent, 0.0, rostered - work - trips)
    # Sums of many float pieces can leave -1e-13 where nothing is idle; a real accounting error
    # is larger and is left for the metrics' checks to refuse.
    idle[(idle < 0.0) & (idle > -1e-9)] = 0.0
    return ShiftRecords(
        staff=shifts.staff,
        team=shifts.team,
        zone=shifts.zone,
        day=shifts.day,
        period=shifts.period,
        start=shifts.start,
        end=shifts.end,
        rostered=rostered,
        busy=work,
        travel=trips,
        idle=idle,
        overtime=np.where(absent, 0.0, overtime),
        absent=absent,
        overtime_busy=np.where(absent, 0.0, overtime_busy),
    )


def _preferred_met(
    c: Compiled, staff: np.ndarray[Any, Any], staff2: np.ndarray[Any, Any]
) -> np.ndarray[Any, np.dtype[np.bool_]]:
    """Whether the staff sent hold every preferred competence (vacuously true)."""
    if len(c.comp_bit) < 63:  # competence masks fit in int64: vectorise
        comp = np.asarray([*c.staff_comp, 0], dtype=np.int64)  # index -1 -> none
        pref = np.asarray(c.pref, dtype=np.int64)
        return np.asarray((comp[staff] | comp[staff2]) & pref == pref, dtype=np.bool_)
    comps = [*c.staff_comp, 0]
    return np.asarray(
        [
            (comps[a] | comps[b]) & p == p
            for a, b, p in zip(staff.tolist(), staff2.tolist(), c.pref, strict=True)
        ],
        dtype=np.bool_,
    )


def _owning_team(c: Compiled) -> np.ndarray[Any, np.dtype[np.str_]]:
    """Each job's (first) owning team after hand-over, ``""`` for none."""
    codes, first = np.unique(c.owner_code, return_index=True)
    if not codes.size:
        return np.asarray([], dtype=np.str_)
    names = [c.owners[j][0] if c.owners[j] else "" for j in first.tolist()]
    lookup = np.zeros(int(codes[-1]) + 1, dtype=np.int64)
    lookup[codes] = np.arange(codes.size)
    teams: np.ndarray[Any, np.dtype[np.str_]] = np.asarray(names, dtype=np.str_)[
        lookup[c.owner_code]
    ]
    return teams


def _served_by(
    c: Compiled, staff: np.ndarray[Any, Any], shift: np.ndarray[Any, Any]
) -> np.ndarray[Any, np.dtype[np.str_]]:
    """The team each served job was done for.

    The shift's team; else the owning team if the staff member belongs to it; else her
    first team.
    """
    shift_team = np.asarray([*c.shift_team, ""], dtype=np.str_)
    out = shift_team[shift]  # shift -1 (unserved) -> ""
    open_ = (staff >= 0) & (out == "")
    if open_.any():
        n_codes = int(c.owner_code.max()) + 1
        pair = staff[open_] * n_codes + c.owner_code[open_]
        unique, where, inverse = np.unique(pair, return_index=True, return_inverse=True)
        first = np.flatnonzero(open_)[where]
        names = []
        for j, key in zip(first.tolist(), unique.tolist(), strict=True):
            mine = c.staff_teams[key // n_codes]
            owners = c.owners[j]
            names.append(next((t for t in owners if t in mine), mine[0] if mine else ""))
        # as wide as the longest name in the column (what a column of Python strings gives)
        kept = shift[~open_]
        widths = np.char.str_len(shift_team)[kept] if kept.size else np.zeros(1, dtype=np.int64)
        width = max(int(widths.max()), *map(len, names), 1)
        out = out.astype(f"<U{width}")
        out[open_] = np.asarray(names, dtype=np.str_)[inverse]
    return np.asarray(out, dtype=np.str_)


_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _clock(minutes: float) -> str:
    m = round(minutes) % 1440
    return f"{m // 60:02d}:{m % 60:02d}"


def slot_label(slot: object, *, day_start: float) -> str:
    """``"mon 07:00-15:00 north #0"`` for a slot of :class:`~hometeams.sim.Day`."""
    if isinstance(slot, tuple) and len(slot) == 5:
        weekday, start, end, team, rank = slot
        clock = f"{_clock(day_start + start)}-{_clock(day_start + end)}"
        return " ".join(x for x in (_WEEKDAYS[weekday % 7], clock, team, f"#{rank}") if x)
    return str(slot)


class ListBuffer:
    """The planned work lists of a run, column by column, until they become :class:`ListRecords`.

    The numeric columns are typed arrays, which the garbage collector does not look into.
    """

    def __init__(self) -> None:
        self._lists = 0
        self._list = array.array("q")
        self._staff = array.array("q")
        self._shift = array.array("q")
        self._slot: list[str] = []
        self._day = array.array("q")
        self._position = array.array("q")
        self._job = array.array("q")
        self._start = array.array("d")
        self._trip = array.array("d")

    def add(
        self,
        problem: RoutingProblem,
        r: int,
        order: Sequence[int],
        times: Sequence[tuple[float, float]],
        *,
        slot: str,
        day: int,
    ) -> None:
        """Record route ``r``'s list of ``problem`` as planned (nothing for an empty list).

        ``times`` are its visits' planned starts and travel (for two-person visits, the
        synchronised ones: :func:`~hometeams.sim.synchronise`).
        """
        n = len(order)
        if not n:
            return
        if len(times) != n:
            raise ValueError(f"list {r}: {n} visits but {len(times)} times")
        visits = problem.visits
        route = problem.routes[r]
        # everything read before any column grows, so a bad list leaves the columns as they were
        jobs = array.array("q", [visits[i].job for i in order])
        starts = array.array("d", [start for start, _trip in times])
        trips = array.array("d", [trip for _start, trip in times])
        self._list.extend([self._lists] * n)
        self._staff.extend([route.staff] * n)
        self._shift.extend([route.shift] * n)
        self._slot += [slot] * n
        self._day.extend([day] * n)
        self._position.extend(range(n))
        self._job.extend(jobs)
        self._start.extend(starts)
        self._trip.extend(trips)
        self._lists += 1

    def records(self, c: Compiled) -> ListRecords:
        """The rows as a table, with staff and user names and job ids."""
        if not self._list:
            return ListRecords.empty()
        # copies (np.array), not views of the buffers, which stay the buffer's own
        jobs = np.array(self._job, dtype=np.int64)
        realised = c.realisation.jobs
        return ListRecords(
            list=np.array(self._list),
            staff=np.asarray(c.staff_ids, dtype=np.str_)[np.array(self._staff, dtype=np.int64)],
            shift=np.array(self._shift),
            slot=np.asarray(self._slot),
            day=np.array(self._day),
            position=np.array(self._position),
            job=realised.id[jobs],
            user=realised.user[jobs],
            planned_start=np.array(self._start, dtype=np.float64),
            planned_travel=np.array(self._trip, dtype=np.float64),
        )
