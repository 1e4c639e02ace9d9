"""Team overlap: teams that do much the same thing under different names.

Teams grow one by one -- a *Trygt hjem* team here, a rehabilitation team there, two cancer
coordinators in each of two districts -- and end up doing the same work side by side: "they work
much the same and collaborate a lot, but they have no shared responsibility ... merge them, and
you could have three working purposefully" (seed 000, L985-1003). This analysis finds such
pairs.

**Measure.** A team's *competence profile* gives, for each competence, the share of the team's
FTE held by members with that competence: ``p_t(c) = sum of shares of members holding c / team
FTE``, a number in ``[0, 1]``. Two teams' similarity is the weighted Jaccard (Ruzicka) index of
their profiles, ``sum_c min(p_a(c), p_b(c)) / sum_c max(p_a(c), p_b(c))``: 1 when the same
shares of their positions hold the same competences, 0 when they share none (and 0 when neither
team's members hold any competence). It compares what teams can do, not how big they are.

**Pairs reported.** Two teams are compared only if they have the same category (an allocation
team and a visiting team with the same nurses have different functions), and two geographic or
night teams only if they serve a common zone (zone teams side by side are parallel by design).
A pair is reported when its similarity is at least ``min_similarity`` *or* both teams have the
same catalogue type (two memory teams), and their display names differ.

**Shared members.** Teams also overlap in people: Kari gives 20 % to the memory team and 60 %
to zone North. Projecting the membership graph (:func:`~hometeams.graph.membership_graph`,
staff -- team) onto the teams (:func:`networkx.bipartite.projected_graph`, one edge per person
in both) gives every reported pair's common members, :attr:`Overlap.shared_staff`. They are
reported, not used to pick the pairs.
"""

from __future__ import annotations

import math

import attrs
import networkx as nx

from hometeams._types import CompetenceId, StaffId, TeamId
from hometeams.errors import InvalidArgument
from hometeams.graph._views import membership_graph
from hometeams.model import Organisation, Team, TeamCategory

__all__ = ["DEFAULT_MIN_SIMILARITY", "Overlap", "team_overlap", "team_similarity"]

DEFAULT_MIN_SIMILARITY = 0.5
"""Report pairs at least this similar: more of their profiles shared than not."""

_ZONED = frozenset({TeamCategory.GEOGRAPHIC, TeamCategory.NIGHT})


@attrs.frozen
class Overlap:
    """Two teams whose functions overlap.

    Attributes
    ----------
    a, b
        The teams' ids, ``a < b``.
    similarity
        Weighted Jaccard index of their competence profiles (module docstring).
    same_type
        Whether both have the same catalogue team type.
    shared
        Competences both teams' members hold, sorted.
    shared_staff
        People who are members of both teams, sorted.

    Examples
    --------
    >>> Overlap("rehab", "trygt-hjem", similarity=0.8, same_type=False,
    ...         shared=("rehabilitation",), shared_staff=("kari",)).shared_staff
    ('kari',)
    """

    a: TeamId
    b: TeamId
    similarity: float = attrs.field(kw_only=True)
    same_type: bool = attrs.field(kw_only=True)
    shared: tuple[CompetenceId, ...] = attrs.field(kw_only=True)
    shared_staff: tuple[StaffId, ...] = attrs.field(kw_only=True, default=())


def _profile(org: Organisation, team: Team) -> dict[CompetenceId, float]:
    total = org.team_fte(team.id)
    held: dict[CompetenceId, float] = {}
    for member in team.staff_ids:
        share = org.share(team.id, member)
        for c in org.staff_by_id[member].competences:
            held[c] = held.get(c, 0.0) + share
    return {c: fte / total for c, fte in held.items()}


def _ruzicka(p: dict[CompetenceId, float], q: dict[CompetenceId, float]) -> float:
    keys = p.keys() | q.keys()
    top = math.fsum(min(p.get(c, 0.0), q.get(c, 0.0)) for c in keys)
    bottom = math.fsum(max(p.get(c, 0.0), q.get(c, 0.0)) for c in keys)
    return round(top / bottom, 12) if bottom > 0 else 0.0


def _team(org: Organisation, team: TeamId, name: str) -> Team:
    try:
        return org.teams_by_id[team]
    except KeyError:
        raise InvalidArgument(f"{name}: unknown team {team!r}") from None


