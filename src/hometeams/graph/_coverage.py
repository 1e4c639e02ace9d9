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
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Literal

import attrs

from hometeams._types import CompetenceId, StaffId
from hometeams.errors import InvalidArgument
from hometeams.model import Organisation

__all__ = ["Coverage", "CoverageScope", "competence_coverage", "relevant_competences"]

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
