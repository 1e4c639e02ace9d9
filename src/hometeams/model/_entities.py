"""The people, places and groups of a home-care organisation.

A home-care district is a handful of *zones* (geographic areas), a few dozen *staff* with a
profession and some competences, *teams* they belong to with a share of their position, and the
*users* who live in the zones and need help. These are small immutable value objects; the
:class:`~hometeams.model.Organisation` holds them together and checks that every reference
between them resolves.

A staff member's position (*stillingsprosent*) is an FTE between 0 and 1. A :class:`Membership`
puts a share of that position, also in FTE, into a team: a 0.8 FTE nurse may give 0.2 to the
memory team and 0.6 to zone North. The shares of one person never add up to more than their FTE.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable

import attrs

from hometeams._checks import (
    check_fraction,
    check_id,
    check_ids,
    check_optional_id,
    items_of,
)
from hometeams._time import Period
from hometeams._types import CompetenceId, ProfessionId, StaffId, TeamId, UnitId, UserId, ZoneId
from hometeams.errors import InvalidScenario

__all__ = [
    "ALL_DAYS",
    "ALL_PERIODS",
    "Competence",
    "Membership",
    "Period",
    "Profession",
    "Staff",
    "Team",
    "TeamCategory",
    "Unit",
    "User",
    "Zone",
]


class TeamCategory(enum.Enum):
    """What kind of team it is, in the terms of the national mapping.

    ``SPECIALIST`` (*fagteam*) builds competence for a user group or a task; ``ALLOCATION``
    (*forvaltningsteam*) assesses needs and grants services; ``GEOGRAPHIC`` serves a zone
    (*sone*, *primærgruppe*); ``NIGHT`` covers the whole municipality at night; ``OTHER`` is
    anything else.
    """

    SPECIALIST = "specialist"
    ALLOCATION = "allocation"
    GEOGRAPHIC = "geographic"
    NIGHT = "night"
    OTHER = "other"


ALL_PERIODS: frozenset[Period] = frozenset(Period)
ALL_DAYS: frozenset[int] = frozenset(range(7))
"""Days of the week, Monday = 0 ... Sunday = 6."""


def _ids(values: Iterable[str]) -> frozenset[str]:
    if isinstance(values, str):
        # A bare string is almost always a mistake for a one-element list.
        return frozenset((values,))
    return frozenset(values)


def _periods(values: Iterable[Period | str]) -> frozenset[Period]:
    out = set()
    for value in values:
        try:
            out.add(Period(value))
        except ValueError:
            choices = ", ".join(p.value for p in Period)
            raise InvalidScenario(
                f"must be one of {choices}, got {value!r}", path="periods"
            ) from None
    return frozenset(out)


def _category(value: TeamCategory | str) -> TeamCategory:
    try:
        return TeamCategory(value)
    except ValueError:
        choices = ", ".join(c.value for c in TeamCategory)
        raise InvalidScenario(f"must be one of {choices}, got {value!r}", path="category") from None


def _days(values: Iterable[int]) -> frozenset[int]:
    days = frozenset(values)
    for day in days:
        if isinstance(day, bool) or not isinstance(day, int) or not 0 <= day <= 6:
            raise InvalidScenario(
                f"must be weekdays 0 (Monday) to 6 (Sunday), got {day!r}", path="days"
            )
    return days


@attrs.frozen
class Competence:
    """A skill a visit may require or prefer, e.g. dementia care or wound care.

    Examples
    --------
    >>> Competence("dementia", nb="demensomsorg", en="dementia care")
    Competence(id='dementia', nb='demensomsorg', en='dementia care')
    """

    id: CompetenceId
    nb: str = ""
    en: str = ""

    def __attrs_post_init__(self) -> None:
        check_id(self.id)

    def label(self, lang: str = "en") -> str:
        """The label in ``lang`` (``"nb"`` or ``"en"``), falling back to the id."""
        return (self.nb if lang == "nb" else self.en) or self.id


@attrs.frozen
class Profession:
    """A profession with its *care level*.

    The care level orders professions by the breadth of tasks they may do, so that a task can be
    given to the *lowest effective care level* (Bergen's principle, domain.md §3): 1 unskilled
    assistant, 2 health worker, 3 bachelor-level health or social profession (nurse,
    occupational therapist, physiotherapist, social educator), 4 specialist (nurse with further
    education, psychologist, clinical nutritionist), 5 physician.

    Examples
    --------
    >>> Profession("nurse", care_level=3, nb="sykepleier", en="registered nurse").care_level
    3
    """

    id: ProfessionId
    care_level: int = attrs.field(kw_only=True)
    nb: str = attrs.field(default="", kw_only=True)
    en: str = attrs.field(default="", kw_only=True)

    def __attrs_post_init__(self) -> None:
        check_id(self.id)
        level = self.care_level
        if isinstance(level, bool) or not isinstance(level, int) or not 1 <= level <= 5:
            raise InvalidScenario(
                f"must be an integer from 1 to 5, got {level!r}", path="care_level"
            )

    def label(self, lang: str = "en") -> str:
        """The label in ``lang`` (``"nb"`` or ``"en"``), falling back to the id."""
        return (self.nb if lang == "nb" else self.en) or self.id


@attrs.frozen
class Zone:
    """A geographic area (*sone*, *distrikt*) that staff travel within.

    Examples
    --------
    >>> Zone("north", name="Nord")
    Zone(id='north', name='Nord')
    """

    id: ZoneId
    name: str = attrs.field(default="", kw_only=True)

    def __attrs_post_init__(self) -> None:
        check_id(self.id)


@attrs.frozen
class Staff:
    """A staff member: profession, competences, position size (FTE) and home zone.

    Parameters
    ----------
    id
        Unique staff id.
    profession
        A profession id (from the catalogue or the organisation's own professions).
    competences
        Competence ids the person holds.
    fte
        Position size as a fraction of full time (*stillingsprosent*), in ``(0, 1]``.
    zone
        Home zone, where their shifts start; ``None`` for staff without one.
    unit
        The organisational unit they belong to; they report to its leader.
    reports_to
        An explicit manager, overriding the unit's leader.
    name
        A display name.

    Examples
    --------
    >>> kari = Staff("kari", profession="nurse", competences=["dementia"], fte=0.8)
    >>> kari.fte, sorted(kari.competences)
    (0.8, ['dementia'])
    >>> Staff("ola", profession="nurse", fte=1.2)
    Traceback (most recent call last):
    ...
    hometeams.errors.InvalidScenario: fte: must be > 0 and <= 1, got 1.2
    """

    id: StaffId
    profession: ProfessionId = attrs.field(kw_only=True)
    competences: frozenset[CompetenceId] = attrs.field(
        default=frozenset(), converter=_ids, kw_only=True
    )
    fte: float = attrs.field(default=1.0, kw_only=True)
    zone: ZoneId | None = attrs.field(default=None, kw_only=True)
    unit: UnitId | None = attrs.field(default=None, kw_only=True)
    reports_to: StaffId | None = attrs.field(default=None, kw_only=True)
    name: str = attrs.field(default="", kw_only=True)

    def __attrs_post_init__(self) -> None:
        check_id(self.id)
        check_id(self.profession, field="profession")
        check_ids(sorted(self.competences), field="competences")
        check_fraction(self.fte, field="fte")
        check_optional_id(self.zone, field="zone")
        check_optional_id(self.unit, field="unit")
        check_optional_id(self.reports_to, field="reports_to")
        if self.reports_to == self.id:
            raise InvalidScenario(
                f"a person cannot report to themselves, got {self.id!r}", path="reports_to"
            )


@attrs.frozen
class Membership:
    """A staff member in a team with a share of their position, in FTE (e.g. 0.2 = 20 %).

    ``share=None`` (the default) means the person's whole position; the organisation resolves
    it (:meth:`Organisation.share <hometeams.model.Organisation.share>`).

    Examples
    --------
    >>> Membership("kari", share=0.2)
    Membership(staff='kari', share=0.2)
    >>> Membership("ola").share is None
    True
    """

    staff: StaffId
    share: float | None = attrs.field(default=None, kw_only=True)

    def __attrs_post_init__(self) -> None:
        check_id(self.staff, field="staff")
        if self.share is not None:
            check_fraction(self.share, field="share")


def _members(values: Iterable[Membership | StaffId]) -> tuple[Membership, ...]:
    items = items_of(values, (Membership, str), field="members")
    return tuple(m if isinstance(m, Membership) else Membership(m) for m in items)


@attrs.frozen
class Team:
    """A team: its type, category, members, when it works and where.

    Parameters
    ----------
    id
        Unique team id.
    name
        Display name, e.g. ``"Hukommelsesteam"``.
    category
        A :class:`TeamCategory` or its value.
    type
        A team type from :data:`~hometeams.model.TEAM_TYPES` (e.g. ``"memory"``), or ``None``
        for an ordinary working team such as a zone's home nursing.
    members
        :class:`Membership` values (a bare staff id means a full-position membership).
    periods
        The periods of the day it operates; a day-only team hands its users' evening visits to
        the zone.
    days
        Weekdays it operates (Monday = 0); a weekday team hands weekends to the zone.
    decision_based
        Whether it serves users only after a formal service decision (*vedtaksbasert*).
    zones
        Zones it serves; empty means the whole municipality.
    leader
        The staff member who leads it.
    unit
        The organisational unit it belongs to.

    Examples
    --------
    >>> memory = Team("memory", name="Hukommelsesteam", category="specialist", type="memory",
    ...               members=[Membership("kari", share=0.2)], periods=["day"], days=range(5))
    >>> memory.category
    <TeamCategory.SPECIALIST: 'specialist'>
    >>> memory.operates(day=5, period="day")
    False
    """

    id: TeamId
    name: str = attrs.field(default="", kw_only=True)
    category: TeamCategory = attrs.field(
        default=TeamCategory.OTHER, converter=_category, kw_only=True
    )
    type: str | None = attrs.field(default=None, kw_only=True)
    members: tuple[Membership, ...] = attrs.field(default=(), converter=_members, kw_only=True)
    periods: frozenset[Period] = attrs.field(default=ALL_PERIODS, converter=_periods, kw_only=True)
    days: frozenset[int] = attrs.field(default=ALL_DAYS, converter=_days, kw_only=True)
    decision_based: bool = attrs.field(default=False, kw_only=True)
    zones: frozenset[ZoneId] = attrs.field(default=frozenset(), converter=_ids, kw_only=True)
    leader: StaffId | None = attrs.field(default=None, kw_only=True)
    unit: UnitId | None = attrs.field(default=None, kw_only=True)

    def __attrs_post_init__(self) -> None:
        check_id(self.id)
        check_optional_id(self.type, field="type")
        check_ids(sorted(self.zones), field="zones")
        check_optional_id(self.leader, field="leader")
        check_optional_id(self.unit, field="unit")
        if not self.members:
            raise InvalidScenario(
                f"team {self.id!r} has no members; a team needs at least one", path="members"
            )
        if not self.periods:
            raise InvalidScenario("must name at least one period", path="periods")
        if not self.days:
            raise InvalidScenario("must name at least one day", path="days")
        seen: set[str] = set()
        for i, member in enumerate(self.members):
            if member.staff in seen:
                raise InvalidScenario(
                    f"staff {member.staff!r} is listed twice in team {self.id!r}",
                    path=f"members[{i}].staff",
                )
            seen.add(member.staff)

    @property
    def staff_ids(self) -> tuple[StaffId, ...]:
        """The members' staff ids in membership order."""
        return tuple(m.staff for m in self.members)

    def operates(self, *, day: int, period: Period | str) -> bool:
        """Whether the team works on weekday ``day`` (Monday = 0) in ``period``."""
        return day in self.days and Period(period) in self.periods


@attrs.frozen
class User:
    """A home-care user (*bruker*): where they live, what they need, who follows them up.

    Parameters
    ----------
    id
        Unique user id.
    zone
        The zone they live in.
    needs
        Competences their care requires.
    primary_contact
        Their primary contact (*primærkontakt*), a staff id.
    team
        The team responsible for them under a fixed-team model.
    age
        Age in years, where known (used to group coverage figures).

    Examples
    --------
    >>> User("u1", zone="north", needs=["dementia", "medication"]).needs == {"dementia",
    ...                                                                       "medication"}
    True
    """

    id: UserId
    zone: ZoneId = attrs.field(kw_only=True)
    needs: frozenset[CompetenceId] = attrs.field(default=frozenset(), converter=_ids, kw_only=True)
    primary_contact: StaffId | None = attrs.field(default=None, kw_only=True)
    team: TeamId | None = attrs.field(default=None, kw_only=True)
    age: int | None = attrs.field(default=None, kw_only=True)

    def __attrs_post_init__(self) -> None:
        check_id(self.id)
        check_id(self.zone, field="zone")
        check_ids(sorted(self.needs), field="needs")
        check_optional_id(self.primary_contact, field="primary_contact")
        check_optional_id(self.team, field="team")
        age = self.age
        if age is not None and (
            isinstance(age, bool) or not isinstance(age, int) or not 0 <= age <= 130
        ):
            raise InvalidScenario(f"must be an integer from 0 to 130, got {age!r}", path="age")


@attrs.frozen
class Unit:
    """An organisational unit (department, district, section) with a leader and a parent unit.

    Reporting lines follow units: a staff member reports to the leader of their unit, a unit's
    leader to the leader of the parent unit (unless ``Staff.reports_to`` says otherwise).

    Examples
    --------
    >>> Unit("district-1", name="Distrikt 1", leader="anne", parent="home-care")
    Unit(id='district-1', name='Distrikt 1', leader='anne', parent='home-care')
    """

    id: UnitId
    name: str = attrs.field(default="", kw_only=True)
    leader: StaffId | None = attrs.field(default=None, kw_only=True)
    parent: UnitId | None = attrs.field(default=None, kw_only=True)

    def __attrs_post_init__(self) -> None:
        check_id(self.id)
        check_optional_id(self.leader, field="leader")
        check_optional_id(self.parent, field="parent")
        if self.parent == self.id:
            raise InvalidScenario(
                f"a unit cannot be its own parent, got {self.id!r}", path="parent"
            )
