"""Where the staff stand, and who of several candidates is nearest to a visit.

Three nurses are free for a visit in zone North-a: one stands in North-a, one in North-b six
minutes away, one in the centre fifteen minutes away. :class:`Places` keeps, for each zone, the
bitmask of staff standing in it, and for each zone the *rings* around it -- the zones grouped by
their travel time to it, nearest first -- so that "the nearest of these candidates" is a few
mask operations rather than a sort: the candidates standing in the first ring that has any.
With only a few candidates it looks each one's ring up instead, which is cheaper than
collecting the staff of a ring of many zones.

Zone index ``-1`` means nowhere in particular (a staff member or a job without a zone); travel
to or from it costs nothing.
"""

from __future__ import annotations

__all__ = ["Places"]

_FEW = 6  # up to this many candidates, nearest looks at each; beyond, at the rings of zones


class Places:
    """Each staff member's zone, the staff in each zone, and the rings of zones by travel.

    Parameters
    ----------
    travel
        Minutes from zone ``a`` to zone ``b`` as ``travel[a][b]``.
    where
        Each staff member's zone index at the start (``-1``: nowhere).

    Examples
    --------
    Three zones in a line, 5 minutes apart; staff 0 in zone 0, staff 1 in zone 2:

    >>> places = Places([[0, 5, 10], [5, 0, 5], [10, 5, 0]], where=[0, 2])
    >>> places.nearest(0, 0b11), places.nearest(1, 0b11)
    (1, 3)
    >>> places.move(1, 0)
    >>> places.nearest(0, 0b11), places.where
    (3, [0, 0])
    """

    __slots__ = ("_ring_of", "_rings", "at_zone", "travel", "where")

    def __init__(self, travel: list[list[float]], *, where: list[int]) -> None:
        n_zones = len(travel)
        # a last row and column of zeros, so that index -1 (nowhere) costs nothing
        self.travel: list[list[float]] = [[*map(float, row), 0.0] for row in travel]
        self.travel.append([0.0] * (n_zones + 1))
        self.where = list(where)
        self.at_zone = [0] * (n_zones + 1)  # the last entry (index -1) is "nowhere"
        for s, z in enumerate(self.where):
            self.at_zone[z] |= 1 << s
        self._rings: list[list[list[int]]] = []
        self._ring_of: list[list[int]] = []
        for jz in range(n_zones):
            rings, ring_of = self._rings_around(jz)
            self._rings.append(rings)
            self._ring_of.append(ring_of)

    def _rings_around(self, jz: int) -> tuple[list[list[int]], list[int]]:
        """The zones by their travel time to ``jz``, nearest first, and each zone's ring."""
        n_zones = len(self.travel) - 1
        by_time: dict[float, list[int]] = {0.0: [-1]}
        for z in range(n_zones):
            by_time.setdefault(self.travel[z][jz], []).append(z)
        rings = [by_time[t] for t in sorted(by_time)]
        ring_of = [0] * (n_zones + 1)
        for r, zones in enumerate(rings):
            for z in zones:
                ring_of[z] = r
        return rings, ring_of

    def set_travel(self, a: int, b: int, minutes: float) -> None:
        """Travel from zone ``a`` to zone ``b`` takes ``minutes`` from now on."""
        self.travel[a][b] = minutes
        self._rings[b], self._ring_of[b] = self._rings_around(b)

    def move(self, s: int, zone: int) -> None:
        """Staff ``s`` now stands in ``zone`` (``-1``: nowhere in particular)."""
        old = self.where[s]
        if old != zone:
            bit = 1 << s
            self.at_zone[old] &= ~bit
            self.at_zone[zone] |= bit
            self.where[s] = zone

    def trip(self, s: int, zone: int) -> float:
        """Minutes for staff ``s`` to travel from where she stands to ``zone``."""
        return self.travel[self.where[s]][zone]

    def nearest(self, zone: int, cand: int) -> int:
        """The candidates (a bitmask) with the shortest travel to ``zone``."""
        if zone < 0:
            return cand
        if cand.bit_count() <= _FEW:  # a few candidates: look each one's ring up
            ring_of, where = self._ring_of[zone], self.where
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
        for zones in self._rings[zone]:
            here = 0
            for z in zones:
                here |= at_zone[z]
            if cand & here:
                return cand & here
        return cand  # pragma: no cover - every staff member is in some zone or none
