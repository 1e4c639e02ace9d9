"""Supervision: specialist teams work through the staff who visit the users.

"The memory team has six arms. We have 300 citizens with dementia. Home care has ten times as
many arms ... Those with the most competence must work *through* others" (seed 000, L954-961).
A specialist team (*fagteam*) advises, trains and supervises the generalists in the zones, who
then carry its knowledge into every visit.

Organisations rarely write down whom a specialist team supervises, so ``hometeams`` derives it
with one documented rule:

1. **The team's function** is the competence its catalogue type stands for (a ``"memory"`` team
   works with ``"dementia"``, see :data:`SPECIALIST_FUNCTIONS`); a team without such a type
   works with every competence its members hold.
2. **Its users** are the users who need one of those competences, living in one of the team's
   zones (any zone if the team serves the whole municipality).
3. **The staff who visit a user** are the members of the user's own team and of every *visiting*
   team -- geographic, night and other teams, not specialist or allocation teams -- that serves
   the user's zone (a team with no zones serves them all).
4. **The team supervises** the staff who visit its users, except its own members.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

import networkx as nx

from hometeams._types import CompetenceId, StaffId, TeamId, UserId
from hometeams.errors import InvalidArgument
from hometeams.graph._views import add_staff, add_team, add_user
from hometeams.model import Organisation, Team, TeamCategory, User

__all__ = [
    "SPECIALIST_FUNCTIONS",
    "specialist_competences",
    "specialist_users",
    "supervised_staff",
    "supervision_graph",
    "visiting_staff",
]

SPECIALIST_FUNCTIONS: Mapping[str, CompetenceId] = MappingProxyType(
    {
        "memory": "dementia",
        "rehabilitation": "rehabilitation",
        "palliative": "palliation",
        "welfare-technology": "welfare-technology",
        "rop": "mental-health",
        "nutrition": "nutrition",
        "wound": "wound-care",
        "fall": "fall-prevention",
    }
)
"""The competence each specialist team type of the catalogue works with."""

_VISITING = frozenset({TeamCategory.GEOGRAPHIC, TeamCategory.NIGHT, TeamCategory.OTHER})


def _specialist(org: Organisation, team: TeamId) -> Team:
    try:
        found = org.teams_by_id[team]
    except KeyError:
        raise InvalidArgument(f"team: unknown team {team!r}") from None
    if found.category is not TeamCategory.SPECIALIST:
        raise InvalidArgument(
            f"team: must be a specialist team, got {team!r} ({found.category.value})"
        )
    return found


def specialist_competences(org: Organisation, team: TeamId) -> frozenset[CompetenceId]:
    """The competences a specialist team works with (rule 1 of the module docstring).

    Raises
    ------
    InvalidArgument
        If ``team`` is unknown or not a specialist team.

    Examples
    --------
    >>> from hometeams.model import Organisation, Staff, Team
    >>> org = Organisation("d",
    ...     staff=[Staff("kari", profession="nurse", competences=["dementia", "medication"])],
    ...     teams=[Team("m", category="specialist", type="memory", members=["kari"])])
    >>> specialist_competences(org, "m")
    frozenset({'dementia'})
    """
    found = _specialist(org, team)
    if found.type is not None and found.type in SPECIALIST_FUNCTIONS:
        return frozenset({SPECIALIST_FUNCTIONS[found.type]})
    staff = org.staff_by_id
    return frozenset().union(*(staff[s].competences for s in found.staff_ids))


def _users_of(org: Organisation, team: Team, competences: frozenset[CompetenceId]) -> list[User]:
    return [
        u for u in org.users if u.needs & competences and (not team.zones or u.zone in team.zones)
    ]


def visiting_staff(org: Organisation, user: UserId) -> frozenset[StaffId]:
    """The staff who visit a user (rule 3 of the module docstring).

    Examples
    --------
    >>> from hometeams.model import Organisation, Staff, Team, User, Zone
    >>> org = Organisation("d", zones=[Zone("n"), Zone("s")],
    ...     staff=[Staff("kari", profession="nurse"), Staff("per", profession="nurse"),
    ...            Staff("nina", profession="nurse")],
    ...     teams=[Team("n", category="geographic", zones=["n"], members=["kari"]),
    ...            Team("s", category="geographic", zones=["s"], members=["per"]),
    ...            Team("night", category="night", members=["nina"])],
    ...     users=[User("u1", zone="n")])
    >>> sorted(visiting_staff(org, "u1"))
    ['kari', 'nina']
    """
    try:
        found = org.users_by_id[user]
    except KeyError:
        raise InvalidArgument(f"user: unknown user {user!r}") from None
    return _visitors(org, found)


def _visitors(org: Organisation, user: User) -> frozenset[StaffId]:
    out: set[StaffId] = set()
    if user.team is not None:
        out.update(org.teams_by_id[user.team].staff_ids)
    for team in org.teams:
        if team.category in _VISITING and (not team.zones or user.zone in team.zones):
            out.update(team.staff_ids)
    return frozenset(out)


def supervised_staff(org: Organisation, team: TeamId) -> Mapping[StaffId, frozenset[UserId]]:
    """Whom a specialist team supervises, and which of its users each of them visits.

    Returns
    -------
    Mapping
        Staff id -> ids of the team's users (rule 2) that person visits (rule 3), for every
        person the team supervises (rule 4), in staff order.

    Raises
    ------
    InvalidArgument
        If ``team`` is unknown or not a specialist team.

    Examples
    --------
    >>> from hometeams.model import Membership, Organisation, Staff, Team, User, Zone
    >>> org = Organisation("d", zones=[Zone("n")],
    ...     staff=[Staff("kari", profession="nurse", competences=["dementia"]),
    ...            Staff("ola", profession="health-worker")],
    ...     teams=[Team("m", category="specialist", type="memory",
    ...                 members=[Membership("kari", share=0.2)]),
    ...            Team("n", category="geographic", zones=["n"],
    ...                 members=[Membership("kari", share=0.8), "ola"])],
    ...     users=[User("u1", zone="n", needs=["dementia"]), User("u2", zone="n")])
    >>> dict(supervised_staff(org, "m"))
    {'ola': frozenset({'u1'})}
    """
    found = _specialist(org, team)
    users = _users_of(org, found, specialist_competences(org, team))
    own = set(found.staff_ids)
    reach: dict[StaffId, set[UserId]] = {}
    for user in users:
        for staff_id in _visitors(org, user) - own:
            reach.setdefault(staff_id, set()).add(user.id)
    return MappingProxyType({s.id: frozenset(reach[s.id]) for s in org.staff if s.id in reach})


def specialist_users(org: Organisation, team: TeamId) -> tuple[UserId, ...]:
    """Ids of the users a specialist team works for (rule 2), in user order.

    Raises
    ------
    InvalidArgument
        If ``team`` is unknown or not a specialist team.

    Examples
    --------
    >>> from hometeams.model import Organisation, Staff, Team, User, Zone
    >>> org = Organisation("d", zones=[Zone("n"), Zone("s")],
    ...     staff=[Staff("kari", profession="nurse")],
    ...     teams=[Team("m", category="specialist", type="memory", zones=["n"],
    ...                 members=["kari"])],
    ...     users=[User("u1", zone="n", needs=["dementia"]), User("u2", zone="s",
    ...            needs=["dementia"]), User("u3", zone="n", needs=["wound-care"])])
    >>> specialist_users(org, "m")
    ('u1',)
    """
    found = _specialist(org, team)
    return tuple(u.id for u in _users_of(org, found, specialist_competences(org, team)))


def supervision_graph(org: Organisation) -> Any:
    """Specialist teams -> the staff they supervise -> the users those staff visit.

    A specialist team supervises the staff who visit the users needing its competences
    (:func:`specialist_competences`), i.e. members of the users' own teams and of the visiting
    teams serving their zones (:func:`visiting_staff`), except its own members.

    Parameters
    ----------
    org
        The organisation.

    Returns
    -------
    networkx.DiGraph
        One node per specialist team (``kind="team"``), per staff member and per user. An edge
        ``team -> staff`` has ``weight`` the number of the team's users that person visits; an
        edge ``staff -> user`` has ``via``, the sorted ids of the specialist teams whose
        knowledge reaches the user through that person, and ``weight`` their number.

    Examples
    --------
    >>> from hometeams.model import Membership, Organisation, Staff, Team, User, Zone
    >>> org = Organisation("d", zones=[Zone("n")],
    ...     staff=[Staff("kari", profession="nurse", competences=["dementia"]),
    ...            Staff("ola", profession="health-worker")],
    ...     teams=[Team("m", category="specialist", type="memory", members=["kari"]),
    ...            Team("n", category="geographic", zones=["n"], members=["ola"])],
    ...     users=[User("u1", zone="n", needs=["dementia"]), User("u2", zone="n")])
    >>> g = supervision_graph(org)
    >>> list(g.successors(("team", "m"))), list(g.successors(("staff", "ola")))
    ([('staff', 'ola')], [('user', 'u1')])
    >>> g.edges[("staff", "ola"), ("user", "u1")]["via"]
    ('m',)
    """
    graph = nx.DiGraph(view="supervision", organisation=org.name)
    specialists = [t for t in org.teams if t.category is TeamCategory.SPECIALIST]
    for team in specialists:
        add_team(graph, org, team)
    for person in org.staff:
        add_staff(graph, person)
    for user in org.users:
        add_user(graph, user)
    for team in specialists:
        for staff_id, users in supervised_staff(org, team.id).items():
            graph.add_edge(("team", team.id), ("staff", staff_id), weight=len(users))
            for user_id in sorted(users):
                key = (("staff", staff_id), ("user", user_id))
                via = graph.edges[key]["via"] if graph.has_edge(*key) else ()
                via = tuple(sorted({*via, team.id}))
                graph.add_edge(*key, via=via, weight=len(via))
    return graph
