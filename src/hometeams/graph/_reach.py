"""Specialist reach: how many of its users a specialist team reaches, directly or through others.

"The memory team has six arms. We have 300 citizens with dementia. Home care has ten times as
many arms as the memory team, so they must work through them. You will never reach them all"
(seed 000, L954-961). A specialist team can follow some users itself, with its own capacity,
and reach more by supervising the staff who visit them.

**The question is a maximum flow.** With the team's users and the staff who visit them as
defined in :mod:`hometeams.graph` (:func:`~hometeams.graph.specialist_users`,
:func:`~hometeams.graph.supervised_staff`), one unit of flow is one user reached::

    source --[direct capacity]--> team --[1]--> user --[1]--> sink
    source --[supervision capacity]--> supervision --[b]--> staff --[1]--> user

- **direct capacity** = floor(team FTE x ``caseload_per_fte``) users the team follows itself;
- **supervision capacity** = floor(team FTE x ``supervised_per_fte``) x ``users_per_supervised``
  users: each supervised person carries the team's knowledge to at most ``users_per_supervised``
  (*b*) of the users they visit, and one specialist FTE supervises ``supervised_per_fte`` such
  people's worth of cases;
- every user counts once (capacity 1 to the sink).

The largest number of users reached is the value of a maximum flow
(:func:`networkx.max_flow_min_cost`, whose flow is also a maximum flow): exact for these
capacities, where supervision is counted in users followed through staff. Of the users reached,
``min(users, direct capacity)`` are counted as followed **directly** and the rest **through
staff**; the others are **unreached**. The flow of least cost, where routing a user through a
person costs their position in the staff list, names the people supervised: it prefers the
staff listed first, up to their bound, and uses nobody where the team's own capacity suffices.
Other plans reach as many users through other people.

If supervision were counted in whole people instead -- at most floor(FTE x
``supervised_per_fte``) persons, each reaching *all* the users they visit -- the question would
be a maximum coverage problem, which no fast algorithm answers exactly; earlier versions picked
people greedily for it. The flow's bound on each person is what makes the answer exact.

Defaults. ``supervised_per_fte=10`` follows the quote: home care has "ten times as many arms" as
the memory team, so six specialists work through about sixty staff. ``users_per_supervised=5``
is the quote's 300 citizens over those sixty arms. ``caseload_per_fte=30`` is an
**assumption**, not a figure from the sources: about thirty users followed up per specialist
FTE, which with the quote's six arms (180) leaves the 300 citizens with dementia out of reach
without supervision, as the team leader says. Pass a municipality's own figures where it has
them.
"""

from __future__ import annotations

import math
from typing import Any

import attrs
import networkx as nx

from hometeams._types import StaffId, TeamId
from hometeams.errors import InvalidArgument
from hometeams.graph._supervision import specialist_users, supervised_staff
from hometeams.model import Organisation

__all__ = [
    "DEFAULT_CASELOAD_PER_FTE",
    "DEFAULT_SUPERVISED_PER_FTE",
    "DEFAULT_USERS_PER_SUPERVISED",
    "Reach",
    "reach_network",
    "specialist_reach",
]

DEFAULT_CASELOAD_PER_FTE = 30.0
"""Users one specialist FTE follows directly: an assumption (see the module docstring)."""

DEFAULT_SUPERVISED_PER_FTE = 10.0
"""Staff one specialist FTE supervises: "ten times as many arms" (seed 000, L956-957)."""

DEFAULT_USERS_PER_SUPERVISED = 5
"""Users one supervised person carries the team's knowledge to: 300 citizens over 60 arms."""

_EPS = 1e-9
_SOURCE = ("flow", "source")
_SINK = ("flow", "sink")
_DIRECT = ("flow", "direct")
_SUPERVISION = ("flow", "supervision")


