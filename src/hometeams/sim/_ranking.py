"""Choosing among free candidates: the policy's ordering rules as narrowings of a bitmask.

Three nurses are free for a visit in zone North: the policy says nearest first, then the lowest
care level. Rather than compute a key per nurse and sort, each built-in rule *narrows* the
candidate set with a few mask operations -- nearest keeps the candidates standing in the
nearest ring of zones, lowest care level the candidates of the lowest level present,
preferred-first the holders of the visit's preferred competences -- and the first staff member
left (in organisation order) is sent. A planner's own rule is applied the plain way: its key
for each remaining candidate, keeping those with the smallest. Both give the lexicographic
order of :mod:`~hometeams.sim._ordering`.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from hometeams.sim._compile import Compiled
from hometeams.sim._ordering import (
    OrderingRule,
    earliest_free,
    known_staff_first,
    lowest_care_level,
    nearest,
    preferred_first,
)
from hometeams.sim._view import View

__all__ = ["Ranking"]

_FEW = 6  # up to this many candidates, nearest looks at each; beyond, at the rings of zones


class Ranking:
    """The ordering rules of one run; reads the engine's live lists (never copies them).

    Parameters
    ----------
    order
        The policy's ordering rules.
    c
        The compiled run.
    view
        The engine, for planners' own rules.
    where, known, free_since
        The engine's lists: each staff member's zone index (-1: nowhere), each user's
        familiar staff (a mask), and when each staff member last became free.
    """

    def __init__(
        self,
        order: Sequence[OrderingRule],
        c: Compiled,
        *,
        view: View,
        where: list[int],
        known: list[int],
        free_since: list[float],
    ) -> None:
        self._c = c
        self._view = view
        self._where = where
        self._known = known
        self._free_since = free_since
        n_zones = len(c.zones)
        self.at_zone = [0] * (n_zones + 1)  # the last entry (index -1) is "nowhere"
        for s, z in enumerate(where):
            self.at_zone[z] |= 1 << s
        rings: list[list[list[int]]] = []
        for jz in range(n_zones):
            by_time: dict[float, list[int]] = {0.0: [-1]}
            for z in range(n_zones):
                by_time.setdefault(c.travel[z][jz], []).append(z)
            rings.append([by_time[t] for t in sorted(by_time)])
        self._rings = rings
        # each zone's ring for a job in zone jz (the last entry, index -1, is "nowhere": 0)
        self._ring_of: list[list[int]] = []
        for jz_rings in rings:
            ring_of = [0] * (n_zones + 1)
            for r, zones in enumerate(jz_rings):
                for z in zones:
                    ring_of[z] = r
            self._ring_of.append(ring_of)
        levels: dict[int, int] = {}
        for s, level in enumerate(c.care):
            levels[level] = levels.get(level, 0) | 1 << s
        self._levels = [levels[k] for k in sorted(levels)]
        # holders of each job's preferred competences, if a rule asks (one list, built once)
        self._pref_holders: list[int] = []
        if any(rule is preferred_first for rule in order):
            holders = {bits: c.holders_of(bits) for bits in set(c.pref)}
            self._pref_holders = list(map(holders.__getitem__, c.pref))
        self._steps = tuple(self._narrowing(rule) for rule in order)

    def pick(self, j: int, cand: int) -> int:
        """The best candidate for job ``j`` (ties: the one listed first)."""
        for narrow in self._steps:
            if not cand & (cand - 1):
                break
            cand = narrow(j, cand)
        return (cand & -cand).bit_length() - 1

    def move(self, s: int, zone: int) -> None:
        """Staff ``s`` is now in ``zone`` (-1: nowhere in particular)."""
        old = self._where[s]
        if old != zone:
            bit = 1 << s
            self.at_zone[old] &= ~bit
            self.at_zone[zone] |= bit
            self._where[s] = zone

    def _narrowing(self, rule: OrderingRule) -> Callable[[int, int], int]:
        builtin = {
            preferred_first: self._preferred_first,
            known_staff_first: self._known_first,
            lowest_care_level: self._lowest_level,
            nearest: self._nearest,
            earliest_free: self._earliest_free,
        }
        for known, method in builtin.items():
            if rule is known:
                return method
        view = self._view

        def by_key(j: int, cand: int) -> int:
            best, keep = None, 0
            while cand:
                low = cand & -cand
                cand ^= low
                key = rule(j, low.bit_length() - 1, view)
                if best is None or key < best:
                    best, keep = key, low
                elif key == best:
                    keep |= low
            return keep

        return by_key

    def _preferred_first(self, j: int, cand: int) -> int:
        return cand & self._pref_holders[j] or cand

    def _known_first(self, j: int, cand: int) -> int:
        return cand & self._known[self._c.job_user_idx[j]] or cand

    def _lowest_level(self, _j: int, cand: int) -> int:
        for mask in self._levels:
            if cand & mask:
                return cand & mask
        return cand  # pragma: no cover - every staff member has a level

    def _nearest(self, j: int, cand: int) -> int:
        jz = self._c.job_zone[j]
        if jz < 0:
            return cand
        if cand.bit_count() <= _FEW:  # a few candidates: look each one's ring up
            ring_of, where = self._ring_of[jz], self._where
            best, keep = len(ring_of), 0
            while cand:
                low = cand & -cand
                cand ^= low
                ring = ring_of[where[low.bit_length() - 1]]
                if ring < best:
                    best, keep = ring, low
                elif ring == best:
                    keep |= low
            return keep
        at_zone = self.at_zone
        for zones in self._rings[jz]:
            here = 0
            for z in zones:
                here |= at_zone[z]
            if cand & here:
                return cand & here
        return cand  # pragma: no cover - every staff member is in some zone or none

    def _earliest_free(self, _j: int, cand: int) -> int:
        since = self._free_since
        best, keep = math.inf, 0
        while cand:
            low = cand & -cand
            cand ^= low
            t = since[low.bit_length() - 1]
            if t < best:
                best, keep = t, low
            elif t == best:
                keep |= low
        return keep
