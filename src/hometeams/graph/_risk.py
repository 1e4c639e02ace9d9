"""Key-person risk: competences that hang on one or two people, and what each absence costs.

Small teams depend on individuals. A welfare-technology team of three to five was down to one
active member because of sick leave; small municipalities avoid teams because of "vulnerability
in illness" (seed 000, L339, L660, L1190-1192). Before the sick leave happens, a planner can see
where the organisation is thin:

- **rare competences**: a competence held by fewer than *k* people -- in the whole
  organisation, in a zone (staff by home zone) or in a team (its members) -- among the
  competences somebody in that group holds or needs (:func:`rare_competences`);
- **absence impact**: for each person, the coverage lost if they are away: their FTE for every
  competence they hold, the competences nobody else holds (in the organisation, in each of
  their teams, in their zone), and the users who need a competence that would be left with no
  holder at all (:func:`absence_impact`);
- **bus factor**: for each competence and zone, the fewest people whose absence leaves a user
  of the zone with that need and nobody who can meet it (:func:`~hometeams.graph.bus_factors`,
  a minimum vertex cut in the cover graph).
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from hometeams._types import CompetenceId, StaffId, TeamId, UserId
from hometeams.errors import InvalidArgument
from hometeams.graph._bus import BusFactor, bus_factors
from hometeams.graph._coverage import CoverageScope
from hometeams.graph._views import carers
from hometeams.model import Organisation, Staff

__all__ = [
    "AbsenceImpact",
    "KeyPersonRisk",
    "RareCompetence",
    "absence_impact",
    "key_person_risk",
    "rare_competences",
]


@attrs.frozen
class RareCompetence:
    """A competence held by fewer than *k* people in a group.

    Attributes
    ----------
    competence
        The competence id.
    scope
        ``"organisation"``, ``"zone"`` or ``"team"``.
    group
        The zone or team id; ``None`` for the organisation.
    holders
        Ids of the staff holding it there, sorted (may be empty: a need nobody covers).
    users
        Users of the group needing it.

    Examples
    --------
    >>> RareCompetence("welfare-technology", scope="team", group="vt", holders=("nina",),
    ...                users=0).holders
    ('nina',)
    """

    competence: CompetenceId
    scope: CoverageScope = attrs.field(kw_only=True)
    group: str | None = attrs.field(kw_only=True)
    holders: tuple[StaffId, ...] = attrs.field(kw_only=True)
    users: int = attrs.field(kw_only=True)


@attrs.frozen
class AbsenceImpact:
    """What the organisation loses while one person is away.

    Attributes
    ----------
    staff
        The absent person.
    fte
        Their position (FTE): the coverage lost for each competence in ``competences``.
    competences
        The competences they hold, sorted.
    sole
        Competences nobody else in the organisation holds.
    team_gaps
        ``(team, competence)`` pairs: competences nobody else in that team holds.
    zone_gaps
        Competences nobody else in their home zone holds.
    users_exposed
        Users who need a competence in ``sole``, sorted.
    users_uncovered
        Users with a need that nobody else who serves them can meet (the person is a vertex
        cut of size one in the cover graph; see :func:`~hometeams.graph.bus_factors`), sorted.
        Unlike ``users_exposed`` this counts a user whose only carer with the competence is
        this person though others elsewhere hold it, and not a user this person does not serve.

    Examples
    --------
    >>> AbsenceImpact("nina", fte=1.0, competences=("welfare-technology",),
    ...               sole=("welfare-technology",), team_gaps=(), zone_gaps=(),
    ...               users_exposed=()).sole
    ('welfare-technology',)
    """

    staff: StaffId
    fte: float = attrs.field(kw_only=True)
    competences: tuple[CompetenceId, ...] = attrs.field(kw_only=True)
    sole: tuple[CompetenceId, ...] = attrs.field(kw_only=True)
    team_gaps: tuple[tuple[TeamId, CompetenceId], ...] = attrs.field(kw_only=True)
    zone_gaps: tuple[CompetenceId, ...] = attrs.field(kw_only=True)
    users_exposed: tuple[UserId, ...] = attrs.field(kw_only=True)
    users_uncovered: tuple[UserId, ...] = attrs.field(kw_only=True, default=())


@attrs.frozen
class KeyPersonRisk:
    """Rare competences, absence impacts and bus factors (see :func:`key_person_risk`).

    Examples
    --------
    >>> KeyPersonRisk(k=2, rare=(), absences=()).bus_factors
    ()
    """

    k: int
    rare: tuple[RareCompetence, ...] = attrs.field(kw_only=True)
    absences: tuple[AbsenceImpact, ...] = attrs.field(kw_only=True)
    bus_factors: tuple[BusFactor, ...] = attrs.field(kw_only=True, default=())


def _check_k(k: object) -> int:
    if isinstance(k, bool) or not isinstance(k, int) or k < 1:
        raise InvalidArgument(f"k: must be a positive integer, got {k!r}")
    return k


def _rare_in(
    scope: CoverageScope,
    group: str | None,
    staff: Sequence[Staff],
    needs: Sequence[frozenset[CompetenceId]],
    k: int,
) -> list[RareCompetence]:
    relevant = {c for s in staff for c in s.competences} | {c for n in needs for c in n}
    out = []
    for c in sorted(relevant):
        holders = tuple(sorted(s.id for s in staff if c in s.competences))
        if len(holders) < k:
            users = sum(c in n for n in needs)
            out.append(RareCompetence(c, scope=scope, group=group, holders=holders, users=users))
    return out


def rare_competences(org: Organisation, *, k: int = 2) -> tuple[RareCompetence, ...]:
    """Competences held by fewer than ``k`` people, overall, per zone and per team.

    A group's competences are those one of its staff holds or one of its users needs (a zone's
    users live in it; a team's users have it as their team), so a competence neither held nor
    needed in a zone is not listed for that zone.

    Parameters
    ----------
    org
        The organisation.
    k
        The smallest number of holders that is *not* a risk; ``k=2`` lists competences that
        hang on one person or nobody.

    Returns
    -------
    tuple of RareCompetence
        The organisation's first, then zones', then teams' (each by group id), each by
        competence id.

    Raises
    ------
    InvalidArgument
        If ``k`` is not a positive integer.

    Examples
    --------
    >>> from hometeams.model import Organisation, Staff, Team, User, Zone
    >>> org = Organisation("d", zones=[Zone("n")],
    ...     staff=[Staff("nina", profession="engineer", competences=["welfare-technology"]),
    ...            Staff("kari", profession="nurse", competences=["dementia"], zone="n"),
    ...            Staff("ola", profession="nurse", competences=["dementia"], zone="n")],
    ...     teams=[Team("vt", category="specialist", members=["nina"])],
    ...     users=[User("u1", zone="n", needs=["welfare-technology"])])
    >>> for r in rare_competences(org):
    ...     print(r.scope, r.group, r.competence, r.holders, r.users)
    organisation None welfare-technology ('nina',) 1
    zone n welfare-technology () 1
    team vt welfare-technology ('nina',) 0
    """
    k = _check_k(k)
    staff = org.staff_by_id
    out = _rare_in("organisation", None, org.staff, [u.needs for u in org.users], k)
    for zone in sorted(org.zones_by_id):
        members = [s for s in org.staff if s.zone == zone]
        needs = [u.needs for u in org.users if u.zone == zone]
        out += _rare_in("zone", zone, members, needs, k)
    for team_id in sorted(org.teams_by_id):
        members = [staff[m] for m in org.teams_by_id[team_id].staff_ids]
        needs = [u.needs for u in org.users if u.team == team_id]
        out += _rare_in("team", team_id, members, needs, k)
    return tuple(out)


def _uncovered(
    org: Organisation, staff: StaffId, serving: dict[UserId, frozenset[StaffId]]
) -> tuple[UserId, ...]:
    people = org.staff_by_id
    out = []
    for user in org.users:
        if staff not in serving[user.id]:
            continue
        for need in user.needs & people[staff].competences:
            if not any(need in people[s].competences for s in serving[user.id] - {staff}):
                out.append(user.id)
                break
    return tuple(sorted(out))


def absence_impact(org: Organisation, staff: StaffId) -> AbsenceImpact:
    """The coverage the organisation loses while ``staff`` is away.

    Parameters
    ----------
    org
        The organisation.
    staff
        The absent person's id.

    Returns
    -------
    AbsenceImpact
        Their FTE lost for each competence they hold, the competences only they hold (in the
        organisation, in each of their teams, in their home zone), the users who need a
        competence only they hold, and the users left with a need nobody who serves them can
        meet.

    Raises
    ------
    InvalidArgument
        If ``staff`` is not in the organisation.

    Examples
    --------
    >>> from hometeams.model import Organisation, Staff, Team, User, Zone
    >>> org = Organisation("d", zones=[Zone("n")],
    ...     staff=[Staff("nina", profession="nurse", competences=["welfare-technology",
    ...                  "dementia"], zone="n"),
    ...            Staff("kari", profession="nurse", competences=["dementia"])],
    ...     teams=[Team("vt", members=["nina"]), Team("n", members=["kari"])],
    ...     users=[User("u1", zone="n", needs=["welfare-technology"])])
    >>> impact = absence_impact(org, "nina")
    >>> impact.sole, impact.team_gaps, impact.zone_gaps, impact.users_exposed
    (('welfare-technology',), (('vt', 'dementia'), ('vt', 'welfare-technology')), ('dementia', 'welfare-technology'), ('u1',))
    >>> impact.users_uncovered
    ('u1',)
    """  # noqa: E501 - a doctest line
    return _impact(org, staff, carers(org))


def _impact(
    org: Organisation, staff: StaffId, serving: dict[UserId, frozenset[StaffId]]
) -> AbsenceImpact:
    try:
        person = org.staff_by_id[staff]
    except KeyError:
        raise InvalidArgument(f"staff: unknown staff member {staff!r}") from None
    others = [s for s in org.staff if s.id != staff]
    held_elsewhere = {c for s in others for c in s.competences}
    sole = tuple(sorted(person.competences - held_elsewhere))
    team_gaps = []
    for team_id in sorted(org.teams_of(staff)):
        team_others = [org.staff_by_id[m] for m in org.teams_by_id[team_id].staff_ids if m != staff]
        in_team = {c for s in team_others for c in s.competences}
        team_gaps += [(team_id, c) for c in sorted(person.competences - in_team)]
    zone_gaps: tuple[CompetenceId, ...] = ()
    if person.zone is not None:
        in_zone = {c for s in others if s.zone == person.zone for c in s.competences}
        zone_gaps = tuple(sorted(person.competences - in_zone))
    exposed = tuple(sorted(u.id for u in org.users if u.needs.intersection(sole)))
    return AbsenceImpact(
        staff,
        fte=person.fte,
        competences=tuple(sorted(person.competences)),
        sole=sole,
        team_gaps=tuple(team_gaps),
        zone_gaps=zone_gaps,
        users_exposed=exposed,
        users_uncovered=_uncovered(org, staff, serving),
    )


def key_person_risk(org: Organisation, *, k: int = 2) -> KeyPersonRisk:
    """Rare competences, and every person's absence impact, most critical person first.

    Parameters
    ----------
    org
        The organisation.
    k
        See :func:`rare_competences`.

    Returns
    -------
    KeyPersonRisk
        ``rare`` from :func:`rare_competences`; ``absences`` from :func:`absence_impact` for
        every staff member, ordered by the number of users exposed, then of sole competences,
        then of team and zone gaps (all descending), then by staff id; ``bus_factors`` from
        :func:`~hometeams.graph.bus_factors`.

    Raises
    ------
    InvalidArgument
        If ``k`` is not a positive integer.

    Examples
    --------
    >>> from hometeams.model import Organisation, Staff, User, Zone
    >>> org = Organisation("d", zones=[Zone("n")],
    ...     staff=[Staff("kari", profession="nurse", competences=["dementia"]),
    ...            Staff("nina", profession="nurse", competences=["palliation"])],
    ...     users=[User("u1", zone="n", needs=["palliation"])])
    >>> risk = key_person_risk(org)
    >>> [a.staff for a in risk.absences]
    ['nina', 'kari']
    >>> [(b.zone, b.competence, b.size) for b in risk.bus_factors]
    [('n', 'palliation', 0)]
    """
    rare = rare_competences(org, k=k)
    serving = carers(org)
    impacts = [_impact(org, s.id, serving) for s in org.staff]
    impacts.sort(
        key=lambda a: (
            -len(a.users_exposed),
            -len(a.sole),
            -(len(a.team_gaps) + len(a.zone_gaps)),
            a.staff,
        )
    )
    return KeyPersonRisk(k, rare=rare, absences=tuple(impacts), bus_factors=bus_factors(org))