@attrs.frozen
class Reach:
    """How many of its users a specialist team reaches (see :func:`specialist_reach`).

    Attributes
    ----------
    team
        The specialist team.
    fte
        Its FTE.
    users
        Users needing its competences (in its zones).
    direct
        Users it can follow itself.
    through_staff
        Users reached only through the staff it supervises.
    unreached
        The rest.
    supervised
        The staff a maximum flow of least cost routes users through, in staff order (see the
        module docstring); empty when the team follows all its users itself.
    supervisable
        How many staff visit its users and could be supervised.
    capacity_through
        Users the team can reach through staff at most: floor(FTE x supervised per FTE) x users
        per supervised person.

    Examples
    --------
    >>> r = Reach("memory", fte=6.0, users=300, direct=180, through_staff=60, unreached=60,
    ...           supervised=(), supervisable=0)
    >>> r.unreached_share
    0.2
    """

    team: TeamId
    fte: float = attrs.field(kw_only=True)
    users: int = attrs.field(kw_only=True)
    direct: int = attrs.field(kw_only=True)
    through_staff: int = attrs.field(kw_only=True)
    unreached: int = attrs.field(kw_only=True)
    supervised: tuple[StaffId, ...] = attrs.field(kw_only=True)
    supervisable: int = attrs.field(kw_only=True)
    capacity_through: int = attrs.field(kw_only=True, default=0)

    @property
    def unreached_share(self) -> float:
        """Share of the team's users it does not reach (0 when it has no users)."""
        return self.unreached / self.users if self.users else 0.0


def _check_rate(name: str, value: object) -> float:
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not math.isfinite(value)
        or value < 0
    ):
        raise InvalidArgument(f"{name}: must be a finite number >= 0, got {value!r}")
    return float(value)


