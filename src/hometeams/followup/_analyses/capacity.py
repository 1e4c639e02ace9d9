"""Are there enough coordinators? Slots, used slots and overloaded coordinators.

Each coordinator role has room for a number of users -- its hours a week divided by the hours
one user takes, capped by the role's maximum caseload (:meth:`CoordinatorRole.slots`). Summed over
the programme, that is the municipality's coordinating capacity. Five years into the pilot it
was "still a challenge to get enough coordinators" (seed 003 L1522), and almost a third of
coordinators said they lacked the time (seed 003 L1718): :func:`capacity` shows both the
shortfall against every user with complex needs and the coordinators already past their budget.
"""

from __future__ import annotations

import attrs

from hometeams._types import StaffId
from hometeams.followup._model.programme import FollowUpProgramme

__all__ = ["CapacityReport", "CoordinatorLoad", "capacity"]


@attrs.frozen
class CoordinatorLoad:
    """One coordinator's load against their role.

    Attributes
    ----------
    staff
        The coordinator.
    caseload
        Users they coordinate.
    slots
        Users their role can hold.
    hours_per_week
        The role's weekly budget.
    hours_needed
        ``caseload`` times the programme's hours per user.

    Examples
    --------
    >>> CoordinatorLoad("siri", caseload=3, slots=2, hours_per_week=2.0,
    ...                 hours_needed=3.0).overloaded
    True
    """

    staff: StaffId
    caseload: int
    slots: int
    hours_per_week: float
    hours_needed: float

    @property
    def overloaded(self) -> bool:
        """Whether the caseload exceeds the role's slots."""
        return self.caseload > self.slots


@attrs.frozen
class CapacityReport:
    """Coordinating capacity of a programme.

    Attributes
    ----------
    loads
        Every coordinator's load, in role order.
    users
        Users with complex needs in the programme.
    coordinated
        Users with a coordinator.

    Examples
    --------
    >>> load = CoordinatorLoad("siri", caseload=1, slots=2, hours_per_week=2.0,
    ...                        hours_needed=1.0)
    >>> report = CapacityReport(loads=(load,), users=4, coordinated=1)
    >>> report.slots, report.free, report.shortfall
    (2, 1, 2)
    """

    loads: tuple[CoordinatorLoad, ...]
    users: int
    coordinated: int

    @property
    def slots(self) -> int:
        """Total slots of all roles."""
        return sum(load.slots for load in self.loads)

    @property
    def free(self) -> int:
        """Slots not in use (overloaded coordinators contribute none, not a negative number)."""
        return sum(max(0, load.slots - load.caseload) for load in self.loads)

    @property
    def uncoordinated(self) -> int:
        """Users without a coordinator."""
        return self.users - self.coordinated

    @property
    def shortfall(self) -> int:
        """Slots missing for every user in the programme to have a coordinator."""
        return max(0, self.users - self.slots)

    @property
    def overloaded(self) -> tuple[StaffId, ...]:
        """Coordinators whose caseload exceeds their slots."""
        return tuple(load.staff for load in self.loads if load.overloaded)


def capacity(programme: FollowUpProgramme) -> CapacityReport:
    """The programme's coordinating capacity and who is overloaded.

    Parameters
    ----------
    programme
        The follow-up programme; its ``hours_per_user`` converts hours into slots.

    Returns
    -------
    CapacityReport

    Examples
    --------
    >>> from hometeams.followup import ComplexNeedsUser, CoordinatorRole, FollowUpProgramme
    >>> p = FollowUpProgramme(
    ...     "x",
    ...     coordinators=[CoordinatorRole("a", hours_per_week=1.5),
    ...                   CoordinatorRole("b", hours_per_week=6, max_caseload=4)],
    ...     users=[ComplexNeedsUser("u1", age=8, services=["gp"], coordinator="a"),
    ...            ComplexNeedsUser("u2", age=9, services=["gp"], coordinator="a"),
    ...            ComplexNeedsUser("u3", age=81, services=["home-care"])])
    >>> report = capacity(p)
    >>> report.slots, report.free, report.overloaded, report.uncoordinated, report.shortfall
    (5, 4, ('a',), 1, 0)
    """
    loads = tuple(
        CoordinatorLoad(
            staff=role.staff,
            caseload=programme.caseload(role.staff),
            slots=programme.slots(role.staff),
            hours_per_week=role.hours_per_week,
            hours_needed=programme.caseload(role.staff) * programme.hours_per_user,
        )
        for role in programme.coordinators
    )
    coordinated = sum(1 for u in programme.users if u.coordinator is not None)
    return CapacityReport(loads=loads, users=len(programme.users), coordinated=coordinated)
