"""The bus factor: how many people must be away before a user's need has nobody to meet it.

A welfare-technology engineer who works alone, a dementia nurse whom the zone's users depend on:
"vulnerability in illness" (seed 000, L1190-1192) is a number. For each competence and zone it
is the fewest absences that leave a user of the zone who needs the competence with nobody who
can meet it.

The bus factor is a minimum vertex cut. In the *cover* graph (:func:`~hometeams.graph.cover_graph`:
an edge from each person to each user whose need they can meet) add a source joined to every
holder of the competence; the smallest set of staff separating the source from a user
(:func:`networkx.minimum_node_cut`) is the set whose absence leaves that user's need uncovered,
and by Menger's theorem its size is the number of people who can meet the need. The bus factor
of a zone is the smallest such cut over the zone's users with the need: the weakest point, a
number rather than a rule of thumb. It is 0 where somebody's need is uncovered already, and
counts people who actually serve the user -- a holder in another zone does not count, and a
holder on a team that serves every zone (a night patrol, a welfare-technology team) does.
"""

from __future__ import annotations

import attrs
import networkx as nx

from hometeams._types import CompetenceId, StaffId, UserId, ZoneId
from hometeams.graph._views import carers
from hometeams.model import Organisation

__all__ = ["BusFactor", "bus_factors"]


@attrs.frozen
class BusFactor:
    """The fewest absences that leave a user of a zone with a need nobody can meet.

    Attributes
    ----------
    competence
        The competence needed.
    zone
        The users' zone.
    size
        The bus factor: the size of a minimum vertex cut (module docstring); 0 if a user's need
        is uncovered already.
    staff
        One smallest set of people whose absence leaves a user uncovered, sorted.
    exposed
        The users of the zone with the need that this absence leaves uncovered, in user order.
    users
        Users of the zone with the need.

    Examples
    --------
    >>> b = BusFactor("dementia", zone="north", size=1, staff=("kari",), exposed=("u1",),
    ...               users=3)
    >>> b.size
    1
    """

    competence: CompetenceId
    zone: ZoneId = attrs.field(kw_only=True)
    size: int = attrs.field(kw_only=True)
    staff: tuple[StaffId, ...] = attrs.field(kw_only=True)
    exposed: tuple[UserId, ...] = attrs.field(kw_only=True)
    users: int = attrs.field(kw_only=True)


_SOURCE = ("flow", "source")


def bus_factors(org: Organisation) -> tuple[BusFactor, ...]:
    """For each competence and zone, the fewest absences that leave a user's need uncovered.

    For every competence and every zone where a user needs it, the smallest set of staff
    separating a source joined to the competence's holders from one of those users in the cover
    graph (:func:`networkx.minimum_node_cut`; see the module docstring), minimised over the
    zone's users with the need.

    Parameters
    ----------
    org
        The organisation.

    Returns
    -------
    tuple of BusFactor
        One per zone and competence some user of the zone needs, by zone id, then competence
        id. Of several users with equally small cuts, the first in user order gives ``staff``.

    Examples
    --------
    Zone north: u1 needs dementia care, which Kari (zone north) and the night patrol's Nina can
    give; u2 needs palliation, which only Nina has. Per, in zone south, does not count for
    north::

        source --> kari --> u1               (dementia)
        source --> nina --> u1 (dementia), u2 (palliation)
        source --> per                        (zone south: no edge to north's users)

    >>> from hometeams.model import Organisation, Staff, Team, User, Zone
    >>> org = Organisation("d", zones=[Zone("north"), Zone("south")],
    ...     staff=[Staff("kari", profession="nurse", competences=["dementia"], zone="north"),
    ...            Staff("per", profession="nurse", competences=["dementia"], zone="south"),
    ...            Staff("nina", profession="nurse", competences=["dementia", "palliation"])],
    ...     teams=[Team("night", category="night", members=["nina"])],
    ...     users=[User("u1", zone="north", needs=["dementia"]),
    ...            User("u2", zone="north", needs=["palliation"])])
    >>> for b in bus_factors(org):
    ...     print(b.zone, b.competence, b.size, b.staff, b.exposed)
    north dementia 2 ('kari', 'nina') ('u1',)
    north palliation 1 ('nina',) ('u2',)
    """
    serving = carers(org)
    staff = org.staff_by_id
    out: list[BusFactor] = []
    for competence in sorted({c for u in org.users for c in u.needs}):
        graph = nx.DiGraph()
        graph.add_node(_SOURCE)
        users = [u for u in org.users if competence in u.needs]
        coverers: dict[UserId, frozenset[StaffId]] = {}
        for user in users:
            graph.add_node(("user", user.id))
            able = {s for s in serving[user.id] if competence in staff[s].competences}
            coverers[user.id] = frozenset(able)
            for staff_id in able:
                graph.add_edge(_SOURCE, ("staff", staff_id))
                graph.add_edge(("staff", staff_id), ("user", user.id))
        cuts: dict[frozenset[StaffId], frozenset[StaffId]] = {}
        for zone in sorted({u.zone for u in users}):
            in_zone = [u for u in users if u.zone == zone]
            for user in in_zone:
                # Users with the same coverers have the same cuts: compute each once.
                key = coverers[user.id]
                if key not in cuts:
                    cut = nx.minimum_node_cut(graph, _SOURCE, ("user", user.id))
                    cuts[key] = frozenset(node[1] for node in cut)
            # The first smallest cut in user order (min keeps the first of equals).
            best = min((cuts[coverers[u.id]] for u in in_zone), key=len)
            out.append(
                BusFactor(
                    competence,
                    zone=zone,
                    size=len(best),
                    staff=tuple(sorted(best)),
                    exposed=tuple(u.id for u in in_zone if coverers[u.id] <= best),
                    users=len(in_zone),
                )
            )
    out.sort(key=lambda b: (b.zone, b.competence))
    return tuple(out)