def _check_count(name: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidArgument(f"{name}: must be an integer >= 0, got {value!r}")
    return value


def reach_network(
    org: Organisation,
    team: TeamId,
    *,
    caseload_per_fte: float = DEFAULT_CASELOAD_PER_FTE,
    supervised_per_fte: float = DEFAULT_SUPERVISED_PER_FTE,
    users_per_supervised: int = DEFAULT_USERS_PER_SUPERVISED,
) -> Any:
    """The flow network whose maximum flow is a specialist team's reach (module docstring).

    Parameters
    ----------
    org
        The organisation.
    team
        A specialist team's id.
    caseload_per_fte, supervised_per_fte, users_per_supervised
        As for :func:`specialist_reach`.

    Returns
    -------
    networkx.DiGraph
        Nodes ``("flow", "source")``, ``("flow", "sink")``, ``("flow", "direct")`` and
        ``("flow", "supervision")``, one ``("staff", id)`` per supervisable person and one
        ``("user", id)`` per user of the team; every edge has an integer ``capacity`` and a
        ``weight`` (the cost of :func:`networkx.max_flow_min_cost`: a person's position in the
        staff list, counted from 1, on the edge into them; 0 elsewhere).

    Raises
    ------
    InvalidArgument
        If ``team`` is unknown or not a specialist team, a rate is negative or not finite, or
        ``users_per_supervised`` is not an integer >= 0.

    Examples
    --------
    >>> import networkx as nx
    >>> from hometeams.model import Organisation, Staff, Team, User, Zone
    >>> org = Organisation("d", zones=[Zone("n")],
    ...     staff=[Staff("m", profession="nurse", competences=["dementia"], fte=0.1),
    ...            Staff("h", profession="health-worker")],
    ...     teams=[Team("memory", category="specialist", type="memory", members=["m"]),
    ...            Team("n", category="geographic", zones=["n"], members=["h"])],
    ...     users=[User(f"u{i}", zone="n", needs=["dementia"]) for i in range(9)])
    >>> g = reach_network(org, "memory")
    >>> g.edges[("flow", "source"), ("flow", "direct")]["capacity"]  # 0.1 x 30
    3
    >>> g.edges[("flow", "source"), ("flow", "supervision")]["capacity"]  # 0.1 x 10 x 5
    5
    >>> nx.maximum_flow_value(g, ("flow", "source"), ("flow", "sink"))
    8
    """
    caseload = _check_rate("caseload_per_fte", caseload_per_fte)
    per_fte = _check_rate("supervised_per_fte", supervised_per_fte)
    per_person = _check_count("users_per_supervised", users_per_supervised)
    users = specialist_users(org, team)
    visits = supervised_staff(org, team)
    fte = org.team_fte(team)
    graph = nx.DiGraph(view="reach", organisation=org.name, team=team)
    graph.add_node(_SOURCE)
    graph.add_node(_SINK)
    graph.add_edge(_SOURCE, _DIRECT, capacity=math.floor(fte * caseload + _EPS), weight=0)
    people = math.floor(fte * per_fte + _EPS)
    graph.add_edge(_SOURCE, _SUPERVISION, capacity=people * per_person, weight=0)
    for user in users:
        graph.add_edge(_DIRECT, ("user", user), capacity=1, weight=0)
        graph.add_edge(("user", user), _SINK, capacity=1, weight=0)
    order = {s.id: i for i, s in enumerate(org.staff)}
    for staff_id, visited in visits.items():
        graph.add_edge(
            _SUPERVISION, ("staff", staff_id), capacity=per_person, weight=order[staff_id] + 1
        )
        for user in sorted(visited):
            graph.add_edge(("staff", staff_id), ("user", user), capacity=1, weight=0)
    return graph


def specialist_reach(
    org: Organisation,
    team: TeamId,
    *,
    caseload_per_fte: float = DEFAULT_CASELOAD_PER_FTE,
    supervised_per_fte: float = DEFAULT_SUPERVISED_PER_FTE,
    users_per_supervised: int = DEFAULT_USERS_PER_SUPERVISED,
) -> Reach:
    """The users a specialist team reaches directly, through supervised staff, or not at all.

    The number reached is the value of a maximum flow in :func:`reach_network` (module
    docstring).

    Parameters
    ----------
    org
        The organisation.
    team
        A specialist team's id.
    caseload_per_fte
        Users one FTE of the team can follow itself (default
        :data:`DEFAULT_CASELOAD_PER_FTE`, an assumption).
    supervised_per_fte
        Staff one FTE of the team can advise, train and supervise (default
        :data:`DEFAULT_SUPERVISED_PER_FTE`, from seed 000, L956-957).
    users_per_supervised
        Users one supervised person carries the team's knowledge to (default
        :data:`DEFAULT_USERS_PER_SUPERVISED`).

    Returns
    -------
    Reach
        ``direct + through_staff + unreached == users`` and ``through_staff <=
        capacity_through``.

    Raises
    ------
    InvalidArgument
        If ``team`` is unknown or not a specialist team, a rate is negative or not finite, or
        ``users_per_supervised`` is not an integer >= 0.

    Examples
    --------
    The memory team of seed 000: six specialists, 300 citizens with dementia, and sixty home-care
    staff in three zones who visit them (each zone team visits its own zone's users):

    >>> from hometeams.model import Organisation, Staff, Team, User, Zone
    >>> zones = [Zone(z) for z in ("a", "b", "c")]
    >>> memory = [Staff(f"m{i}", profession="specialist-nurse", competences=["dementia"])
    ...           for i in range(6)]
    >>> home = [Staff(f"h{i}", profession="health-worker") for i in range(60)]
    >>> teams = [Team("memory", category="specialist", type="memory",
    ...               members=[s.id for s in memory])]
    >>> teams += [Team(z.id, category="geographic", zones=[z.id],
    ...                members=[s.id for s in home[20 * i:20 * i + 20]])
    ...           for i, z in enumerate(zones)]
    >>> users = [User(f"u{i}", zone="abc"[i % 3], needs=["dementia"]) for i in range(300)]
    >>> org = Organisation("B", zones=zones, staff=memory + home, teams=teams, users=users)
    >>> r = specialist_reach(org, "memory")
    >>> r.users, r.direct, r.through_staff, r.unreached, r.capacity_through
    (300, 180, 120, 0, 300)

    The 120 users beyond the team's own 180 need 120 / 5 = 24 supervised people:

    >>> len(r.supervised)
    24

    Alone, without working through others, the team leaves 40 % unreached:

    >>> specialist_reach(org, "memory", supervised_per_fte=0).unreached_share
    0.4
    """
    graph = reach_network(
        org,
        team,
        caseload_per_fte=caseload_per_fte,
        supervised_per_fte=supervised_per_fte,
        users_per_supervised=users_per_supervised,
    )
    n = len(specialist_users(org, team))
    flow = nx.max_flow_min_cost(graph, _SOURCE, _SINK)
    reached = sum(flow[_SOURCE].values())
    direct = min(n, graph.edges[_SOURCE, _DIRECT]["capacity"])
    through = reached - direct
    supervised = {node[1] for node, units in flow[_SUPERVISION].items() if units > 0}
    return Reach(
        team,
        fte=org.team_fte(team),
        users=n,
        direct=direct,
        through_staff=through,
        unreached=n - reached,
        supervised=tuple(s.id for s in org.staff if s.id in supervised),
        supervisable=sum(1 for node in graph.successors(_SUPERVISION)),
        capacity_through=graph.edges[_SOURCE, _SUPERVISION]["capacity"],
    )