def team_similarity(org: Organisation, a: TeamId, b: TeamId) -> float:
    """Weighted Jaccard similarity of two teams' competence profiles (module docstring).

    Raises
    ------
    InvalidArgument
        If a team is unknown.

    Examples
    --------
    One team of two full-time rehabilitation staff; another where half the FTE holds
    rehabilitation and all of it wound care: ``min`` sums to 0.5, ``max`` to 1 + 1 = 2.

    >>> from hometeams.model import Organisation, Staff, Team
    >>> org = Organisation("d", staff=[
    ...     Staff("a", profession="physiotherapist", competences=["rehabilitation"]),
    ...     Staff("b", profession="occupational-therapist", competences=["rehabilitation"]),
    ...     Staff("c", profession="nurse", competences=["rehabilitation", "wound-care"]),
    ...     Staff("d", profession="nurse", competences=["wound-care"])],
    ...     teams=[Team("rehab", members=["a", "b"]), Team("home", members=["c", "d"])])
    >>> team_similarity(org, "rehab", "home")
    0.25
    """
    ta, tb = _team(org, a, "a"), _team(org, b, "b")
    return _ruzicka(_profile(org, ta), _profile(org, tb))


def _shared_members(org: Organisation) -> dict[tuple[TeamId, TeamId], tuple[StaffId, ...]]:
    """Members of both teams, for each pair with any: the membership graph's team projection."""
    members = membership_graph(org)
    teams = [n for n, kind in members.nodes(data="kind") if kind == "team"]
    projected = nx.bipartite.projected_graph(members, teams, multigraph=True)
    out: dict[tuple[TeamId, TeamId], list[StaffId]] = {}
    for u, v, person in projected.edges(keys=True):
        a, b = sorted((u[1], v[1]))
        out.setdefault((a, b), []).append(person[1])
    return {pair: tuple(sorted(people)) for pair, people in out.items()}


def _comparable(a: Team, b: Team) -> bool:
    if a.category is not b.category:
        return False
    if a.category in _ZONED and a.zones and b.zones:
        return bool(a.zones & b.zones)
    return True


def _name(team: Team) -> str:
    return " ".join((team.name or team.id).split()).casefold()


def team_overlap(
    org: Organisation, *, min_similarity: float = DEFAULT_MIN_SIMILARITY
) -> tuple[Overlap, ...]:
    """Pairs of differently named teams of the same category whose functions overlap.

    Parameters
    ----------
    org
        The organisation.
    min_similarity
        Report comparable pairs at least this similar (default
        :data:`DEFAULT_MIN_SIMILARITY`); pairs of the same catalogue type are reported whatever
        their similarity. The module docstring defines the measure and which pairs compare.

    Returns
    -------
    tuple of Overlap
        Most similar first, then by team ids.

    Raises
    ------
    InvalidArgument
        If ``min_similarity`` is not in ``[0, 1]``.

    Examples
    --------
    A rehabilitation team and *Trygt hjem*, both rehabilitation staff, and a wound team:

    >>> from hometeams.model import Organisation, Staff, Team
    >>> org = Organisation("D", staff=[
    ...     Staff("a", profession="physiotherapist", competences=["rehabilitation"]),
    ...     Staff("b", profession="occupational-therapist", competences=["rehabilitation"]),
    ...     Staff("c", profession="nurse", competences=["wound-care"])],
    ...     teams=[Team("rehab", name="Rehabilitering", category="specialist", members=["a"]),
    ...            Team("th", name="Trygt hjem", category="specialist", members=["b"]),
    ...            Team("wound", name="Sårteam", category="specialist", members=["c"])])
    >>> team_overlap(org)  # doctest: +NORMALIZE_WHITESPACE
    (Overlap(a='rehab', b='th', similarity=1.0, same_type=False, shared=('rehabilitation',),
             shared_staff=()),)
    """
    if (
        isinstance(min_similarity, bool)
        or not isinstance(min_similarity, int | float)
        or not 0.0 <= min_similarity <= 1.0
    ):
        raise InvalidArgument(
            f"min_similarity: must be a number from 0 to 1, got {min_similarity!r}"
        )
    teams = sorted(org.teams, key=lambda t: t.id)
    profiles = {t.id: _profile(org, t) for t in teams}
    common = _shared_members(org)
    out = []
    for i, a in enumerate(teams):
        for b in teams[i + 1 :]:
            if not _comparable(a, b) or _name(a) == _name(b):
                continue
            similarity = _ruzicka(profiles[a.id], profiles[b.id])
            same_type = a.type is not None and a.type == b.type
            if similarity >= min_similarity or same_type:
                shared = tuple(sorted(profiles[a.id].keys() & profiles[b.id].keys()))
                out.append(
                    Overlap(
                        a.id,
                        b.id,
                        similarity=similarity,
                        same_type=same_type,
                        shared=shared,
                        shared_staff=common.get((a.id, b.id), ()),
                    )
                )
    return tuple(sorted(out, key=lambda o: (-o.similarity, o.a, o.b)))
