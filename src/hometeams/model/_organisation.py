"""The organisation: every entity of a home-care service, checked as a whole.

The entities check their own fields; :class:`Organisation` checks what only the whole can tell:
unique ids, references that resolve, team shares within each person's position, and reporting
lines without cycles. An invalid organisation is never built: construction raises
:class:`~hometeams.errors.InvalidScenario` with the path of the first offending field, e.g.
``teams[2].members[0].share``, and a rule that names the entity and the value.

A user who needs a competence that nobody in the organisation holds is *not* an error: that gap is
a finding a planner wants to see in their current organisation, not a reason to refuse to model
it. :meth:`Organisation.uncovered_needs` lists such gaps, and ``hometeams check`` and
``hometeams analyse`` report them.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import Protocol, TypeVar

import attrs

from hometeams._checks import items_of
from hometeams._types import CompetenceId, ProfessionId, StaffId, TeamId, UnitId, UserId, ZoneId
from hometeams.errors import InvalidArgument, InvalidScenario, shorten
from hometeams.model._catalogue import COMPETENCES, PROFESSIONS, TEAM_TYPES
from hometeams.model._entities import Competence, Profession, Staff, Team, Unit, User, Zone

__all__ = ["Organisation"]

_SHARE_TOLERANCE = 1e-9


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


_T = TypeVar("_T", bound=_HasId)


def _index(items: Sequence[_T], field: str) -> Mapping[str, _T]:
    out: dict[str, _T] = {}
    for i, item in enumerate(items):
        if item.id in out:
            raise InvalidScenario(f"duplicate id {item.id!r} in {field}", path=f"{field}[{i}].id")
        out[item.id] = item
    return MappingProxyType(out)


# One converter per field: mypy's attrs plugin cannot solve a generic converter's type variable,
# so a generic one would make every typed caller's ``Organisation(staff=[...])`` an error.
def _staff(values: Iterable[Staff]) -> tuple[Staff, ...]:
    return items_of(values, Staff, field="staff")


def _teams(values: Iterable[Team]) -> tuple[Team, ...]:
    return items_of(values, Team, field="teams")


def _zones(values: Iterable[Zone]) -> tuple[Zone, ...]:
    return items_of(values, Zone, field="zones")


def _users(values: Iterable[User]) -> tuple[User, ...]:
    return items_of(values, User, field="users")


def _units(values: Iterable[Unit]) -> tuple[Unit, ...]:
    return items_of(values, Unit, field="units")


def _competences(values: Iterable[Competence]) -> tuple[Competence, ...]:
    return items_of(values, Competence, field="competences")


def _professions(values: Iterable[Profession]) -> tuple[Profession, ...]:
    return items_of(values, Profession, field="professions")


@attrs.frozen
class Organisation:
    """A home-care organisation: staff, teams, zones, users and units.

    Parameters
    ----------
    name
        The organisation's name.
    staff, teams, zones, users, units
        The entities. Ids must be unique within each kind.
    competences, professions
        The organisation's own competences and professions, in addition to the catalogues
        :data:`~hometeams.model.COMPETENCES` and :data:`~hometeams.model.PROFESSIONS`. An entry
        with a catalogue id replaces the catalogue entry (e.g. to relabel it).

    Raises
    ------
    InvalidScenario
        On duplicate ids, unknown references, team shares that add up to more than a person's
        FTE, or a cycle in reporting lines.

    Examples
    --------
    >>> from hometeams.model import Membership, Staff, Team, User, Zone
    >>> org = Organisation(
    ...     "District 1",
    ...     zones=[Zone("north")],
    ...     staff=[Staff("kari", profession="nurse", competences=["dementia"], zone="north"),
    ...            Staff("ola", profession="health-worker", fte=0.5, zone="north")],
    ...     teams=[Team("north", category="geographic", members=["kari", "ola"],
    ...                 zones=["north"])],
    ...     users=[User("u1", zone="north", needs=["dementia"], team="north")],
    ... )
    >>> org.fte, org.team_fte("north")
    (1.5, 1.5)
    >>> org.teams_of("ola")
    ('north',)

    An error names the field, the value and the rule:

    >>> Organisation("x", staff=[Staff("kari", profession="nurse", fte=0.5)],
    ...              teams=[Team("t", members=[Membership("kari", share=0.8)])])
    ... # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    hometeams.errors.InvalidScenario: teams[0].members[0].share: staff 'kari' gives 0.8 FTE ...
    >>> try:
    ...     Organisation("x", staff=[Staff("kari", profession="nurse", fte=0.5)],
    ...                  teams=[Team("t", members=[Membership("kari", share=0.8)])])
    ... except ValueError as err:
    ...     print(err.path)
    ...     print(err.rule)
    teams[0].members[0].share
    staff 'kari' gives 0.8 FTE to teams, more than their position of 0.5 FTE
    """

    name: str
    staff: tuple[Staff, ...] = attrs.field(default=(), converter=_staff, kw_only=True)
    teams: tuple[Team, ...] = attrs.field(default=(), converter=_teams, kw_only=True)
    zones: tuple[Zone, ...] = attrs.field(default=(), converter=_zones, kw_only=True)
    users: tuple[User, ...] = attrs.field(default=(), converter=_users, kw_only=True)
    units: tuple[Unit, ...] = attrs.field(default=(), converter=_units, kw_only=True)
    competences: tuple[Competence, ...] = attrs.field(
        default=(), converter=_competences, kw_only=True
    )
    professions: tuple[Profession, ...] = attrs.field(
        default=(), converter=_professions, kw_only=True
    )

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.name, str):
            raise InvalidArgument(f"name: must be a string, got {shorten(self.name)}")
        _validate(self)

    # -- look-ups ------------------------------------------------------------------------------

    @functools.cached_property
    def staff_by_id(self) -> Mapping[StaffId, Staff]:
        """Staff keyed by id."""
        return _index(self.staff, "staff")

    @functools.cached_property
    def teams_by_id(self) -> Mapping[TeamId, Team]:
        """Teams keyed by id."""
        return _index(self.teams, "teams")

    @functools.cached_property
    def zones_by_id(self) -> Mapping[ZoneId, Zone]:
        """Zones keyed by id."""
        return _index(self.zones, "zones")

    @functools.cached_property
    def users_by_id(self) -> Mapping[UserId, User]:
        """Users keyed by id."""
        return _index(self.users, "users")

    @functools.cached_property
    def units_by_id(self) -> Mapping[UnitId, Unit]:
        """Units keyed by id."""
        return _index(self.units, "units")

    @functools.cached_property
    def all_competences(self) -> Mapping[CompetenceId, Competence]:
        """The catalogue's competences updated with the organisation's own."""
        return MappingProxyType({**COMPETENCES, **_index(self.competences, "competences")})

    @functools.cached_property
    def all_professions(self) -> Mapping[ProfessionId, Profession]:
        """The catalogue's professions updated with the organisation's own."""
        return MappingProxyType({**PROFESSIONS, **_index(self.professions, "professions")})

    @property
    def fte(self) -> float:
        """Total FTE of all staff."""
        return float(sum(s.fte for s in self.staff))

    def share(self, team: TeamId, staff: StaffId) -> float:
        """The FTE a staff member gives to a team (their whole FTE for a bare membership).

        Raises
        ------
        KeyError
            If the staff member is not in the team.
        """
        return self._shares[team][staff]

    def team_fte(self, team: TeamId) -> float:
        """Total FTE the members give to a team."""
        return float(sum(self._shares[team].values()))

    @functools.cached_property
    def _shares(self) -> Mapping[TeamId, Mapping[StaffId, float]]:
        staff = self.staff_by_id
        return MappingProxyType(
            {
                t.id: MappingProxyType(
                    {m.staff: staff[m.staff].fte if m.share is None else m.share for m in t.members}
                )
                for t in self.teams
            }
        )

    def care_level(self, staff: StaffId) -> int:
        """The care level of a staff member's profession."""
        return self.all_professions[self.staff_by_id[staff].profession].care_level

    def teams_of(self, staff: StaffId) -> tuple[TeamId, ...]:
        """Ids of the teams a staff member belongs to, in team order."""
        return self._teams_of.get(staff, ())

    @functools.cached_property
    def _teams_of(self) -> Mapping[StaffId, tuple[TeamId, ...]]:
        out: dict[StaffId, list[TeamId]] = {}
        for team in self.teams:
            for member in team.members:
                out.setdefault(member.staff, []).append(team.id)
        return MappingProxyType({k: tuple(v) for k, v in out.items()})

    def manager_of(self, staff: StaffId) -> StaffId | None:
        """Who a staff member reports to, or ``None`` at the top (see :class:`Unit`)."""
        return self.reporting_lines.get(staff)

    @functools.cached_property
    def reporting_lines(self) -> Mapping[StaffId, StaffId]:
        """Each staff member's manager: ``reports_to`` if given, else their unit's leader.

        A unit's leader reports to the leader of the nearest ancestor unit with a different
        leader.
        """
        return MappingProxyType(_reporting_lines(self))

    def uncovered_needs(self) -> Mapping[UserId, frozenset[CompetenceId]]:
        """Users' needs that no staff member in the organisation holds.

        Returns
        -------
        Mapping
            For each user with at least one uncovered need, those competences.
        """
        held: set[CompetenceId] = set().union(*(s.competences for s in self.staff))
        gaps = {u.id: u.needs - held for u in self.users if u.needs - held}
        return MappingProxyType(gaps)


