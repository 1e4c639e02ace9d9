"""What every job description shares: competences, clock times, window, staff count, team.

A visit plan, an arrival process, an alarm source and a discharge episode all describe jobs with
the same fields; these converters and checks keep their rules (and error messages) identical.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from hometeams._parse import (
    check_count,
    check_id,
    check_nonnegative,
    clock_minutes,
    id_set,
    weekdays,
)
from hometeams._types import CompetenceId, Minutes
from hometeams.errors import InvalidScenario

__all__ = [
    "JobFields",
    "check_job",
    "days_field",
    "preferred_field",
    "required_field",
    "times_field",
]


class JobFields(Protocol):
    """The fields every job description has."""

    @property
    def window(self) -> Minutes: ...

    @property
    def n_staff(self) -> int: ...

    @property
    def required(self) -> frozenset[CompetenceId]: ...

    @property
    def preferred(self) -> frozenset[CompetenceId]: ...


def required_field(values: Iterable[CompetenceId] | str) -> frozenset[CompetenceId]:
    """Converter for ``required``: a set of competence ids."""
    return id_set(values, field="required")


def preferred_field(values: Iterable[CompetenceId] | str) -> frozenset[CompetenceId]:
    """Converter for ``preferred``: a set of competence ids."""
    return id_set(values, field="preferred")


def days_field(value: object) -> frozenset[int]:
    """Converter for ``days``: weekday numbers."""
    return weekdays(value, field="days")


def times_field(values: Iterable[object] | str | float) -> tuple[Minutes, ...]:
    """Converter for ``times``: sorted distinct clock times in minutes after midnight."""
    items = (values,) if isinstance(values, str | int | float) else tuple(values)
    if not items:
        raise InvalidScenario("must name at least one clock time", path="times")
    return tuple(sorted({clock_minutes(v, field=f"times[{i}]") for i, v in enumerate(items)}))


def check_job(obj: JobFields) -> None:
    """Check ``window``, ``n_staff`` and any ``team``; store the window as a float."""
    check_nonnegative(obj.window, field="window")
    object.__setattr__(obj, "window", float(obj.window))
    check_count(obj.n_staff, field="n_staff", low=1, high=2)
    team = getattr(obj, "team", None)
    if team is not None:
        check_id(team, field="team")
