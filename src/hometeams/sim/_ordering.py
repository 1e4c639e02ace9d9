"""Ordering rules: which of several free, eligible staff to send.

When two nurses are free for the same evening visit, the organisation still has a habit: send
the one nearest, the one who has waited longest for work, the one at the lowest care level who
can do it (Bergen's *lowest effective care level*, domain.md §3), or the one the user already
knows. An ordering rule turns that habit into a number per candidate -- smaller is better --
and rules combine lexicographically: ``Pooled(order=(lowest_care_level, nearest))`` sends the
lowest care level and, among equals, the nearest. Ties left after every rule go to the staff
member listed first in the organisation.

A rule is any callable ``rule(job, staff, view) -> float``; a planner writes a new one as a
plain function. A rule may also have a method ``narrow(job, candidates, view) -> candidates``
that keeps, of a bitmask of candidates, those with the smallest key -- the built-in rules do,
with a few mask operations -- and the engine then uses it instead of asking the key of each
candidate. The built-in rules are small named objects so that a policy's ``repr`` (which
goes into the records' ``meta``) is readable and stable.

Examples
--------
>>> from hometeams.sim import Pooled, lowest_care_level, nearest
>>> Pooled(order=(lowest_care_level, nearest))
Pooled(order=(lowest_care_level, nearest))
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

import attrs

from hometeams.sim._view import View

__all__ = [
    "Narrowing",
    "OrderingRule",
    "earliest_free",
    "known_staff_first",
    "lowest_care_level",
    "narrow_by_key",
    "nearest",
    "preferred_first",
]


class OrderingRule(Protocol):
    """A key per candidate: ``rule(job, staff, view) -> float``; smaller is sent first.

    Examples
    --------
    Staff listed last in the organisation first (a plain function is a rule):

    >>> def last_listed(job, staff, view):
    ...     return -staff
    >>> from hometeams.sim import FixedTeams
    >>> FixedTeams(order=(last_listed, nearest)).order[1]
    nearest
    """

    def __call__(self, job: int, staff: int, view: View, /) -> float:
        """The candidate's key."""
        ...


Narrowing = Callable[[int, int, View], int]
"""``narrow(job, candidates, view) -> candidates``: the candidates (a bitmask) with the best key."""


@attrs.frozen(repr=False)
class _Rule:
    """A named built-in ordering rule (the name is its ``repr``).

    Besides its key, a built-in rule knows how to *narrow* a bitmask of candidates to those
    with the best key in a few mask operations (:meth:`narrow`); the engine uses a rule's
    ``narrow`` method whenever it has one, so a planner's own rule can offer one too. Both
    give the same staff (``tests/test_sim_ordering.py``).
    """

    name: str
    key: Callable[[int, int, View], float]
    narrowing: Narrowing | None = None

    def __call__(self, job: int, staff: int, view: View, /) -> float:
        return self.key(job, staff, view)

    def narrow(self, job: int, cand: int, view: View, /) -> int:
        """The candidates with the smallest key (ties: all of them)."""
        if self.narrowing is not None:
            return self.narrowing(job, cand, view)
        return narrow_by_key(self, job, cand, view)

    def __repr__(self) -> str:
        return self.name

    def __reduce__(self) -> str:
        # The built-in rules are module-level singletons: pickle them by name, so policies using
        # them travel to process pools and Dask workers (their lambdas cannot be pickled).
        return self.name


def narrow_by_key(rule: OrderingRule, job: int, cand: int, view: View) -> int:
    """The candidates (a bitmask) whose key under ``rule`` is smallest: the plain way.

    Examples
    --------
    >>> narrow_by_key(lambda job, staff, view: staff % 2, 0, 0b1111, None)
    5
    """
    best, keep = None, 0
    while cand:
        low = cand & -cand
        cand ^= low
        key = rule(job, low.bit_length() - 1, view)
        if best is None or key < best:
            best, keep = key, low
        elif key == best:
            keep |= low
    return keep


nearest: OrderingRule = _Rule(
    "nearest",
    lambda j, s, v: v.travel_time(s, j),
    lambda j, cand, v: v.nearest_of(j, cand),
)
"""Shortest travel from where the staff member is now to the job's zone."""

earliest_free: OrderingRule = _Rule("earliest_free", lambda _j, s, v: v.free_since(s))
"""The staff member who became free earliest, i.e. has been idle longest (spreads the work)."""

lowest_care_level: OrderingRule = _Rule(
    "lowest_care_level",
    lambda _j, s, v: v.care_level(s),
    lambda _j, cand, v: v.lowest_care_level_of(cand),
)
"""The lowest care level that can do the job (required competences are enforced anyway)."""

known_staff_first: OrderingRule = _Rule(
    "known_staff_first",
    lambda j, s, v: 0.0 if v.known(j) >> s & 1 else 1.0,
    lambda j, cand, v: cand & v.known(j) or cand,
)
"""Staff who have served the user before, before staff who have not."""

preferred_first: OrderingRule = _Rule(
    "preferred_first",
    lambda j, s, v: 0.0 if v.holds_preferred(s, j) else 1.0,
    lambda j, cand, v: cand & v.preferred_holders(j) or cand,
)
"""Staff holding all the job's preferred competences first (the default of every policy)."""