def _reporting_lines(org: Organisation) -> dict[StaffId, StaffId]:
    units = org.units_by_id
    lines: dict[StaffId, StaffId] = {}
    for person in org.staff:
        if person.reports_to is not None:
            lines[person.id] = person.reports_to
            continue
        unit_id = person.unit
        while unit_id is not None:
            leader = units[unit_id].leader
            if leader is not None and leader != person.id:
                lines[person.id] = leader
                break
            unit_id = units[unit_id].parent
    return lines


def _require(known: Mapping[str, object], value: str | None, *, kind: str, path: str) -> None:
    if value is not None and value not in known:
        raise InvalidScenario(f"unknown {kind} {value!r}", path=path)


def _validate(org: Organisation) -> None:
    staff, teams, zones = org.staff_by_id, org.teams_by_id, org.zones_by_id
    units, competences, professions = org.units_by_id, org.all_competences, org.all_professions
    _ = org.users_by_id  # duplicate user ids

    for i, person in enumerate(org.staff):
        at = f"staff[{i}]"
        _require(professions, person.profession, kind="profession", path=f"{at}.profession")
        for competence in sorted(person.competences):
            _require(competences, competence, kind="competence", path=f"{at}.competences")
        _require(zones, person.zone, kind="zone", path=f"{at}.zone")
        _require(units, person.unit, kind="unit", path=f"{at}.unit")
        _require(staff, person.reports_to, kind="staff member", path=f"{at}.reports_to")

    given: dict[StaffId, float] = {}
    for i, team in enumerate(org.teams):
        at = f"teams[{i}]"
        if team.type is not None and team.type not in TEAM_TYPES:
            raise InvalidScenario(
                f"unknown team type {team.type!r}; use one of {', '.join(TEAM_TYPES)} "
                "or leave it out",
                path=f"{at}.type",
            )
        for zone in sorted(team.zones):
            _require(zones, zone, kind="zone", path=f"{at}.zones")
        _require(staff, team.leader, kind="staff member", path=f"{at}.leader")
        _require(units, team.unit, kind="unit", path=f"{at}.unit")
        for j, member in enumerate(team.members):
            _require(staff, member.staff, kind="staff member", path=f"{at}.members[{j}].staff")
            fte = staff[member.staff].fte
            total = given.get(member.staff, 0.0) + (fte if member.share is None else member.share)
            given[member.staff] = total
            if total > fte + _SHARE_TOLERANCE:
                raise InvalidScenario(
                    f"staff {member.staff!r} gives {total:g} FTE to teams, more than their "
                    f"position of {fte:g} FTE",
                    path=f"{at}.members[{j}].share",
                )

    for i, user in enumerate(org.users):
        at = f"users[{i}]"
        _require(zones, user.zone, kind="zone", path=f"{at}.zone")
        for need in sorted(user.needs):
            _require(competences, need, kind="competence", path=f"{at}.needs")
        _require(staff, user.primary_contact, kind="staff member", path=f"{at}.primary_contact")
        _require(teams, user.team, kind="team", path=f"{at}.team")

    for i, unit in enumerate(org.units):
        _require(staff, unit.leader, kind="staff member", path=f"units[{i}].leader")
        _require(units, unit.parent, kind="unit", path=f"units[{i}].parent")
    _check_unit_cycles(org)
    _check_reporting_cycles(org)


def _check_unit_cycles(org: Organisation) -> None:
    units = org.units_by_id
    for i, unit in enumerate(org.units):
        chain = [unit.id]
        parent = unit.parent
        while parent is not None:
            if parent in chain:
                loop = " -> ".join([*chain[chain.index(parent) :], parent])
                raise InvalidScenario(f"cycle in unit hierarchy: {loop}", path=f"units[{i}].parent")
            chain.append(parent)
            parent = units[parent].parent


def _check_reporting_cycles(org: Organisation) -> None:
    lines = org.reporting_lines
    position = {s.id: i for i, s in enumerate(org.staff)}
    for start in lines:
        chain = [start]
        boss = lines.get(start)
        while boss is not None:
            if boss in chain:
                loop = " -> ".join([*chain[chain.index(boss) :], boss])
                raise InvalidScenario(
                    f"cycle in reporting lines: {loop}",
                    path=f"staff[{position[start]}].reports_to",
                )
            chain.append(boss)
            boss = lines.get(boss)
