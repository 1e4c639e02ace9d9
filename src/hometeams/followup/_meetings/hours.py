"""What the meetings cost: person-hours a year for a responsibility group or a core team.

The old *responsibility group* (*ansvarsgruppe*) met at fixed times, twice a year, with everyone
involved (seed 002 L1411-1413, L451-452) -- "I have sat in responsibility groups where we were
over 20" (seed 003 L2306). The follow-up team works the other way: a small core meets as often as
needed -- one user chose "every third month or so" (seed 003 L1535) -- and everyone meets in "a
yearly or half-yearly somewhat larger meeting" (seed 002 L1425-1428; seed 003 L2113). Bø's
comparison lists the responsibility group as "time- and resource-consuming" and the follow-up
team as "less logistics, saves time and resources" (seed 003 L1616).

:func:`meeting_hours` puts numbers on it. Worked example with the defaults of the two named
plans (meeting lengths, core and wider sizes and the quarterly core meetings are assumptions; the
sources give none):

* responsibility group: 2 meetings a year x 20 people x 2 hours = **80 person-hours**;
* core team: 4 meetings x 5 people x 1 hour = 20, plus 1 larger meeting x 12 people x 2 hours =
  24, together **44 person-hours** -- 36 fewer a year, for every user.

Staff hours leave out the user and one relative, who come unpaid.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from hometeams.errors import InvalidArgument, InvalidScenario
from hometeams.followup._model.checks import check_count, check_positive
from hometeams.followup._model.services import Service
from hometeams.followup._model.users import FollowUpTeam

__all__ = ["MeetingPlan", "MeetingSeries", "meeting_hours"]


@attrs.frozen
class MeetingSeries:
    """Meetings of one kind: how often, how many people, how long.

    Parameters
    ----------
    name
        A label, e.g. ``"core team"``.
    per_year
        Meetings a year.
    attendees
        People at each meeting, the user and relatives included.
    hours
        Length of each meeting in hours.
    unpaid
        Attendees who are not staff (the user and relatives).

    Examples
    --------
    >>> s = MeetingSeries("responsibility group", per_year=2, attendees=20, hours=2, unpaid=2)
    >>> s.person_hours, s.staff_hours
    (80, 72)
    """

    name: str
    per_year: float = attrs.field(kw_only=True)
    attendees: int = attrs.field(kw_only=True)
    hours: float = attrs.field(kw_only=True)
    unpaid: int = attrs.field(default=0, kw_only=True)

    def __attrs_post_init__(self) -> None:
        check_positive(self.per_year, field="per_year")
        check_count(self.attendees, field="attendees")
        check_positive(self.hours, field="hours")
        check_count(self.unpaid, field="unpaid", minimum=0)
        if self.unpaid > self.attendees:
            raise InvalidScenario(
                f"must be <= attendees ({self.attendees}), got {self.unpaid}", path="unpaid"
            )

    @property
    def person_hours(self) -> float:
        """Person-hours a year: meetings x attendees x hours."""
        return self.per_year * self.attendees * self.hours

    @property
    def staff_hours(self) -> float:
        """Person-hours a year of the paid attendees."""
        return self.per_year * (self.attendees - self.unpaid) * self.hours


def _series(values: Iterable[MeetingSeries]) -> tuple[MeetingSeries, ...]:
    return tuple(values)


@attrs.frozen
class MeetingPlan:
    """A team's meetings over a year: one or more :class:`MeetingSeries`.

    Examples
    --------
    >>> MeetingPlan.responsibility_group().person_hours
    80.0
    >>> MeetingPlan.core_team().person_hours
    44.0
    """

    name: str
    series: tuple[MeetingSeries, ...] = attrs.field(converter=_series, kw_only=True)

    def __attrs_post_init__(self) -> None:
        if not self.series:
            raise InvalidScenario("a meeting plan needs at least one series", path="series")

    @classmethod
    def responsibility_group(
        cls, *, attendees: int = 20, per_year: float = 2, hours: float = 2.0
    ) -> MeetingPlan:
        """Everyone, at fixed times: twice a year, 20 people, 2 hours (hours assumed)."""
        return cls(
            "responsibility group",
            series=[
                MeetingSeries(
                    "responsibility group",
                    per_year=per_year,
                    attendees=attendees,
                    hours=hours,
                    unpaid=min(2, attendees),
                )
            ],
        )

    @classmethod
    def core_team(
        cls,
        *,
        core: int = 5,
        per_year: float = 4,
        hours: float = 1.0,
        wider: int = 12,
        wider_per_year: float = 1,
        wider_hours: float = 2.0,
    ) -> MeetingPlan:
        """A small core meeting quarterly and one larger meeting a year (sizes assumed)."""
        return cls(
            "core team",
            series=[
                MeetingSeries(
                    "core team",
                    per_year=per_year,
                    attendees=core,
                    hours=hours,
                    unpaid=min(2, core),
                ),
                MeetingSeries(
                    "larger meeting",
                    per_year=wider_per_year,
                    attendees=wider,
                    hours=wider_hours,
                    unpaid=min(2, wider),
                ),
            ],
        )

    @classmethod
    def for_team(
        cls,
        team: FollowUpTeam,
        *,
        per_year: float = 4,
        hours: float = 1.0,
        wider_per_year: float = 1,
        wider_hours: float = 2.0,
    ) -> MeetingPlan:
        """Core meetings with the team's core and larger meetings with its wider group too.

        Attendance follows :meth:`FollowUpTeam.attendees`; the user and, if relatives are in
        the group, one relative are unpaid.

        Examples
        --------
        >>> team = FollowUpTeam("ole", coordinator="siri", core=["gp", "relatives"],
        ...                     wider=["nav", "school"])
        >>> [(s.attendees, s.unpaid) for s in MeetingPlan.for_team(team).series]
        [(4, 2), (6, 2)]
        """
        core_unpaid = 1 + (Service.RELATIVES in team.core)
        wider_unpaid = 1 + (Service.RELATIVES in team.core | team.wider)
        return cls(
            f"team around {team.user}",
            series=[
                MeetingSeries(
                    "core team",
                    per_year=per_year,
                    attendees=team.attendees(),
                    hours=hours,
                    unpaid=core_unpaid,
                ),
                MeetingSeries(
                    "larger meeting",
                    per_year=wider_per_year,
                    attendees=team.attendees(wider=True),
                    hours=wider_hours,
                    unpaid=wider_unpaid,
                ),
            ],
        )

    @property
    def person_hours(self) -> float:
        """Person-hours a year over all series."""
        return float(sum(s.person_hours for s in self.series))

    @property
    def staff_hours(self) -> float:
        """Paid person-hours a year over all series."""
        return float(sum(s.staff_hours for s in self.series))


def meeting_hours(
    plan: MeetingPlan | MeetingSeries, *, teams: int = 1, staff_only: bool = False
) -> float:
    """Person-hours a year that ``teams`` teams meeting by ``plan`` cost.

    Parameters
    ----------
    plan
        A meeting plan (or a single series).
    teams
        How many teams meet this way.
    staff_only
        Count only paid attendees (leave out the user and relatives).

    Returns
    -------
    float

    Examples
    --------
    A hundred active teams (seed 003 L1206), responsibility group against core team:

    >>> old = meeting_hours(MeetingPlan.responsibility_group(), teams=100)
    >>> new = meeting_hours(MeetingPlan.core_team(), teams=100)
    >>> old, new, old - new
    (8000.0, 4400.0, 3600.0)
    >>> meeting_hours(MeetingPlan.responsibility_group(), staff_only=True)
    72.0
    """
    if not isinstance(plan, MeetingPlan | MeetingSeries):
        raise InvalidArgument(f"plan: must be a MeetingPlan or MeetingSeries, got {plan!r}")
    if isinstance(teams, bool) or not isinstance(teams, int) or teams < 0:
        raise InvalidArgument(f"teams: must be an integer >= 0, got {teams!r}")
    per_team = plan.staff_hours if staff_only else plan.person_hours
    return float(per_team * teams)
