"""Checks that records can be measured at all.

Records come from the simulator, from a CSV file a planner edited, or from a test. A metric of
impossible records (a job in state 7, a served visit without a start time, a shift with minus
twenty busy minutes) would look like a number and mean nothing, so such records are rejected
with the table, column, row and value named.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

from hometeams.errors import InvalidArgument
from hometeams.records import JobRecords, JobState, Records

__all__ = ["check_jobs", "check_records"]

_STATES = {int(s) for s in JobState}


def _first_bad(
    where: str, column: str, bad: NDArray[np.bool_], values: NDArray[Any], rule: str
) -> None:
    if bad.any():
        i = int(np.flatnonzero(bad)[0])
        raise InvalidArgument(f"{where}.{column}[{i}]: {rule}, got {values[i].item()!r}")


def check_jobs(jobs: JobRecords, *, where: str = "jobs") -> None:
    """Raise :class:`~hometeams.errors.InvalidArgument` if the job rows cannot be measured.

    Jobs need a finite ready time and a known state; a served job (on time or late) needs a
    staff member and a finite start.
    """
    _first_bad(where, "ready", ~np.isfinite(jobs.ready), jobs.ready, "must be finite")
    known = np.isin(jobs.state, sorted(_STATES))
    _first_bad(where, "state", ~known, jobs.state, "must be 0 (on time), 1 (late) or 2 (unserved)")
    served = jobs.state != JobState.UNSERVED
    _first_bad(
        where, "start", served & ~np.isfinite(jobs.start), jobs.start, "a served job needs a start"
    )
    _first_bad(where, "staff", served & (jobs.staff == ""), jobs.staff, "a served job needs staff")


def check_records(records: Records) -> None:
    """Raise :class:`~hometeams.errors.InvalidArgument` if the records cannot be measured.

    The jobs as in :func:`check_jobs`; shift minutes must be finite and non-negative.

    Examples
    --------
    >>> from hometeams.records import ShiftRecords
    >>> check_records(Records(JobRecords.empty(), ShiftRecords.empty()))  # nothing wrong
    """
    check_jobs(records.jobs, where="records.jobs")
    for column in ("rostered", "busy", "travel", "idle", "overtime"):
        values = getattr(records.shifts, column)
        bad = ~(np.isfinite(values) & (values >= 0))
        _first_bad("records.shifts", column, bad, values, "must be finite and >= 0")
