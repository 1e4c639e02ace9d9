"""A municipality's follow-up programme: coordinators, users, teams and the coordinating unit.

:class:`FollowUpProgramme` is the aggregate every analysis and the flow simulation start from.
It can stand alone, naming coordinators by staff id only -- enough for a planner who has a list
of coordinators and their users -- or it can reference an
:class:`~hometeams.model.Organisation`, in which case every coordinator, primary contact and
coordinating-unit member must be one of its staff, and a coordinator role can take no more hours
than the person's position (*stillingsprosent* times a full-time week). The choice is the
planner's: the analyses need only what the programme itself holds.

A coordinator whose caseload exceeds their role's slots is *not* an error: an overloaded
coordinator is a finding (:func:`~hometeams.followup.capacity`), just as uncovered needs are in
the organisation model.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from types import MappingProxyType

import attrs

from hometeams._types import StaffId, UserId
from hometeams.errors import InvalidScenario
from hometeams.followup._model.checks import check_positive
from hometeams.followup._model.roles import FULL_TIME_HOURS, CoordinatingUnit, CoordinatorRole
from hometeams.followup._model.users import ComplexNeedsUser, FollowUpTeam
from hometeams.model import Organisation

__all__ = ["FollowUpProgramme"]


def _roles(values: Iterable[CoordinatorRole]) -> tuple[CoordinatorRole, ...]:
    return tuple(values)


def _users(values: Iterable[ComplexNeedsUser]) -> tuple[ComplexNeedsUser, ...]:
    return tuple(values)


def _teams(values: Iterable[FollowUpTeam]) -> tuple[FollowUpTeam, ...]:
    return tuple(values)


@attrs.frozen
class FollowUpProgramme:
    """Coordinators, the users with complex needs, their teams and the coordinating unit.

    Parameters
    ----------
    name
        The municipality or programme name.
    coordinators
        One :class:`CoordinatorRole` per coordinator.
    users
        The users with complex needs, with and without a coordinator.
    teams
        Explicit :class:`FollowUpTeam` descriptions, each led by its user's coordinator and
        placing every one of the user's services in the core or the wider group; a coordinated
        user without one gets :meth:`FollowUpTeam.around` (everyone in the core).
    unit
        The coordinating unit, if it is modelled.
    organisation
        The organisation the coordinators work in, or ``None`` for a standalone programme.
    hours_per_user
        Coordinating hours a week one user takes. The default of 1.0 is an assumption: the
        sources give no figure, only that almost a third of coordinators lack the time
        (seed 003 L1718).

    Raises
    ------
    InvalidScenario
        On duplicate ids, a user whose coordinator holds no role, a team that disagrees with
        its user, or (with an organisation) unknown staff and roles larger than a position.

    Examples
    --------
    >>> programme = FollowUpProgramme(
    ...     "Senja",
    ...     coordinators=[CoordinatorRole("siri", hours_per_week=2.0),
    ...                   CoordinatorRole("per", hours_per_week=6.0, max_caseload=8)],
    ...     users=[ComplexNeedsUser("ole", age=6, services=["gp", "kindergarten"],
    ...                             coordinator="siri"),
    ...            ComplexNeedsUser("hans", age=64, services=["gp", "home-care"],
    ...                             coordinator="per"),
    ...            ComplexNeedsUser("bjorg", age=74, services=["home-care"],
    ...                             primary_contact="kari")],
    ... )
    >>> programme.caseloads["per"], programme.caseload("siri")
    (('hans',), 1)
    >>> [t.user for t in programme.active_teams]
    ['ole', 'hans']
    >>> FollowUpProgramme("x", users=[ComplexNeedsUser("ole", age=6, services=["gp"],
    ...                                                coordinator="siri")])
    Traceback (most recent call last):
    ...
    hometeams.errors.InvalidScenario: users[0].coordinator: 'siri' holds no coordinator role; ...
    """

    name: str
    coordinators: tuple[CoordinatorRole, ...] = attrs.field(
        default=(), converter=_roles, kw_only=True
    )
    users: tuple[ComplexNeedsUser, ...] = attrs.field(default=(), converter=_users, kw_only=True)
    teams: tuple[FollowUpTeam, ...] = attrs.field(default=(), converter=_teams, kw_only=True)
    unit: CoordinatingUnit | None = attrs.field(default=None, kw_only=True)
    organisation: Organisation | None = attrs.field(default=None, kw_only=True)
    hours_per_user: float = attrs.field(default=1.0, kw_only=True)

    def __attrs_post_init__(self) -> None:
        _validate(self)

    # -- look-ups ------------------------------------------------------------------------------

    @functools.cached_property
    def roles(self) -> Mapping[StaffId, CoordinatorRole]:
        """Coordinator roles keyed by staff id."""
        return MappingProxyType({r.staff: r for r in self.coordinators})

    @functools.cached_property
    def users_by_id(self) -> Mapping[UserId, ComplexNeedsUser]:
        """Users keyed by id."""
        return MappingProxyType({u.id: u for u in self.users})

    @functools.cached_property
    def caseloads(self) -> Mapping[StaffId, tuple[UserId, ...]]:
        """Each coordinator's users, in user order (an empty tuple for an idle coordinator)."""
        out: dict[StaffId, list[UserId]] = {r.staff: [] for r in self.coordinators}
        for user in self.users:
            if user.coordinator is not None:
                out[user.coordinator].append(user.id)
        return MappingProxyType({k: tuple(v) for k, v in out.items()})

    def caseload(self, staff: StaffId) -> int:
        """The number of users a coordinator has."""
        return len(self.caseloads[staff])

    def slots(self, staff: StaffId) -> int:
        """How many users a coordinator's role can hold (see :meth:`CoordinatorRole.slots`)."""
        return self.roles[staff].slots(hours_per_user=self.hours_per_user)

    def team(self, user: UserId) -> FollowUpTeam:
        """The follow-up team around a coordinated user (explicit, or everyone in the core).

        Raises
        ------
        InvalidScenario
            If the user has no coordinator, and so no team.
        """
        explicit = self._teams_by_user.get(user)
        if explicit is not None:
            return explicit
        return FollowUpTeam.around(self.users_by_id[user])

    @property
    def active_teams(self) -> tuple[FollowUpTeam, ...]:
        """The teams of every coordinated user, in user order."""
        return tuple(self.team(u.id) for u in self.users if u.coordinator is not None)

    @functools.cached_property
    def _teams_by_user(self) -> Mapping[UserId, FollowUpTeam]:
        return MappingProxyType({t.user: t for t in self.teams})


