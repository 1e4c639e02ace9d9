"""Organisation models as policies: who may take a job, in which order of preference.

A home-care evening in a district with a dementia team and two zone teams: a visit to Mrs Berg
becomes due at 18:00. Under *fixed teams* only her team's nurses on duty may go; *pooled*, any
nurse on duty with the required competence goes; under *overflow* her team goes first, and if
nobody from it is free within 30 minutes the whole district may take her; *continuity first*
waits a while for her primary contact or someone she knows.

All of these are one idea: a policy answers, for a job, a short list of :class:`Tier` values --
groups of staff in order of preference, each open after the job has waited ``after`` minutes.
The engine sends the best free staff of the first open tier that has any, ranked by the
policy's ordering rules (:mod:`~hometeams.sim._ordering`); if none is free the job waits, and
the engine asks again whenever a staff member becomes free, a shift starts, or a tier opens.
Required competences are enforced by the engine for every tier (hard); preferred competences
only rank candidates (soft, through :data:`~hometeams.sim.preferred_first`, the default order).

A policy is any value with an ``order`` attribute and a ``plan(job, view)`` method
(:class:`Policy`); nothing in the engine has to be subclassed. The built-in policies are frozen
``attrs`` values, so ``attrs.evolve(policy, threshold=60)`` gives a variant and ``repr`` names
them in the records.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Protocol

import attrs

from hometeams._types import CompetenceId, Minutes, StaffId, TeamId
from hometeams.errors import InvalidArgument
from hometeams.sim._ordering import OrderingRule, preferred_first
from hometeams.sim._view import View

__all__ = [
    "Chained",
    "ContinuityFirst",
    "FixedTeams",
    "Overflow",
    "Policy",
    "Pooled",
    "Tier",
]


def _after(value: float) -> float:
    return float(value)


@attrs.frozen
class Tier:
    """A group of staff who may take a job, open once the job has waited ``after`` minutes.

    Parameters
    ----------
    staff
        A bitmask of staff indices (see :class:`View`), or ``None`` for anyone.
    team
        A team id: only staff on duty *for that team* (rostered for it, or rostered without a
        team and members of it), or ``None`` for any team.
    after
        Minutes the job must have waited (since ready) before this tier opens.

    Examples
    --------
    >>> Tier(team="north"), Tier(after=30)
    (Tier(staff=None, team='north', after=0.0), Tier(staff=None, team=None, after=30.0))
    """

    staff: int | None = attrs.field(default=None, kw_only=True)
    team: TeamId | None = attrs.field(default=None, kw_only=True)
    after: Minutes = attrs.field(default=0.0, converter=_after, kw_only=True)

    def __attrs_post_init__(self) -> None:
        if not (math.isfinite(self.after) and self.after >= 0):
            raise InvalidArgument(f"after: must be finite and >= 0, got {self.after!r}")


class Policy(Protocol):
    """An organisation model: any value with an ``order`` and a ``plan`` method.

    ``plan(job, view)`` is called once, when the job becomes ready, and returns the tiers of
    staff who may take it, best first. ``order`` ranks free candidates within a tier.

    A policy whose answer depends on nothing but the job's owning teams may also have a method
    ``plan_for_teams(teams, view)`` giving the tiers for any job owned by ``teams``; the engine
    then asks it once per distinct set of owning teams before the run instead of once per job
    (the built-in :class:`Pooled`, :class:`FixedTeams` and :class:`Overflow` do).

    Examples
    --------
    A planner's own policy -- the night nurse takes everything, others after 20 minutes:

    >>> class NightNurseFirst:
    ...     order = ()
    ...     def plan(self, job, view):
    ...         return (Tier(staff=view.staff_mask(["nina"])), Tier(after=20))
    """

    @property
    def order(self) -> Sequence[OrderingRule]:
        """Ordering rules, applied lexicographically to the candidates of a tier."""
        ...

    def plan(self, job: int, view: View, /) -> Sequence[Tier]:
        """The tiers of staff who may take ``job``, in order of preference."""
        ...


def _order(value: Iterable[OrderingRule]) -> tuple[OrderingRule, ...]:
    rules = tuple(value)
    for i, rule in enumerate(rules):
        if not callable(rule):
            raise InvalidArgument(
                f"order[{i}]: must be an ordering rule (a callable), got {rule!r}"
            )
    return rules


def _minutes(name: str) -> Callable[[object, attrs.Attribute[float], float], None]:
    def check(_instance: object, _attribute: attrs.Attribute[float], value: float) -> None:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise InvalidArgument(f"{name}: must be a number of minutes, got {value!r}")
        if not (math.isfinite(value) and value >= 0):
            raise InvalidArgument(f"{name}: must be finite and >= 0, got {value!r}")

    return check


_ANYONE: tuple[Tier, ...] = (Tier(),)


@functools.cache
def _team_tiers(teams: tuple[TeamId, ...], overflow: float | None) -> tuple[Tier, ...]:
    tiers = tuple(Tier(team=t) for t in teams)
    return tiers if overflow is None else (*tiers, Tier(after=overflow))


def _default_order() -> tuple[OrderingRule, ...]:
    return (preferred_first,)


@attrs.frozen
class Pooled:
    """Pooled (spread) competence: any staff member on duty with the required competences.

    Examples
    --------
    >>> Pooled()
    Pooled(order=(preferred_first,))
    """

    order: tuple[OrderingRule, ...] = attrs.field(
        factory=_default_order, converter=_order, kw_only=True
    )

    def plan(self, job: int, view: View, /) -> Sequence[Tier]:
        """Anyone on duty."""
        return self.plan_for_teams(view.job_teams(job), view)

    def plan_for_teams(self, teams: tuple[TeamId, ...], view: View, /) -> Sequence[Tier]:  # noqa: ARG002
        """Anyone on duty, whoever owns the job."""
        return _ANYONE


@attrs.frozen
class FixedTeams:
    """Fixed teams: only staff on duty for the job's owning team.

    A job's owning team is the one the scenario gave the job, else the user's team; a day-only
    or weekday-only team hands jobs outside its hours to the geographic (or night) teams that
    cover the job's zone then (see ``docs/explanation/simulator.md``). A job without an owning
    team may go to anyone.

    Examples
    --------
    >>> FixedTeams()
    FixedTeams(order=(preferred_first,))
    """

    order: tuple[OrderingRule, ...] = attrs.field(
        factory=_default_order, converter=_order, kw_only=True
    )

    def plan(self, job: int, view: View, /) -> Sequence[Tier]:
        """The owning team(s), else anyone."""
        return self.plan_for_teams(view.job_teams(job), view)

    def plan_for_teams(self, teams: tuple[TeamId, ...], view: View, /) -> Sequence[Tier]:  # noqa: ARG002
        """The owning team(s), else anyone."""
        return _team_tiers(teams, None) if teams else _ANYONE


@attrs.frozen
class Overflow:
    """The hybrid: the owning team first; after ``threshold`` minutes of waiting, anyone.

    Idle staff of any team take such overflowing (pool) work, and jobs without an owning team,
    whenever they become free: waiting jobs are offered in the order they became ready.

    Parameters
    ----------
    threshold
        Minutes a job waits for its own team before the pool may take it.

    Examples
    --------
    >>> Overflow(threshold=30)
    Overflow(threshold=30, order=(preferred_first,))
    >>> Overflow(threshold=-5)
    Traceback (most recent call last):
    ...
    hometeams.errors.InvalidArgument: threshold: must be finite and >= 0, got -5
    """

    threshold: Minutes = attrs.field(validator=_minutes("threshold"))
    order: tuple[OrderingRule, ...] = attrs.field(
        factory=_default_order, converter=_order, kw_only=True
    )

    def plan(self, job: int, view: View, /) -> Sequence[Tier]:
        """The owning team(s), then anyone after the threshold."""
        return self.plan_for_teams(view.job_teams(job), view)

    def plan_for_teams(self, teams: tuple[TeamId, ...], view: View, /) -> Sequence[Tier]:  # noqa: ARG002
        """The owning team(s), then anyone after the threshold."""
        return _team_tiers(teams, float(self.threshold)) if teams else _ANYONE


def _lines(
    value: Mapping[StaffId, Iterable[CompetenceId] | CompetenceId] | LineMap | None,
) -> LineMap | None:
    if value is None:
        return None
    pairs = value.items() if isinstance(value, Mapping) else value
    out = []
    for staff, competences in pairs:
        comps = (competences,) if isinstance(competences, str) else tuple(competences)
        out.append((staff, frozenset(comps)))
    return tuple(sorted(out))


LineMap = tuple[tuple[StaffId, frozenset[CompetenceId]], ...]


@attrs.frozen
class Chained:
    """Chained competences: primary-line staff first, then secondary, then anyone qualified.

    Staff whose *primary* competences cover the job go first, then staff whose *secondary*
    competences do, then (with ``fallback``) anyone holding the required competences.
    A job's competences are its required and preferred ones together; a line *covers* the job
    when it holds all of them. In a long chain each person's secondary competence is the next
    person's primary one, so every kind of work has a first and a second line.

    Parameters
    ----------
    primary
        Each staff member's primary competences; by default the competences they hold.
    secondary
        Each staff member's secondary competences; by default none.
    fallback
        Whether staff outside both lines (holding the required competences) may take the job
        as a last resort.

    Examples
    --------
    >>> Chained(primary={"kari": "dementia"}, secondary={"ola": ["dementia"]})
    ... # doctest: +NORMALIZE_WHITESPACE
    Chained(primary=(('kari', frozenset({'dementia'})),),
            secondary=(('ola', frozenset({'dementia'})),), fallback=True,
            order=(preferred_first,))
    """

    primary: LineMap | None = attrs.field(default=None, converter=_lines, kw_only=True)
    secondary: LineMap | None = attrs.field(default=None, converter=_lines, kw_only=True)
    fallback: bool = attrs.field(default=True, kw_only=True)
    order: tuple[OrderingRule, ...] = attrs.field(
        factory=_default_order, converter=_order, kw_only=True
    )

    def plan(self, job: int, view: View, /) -> Sequence[Tier]:
        """Primary line, secondary line, then (optionally) anyone qualified."""
        skill = view.job_required(job) | view.job_preferred(job)
        key = (self, skill)
        cached = view.memo.get(key)
        if cached is None:
            first = self._covering(self.primary, skill, view, default=True)
            second = self._covering(self.secondary, skill, view, default=False) & ~first
            tiers = [Tier(staff=m) for m in (first, second) if m]
            if self.fallback:
                tiers.append(Tier())
            cached = view.memo[key] = tuple(tiers)
        return cached  # type: ignore[return-value]

    @staticmethod
    def _covering(
        lines: LineMap | None, skill: frozenset[CompetenceId], view: View, *, default: bool
    ) -> int:
        if lines is None:
            return view.holders(skill) if default else 0
        return view.staff_mask(staff for staff, held in lines if skill <= held)


@attrs.frozen
class ContinuityFirst:
    """Continuity first: the primary contact, then familiar staff, then the ``then`` policy.

    The user's primary contact goes first, then staff who know the user; after ``tolerance``
    minutes of waiting, whoever the ``then`` policy allows.
    If the user has no primary contact and nobody has served them yet, the job goes straight
    to the ``then`` policy, without waiting. Staff who know the user are those who served them
    earlier in the run. The ``then`` policy's own ordering is replaced by this one's.

    Parameters
    ----------
    tolerance
        Minutes a job may wait for a familiar face.
    then
        The policy for everyone else (default :class:`Pooled`).

    Examples
    --------
    >>> ContinuityFirst(tolerance=45, then=FixedTeams())  # doctest: +NORMALIZE_WHITESPACE
    ContinuityFirst(tolerance=45, then=FixedTeams(order=(preferred_first,)),
                    order=(preferred_first,))
    """

    tolerance: Minutes = attrs.field(validator=_minutes("tolerance"))
    then: Policy = attrs.field(factory=Pooled, kw_only=True)
    order: tuple[OrderingRule, ...] = attrs.field(
        factory=_default_order, converter=_order, kw_only=True
    )

    def plan(self, job: int, view: View, /) -> Sequence[Tier]:
        """Primary contact, known staff, then the ``then`` policy after the tolerance."""
        rest = self.then.plan(job, view)
        contact = view.primary_contact(job)
        contact_mask = 1 << contact if contact >= 0 else 0
        known = view.known(job) & ~contact_mask
        if not (contact_mask or known):
            return rest
        tiers = [Tier(staff=m) for m in (contact_mask, known) if m]
        wait = float(self.tolerance)
        tiers.extend(attrs.evolve(t, after=max(t.after, wait)) for t in rest)
        return tiers
