"""The follow-up programme as a graph: users, the staff who follow them, the actors around them.

A coordinator in a small municipality may coordinate three users: a child whose team meets at the
kindergarten with PPT and the GP, a man in his fifties with home care and a speech therapist, a
woman with NAV and the mental health service. The coordinator must reach every actor around all
three -- and the day the coordinator leaves, all three users lose the person who holds their
team together. Both questions are questions about a graph.

:func:`followup_graph` builds it (a new :class:`networkx.Graph` every call; the programme is
never touched). As in the organisation graphs of :mod:`hometeams.graph`, every node key is a
pair ``(kind, id)`` and every node has a ``kind`` attribute, so ids of different kinds never
collide:

* ``("staff", id)`` -- coordinators and primary contacts;
* ``("user", id)`` -- users;
* ``("actor", id)`` -- the actors around the users. A *shared* service (one NAV office, one PPT
  for the municipality) has the service's value as id (``"nav"``); a named GP has
  ``"gp/<GP id>"``, so users with the same GP share the node; the GP of a user without a named
  GP, relatives, school and kindergarten have ``"<service>@<user id>"`` (one actor per user).
  Neither ``/`` nor ``@`` can occur in an id, so the three forms never collide.

Edges between staff and users carry ``roles``, a frozenset of ``"coordinator"`` and
``"primary-contact"``; edges between users and actors carry ``service`` (a :class:`Service`) and
``group``: ``"core"`` or ``"wider"`` for a coordinated user's team, ``None`` for a user without
a team.
"""

from __future__ import annotations

from collections.abc import Hashable

import networkx as nx

from hometeams._types import StaffId, UserId
from hometeams.followup._model.programme import FollowUpProgramme
from hometeams.followup._model.services import Service
from hometeams.followup._model.users import ComplexNeedsUser

__all__ = ["actor_node", "followup_graph", "staff_node", "user_node"]


def staff_node(staff: StaffId) -> tuple[str, str]:
    """The node key of a staff member."""
    return ("staff", staff)


def user_node(user: UserId) -> tuple[str, str]:
    """The node key of a user."""
    return ("user", user)


def actor_node(user: ComplexNeedsUser, service: Service) -> tuple[str, str]:
    """The node key of the actor providing ``service`` to ``user`` (see the module docs).

    Examples
    --------
    >>> u = ComplexNeedsUser("ole", age=6, services=["gp", "nav", "kindergarten"], gp="dr-lund")
    >>> actor_node(u, Service.NAV), actor_node(u, Service.GP), actor_node(u, Service.KINDERGARTEN)
    (('actor', 'nav'), ('actor', 'gp/dr-lund'), ('actor', 'kindergarten@ole'))
    """
    if service.shared:
        return ("actor", service.value)
    if service is Service.GP and user.gp is not None:
        return ("actor", f"gp/{user.gp}")
    return ("actor", f"{service.value}@{user.id}")


def followup_graph(programme: FollowUpProgramme) -> nx.Graph:
    """A graph of users, the staff who coordinate or are primary contacts, and their actors.

    Parameters
    ----------
    programme
        The follow-up programme.

    Returns
    -------
    networkx.Graph
        A new graph; node and edge attributes as described in the module documentation.
        Staff nodes carry ``coordinator`` (bool) and, for coordinators, ``hours_per_week`` and
        ``slots``; user nodes carry ``age`` and ``has_plan``; actor nodes carry ``service``,
        ``sector`` and ``shared``.

    Examples
    --------
    >>> from hometeams.followup import CoordinatorRole
    >>> p = FollowUpProgramme("x", coordinators=[CoordinatorRole("siri", hours_per_week=2)],
    ...     users=[ComplexNeedsUser("ole", age=6, services=["gp", "nav"], coordinator="siri"),
    ...            ComplexNeedsUser("ida", age=9, services=["nav", "school"],
    ...                             coordinator="siri")])
    >>> g = followup_graph(p)
    >>> sorted(n for n in g if g.nodes[n]["kind"] == "actor")
    [('actor', 'gp@ole'), ('actor', 'nav'), ('actor', 'school@ida')]
    >>> g.edges[("staff", "siri"), ("user", "ole")]["roles"]
    frozenset({'coordinator'})
    """
    graph = nx.Graph(name=programme.name)
    for role in programme.coordinators:
        graph.add_node(
            staff_node(role.staff),
            kind="staff",
            coordinator=True,
            hours_per_week=role.hours_per_week,
            slots=programme.slots(role.staff),
        )
    for user in programme.users:
        node = user_node(user.id)
        graph.add_node(node, kind="user", age=user.age, has_plan=user.plan is not None)
        links: dict[StaffId, set[str]] = {}
        if user.coordinator is not None:
            links.setdefault(user.coordinator, set()).add("coordinator")
        if user.primary_contact is not None:
            links.setdefault(user.primary_contact, set()).add("primary-contact")
        for staff, roles in links.items():
            key: Hashable = staff_node(staff)
            if key not in graph:
                graph.add_node(key, kind="staff", coordinator=False)
            graph.add_edge(key, node, roles=frozenset(roles))
        team = programme.team(user.id) if user.coordinator is not None else None
        for service in sorted(user.services, key=lambda s: s.value):
            actor = actor_node(user, service)
            if actor not in graph:
                graph.add_node(
                    actor,
                    kind="actor",
                    service=service,
                    sector=service.sector,
                    shared=service.shared,
                )
            group = None if team is None else ("core" if service in team.core else "wider")
            graph.add_edge(node, actor, service=service, group=group)
    return graph
