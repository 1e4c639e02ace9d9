"""Services around each user, by age, and the actors each coordinator must reach.

The breadth of needs shows in the number of services involved: among the youngest (0-10 years)
it "varied from four to nine"; among older children (11-17) from two to seven; most of ten adults
aged 18-49 had three or four; "over half" of those aged 50 and over had between four and seven
(seed 003 L1455, L1463, L1465). :func:`services_by_age` holds a programme's users against those
statements.

A coordinator works through every actor around every user they coordinate: the more users and
the more sectors, the more e-mails, calls and meetings to arrange (seed 002 L416-421).
:func:`actors_per_coordinator` counts them on the follow-up graph, where a shared service (one
NAV office) counts once however many of the coordinator's users it serves.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence

import attrs

from hometeams._types import StaffId
from hometeams.errors import InvalidArgument
from hometeams.followup._analyses.graph import followup_graph, staff_node
from hometeams.followup._model.bands import Band, check_partition
from hometeams.followup._model.programme import FollowUpProgramme
from hometeams.followup._model.services import Sector

__all__ = [
    "SERVICE_SURVEY_2023",
    "ActorReach",
    "ServiceRange",
    "ServicesByAge",
    "actors_per_coordinator",
    "services_by_age",
]


@attrs.frozen
class ServiceRange:
    """A published statement: a ``share`` of users aged ``ages`` had ``low``-``high`` services.

    ``share=1.0`` reads "varied from ``low`` to ``high``" (all of them); ``share=0.5`` with
    ``strict=True`` reads "most" or "over half" (more than half).

    Examples
    --------
    >>> adults = SERVICE_SURVEY_2023[2]
    >>> adults.ages.label, adults.low, adults.high, adults.share
    ('18-49', 3, 4, 0.5)
    """

    ages: Band
    low: int
    high: int
    share: float
    statement: str
    strict: bool = attrs.field(default=False, kw_only=True)


SERVICE_SURVEY_2023: tuple[ServiceRange, ...] = (
    ServiceRange(Band(0, 10), 4, 9, 1.0, "varied from four to nine (seed 003 L1455)"),
    ServiceRange(Band(11, 17), 2, 7, 1.0, "varied from two to seven (seed 003 L1463)"),
    ServiceRange(Band(18, 49), 3, 4, 0.5, "most had three to four (seed 003 L1463)", strict=True),
    ServiceRange(Band(50), 4, 7, 0.5, "over half had four to seven (seed 003 L1465)", strict=True),
)
"""Services per user by age group in the 2023 user survey (n = 33, small samples per group)."""


@attrs.frozen
class ServicesByAge:
    """Services per user in one age group, beside the published range.

    Attributes
    ----------
    range
        The published statement for the group.
    users
        Users in the group.
    counts
        Their service counts (GP included, relatives not), sorted.
    in_range
        Users whose count lies in ``range.low``-``range.high``.

    Examples
    --------
    Over half of those aged 50 and over had four to seven services; here exactly half do:

    >>> group = ServicesByAge(range=SERVICE_SURVEY_2023[3], users=4, counts=(2, 4, 5, 9),
    ...                       in_range=2)
    >>> group.share_in_range, group.median, group.consistent
    (0.5, 4.5, False)
    """

    range: ServiceRange
    users: int
    counts: tuple[int, ...]
    in_range: int

    @property
    def share_in_range(self) -> float:
        """Share of the group within the published range (``nan`` for an empty group)."""
        return self.in_range / self.users if self.users else float("nan")

    @property
    def median(self) -> float:
        """Median service count (``nan`` for an empty group)."""
        return float(statistics.median(self.counts)) if self.counts else float("nan")

    @property
    def consistent(self) -> bool:
        """Whether the group matches the statement; an empty group does not.

        At least ``range.share`` of the group must lie in the range -- more than that share
        for a ``strict`` statement ("most", "over half").
        """
        if self.users == 0:
            return False
        if self.range.strict:
            return self.in_range > self.range.share * self.users
        return self.in_range >= self.range.share * self.users


def services_by_age(
    programme: FollowUpProgramme, *, survey: Sequence[ServiceRange] = SERVICE_SURVEY_2023
) -> tuple[ServicesByAge, ...]:
    """Services per user in each of the survey's age groups.

    Parameters
    ----------
    programme
        The follow-up programme.
    survey
        Published ranges whose age groups partition 0, 1, 2, ...

    Returns
    -------
    tuple of ServicesByAge
        One per age group, youngest first.

    Examples
    --------
    >>> from hometeams.followup import ComplexNeedsUser, FollowUpProgramme
    >>> p = FollowUpProgramme("x", users=[
    ...     ComplexNeedsUser("ole", age=6, services=["gp", "physiotherapy",
    ...         "occupational-therapy", "kindergarten", "educational-psychology", "relatives"]),
    ...     ComplexNeedsUser("bjorg", age=74, services=["gp", "home-care", "physiotherapy",
    ...         "occupational-therapy", "specialist-health"])])
    >>> [(g.range.ages.label, g.counts, g.consistent) for g in services_by_age(p)]
    [('0-10', (5,), True), ('11-17', (), False), ('18-49', (), False), ('50+', (5,), True)]
    """
    ranges = tuple(survey)
    check_partition([r.ages for r in ranges], name="survey", start=0)
    out = []
    for row in ranges:
        counts = sorted(u.service_count for u in programme.users if row.ages.contains(u.age))
        inside = sum(1 for n in counts if row.low <= n <= row.high)
        out.append(
            ServicesByAge(range=row, users=len(counts), counts=tuple(counts), in_range=inside)
        )
    return tuple(out)


@attrs.frozen
class ActorReach:
    """The actors one coordinator must reach through the users they coordinate.

    Attributes
    ----------
    staff
        The coordinator.
    users
        Users they coordinate.
    actors
        Distinct actors around those users (a shared service counts once).
    sectors
        Distinct sectors those actors belong to.

    Examples
    --------
    >>> reach = ActorReach("siri", users=2, actors=5, sectors=frozenset({Sector.WELFARE}))
    >>> reach.actors / reach.users
    2.5
    """

    staff: StaffId
    users: int
    actors: int
    sectors: frozenset[Sector]


def actors_per_coordinator(programme: FollowUpProgramme) -> tuple[ActorReach, ...]:
    """For each coordinator, the users, distinct actors and sectors they must reach.

    Parameters
    ----------
    programme
        The follow-up programme.

    Returns
    -------
    tuple of ActorReach
        One per coordinator role, in role order.

    Examples
    --------
    Siri coordinates two users who share NAV; each has their own GP and school.

    >>> from hometeams.followup import ComplexNeedsUser, CoordinatorRole, FollowUpProgramme
    >>> p = FollowUpProgramme("x", coordinators=[CoordinatorRole("siri", hours_per_week=3)],
    ...     users=[ComplexNeedsUser("ida", age=9, services=["gp", "nav", "school"],
    ...                             coordinator="siri"),
    ...            ComplexNeedsUser("eli", age=12, services=["gp", "nav", "school"],
    ...                             coordinator="siri")])
    >>> reach = actors_per_coordinator(p)[0]
    >>> reach.users, reach.actors, sorted(s.value for s in reach.sectors)
    (2, 5, ['education', 'health-and-care', 'welfare'])
    """
    if not programme.coordinators:
        raise InvalidArgument("programme: has no coordinators to count actors for")
    graph = followup_graph(programme)
    out = []
    for role in programme.coordinators:
        node = staff_node(role.staff)
        users = [n for n in graph.neighbors(node) if "coordinator" in graph.edges[node, n]["roles"]]
        actors = {a for u in users for a in graph.neighbors(u) if graph.nodes[a]["kind"] == "actor"}
        sectors = frozenset(graph.nodes[a]["sector"] for a in actors)
        out.append(
            ActorReach(staff=role.staff, users=len(users), actors=len(actors), sectors=sectors)
        )
    return tuple(out)
