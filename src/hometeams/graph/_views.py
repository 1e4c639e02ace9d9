"""Graph views of an organisation: who is in which team, who reports to whom, who can do what.

A district's home care can be drawn five ways. The *membership* graph links each nurse and
health worker to the teams that hold a share of their position -- Kari gives 0.2 FTE to the
memory team and 0.6 to zone North. The *reporting* graph is the line of leaders a planner draws
on an organisation chart. The *competence* graph says who holds dementia care or wound care. The
*care* graph links users to the staff who follow them up: their primary contact and their team,
and -- once a simulation has run -- the staff who actually visited them, weighted by visits.
The *cover* graph links each user to everyone who could meet one of their needs: who could stand
in for whom when somebody is away.

Every view is a new ``networkx`` graph built from the organisation, which is never changed. Nodes
of different kinds could share an id (a staff member and a team both called ``"north"``), so
every node key is a pair ``(kind, id)``, e.g. ``("staff", "kari")`` or ``("team", "north")``, and
carries the attributes ``kind`` and ``id`` and a display ``label``. Edge weights are in the
attribute ``weight``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any, TypeAlias

import networkx as nx

from hometeams._types import StaffId, UserId
from hometeams.errors import InvalidArgument
from hometeams.model import Organisation, Staff, Team, TeamCategory, User

__all__ = [
    "NodeKey",
    "care_graph",
    "competence_graph",
    "cover_graph",
    "membership_graph",
    "reporting_graph",
]

NodeKey: TypeAlias = tuple[str, str]
"""A node key: ``(kind, id)`` with kind ``"staff"``, ``"team"``, ``"user"`` or ``"competence"``."""


def add_staff(graph: Any, person: Staff) -> None:
    """Add a staff node with its attributes."""
    graph.add_node(
        ("staff", person.id),
        kind="staff",
        id=person.id,
        label=person.name or person.id,
        profession=person.profession,
        fte=person.fte,
        zone=person.zone,
    )


def add_team(graph: Any, org: Organisation, team: Team) -> None:
    """Add a team node with its attributes."""
    graph.add_node(
        ("team", team.id),
        kind="team",
        id=team.id,
        label=team.name or team.id,
        category=team.category.value,
        type=team.type,
        fte=org.team_fte(team.id),
    )


def add_user(graph: Any, user: User | UserId) -> None:
    """Add a user node; a bare id is a user the organisation does not list."""
    if isinstance(user, User):
        graph.add_node(
            ("user", user.id),
            kind="user",
            id=user.id,
            label=user.id,
            zone=user.zone,
            needs=tuple(sorted(user.needs)),
            in_organisation=True,
        )
    else:
        graph.add_node(
            ("user", user),
            kind="user",
            id=user,
            label=user,
            zone=None,
            needs=(),
            in_organisation=False,
        )


def membership_graph(org: Organisation) -> Any:
    """Staff and teams, with an edge for each membership weighted by its share in FTE.

    Parameters
    ----------
    org
        The organisation.

    Returns
    -------
    networkx.Graph
        A bipartite graph with one node per staff member (``kind="staff"``, attribute ``fte``)
        and per team (``kind="team"``, attributes ``category``, ``type``, ``fte``). An edge
        ``weight`` is the FTE the person gives to the team, so a staff node's weighted degree is
        the FTE they give to teams and a team node's is the team's FTE.

    Examples
    --------
    >>> from hometeams.model import Membership, Organisation, Staff, Team
    >>> org = Organisation("d", staff=[Staff("kari", profession="nurse", fte=0.8)],
    ...                    teams=[Team("memory", members=[Membership("kari", share=0.2)]),
    ...                           Team("north", members=[Membership("kari", share=0.6)])])
    >>> g = membership_graph(org)
    >>> g.degree(("staff", "kari"), weight="weight")
    0.8
    >>> g.edges[("staff", "kari"), ("team", "memory")]["weight"]
    0.2
    """
    graph = nx.Graph(view="membership", organisation=org.name)
    for person in org.staff:
        add_staff(graph, person)
    for team in org.teams:
        add_team(graph, org, team)
        for member in team.members:
            graph.add_edge(
                ("staff", member.staff), ("team", team.id), weight=org.share(team.id, member.staff)
            )
    return graph


def reporting_graph(org: Organisation) -> Any:
    """The reporting hierarchy: an edge from each manager to each direct report.

    Reporting lines are :attr:`Organisation.reporting_lines
    <hometeams.model.Organisation.reporting_lines>`: an explicit ``reports_to``, else the leader
    of the person's unit (or of the nearest ancestor unit with another leader).

    Parameters
    ----------
    org
        The organisation.

    Returns
    -------
    networkx.DiGraph
        A forest with one node per staff member (``kind="staff"``); an edge ``manager -> report``
        has ``weight`` the report's FTE, so a leader's weighted out-degree is their span of
        control in FTE and their out-degree the span in heads.

    Examples
    --------
    >>> from hometeams.model import Organisation, Staff, Unit
    >>> org = Organisation("d", units=[Unit("north", leader="anne")],
    ...                    staff=[Staff("anne", profession="nurse"),
    ...                           Staff("kari", profession="nurse", fte=0.8, unit="north"),
    ...                           Staff("ola", profession="assistant", fte=0.5, unit="north")])
    >>> g = reporting_graph(org)
    >>> sorted(g.successors(("staff", "anne")))
    [('staff', 'kari'), ('staff', 'ola')]
    >>> g.out_degree(("staff", "anne"), weight="weight")
    1.3
    """
    graph = nx.DiGraph(view="reporting", organisation=org.name)
    for person in org.staff:
        add_staff(graph, person)
    staff = org.staff_by_id
    for report, manager in org.reporting_lines.items():
        graph.add_edge(("staff", manager), ("staff", report), weight=staff[report].fte)
    return graph


def competence_graph(org: Organisation) -> Any:
    """Staff and the competences they hold, each edge weighted by the holder's FTE.

    Parameters
    ----------
    org
        The organisation.

    Returns
    -------
    networkx.Graph
        One node per staff member and one per competence the organisation knows (the
        catalogue's and its own, :attr:`Organisation.all_competences
        <hometeams.model.Organisation.all_competences>`), ``kind="competence"`` with the English
        and Norwegian labels as ``label`` and ``label_nb``. A competence's weighted degree is the
        FTE holding it; a competence nobody holds is an isolated node.

    Examples
    --------
    >>> from hometeams.model import Organisation, Staff
    >>> org = Organisation("d", staff=[
    ...     Staff("kari", profession="nurse", competences=["dementia", "wound-care"], fte=0.8),
    ...     Staff("ola", profession="health-worker", competences=["dementia"], fte=0.5)])
    >>> g = competence_graph(org)
    >>> g.degree(("competence", "dementia"), weight="weight")
    1.3
    >>> g.degree(("competence", "palliation"))
    0
    """
    graph = nx.Graph(view="competence", organisation=org.name)
    for competence in org.all_competences.values():
        graph.add_node(
            ("competence", competence.id),
            kind="competence",
            id=competence.id,
            label=competence.label("en"),
            label_nb=competence.label("nb"),
        )
    for person in org.staff:
        add_staff(graph, person)
        for held in person.competences:
            graph.add_edge(("staff", person.id), ("competence", held), weight=person.fte)
    return graph


def care_graph(org: Organisation, *, visits: Iterable[tuple[UserId, StaffId]] | None = None) -> Any:
    """Users and the staff who care for them: by assignment, and by visits when given.

    An edge joins a user and a staff member who is the user's primary contact (edge attribute
    ``primary=True``) or a member of the user's team (``team=True``), or who visited the user
    (``visits``, the number of visits).

    Parameters
    ----------
    org
        The organisation.
    visits
        ``(user, staff)`` pairs, one per visit, e.g. ``zip(records.jobs.user,
        records.jobs.staff)`` from a simulation. Pairs with an empty staff id (unserved jobs) are
        skipped. A user the organisation does not list (e.g. one created by a hospital
        discharge in a simulation) becomes a node with ``in_organisation=False``.

    Returns
    -------
    networkx.Graph
        One node per user and per staff member. Without ``visits`` every edge has ``weight`` 1;
        with ``visits`` an edge's ``weight`` is its number of visits, 0 for an assigned carer who
        never visited.

    Raises
    ------
    InvalidArgument
        If a visit names a staff member the organisation does not have.

    Examples
    --------
    >>> from hometeams.model import Organisation, Staff, Team, User, Zone
    >>> org = Organisation("d", zones=[Zone("north")],
    ...     staff=[Staff("kari", profession="nurse"), Staff("ola", profession="assistant")],
    ...     teams=[Team("north", members=["kari", "ola"])],
    ...     users=[User("u1", zone="north", primary_contact="kari", team="north")])
    >>> g = care_graph(org)
    >>> g.edges[("user", "u1"), ("staff", "kari")]
    {'primary': True, 'team': True, 'visits': 0, 'weight': 1}
    >>> g = care_graph(org, visits=[("u1", "ola"), ("u1", "ola"), ("u1", "")])
    >>> g.edges[("user", "u1"), ("staff", "ola")]["weight"], g.edges[("user", "u1"), ("staff", "kari")]["weight"]
    (2, 0)
    """  # noqa: E501 - a doctest line
    graph = nx.Graph(view="care", organisation=org.name)
    for user in org.users:
        add_user(graph, user)
    for person in org.staff:
        add_staff(graph, person)
    teams = org.teams_by_id
    for user in org.users:
        members = teams[user.team].staff_ids if user.team is not None else ()
        carers = dict.fromkeys(members)
        if user.primary_contact is not None:
            carers.setdefault(user.primary_contact)
        for staff_id in carers:
            graph.add_edge(
                ("user", user.id),
                ("staff", staff_id),
                primary=staff_id == user.primary_contact,
                team=staff_id in members,
                visits=0,
                weight=1,
            )
    if visits is None:
        return graph
    counts = _count_visits(org, visits)
    for (user_id, staff_id), n in counts.items():
        if ("user", user_id) not in graph:
            add_user(graph, user_id)
        key = (("user", user_id), ("staff", staff_id))
        if not graph.has_edge(*key):
            graph.add_edge(*key, primary=False, team=False, visits=0)
        graph.edges[key]["visits"] = n
    for _, _, data in graph.edges(data=True):
        data["weight"] = data["visits"]
    return graph


def carers(org: Organisation) -> dict[UserId, frozenset[StaffId]]:
    """The staff who serve each user, by the rule of :func:`cover_graph`."""
    everywhere: set[StaffId] = set()
    by_zone: dict[str, set[StaffId]] = {}
    for team in org.teams:
        if team.category is TeamCategory.ALLOCATION:
            continue
        if not team.zones:
            everywhere.update(team.staff_ids)
        for zone in team.zones:
            by_zone.setdefault(zone, set()).update(team.staff_ids)
    for person in org.staff:
        if person.zone is not None:
            by_zone.setdefault(person.zone, set()).add(person.id)
    teams = org.teams_by_id
    out: dict[UserId, frozenset[StaffId]] = {}
    for user in org.users:
        serve = everywhere | by_zone.get(user.zone, set())
        if user.team is not None:
            serve.update(teams[user.team].staff_ids)
        if user.primary_contact is not None:
            serve.add(user.primary_contact)
        out[user.id] = frozenset(serve)
    return out


def cover_graph(org: Organisation) -> Any:
    """Users and the staff who could meet their needs: who can stand in for whom.

    A staff member *can meet* a user's need for a competence if they hold it and serve the
    user, that is if they are

    1. the user's primary contact, or
    2. a member of the user's team, or
    3. a member of a team that serves the user's zone, other than an allocation team (which
       grants services but does not visit); a team without zones serves every zone, or
    4. a person whose home zone is the user's zone.

    Parameters
    ----------
    org
        The organisation.

    Returns
    -------
    networkx.Graph
        One node per user (attribute ``needs``) and per staff member. An edge joins a user and a
        person who can meet at least one of the user's needs; its ``needs`` are those needs,
        sorted, and its ``weight`` their number. A user with no edge for a need has nobody who
        can meet it; :func:`~hometeams.graph.bus_factors` counts how many absences it takes to
        get there.

    Examples
    --------
    Kari (zone north) and the night patrol's Nina (all zones) can meet u1's dementia need; Per
    holds it too, but works in zone south:

    >>> from hometeams.model import Organisation, Staff, Team, User, Zone
    >>> org = Organisation("d", zones=[Zone("n"), Zone("s")],
    ...     staff=[Staff("kari", profession="nurse", competences=["dementia"], zone="n"),
    ...            Staff("per", profession="nurse", competences=["dementia"], zone="s"),
    ...            Staff("nina", profession="nurse", competences=["dementia", "palliation"])],
    ...     teams=[Team("night", category="night", members=["nina"])],
    ...     users=[User("u1", zone="n", needs=["dementia", "palliation"])])
    >>> g = cover_graph(org)
    >>> sorted(s for _, s in g[("user", "u1")])
    ['kari', 'nina']
    >>> g.edges[("user", "u1"), ("staff", "nina")]["needs"]
    ('dementia', 'palliation')
    """
    graph = nx.Graph(view="cover", organisation=org.name)
    for user in org.users:
        add_user(graph, user)
    for person in org.staff:
        add_staff(graph, person)
    staff = org.staff_by_id
    serving = carers(org)
    for user in org.users:
        for staff_id in sorted(serving[user.id]):
            met = tuple(sorted(user.needs & staff[staff_id].competences))
            if met:
                graph.add_edge(("user", user.id), ("staff", staff_id), needs=met, weight=len(met))
    return graph


def _count_visits(
    org: Organisation, visits: Iterable[tuple[UserId, StaffId]]
) -> Counter[tuple[str, str]]:
    staff = org.staff_by_id
    counts: Counter[tuple[str, str]] = Counter()
    for i, pair in enumerate(visits):
        try:
            user_id, staff_id = (str(v) for v in pair)
        except (TypeError, ValueError):
            raise InvalidArgument(
                f"visits[{i}]: must be a (user, staff) pair, got {pair!r}"
            ) from None
        if not user_id:
            raise InvalidArgument(f"visits[{i}]: the user id must not be empty, got {pair!r}")
        if not staff_id:
            continue
        if staff_id not in staff:
            raise InvalidArgument(
                f"visits[{i}]: unknown staff member {staff_id!r}; every visit must be made by "
                "staff of the organisation"
            )
        counts[user_id, staff_id] += 1
    return counts