def _unique(values: Iterable[str], *, field: str, attr: str, kind: str) -> None:
    seen: set[str] = set()
    for i, value in enumerate(values):
        if value in seen:
            raise InvalidScenario(f"duplicate {kind} {value!r}", path=f"{field}[{i}].{attr}")
        seen.add(value)


def _check_types(programme: FollowUpProgramme) -> None:
    kinds: tuple[tuple[str, type, tuple[object, ...]], ...] = (
        ("coordinators", CoordinatorRole, programme.coordinators),
        ("users", ComplexNeedsUser, programme.users),
        ("teams", FollowUpTeam, programme.teams),
    )
    for field, cls, items in kinds:
        for i, item in enumerate(items):
            if not isinstance(item, cls):
                raise InvalidScenario(
                    f"must be a {cls.__name__}, got {item!r}", path=f"{field}[{i}]"
                )
    if programme.unit is not None and not isinstance(programme.unit, CoordinatingUnit):
        raise InvalidScenario(f"must be a CoordinatingUnit, got {programme.unit!r}", path="unit")


def _validate(programme: FollowUpProgramme) -> None:
    _check_types(programme)
    check_positive(programme.hours_per_user, field="hours_per_user")
    _unique(
        (r.staff for r in programme.coordinators),
        field="coordinators",
        attr="staff",
        kind="coordinator",
    )
    _unique((u.id for u in programme.users), field="users", attr="id", kind="user")
    _unique((t.user for t in programme.teams), field="teams", attr="user", kind="team for user")

    roles = {r.staff for r in programme.coordinators}
    for i, user in enumerate(programme.users):
        if user.coordinator is not None and user.coordinator not in roles:
            raise InvalidScenario(
                f"{user.coordinator!r} holds no coordinator role; add "
                f"CoordinatorRole({user.coordinator!r}, hours_per_week=...) to coordinators",
                path=f"users[{i}].coordinator",
            )
    users = {u.id: u for u in programme.users}
    for i, team in enumerate(programme.teams):
        _check_team(team, users.get(team.user), at=f"teams[{i}]")
    if programme.organisation is not None:
        _check_against(programme, programme.organisation)


def _check_team(team: FollowUpTeam, user: ComplexNeedsUser | None, *, at: str) -> None:
    if user is None:
        raise InvalidScenario(f"unknown user {team.user!r}", path=f"{at}.user")
    if team.coordinator != user.coordinator:
        raise InvalidScenario(
            f"team leader {team.coordinator!r} is not user {user.id!r}'s coordinator "
            f"({user.coordinator!r})",
            path=f"{at}.coordinator",
        )
    for field, services in (("core", team.core), ("wider", team.wider)):
        extra = services - user.services
        if extra:
            listed = sorted(s.value for s in extra)
            raise InvalidScenario(
                f"{listed} are not among user {user.id!r}'s services", path=f"{at}.{field}"
            )
    missing = user.services - team.core - team.wider
    if missing:
        listed = sorted(s.value for s in missing)
        raise InvalidScenario(
            f"user {user.id!r}'s services {listed} are in neither core nor wider; every actor "
            "around the user belongs to the team",
            path=f"{at}.wider",
        )


def _check_against(programme: FollowUpProgramme, org: Organisation) -> None:
    if not isinstance(org, Organisation):
        raise InvalidScenario(f"must be an Organisation, got {org!r}", path="organisation")
    staff = org.staff_by_id
    for i, role in enumerate(programme.coordinators):
        person = staff.get(role.staff)
        if person is None:
            raise InvalidScenario(
                f"unknown staff member {role.staff!r} in organisation {org.name!r}",
                path=f"coordinators[{i}].staff",
            )
        limit = person.fte * FULL_TIME_HOURS
        if role.hours_per_week > limit + 1e-9:
            raise InvalidScenario(
                f"{role.hours_per_week:g} hours a week is more than {role.staff!r}'s position "
                f"of {person.fte:g} FTE ({limit:g} hours)",
                path=f"coordinators[{i}].hours_per_week",
            )
    for i, user in enumerate(programme.users):
        if user.primary_contact is not None and user.primary_contact not in staff:
            raise InvalidScenario(
                f"unknown staff member {user.primary_contact!r} in organisation {org.name!r}",
                path=f"users[{i}].primary_contact",
            )
    unit = programme.unit
    if unit is not None:
        for j, member in enumerate(unit.members):
            if member not in staff:
                raise InvalidScenario(
                    f"unknown staff member {member!r} in organisation {org.name!r}",
                    path=f"unit.members[{j}]",
                )
        if unit.unit is not None and unit.unit not in org.units_by_id:
            raise InvalidScenario(
                f"unknown unit {unit.unit!r} in organisation {org.name!r}", path="unit.unit"
            )
