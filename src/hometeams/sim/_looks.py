"""The engine as policies see it: the read-only questions of :class:`~hometeams.sim.View`.

A policy or an ordering rule asks the engine about *now*: a job's user, zone, owning teams and
competences, who stands where, who knows whom, who is at which care level. These answers are
plain look-ups in the run's tables; they live here, beside the dispatcher rather than in it,
and change nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, MutableMapping

from hometeams._types import CompetenceId, Minutes, StaffId, TeamId, UserId, ZoneId
from hometeams.sim._compile import Compiled
from hometeams.sim._places import Places

__all__ = ["Looks"]


class Looks:
    """The :class:`~hometeams.sim.View` methods of the engine (which sets these tables)."""

    _c: Compiled
    _now: float
    _memo: dict[object, object]
    _known: list[int]
    _free_since: list[float]
    _pref_holders: tuple[int, ...]
    _levels: list[int]
    places: Places

    @property
    def now(self) -> Minutes:
        """The current simulation time."""
        return self._now

    @property
    def staff_ids(self) -> tuple[StaffId, ...]:
        """Staff ids by index."""
        return self._c.staff_ids

    @property
    def memo(self) -> MutableMapping[object, object]:
        """Per-run cache for policies."""
        return self._memo

    def staff_mask(self, staff: Iterable[StaffId]) -> int:
        """Bitmask of staff ids."""
        index = self._c.staff_index
        mask = 0
        for s in staff:
            mask |= 1 << index[s]
        return mask

    def holders(self, competences: Iterable[CompetenceId]) -> int:
        """Bitmask of staff holding all ``competences``."""
        return self._c.holders_of(self._c.bits(frozenset(competences)))

    def team_members(self, team: TeamId) -> int:
        """Bitmask of a team's members."""
        return self._c.team_members[team]

    def job_user(self, job: int) -> UserId:
        """The job's user."""
        return self._c.user_names[self._c.job_user_idx[job]]

    def job_zone(self, job: int) -> ZoneId:
        """The job's zone."""
        return str(self._c.realisation.jobs.zone[job])

    def job_kind(self, job: int) -> str:
        """The job's kind."""
        return str(self._c.realisation.jobs.kind[job])

    def job_teams(self, job: int) -> tuple[TeamId, ...]:
        """Owning team(s) after hand-over."""
        return self._c.owners[job]

    def job_ready(self, job: int) -> Minutes:
        """Ready time."""
        return self._c.ready[job]

    def job_due(self, job: int) -> Minutes:
        """Due time."""
        return self._c.due[job]

    def job_required(self, job: int) -> frozenset[CompetenceId]:
        """Required competences."""
        return self._c.realisation.jobs.required[job]

    def job_preferred(self, job: int) -> frozenset[CompetenceId]:
        """Preferred competences."""
        return self._c.realisation.jobs.preferred[job]

    def job_staff_needed(self, job: int) -> int:
        """Staff needed."""
        return self._c.need[job]

    def primary_contact(self, job: int) -> int:
        """Index of the user's primary contact, or -1."""
        return self._c.user_contact[self._c.job_user_idx[job]]

    def known(self, job: int) -> int:
        """Staff who have served the job's user so far."""
        return self._known[self._c.job_user_idx[job]]

    def travel_time(self, staff: int, job: int) -> Minutes:
        """Travel from the staff member's current zone to the job's zone."""
        return self.places.trip(staff, self._c.job_zone[job])

    def free_since(self, staff: int) -> Minutes:
        """When the staff member last became free."""
        return self._free_since[staff]

    def care_level(self, staff: int) -> int:
        """Care level of the staff member's profession."""
        return self._c.care[staff]

    def holds_preferred(self, staff: int, job: int) -> bool:
        """Whether the staff member holds all the job's preferred competences."""
        return bool(self._pref_holders[job] >> staff & 1)

    def preferred_holders(self, job: int) -> int:
        """Bitmask of staff holding all the job's preferred competences."""
        return self._pref_holders[job]

    def nearest_of(self, job: int, staff: int) -> int:
        """Of the staff in the mask, those with the shortest travel to the job."""
        return self.places.nearest(self._c.job_zone[job], staff)

    def lowest_care_level_of(self, staff: int) -> int:
        """Of the staff in the mask, those at the lowest care level."""
        for mask in self._levels:
            if staff & mask:
                return staff & mask
        return staff
