"""Competence coverage: how much of each competence a zone, a team or the whole service holds.

Before a planner moves a dementia nurse from zone North to a memory team, they want to know how
many FTE in North hold dementia care today, and how many of North's users need it. Coverage
answers that with three numbers per competence and group: the FTE holding it, the heads holding
it, and the users needing it.

Definitions, for a competence *c*:

- **organisation**: FTE = the sum of the positions (FTE) of the staff who hold *c*; users = all
  users who need *c*;
- **zone** *z*: FTE = the sum of the positions of the staff whose home zone is *z* and who hold
  *c* (staff without a home zone count in no zone); users = users living in *z* who need *c*;
- **team** *t*: FTE = the sum of the shares that members holding *c* give to *t*; users = users
  whose team is *t* and who need *c*.

The competences reported are those that somebody in the organisation holds or needs, so a need
nobody covers shows as a row with 0 FTE.

**On one shift** the question is sharper: this evening needs two people with dementia care and
one who can give medication, and four people are on -- can each need get its own person? One
person fills one need at a time, so this is a maximum bipartite matching of the needs to the
staff on the shift who hold them (:func:`shift_coverage`, Hopcroft-Karp,
:func:`networkx.bipartite.hopcroft_karp_matching`). Summing FTE cannot see that the same nurse
is counted for both dementia and medication; the matching can. When needs go unmet, König's
theorem names the bottleneck: the needs that together have fewer people able to fill them than
they ask for (:func:`networkx.bipartite.to_vertex_cover`), the same for every maximum matching.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Literal

import attrs
import networkx as nx

from hometeams._types import CompetenceId, StaffId
from hometeams.errors import InvalidArgument
from hometeams.model import Organisation

__all__ = [
    "Coverage",
    "CoverageScope",
    "ShiftCoverage",
    "competence_coverage",
    "relevant_competences",
    "shift_coverage",
]

CoverageScope = Literal["organisation", "zone", "team"]
"""What a coverage figure is for: the whole organisation, one zone or one team."""

_SCOPES = ("organisation", "zone", "team")


@attrs.frozen
class Coverage:
    """How much of one competence a group holds, and how many of its users need it.

    Attributes
    ----------
    competence
        The competence id.
    scope
        ``"organisation"``, ``"zone"`` or ``"team"``.
    group
        The zone or team id; ``None`` for the organisation.
    fte
        FTE holding the competence (see the module docstring for each scope).
    heads
        Staff holding it.
    users
        Users needing it.

    Examples
    --------
    >>> c = Coverage("dementia", scope="zone", group="north", fte=1.3, heads=2, users=5)
    >>> c.fte_per_user
    0.26
    """

    competence: CompetenceId
    scope: CoverageScope = attrs.field(kw_only=True)
    group: str | None = attrs.field(kw_only=True)
    fte: float = attrs.field(kw_only=True)
    heads: int = attrs.field(kw_only=True)
    users: int = attrs.field(kw_only=True)

    @property
    def fte_per_user(self) -> float:
        """FTE holding the competence per user needing it (``inf`` if no user needs it)."""
        return self.fte / self.users if self.users else math.inf


def relevant_competences(org: Organisation) -> tuple[CompetenceId, ...]:
    """Competences somebody in the organisation holds or needs, sorted by id.

    Examples
    --------
    >>> from hometeams.model import Organisation, Staff, User, Zone
    >>> org = Organisation("d", zones=[Zone("n")],
    ...     staff=[Staff("kari", profession="nurse", competences=["wound-care"])],
    ...     users=[User("u1", zone="n", needs=["dementia"])])
    >>> relevant_competences(org)
    ('dementia', 'wound-care')
    """
    held = (c for s in org.staff for c in s.competences)
    needed = (c for u in org.users for c in u.needs)
    return tuple(sorted({*held, *needed}))


def _row(
    competence: CompetenceId,
    scope: CoverageScope,
    group: str | None,
    holders: Iterable[tuple[StaffId, float]],
    users: int,
) -> Coverage:
    pairs = list(holders)
    return Coverage(
        competence,
        scope=scope,
        group=group,
        fte=round(math.fsum(f for _, f in pairs), 9),
        heads=len(pairs),
        users=users,
    )


def competence_coverage(
    org: Organisation, *, by: CoverageScope = "organisation"
) -> tuple[Coverage, ...]:
    """FTE and heads holding each competence, and users needing it, per zone, team or overall.

    Parameters
    ----------
    org
        The organisation.
    by
        ``"organisation"`` (one row per competence), ``"zone"`` or ``"team"`` (one row per
        competence and zone or team, including zeros). The module docstring defines each.

    Returns
    -------
    tuple of Coverage
        Sorted by group id, then competence id; the competences are
        :func:`relevant_competences`.

    Raises
    ------
    InvalidArgument
        If ``by`` is not one of the three scopes.

    Examples
    --------
    >>> from hometeams.model import Membership, Organisation, Staff, Team, User, Zone
    >>> org = Organisation("d", zones=[Zone("n"), Zone("s")],
    ...     staff=[Staff("kari", profession="nurse", competences=["dementia"], fte=0.8,
    ...                  zone="n"),
    ...            Staff("ola", profession="health-worker", fte=0.5, zone="s")],
    ...     teams=[Team("memory", members=[Membership("kari", share=0.2)]),
    ...            Team("n", members=[Membership("kari", share=0.6)])],
    ...     users=[User("u1", zone="s", needs=["dementia"], team="n")])
    >>> [(c.group, c.fte, c.users) for c in competence_coverage(org, by="zone")]
    [('n', 0.8, 0), ('s', 0.0, 1)]
    >>> [(c.group, c.fte, c.users) for c in competence_coverage(org, by="team")]
    [('memory', 0.2, 0), ('n', 0.6, 1)]
    """
    if by not in _SCOPES:
        raise InvalidArgument(f"by: must be one of {', '.join(_SCOPES)}, got {by!r}")
    competences = relevant_competences(org)
    rows: list[Coverage] = []
    if by == "organisation":
        for c in competences:
            holders = [(s.id, s.fte) for s in org.staff if c in s.competences]
            rows.append(_row(c, by, None, holders, sum(c in u.needs for u in org.users)))
    elif by == "zone":
        for zone in sorted(org.zones_by_id):
            staff = [s for s in org.staff if s.zone == zone]
            users = [u for u in org.users if u.zone == zone]
            for c in competences:
                holders = [(s.id, s.fte) for s in staff if c in s.competences]
                rows.append(_row(c, by, zone, holders, sum(c in u.needs for u in users)))
    else:
        staff_by_id = org.staff_by_id
        for team_id in sorted(org.teams_by_id):
            members = org.teams_by_id[team_id].staff_ids
            users = [u for u in org.users if u.team == team_id]
            for c in competences:
                holders = [
                    (m, org.share(team_id, m)) for m in members if c in staff_by_id[m].competences
                ]
                rows.append(_row(c, by, team_id, holders, sum(c in u.needs for u in users)))
    return tuple(rows)


@attrs.frozen
class ShiftCoverage:
    """How many of a shift's competence needs the staff on it can fill, one need per person.

    Attributes
    ----------
    needed
        Needs on the shift (people with a competence; a need for two counts two).
    met
        The most needs that can be filled at once: the size of a maximum matching.
    assignment
        One maximum matching as ``(competence, staff)`` pairs, sorted.
    bottleneck
        ``(competence, count)``: the needs that together have fewer people able to fill them
        than they ask for (empty when every need is met). The same for every maximum matching.
    bottleneck_staff
        The people able to fill the bottleneck's needs, sorted: fewer than its needs by
        ``needed - met``.

    Examples
    --------
    >>> c = ShiftCoverage(needed=3, met=2, assignment=(("dementia", "kari"),
    ...                   ("medication", "ola")), bottleneck=(("dementia", 2),),
    ...                   bottleneck_staff=("kari",))
    >>> c.short, c.complete
    (1, False)
    """

    needed: int = attrs.field(kw_only=True)
    met: int = attrs.field(kw_only=True)
    assignment: tuple[tuple[CompetenceId, StaffId], ...] = attrs.field(kw_only=True)
    bottleneck: tuple[tuple[CompetenceId, int], ...] = attrs.field(kw_only=True)
    bottleneck_staff: tuple[StaffId, ...] = attrs.field(kw_only=True)

    @property
    def short(self) -> int:
        """Needs that cannot be filled: ``needed - met``."""
        return self.needed - self.met

    @property
    def complete(self) -> bool:
        """Whether every need can be filled at once."""
        return self.met == self.needed


def _check_shift(
    org: Organisation, staff: Iterable[StaffId], needs: Mapping[CompetenceId, int]
) -> tuple[list[StaffId], dict[CompetenceId, int]]:
    known = org.staff_by_id
    on_shift: list[StaffId] = []
    for staff_id in staff:
        if staff_id not in known:
            raise InvalidArgument(f"staff: unknown staff member {staff_id!r}")
        if staff_id in on_shift:
            raise InvalidArgument(f"staff: {staff_id!r} is listed twice; list each person once")
        on_shift.append(staff_id)
    if not isinstance(needs, Mapping):
        raise InvalidArgument(f"needs: must map competences to numbers of people, got {needs!r}")
    counts: dict[CompetenceId, int] = {}
    for competence, n in needs.items():
        if competence not in org.all_competences:
            raise InvalidArgument(f"needs: unknown competence {competence!r}")
        if isinstance(n, bool) or not isinstance(n, int) or n < 0:
            raise InvalidArgument(
                f"needs[{competence!r}]: must be a number of people >= 0, got {n!r}"
            )
        counts[competence] = n
    return on_shift, counts


def shift_coverage(
    org: Organisation, staff: Iterable[StaffId], *, needs: Mapping[CompetenceId, int]
) -> ShiftCoverage:
    """Fill a shift's competence needs with the staff on it, one need per person, at most.

    Each need is one node (a need for two dementia nurses is two nodes), each person on the
    shift another, with an edge where the person holds the competence; the needs that can be
    filled at once are a maximum matching (Hopcroft-Karp), and the bottleneck is read off a
    minimum vertex cover (König's theorem; see the module docstring).

    Parameters
    ----------
    org
        The organisation.
    staff
        Ids of the staff on the shift, each once.
    needs
        Competence id -> number of people with it the shift needs.

    Returns
    -------
    ShiftCoverage
        ``met`` needs of ``needed``, one assignment that meets them, and the bottleneck.

    Raises
    ------
    InvalidArgument
        If a staff id is unknown or listed twice, a competence is unknown to the organisation,
        or a count is not an integer >= 0.

    Examples
    --------
    An evening needing two with dementia care and one with medication; Kari holds both, Per
    dementia care, Ola nothing of it. Counting holders says 2 for dementia and 1 for
    medication, but Kari cannot be in two homes at once::

        dementia #1 --- kari --- medication
        dementia #2 --- per

    >>> from hometeams.model import Organisation, Staff
    >>> org = Organisation("d", staff=[
    ...     Staff("kari", profession="nurse", competences=["dementia", "medication"]),
    ...     Staff("per", profession="nurse", competences=["dementia"]),
    ...     Staff("ola", profession="health-worker")])
    >>> c = shift_coverage(org, ["kari", "per", "ola"], needs={"dementia": 2, "medication": 1})
    >>> c.needed, c.met, c.short
    (3, 2, 1)
    >>> c.bottleneck, c.bottleneck_staff
    ((('dementia', 2), ('medication', 1)), ('kari', 'per'))
    """
    on_shift, counts = _check_shift(org, staff, needs)
    holders = org.staff_by_id
    graph = nx.Graph()
    slots = [("need", c, i) for c in sorted(counts) for i in range(counts[c])]
    people = [("staff", s) for s in sorted(on_shift)]
    graph.add_nodes_from(slots)
    graph.add_nodes_from(people)
    for slot in slots:
        for person in people:
            if slot[1] in holders[person[1]].competences:
                graph.add_edge(slot, person)
    matching = nx.bipartite.hopcroft_karp_matching(graph, top_nodes=slots)
    cover = nx.bipartite.to_vertex_cover(graph, matching, top_nodes=slots)
    deficient = [slot for slot in slots if slot not in cover]
    able = {p for slot in deficient for p in graph[slot]}
    return ShiftCoverage(
        needed=len(slots),
        met=sum(1 for slot in slots if slot in matching),
        assignment=tuple(
            sorted((slot[1], matching[slot][1]) for slot in slots if slot in matching)
        ),
        bottleneck=tuple(sorted(Counter(slot[1] for slot in deficient).items())),
        bottleneck_staff=tuple(sorted(p[1] for p in able)),
    )
