"""Specialist reach: how many of its users a specialist team reaches, directly or through others.

"The memory team has six arms. We have 300 citizens with dementia. Home care has ten times as
many arms as the memory team, so they must work through them. You will never reach them all"
(seed 000, L954-961). A specialist team can follow some users itself, with its own capacity,
and reach more by supervising the staff who visit them.

The model, with the team's users and supervised staff as defined in
:mod:`hometeams.graph` (:func:`~hometeams.graph.specialist_users`,
:func:`~hometeams.graph.supervised_staff`):

- **direct capacity** = team FTE x ``caseload_per_fte`` users;
- **supervision capacity** = team FTE x ``supervised_per_fte`` staff. If more staff could be
  supervised than that, the team picks them greedily: each next person is the one who visits
  the most of its users not yet reached through someone already picked (then the one who visits
  the most of its users; then by staff order);
- the team's own capacity goes first to users no supervised person visits, then to the others;
- a user is reached **directly** if followed by the team, **through staff** if not but at least
  one supervised person visits them, and is **unreached** otherwise.

The counts are an upper bound under these assumptions: one trained visitor is taken to be enough
to carry the team's knowledge into a user's home.

Defaults. ``supervised_per_fte=10`` follows the quote: home care has "ten times as many arms" as
the memory team, so six specialists work through about sixty staff. ``caseload_per_fte=30`` is
an **assumption**, not a figure from the sources: about thirty users followed up per specialist
FTE, which with the quote's six arms (180) leaves the 300 citizens with dementia out of reach,
as the team leader says. Pass a municipality's own figures where it has them.
"""

from __future__ import annotations

import math

import attrs

from hometeams._types import StaffId, TeamId, UserId
from hometeams.errors import InvalidArgument
from hometeams.graph._supervision import specialist_users, supervised_staff
from hometeams.model import Organisation

__all__ = ["DEFAULT_CASELOAD_PER_FTE", "DEFAULT_SUPERVISED_PER_FTE", "Reach", "specialist_reach"]

DEFAULT_CASELOAD_PER_FTE = 30.0
"""Users one specialist FTE follows directly: an assumption (see the module docstring)."""

DEFAULT_SUPERVISED_PER_FTE = 10.0
"""Staff one specialist FTE supervises: "ten times as many arms" (seed 000, L956-957)."""

_EPS = 1e-9


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
        The staff it supervises (picked within its supervision capacity), in staff order.
    supervisable
        How many staff visit its users and could be supervised.

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


def _pick(
    candidates: dict[StaffId, frozenset[UserId]], limit: int
) -> tuple[list[StaffId], set[UserId]]:
    """Greedy maximum coverage: up to ``limit`` staff, each adding the most unreached users.

    Ties go to the person who visits the most users, then to the first in ``candidates``.
    """
    chosen: list[StaffId] = []
    covered: set[UserId] = set()
    remaining = dict(candidates)
    while remaining and len(chosen) < limit:
        best = max(remaining, key=lambda s: (len(remaining[s] - covered), len(remaining[s])))
        chosen.append(best)
        covered |= remaining.pop(best)
    return chosen, covered


def specialist_reach(
    org: Organisation,
    team: TeamId,
    *,
    caseload_per_fte: float = DEFAULT_CASELOAD_PER_FTE,
    supervised_per_fte: float = DEFAULT_SUPERVISED_PER_FTE,
) -> Reach:
    """The users a specialist team reaches directly, through supervised staff, or not at all.

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

    Returns
    -------
    Reach
        ``direct + through_staff + unreached == users``.

    Raises
    ------
    InvalidArgument
        If ``team`` is unknown or not a specialist team, or a rate is negative or not finite.

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
    >>> r.users, r.direct, r.through_staff, r.unreached, len(r.supervised)
    (300, 180, 120, 0, 60)

    Alone, without working through others, the team leaves 40 % unreached:

    >>> specialist_reach(org, "memory", supervised_per_fte=0).unreached_share
    0.4
    """
    caseload = _check_rate("caseload_per_fte", caseload_per_fte)
    per_fte = _check_rate("supervised_per_fte", supervised_per_fte)
    users = specialist_users(org, team)
    candidates = dict(supervised_staff(org, team))
    fte = org.team_fte(team)
    limit = math.floor(fte * per_fte + _EPS)
    chosen, covered = _pick(candidates, limit)
    n = len(users)
    direct = min(n, math.floor(fte * caseload + _EPS))
    # The team's own capacity goes first to users nobody supervised visits.
    outside = n - len(covered)
    direct_outside = min(direct, outside)
    through = len(covered) - (direct - direct_outside)
    order = {s.id: i for i, s in enumerate(org.staff)}
    return Reach(
        team,
        fte=fte,
        users=n,
        direct=direct,
        through_staff=through,
        unreached=n - direct - through,
        supervised=tuple(sorted(chosen, key=order.__getitem__)),
        supervisable=len(candidates),
    )
