"""Calendars of the people a coordinator must gather: when each of them is free to meet.

The evaluators could not gather whole follow-up teams even for one interview: "some work rotating
shifts, others have full days of teaching or are on leave, the GP and the physiotherapist have
full calendars several weeks ahead", and the coordinator has no shared calendar for them all
(seed 002 L416-421). A meeting of *n* actors needs one *slot* -- say a morning or an afternoon on
a weekday, ten a week -- in which all of them are free.

A calendar here describes, for every slot of the coming weeks, the probability that one person is
free in it, possibly depending on a random *phase* (which week of a rota they are in when the
coordinator starts looking). Given the phase, slots are free or busy independently. Three kinds
cover the situations in the sources:

* :class:`Independent` -- free in any slot with probability ``p``;
* :class:`BookedAhead` -- a GP or physiotherapist with no free slot in the first ``weeks`` weeks,
  then free with probability ``p``;
* :class:`Rota` -- a nurse on a multi-week rota, free only in the slots of the rota weeks in
  which they work days, with an equally likely starting week.

Any object with ``phases`` and ``availability(phase, *, weeks, slots_per_week)`` is a calendar
(:class:`Calendar`), so a planner can describe a school teacher's timetable without subclassing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol, runtime_checkable

import attrs
import numpy as np
import numpy.typing as npt

from hometeams.errors import InvalidArgument, InvalidScenario
from hometeams.followup._model.checks import check_count

__all__ = ["BookedAhead", "Calendar", "Independent", "Rota"]

FloatArray = npt.NDArray[np.float64]


@runtime_checkable
class Calendar(Protocol):
    """Per-slot probabilities that one person is free, given an equally likely phase.

    Examples
    --------
    :class:`Independent`, :class:`BookedAhead` and :class:`Rota` are calendars, and so is any
    object with the same two members:

    >>> isinstance(Independent(0.5), Calendar), isinstance(0.5, Calendar)
    (True, False)
    """

    @property
    def phases(self) -> int:
        """How many equally likely phases the calendar has (1 if it has none)."""
        ...

    def availability(self, phase: int, *, weeks: int, slots_per_week: int) -> FloatArray:
        """Probabilities of being free in each of ``weeks * slots_per_week`` slots."""
        ...


def _check_probability(p: object, *, field: str = "p") -> None:
    if isinstance(p, bool) or not isinstance(p, int | float) or not 0.0 <= p <= 1.0:
        raise InvalidScenario(f"must be a probability in [0, 1], got {p!r}", path=field)


@attrs.frozen
class Independent:
    """Free in any slot with probability ``p``, independently of every other slot.

    Examples
    --------
    >>> Independent(0.5).availability(0, weeks=1, slots_per_week=4)
    array([0.5, 0.5, 0.5, 0.5])
    """

    p: float

    def __attrs_post_init__(self) -> None:
        _check_probability(self.p)

    @property
    def phases(self) -> int:
        """One phase."""
        return 1

    def availability(self, phase: int, *, weeks: int, slots_per_week: int) -> FloatArray:  # noqa: ARG002 - part of the protocol
        """``p`` in every slot."""
        return np.full(weeks * slots_per_week, float(self.p))


@attrs.frozen
class BookedAhead:
    """Fully booked for the first ``weeks`` weeks, then free with probability ``p`` per slot.

    Examples
    --------
    >>> BookedAhead(1, p=0.5).availability(0, weeks=2, slots_per_week=2)
    array([0. , 0. , 0.5, 0.5])
    """

    weeks: int
    p: float = attrs.field(kw_only=True)

    def __attrs_post_init__(self) -> None:
        check_count(self.weeks, field="weeks", minimum=0)
        _check_probability(self.p)

    @property
    def phases(self) -> int:
        """One phase."""
        return 1

    def availability(self, phase: int, *, weeks: int, slots_per_week: int) -> FloatArray:  # noqa: ARG002 - part of the protocol
        """Zero in the booked weeks, ``p`` afterwards."""
        out = np.full(weeks * slots_per_week, float(self.p))
        out[: min(self.weeks, weeks) * slots_per_week] = 0.0
        return out


def _pattern(values: Iterable[str]) -> tuple[str, ...]:
    if isinstance(values, str):
        return (values,)
    return tuple(values)


@attrs.frozen
class Rota:
    """A multi-week rota: in week ``w`` of the cycle the person can meet in the slots marked ``1``.

    Parameters
    ----------
    pattern
        One string of ``0``/``1`` per rota week, one character per meeting slot of that week
        (its length must equal ``slots_per_week`` when the calendar is used). ``1`` marks a
        slot in which the person is at work on a day shift and could meet.
    p
        Probability of being free in a marked slot (other duties may still take it).

    The phase -- which rota week the first week of planning falls in -- is equally likely to be
    any of the cycle's weeks.

    Examples
    --------
    A nurse on a three-week rota who works days in one week of three:

    >>> nurse = Rota.day_weeks(1, cycle=3, slots_per_week=2, p=0.8)
    >>> nurse.pattern, nurse.phases
    (('11', '00', '00'), 3)
    >>> nurse.availability(2, weeks=2, slots_per_week=2)
    array([0. , 0. , 0.8, 0.8])
    """

    pattern: tuple[str, ...] = attrs.field(converter=_pattern)
    p: float = attrs.field(default=1.0, kw_only=True)

    def __attrs_post_init__(self) -> None:
        if not self.pattern:
            raise InvalidScenario("must hold at least one rota week", path="pattern")
        for i, week in enumerate(self.pattern):
            if not isinstance(week, str) or not week or set(week) - {"0", "1"}:
                raise InvalidScenario(
                    f"must be a non-empty string of 0 and 1, got {week!r}", path=f"pattern[{i}]"
                )
            if len(week) != len(self.pattern[0]):
                raise InvalidScenario(
                    f"must have {len(self.pattern[0])} slots like week 0, got {len(week)}",
                    path=f"pattern[{i}]",
                )
        _check_probability(self.p)

    @classmethod
    def day_weeks(cls, days: int, *, cycle: int, slots_per_week: int = 10, p: float = 1.0) -> Rota:
        """A rota of ``cycle`` weeks whose first ``days`` weeks are day weeks (every slot open)."""
        check_count(cycle, field="cycle")
        check_count(days, field="days", minimum=0)
        if days > cycle:
            raise InvalidScenario(f"must be <= cycle ({cycle}), got {days}", path="days")
        check_count(slots_per_week, field="slots_per_week")
        weeks = ["1" * slots_per_week] * days + ["0" * slots_per_week] * (cycle - days)
        return cls(weeks, p=p)

    @property
    def phases(self) -> int:
        """The rota's cycle length in weeks."""
        return len(self.pattern)

    def availability(self, phase: int, *, weeks: int, slots_per_week: int) -> FloatArray:
        """``p`` in the open slots of the rota weeks, starting at rota week ``phase``."""
        if len(self.pattern[0]) != slots_per_week:
            raise InvalidArgument(
                f"pattern: has {len(self.pattern[0])} slots a week, but slots_per_week is "
                f"{slots_per_week}"
            )
        cycle = len(self.pattern)
        marks = "".join(self.pattern[(phase + w) % cycle] for w in range(weeks))
        return np.fromiter((self.p if c == "1" else 0.0 for c in marks), dtype=np.float64)


def as_calendars(values: Sequence[Calendar | float]) -> tuple[Calendar, ...]:
    """Turn numbers into :class:`Independent` calendars, checking every entry by position."""
    given: object = values
    if isinstance(given, str) or not isinstance(given, Sequence):
        raise InvalidArgument(f"calendars: must be a sequence of calendars, got {values!r}")
    if not values:
        raise InvalidArgument("calendars: must name at least one person, got none")
    out: list[Calendar] = []
    for i, value in enumerate(values):
        if isinstance(value, Calendar):
            out.append(value)
            continue
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
            raise InvalidArgument(
                f"calendars[{i}]: must be a calendar or a probability in [0, 1], got {value!r}"
            )
        out.append(Independent(float(value)))
    return tuple(out)
