"""The shift book: every minute of a staff member's travel and work, counted into a shift.

Kari works the day shift 07-15 and the evening shift 15-23 on Tuesday; a visit from 14:40 to
15:40 counts 20 minutes in the day shift and 40 in the evening shift. Had she had no evening
shift, the 40 minutes would be overtime of the day shift. The rule: each minute goes to the
earliest-starting present shift of hers that covers it; a minute no shift covers is overtime of
the shift that last started before it. Then ``busy + travel + idle == rostered`` holds for
every shift, with ``idle`` what is left.
"""

from __future__ import annotations

import bisect

from hometeams.sim._compile import Compiled

__all__ = ["ShiftBook"]


class ShiftBook:
    """Busy, travel and overtime minutes per shift (indexed like the realisation's shifts)."""

    def __init__(self, c: Compiled) -> None:
        n_staff, n_shifts = len(c.staff_ids), len(c.shift_start)
        self._c = c
        self.busy = [0.0] * n_shifts
        self.travel = [0.0] * n_shifts
        self.overtime = [0.0] * n_shifts
        self.overtime_busy = [0.0] * n_shifts
        by_staff: list[list[int]] = [[] for _ in range(n_staff)]
        for k in sorted(range(n_shifts), key=c.shift_start.__getitem__):
            if not c.shift_absent[k]:
                by_staff[c.shift_staff[k]].append(k)
        self._shifts = by_staff
        self._starts = [[c.shift_start[k] for k in ks] for ks in by_staff]
        self._longest = [
            max((c.shift_end[k] - c.shift_start[k] for k in ks), default=0.0) for ks in by_staff
        ]

    def count(self, s: int, k: int, a: float, b: float, into: list[float]) -> None:
        """Count ``[a, b)`` of staff ``s``, sent out under shift ``k``, into ``into``.

        ``into`` is :attr:`busy` or :attr:`travel`; what no shift covers goes to
        :attr:`overtime`. The engine adds directly when ``[a, b)`` lies within shift ``k``.
        """
        if b <= a:
            return
        c = self._c
        starts = self._starts[s]
        shifts = self._shifts[s]
        hi = bisect.bisect_left(starts, b)
        lo = hi
        while lo > 0 and starts[lo - 1] + self._longest[s] > a:
            lo -= 1
        pieces = [(a, b)]
        for q in shifts[lo:hi]:
            qs, qe = c.shift_start[q], c.shift_end[q]
            rest = []
            for x, y in pieces:
                low, high = max(x, qs), min(y, qe)
                if low < high:
                    into[q] += high - low
                    if x < low:
                        rest.append((x, low))
                    if high < y:
                        rest.append((high, y))
                else:
                    rest.append((x, y))
            pieces = rest
            if not pieces:
                return
        on_site = into is self.busy
        for x, y in pieces:
            idx = bisect.bisect_right(starts, x) - 1
            owner = shifts[idx] if idx >= 0 else k
            self.overtime[owner] += y - x
            if on_site:
                self.overtime_busy[owner] += y - x
