"""Absences: sick leave and named people away.

Small teams are fragile: a welfare-technology team of five was down to one active member because
of sick leave (domain.md §2, item 7). Two descriptions of absence test that:

- :class:`SickLeave`: each rostered shift of each staff member is lost with a probability --
  drawn so that the *same* person is sick on the *same* day and period in every organisation
  model compared with the same seed (see ``docs/explanation/randomness.md``);
- :class:`Absence`: a named staff member is away from ``start`` to ``end`` -- remove a key
  person for a week, or for the whole run, and see what breaks.

A shift hit by sick leave is absent as a whole. A shift that an :class:`Absence` covers only in
part is split: the covered part is absent, the rest is worked (the person comes in late or goes
home early).
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import attrs

from hometeams._checks import items_of
from hometeams._parse import check_id, check_nonnegative, check_probability, id_set
from hometeams._types import Minutes, StaffId
from hometeams.errors import InvalidScenario

__all__ = ["Absence", "Absences", "SickLeave"]


def _staff(values: Iterable[StaffId] | str) -> frozenset[StaffId]:
    return id_set(values, field="staff")


@attrs.frozen
class SickLeave:
    """Sick leave: each shift is lost with ``probability``, independently.

    Parameters
    ----------
    probability
        Chance that a staff member is absent from a given shift (a sick-leave rate of 8 %
        is ``0.08``).
    staff
        Staff it applies to; empty for everyone.

    Examples
    --------
    >>> SickLeave(0.08).probability
    0.08
    >>> SickLeave(1.5)
    Traceback (most recent call last):
    ...
    hometeams.errors.InvalidScenario: probability: must be a probability in [0, 1], got 1.5
    """

    probability: float = 0.0
    staff: frozenset[StaffId] = attrs.field(default=frozenset(), converter=_staff, kw_only=True)

    def __attrs_post_init__(self) -> None:
        check_probability(self.probability, field="probability")
        object.__setattr__(self, "probability", float(self.probability))

    def applies_to(self, staff: StaffId) -> bool:
        """Whether ``staff`` can be sick under this description."""
        return self.probability > 0 and (not self.staff or staff in self.staff)


@attrs.frozen
class Absence:
    """A named staff member away from ``start`` to ``end`` (minutes since Monday 00:00, week 1).

    The defaults cover the whole run: ``Absence("kari")`` removes Kari from every shift.

    Examples
    --------
    >>> Absence("kari", start=7 * 1440, end=14 * 1440)    # the whole of week 2
    Absence(staff='kari', start=10080.0, end=20160.0, reason='')
    >>> Absence("kari", start=100, end=50)
    Traceback (most recent call last):
    ...
    hometeams.errors.InvalidScenario: end: must be after start (100), got 50
    """

    staff: StaffId
    start: Minutes = attrs.field(default=0.0, kw_only=True)
    end: Minutes = attrs.field(default=math.inf, kw_only=True)
    reason: str = attrs.field(default="", kw_only=True)

    def __attrs_post_init__(self) -> None:
        check_id(self.staff, field="staff")
        check_nonnegative(self.start, field="start")
        check_nonnegative(self.end, field="end", finite=False)
        if self.end <= self.start:
            raise InvalidScenario(
                f"must be after start ({self.start:g}), got {self.end:g}", path="end"
            )
        object.__setattr__(self, "start", float(self.start))
        object.__setattr__(self, "end", float(self.end))


def _sick(value: SickLeave | float) -> SickLeave:
    if isinstance(value, SickLeave):
        return value
    try:
        return SickLeave(value)
    except InvalidScenario as err:
        raise err.within("sick_leave") from None


def _intervals(values: Iterable[Absence]) -> tuple[Absence, ...]:
    return items_of(values, Absence, field="intervals")


@attrs.frozen
class Absences:
    """Who is away: sick leave by chance and named absences.

    Parameters
    ----------
    sick_leave
        A :class:`SickLeave`, or just its probability.
    intervals
        Named :class:`Absence` intervals.

    Examples
    --------
    >>> a = Absences(sick_leave=0.06, intervals=[Absence("kari")])
    >>> a.sick_leave.probability, a.intervals[0].staff
    (0.06, 'kari')
    """

    sick_leave: SickLeave = attrs.field(default=SickLeave(), converter=_sick, kw_only=True)
    intervals: tuple[Absence, ...] = attrs.field(default=(), converter=_intervals, kw_only=True)
