"""Choosing among free candidates: the policy's ordering rules as narrowings of a bitmask.

Three nurses are free for a visit in zone North: the policy says nearest first, then the lowest
care level. Rather than compute a key per nurse and sort, each rule *narrows* the candidate set
to those with its best key -- with a few mask operations where the rule has a ``narrow`` method
(every built-in rule has one: nearest keeps the candidates standing in the nearest ring of
zones, lowest care level the candidates of the lowest level present, preferred-first the
holders of the visit's preferred competences), else by asking its key of each remaining
candidate -- and the first staff member left (in organisation order) is sent. That is the
lexicographic order of :mod:`~hometeams.sim._ordering`.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from hometeams.sim._ordering import Narrowing, OrderingRule, narrow_by_key
from hometeams.sim._view import View

__all__ = ["Ranking"]


def _narrowing(rule: OrderingRule) -> Narrowing:
    narrow: Narrowing | None = getattr(rule, "narrow", None)
    return narrow if callable(narrow) else functools.partial(narrow_by_key, rule)


class Ranking:
    """The ordering rules of one run, each as a narrowing of a candidate mask.

    Examples
    --------
    >>> def odd_first(job, staff, view):
    ...     return staff % 2 == 0
    >>> Ranking((odd_first,), view=None).pick(0, 0b1110)
    1
    """

    __slots__ = ("_steps", "_view")

    def __init__(self, order: Sequence[OrderingRule], *, view: View) -> None:
        self._steps = tuple(_narrowing(rule) for rule in order)
        self._view = view

    def pick(self, j: int, cand: int) -> int:
        """The best candidate for job ``j`` (ties: the one listed first)."""
        view = self._view
        for narrow in self._steps:
            if not cand & (cand - 1):
                break
            cand = narrow(j, cand, view)
        return (cand & -cand).bit_length() - 1
