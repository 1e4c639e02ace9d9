"""Columnar records of a simulation: one row per job and one row per staff shift.

The simulator buffers what happens in typed arrays (``array.array``) and turns them into numpy
columns once, at the end. The records are the simulator's only output: every metric in
:mod:`hometeams.metrics` is computed from them, and they can be written to CSV for a planner's
own spreadsheet.

A job row says who the visit was for, who did it, when it became ready (planned start), when it
was due (latest acceptable start), when it started and ended, how long the staff travelled to it,
how it ended (:class:`JobState`) and whether the right competence arrived. A shift row says how
a staff member's rostered minutes were spent: ``busy + travel + idle == rostered`` exactly, with
overtime past the shift's end counted apart, and an absent shift counting no minutes at all.

Times are minutes since Monday 00:00 of week 1. Text columns hold ``""`` where there is no
value (e.g. ``staff`` of an unserved job) and float columns ``nan``.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, ClassVar, Self, cast

import attrs
import numpy as np
from numpy.typing import ArrayLike, NDArray

from hometeams._files import check_writable, write_csv
from hometeams.errors import InvalidArgument

__all__ = [
    "JobRecords",
    "JobState",
    "ListRecords",
    "Records",
    "ShiftRecords",
    "describe_columns",
]


class JobState(enum.IntEnum):
    """How a job ended: every job ends in exactly one of these states."""

    ON_TIME = 0
    """Started no later than its due time."""
    LATE = 1
    """Started after its due time."""
    UNSERVED = 2
    """Never started within the horizon."""


_KINDS = {"U": str, "f": float, "i": int, "b": bool}


def _columns(cls: type[Any]) -> tuple[tuple[str, str], ...]:
    return tuple((f.name, f.metadata["kind"]) for f in attrs.fields(cast(Any, cls)))


def _col(kind: str, doc: str) -> Any:
    """An attrs field holding one numpy column of ``kind`` (U text, f float, i int, b bool)."""
    return attrs.field(metadata={"kind": kind, "doc": doc}, converter=_CONVERT[kind])


_CONVERT = {
    "U": lambda v: np.asarray(v, dtype=np.str_),
    "f": lambda v: np.asarray(v, dtype=np.float64),
    "i": lambda v: np.asarray(v, dtype=np.int64),
    "b": lambda v: np.asarray(v, dtype=np.bool_),
}


def _floats(values: ArrayLike) -> NDArray[np.float64]:
    return np.asarray(values, dtype=np.float64)


class _Table:
    """Shared behaviour of the columnar tables: length checks, rows, CSV, column dicts."""

    _title: ClassVar[str] = "records"

    def __attrs_post_init__(self) -> None:
        lengths = {name: len(getattr(self, name)) for name, _ in _columns(type(self))}
        if len(set(lengths.values())) > 1:
            raise InvalidArgument(f"{self._title}: columns differ in length: {lengths}")
        for name, _ in _columns(type(self)):
            if getattr(self, name).ndim != 1:
                raise InvalidArgument(f"{self._title}.{name}: must be one-dimensional")

    def __len__(self) -> int:
        first = attrs.fields(cast(Any, type(self)))[0].name
        return len(getattr(self, first))

    @classmethod
    def column_names(cls) -> tuple[str, ...]:
        """Names of the columns, in order."""
        return tuple(name for name, _ in _columns(cls))

    @classmethod
    def empty(cls) -> Self:
        """A table with no rows."""
        return cls(**{name: [] for name in cls.column_names()})

    def columns(self) -> dict[str, NDArray[Any]]:
        """The columns as a dict of numpy arrays (shared, not copied)."""
        return {name: getattr(self, name) for name in self.column_names()}

    def take(self, index: ArrayLike) -> Self:
        """Rows selected by a boolean mask or integer index, as a new table."""
        idx = np.asarray(index)
        return type(self)(**{n: c[idx] for n, c in self.columns().items()})

    def rows(self) -> Iterator[dict[str, object]]:
        """Iterate over rows as dicts of Python values."""
        cols = self.columns()
        for i in range(len(self)):
            yield {name: col[i].item() for name, col in cols.items()}

    def to_csv(self, path: str | Path, *, overwrite: bool = False) -> Path:
        """Write the table to a CSV file with a header row.

        Parameters
        ----------
        path
            Where to write.
        overwrite
            Replace an existing file; without it an existing file is an error.

        Returns
        -------
        Path
            The path written.
        """
        cols = self.columns()
        return write_csv(path, list(cols), zip(*cols.values(), strict=True), overwrite=overwrite)

    def to_pandas(self) -> Any:
        """The table as a pandas DataFrame (needs the ``frame`` extra)."""
        try:
            import pandas as pd  # noqa: PLC0415 - optional dependency
        except ImportError as err:  # pragma: no cover - depends on the environment
            raise ImportError("to_pandas needs pandas: pip install 'hometeams[frame]'") from err
        return pd.DataFrame(self.columns())


@attrs.frozen(eq=False)
class JobRecords(_Table):
    """One row per job: a visit, an arrival, an alarm.

    Examples
    --------
    >>> jobs = JobRecords(
    ...     id=[0, 1], user=["u1", "u2"], staff=["kari", ""], staff2=["", ""],
    ...     team=["north", "north"], served_by_team=["north", ""], zone=["north", "north"],
    ...     kind=["visit", "alarm"], ready=[480.0, 500.0], due=[510.0, 515.0],
    ...     start=[490.0, float("nan")], end=[520.0, float("nan")], duration=[30.0, 20.0],
    ...     travel=[5.0, 0.0], state=[JobState.ON_TIME, JobState.UNSERVED],
    ...     preferred=[True, False], preferred_met=[True, False], n_staff=[1, 1])
    >>> len(jobs), jobs.delay.tolist()
    (2, [10.0, nan])
    """

    _title: ClassVar[str] = "jobs"

    id: NDArray[np.int64] = _col("i", "job number, unique within a run")
    user: NDArray[np.str_] = _col("U", "user the job is for")
    staff: NDArray[np.str_] = _col("U", "staff member who did it ('' if unserved)")
    staff2: NDArray[np.str_] = _col("U", "second staff member of a two-person visit, else ''")
    team: NDArray[np.str_] = _col("U", "team that owns the job under a fixed-team model, or ''")
    served_by_team: NDArray[np.str_] = _col("U", "team the staff member served it for, or ''")
    zone: NDArray[np.str_] = _col("U", "zone the job is in")
    kind: NDArray[np.str_] = _col("U", "visit, arrival, discharge, alarm, ...")
    ready: NDArray[np.float64] = _col("f", "planned start: earliest start")
    due: NDArray[np.float64] = _col("f", "latest acceptable start")
    start: NDArray[np.float64] = _col("f", "start of work on site (nan if unserved)")
    end: NDArray[np.float64] = _col("f", "end of work on site (nan if unserved)")
    duration: NDArray[np.float64] = _col("f", "realised duration of the work")
    travel: NDArray[np.float64] = _col("f", "travel minutes to reach the job")
    state: NDArray[np.int64] = _col("i", "JobState: 0 on time, 1 late, 2 unserved")
    preferred: NDArray[np.bool_] = _col("b", "whether the job had preferred competences")
    preferred_met: NDArray[np.bool_] = _col("b", "whether they were all met by the staff sent")
    n_staff: NDArray[np.int64] = _col("i", "staff needed: 1, or 2 for a two-person visit")

    @property
    def delay(self) -> NDArray[np.float64]:
        """``start - ready`` in minutes (nan for unserved jobs)."""
        return self.start - self.ready


@attrs.frozen(eq=False)
class ShiftRecords(_Table):
    """One row per rostered staff shift: how its minutes were spent.

    ``busy + travel + idle == rostered`` for every row that is not absent; an absent row has
    ``rostered`` minutes of the roster but zero busy, travel, idle and overtime.
    ``overtime_busy`` is the part of ``overtime`` spent working on site (the rest travelling);
    it defaults to zero for tables built by hand.
    """

    _title: ClassVar[str] = "shifts"

    staff: NDArray[np.str_] = _col("U", "staff member")
    team: NDArray[np.str_] = _col("U", "team the shift is rostered for, or ''")
    zone: NDArray[np.str_] = _col("U", "zone the shift starts in")
    day: NDArray[np.int64] = _col("i", "day index, 0 = Monday of week 1")
    period: NDArray[np.str_] = _col("U", "day, evening or night (by shift start)")
    start: NDArray[np.float64] = _col("f", "rostered start")
    end: NDArray[np.float64] = _col("f", "rostered end")
    rostered: NDArray[np.float64] = _col("f", "rostered minutes (end - start)")
    busy: NDArray[np.float64] = _col("f", "minutes working on site within the shift")
    travel: NDArray[np.float64] = _col("f", "minutes travelling within the shift")
    idle: NDArray[np.float64] = _col("f", "minutes neither busy nor travelling")
    overtime: NDArray[np.float64] = _col("f", "minutes worked past the shift's end")
    absent: NDArray[np.bool_] = _col("b", "whether the staff member was absent")
    overtime_busy: NDArray[np.float64] = attrs.field(
        metadata={"kind": "f", "doc": "minutes of the overtime spent working on site"},
        converter=_floats,
        default=attrs.Factory(lambda self: np.zeros(len(self.staff)), takes_self=True),
    )


@attrs.frozen(eq=False)
class ListRecords(_Table):
    """One row per planned visit on a work list, as planned before the day began.

    What actually happened is in the job records (join on ``job``): a visit whose ``staff``
    there differs from the planned ``staff`` here was *moved* (a sick nurse's list handed over,
    a visit released to the dispatcher when its nurse ran late); ``start - planned_start`` is
    the deviation from the plan. A two-person visit has a row on each of its two nurses' lists
    (the same job twice), at the same planned start; it was moved from a planned nurse who is
    neither of the job's ``staff`` and ``staff2``.

    Examples
    --------
    >>> lists = ListRecords(
    ...     list=[0, 0], staff=["kari", "kari"], shift=[3, 3], slot=["mon 07:00-15:00 #0"] * 2,
    ...     day=[0, 0], position=[0, 1], job=[4, 9], user=["u1", "u2"],
    ...     planned_start=[480.0, 540.0], planned_travel=[0.0, 6.0])
    >>> len(lists), lists.planned_start.tolist()
    (2, [480.0, 540.0])
    """

    _title: ClassVar[str] = "lists"

    list: NDArray[np.int64] = _col("i", "work list number, unique within a run")
    staff: NDArray[np.str_] = _col("U", "staff member the list was planned for")
    shift: NDArray[np.int64] = _col("i", "row of the shift records the list was planned on")
    slot: NDArray[np.str_] = _col("U", "list slot: weekday, shift times, team and rank")
    day: NDArray[np.int64] = _col("i", "planning day, 0 = Monday of week 1")
    position: NDArray[np.int64] = _col("i", "place on the list, from 0")
    job: NDArray[np.int64] = _col("i", "job id (see the job records)")
    user: NDArray[np.str_] = _col("U", "user the visit is for")
    planned_start: NDArray[np.float64] = _col("f", "planned start of work")
    planned_travel: NDArray[np.float64] = _col("f", "planned travel to the visit")


def _no_lists() -> ListRecords:
    return ListRecords.empty()


@attrs.frozen(eq=False)
class Records:
    """Everything one simulation run recorded.

    Attributes
    ----------
    jobs, shifts
        The job and shift tables.
    lists
        The planned work lists (empty for a run without lists).
    warmup
        Minutes at the start excluded from metrics (jobs ready and shifts starting before it).
    horizon
        End of the simulated time, in minutes.
    meta
        Free-form description: policy name, seed, scenario name.
    """

    jobs: JobRecords
    shifts: ShiftRecords
    lists: ListRecords = attrs.field(factory=_no_lists, kw_only=True)
    warmup: float = attrs.field(default=0.0, kw_only=True)
    horizon: float = attrs.field(default=0.0, kw_only=True)
    meta: Mapping[str, object] = attrs.field(factory=dict, kw_only=True)

    def to_csv(self, directory: str | Path, *, overwrite: bool = False) -> tuple[Path, ...]:
        """Write ``jobs.csv``, ``shifts.csv`` and, if there are lists, ``lists.csv``.

        ``directory`` is created if missing; the paths written are returned in that order.
        """
        out = Path(directory)
        tables: list[tuple[str, _Table]] = [("jobs.csv", self.jobs), ("shifts.csv", self.shifts)]
        if len(self.lists):
            tables.append(("lists.csv", self.lists))
        check_writable([out / name for name, _ in tables], overwrite=overwrite)
        out.mkdir(parents=True, exist_ok=True)
        return tuple(table.to_csv(out / name, overwrite=overwrite) for name, table in tables)

    def after_warmup(self) -> Records:
        """The records without jobs ready, or shifts starting, before the warm-up ends.

        List rows follow their jobs: a planned visit of a job left out is left out.
        """
        keep = self.jobs.ready >= self.warmup
        lists = self.lists
        if len(lists):
            lists = lists.take(np.isin(lists.job, self.jobs.id[keep]))
        return attrs.evolve(
            self,
            jobs=self.jobs.take(keep),
            shifts=self.shifts.take(self.shifts.start >= self.warmup),
            lists=lists,
        )


def describe_columns(table: type[_Table]) -> Sequence[tuple[str, str]]:
    """(name, description) of each column of a table class, for the docs."""
    return tuple((f.name, f.metadata["doc"]) for f in attrs.fields(cast(Any, table)))
