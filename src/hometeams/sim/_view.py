"""What a policy may look at: the engine's read-only view of one moment of a shift.

Picture the coordinator's screen on a Tuesday evening: the visit that just became due, who is on
duty and free, where each of them is, who has seen this user before. A policy (and an ordering
rule) reads exactly that through a :class:`View` and nothing else; it never changes the
engine's state. Staff are numbered ``0 .. n-1`` in the organisation's order, and a *set* of staff
is an ``int`` bitmask (bit ``i`` set = staff ``i`` in the set), so that a policy's answer costs a
few integer operations, not a Python set per event.

Jobs are numbered in the order of the realisation (by ready time).
"""

from __future__ import annotations

from collections.abc import Iterable, MutableMapping
from typing import Protocol

from hometeams._types import CompetenceId, Minutes, StaffId, TeamId, UserId, ZoneId

__all__ = ["View"]


class View(Protocol):
    """The engine's read-only view, passed to policies and ordering rules.

    Staff are indices into :attr:`staff_ids`; sets of staff are ``int`` bitmasks (see
    :meth:`staff_mask`). Everything here is a question about *now*; nothing changes state.

    Examples
    --------
    An ordering rule that sends whoever has the shortest drive, counting a familiar face as
    ten minutes nearer:

    >>> def familiar_or_near(job, staff, view):
    ...     known = view.known(job) >> staff & 1
    ...     return view.travel_time(staff, job) - 10.0 * known
    >>> from hometeams.sim import Pooled
    >>> Pooled(order=(familiar_or_near,)).order[0] is familiar_or_near
    True
    """

    @property
    def now(self) -> Minutes:
        """The current simulation time."""
        ...

    @property
    def staff_ids(self) -> tuple[StaffId, ...]:
        """Staff ids by index, in the organisation's order."""
        ...

    @property
    def memo(self) -> MutableMapping[object, object]:
        """A per-run dict where a policy may cache what it computed (e.g. masks per team)."""
        ...

    def staff_mask(self, staff: Iterable[StaffId]) -> int:
        """The bitmask of the given staff ids (unknown ids are an error)."""
        ...

    def holders(self, competences: Iterable[CompetenceId]) -> int:
        """The bitmask of staff who hold every one of ``competences``."""
        ...

    def team_members(self, team: TeamId) -> int:
        """The bitmask of a team's members (on duty or not)."""
        ...

    def job_user(self, job: int) -> UserId:
        """The user a job is for."""
        ...

    def job_zone(self, job: int) -> ZoneId:
        """The zone a job is in."""
        ...

    def job_kind(self, job: int) -> str:
        """What produced the job: ``visit``, ``arrival``, ``discharge``, ``alarm``, ..."""
        ...

    def job_teams(self, job: int) -> tuple[TeamId, ...]:
        """The teams that own the job now, after a day-only team's hand-over (may be empty)."""
        ...

    def job_ready(self, job: int) -> Minutes:
        """When the job became ready (its planned start)."""
        ...

    def job_due(self, job: int) -> Minutes:
        """Its latest acceptable start."""
        ...

    def job_required(self, job: int) -> frozenset[CompetenceId]:
        """Competences the staff sent must hold (the engine enforces these)."""
        ...

    def job_preferred(self, job: int) -> frozenset[CompetenceId]:
        """Competences the staff sent should hold."""
        ...

    def job_staff_needed(self, job: int) -> int:
        """1, or 2 for a two-person visit."""
        ...

    def primary_contact(self, job: int) -> int:
        """Index of the job's user's primary contact, or ``-1`` if none."""
        ...

    def known(self, job: int) -> int:
        """Bitmask of staff who have served the job's user earlier in this run."""
        ...

    def travel_time(self, staff: int, job: int) -> Minutes:
        """Minutes for ``staff`` to travel from where they are now to the job's zone."""
        ...

    def free_since(self, staff: int) -> Minutes:
        """When ``staff`` last became free (start of their current idle spell)."""
        ...

    def care_level(self, staff: int) -> int:
        """The care level (1-5) of the staff member's profession."""
        ...

    def holds_preferred(self, staff: int, job: int) -> bool:
        """Whether ``staff`` holds every preferred competence of ``job``."""
        ...

    def preferred_holders(self, job: int) -> int:
        """The bitmask of staff holding every preferred competence of ``job``."""
        ...

    def nearest_of(self, job: int, staff: int) -> int:
        """Of the staff in the bitmask ``staff``, those with the shortest travel to ``job``."""
        ...

    def lowest_care_level_of(self, staff: int) -> int:
        """Of the staff in the bitmask ``staff``, those at the lowest care level."""
        ...
