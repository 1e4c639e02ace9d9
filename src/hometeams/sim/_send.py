"""Sending one nurse to a visit: the few lines every job of a run goes through.

Kari is free in zone North-b and is sent to Mrs Berg in North-a: she drives 6 minutes, works
for the visit's realised 25 minutes, and is free again at the end -- one completion event,
shared with anyone else who finishes at that very moment. Her minutes go into the shift book
(straight into her current shift when the visit ends within it, else through
:meth:`~hometeams.sim._shifts.ShiftBook.count`), she now stands in North-a, she now knows Mrs
Berg, and the job's record gets its start, journey, nurse and shift.

Half a million visits a year pass through here, so it is a closure over the engine's lists
(no attribute look-ups per visit); a two-person visit goes through the engine's ``_assign``,
which keeps the same rules.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable

from hometeams.sim._agenda import COMPLETE, Agenda
from hometeams.sim._shifts import ShiftBook

__all__ = ["sender"]


def sender(
    *,
    job_zone: list[int],
    duration: list[float],
    user: list[int],
    travel: list[list[float]],
    where: list[int],
    at_zone: list[int],
    busy: list[bool],
    known: list[int],
    cur: list[int],
    shift_end: list[float],
    book: ShiftBook,
    ending: dict[float, list[int]],
    agenda: Agenda,
    start: list[float],
    trip: list[float],
    staff: list[int],
    shift: list[int],
) -> Callable[[int, int, float], None]:
    """``assign1(j, s, now)``: send staff ``s`` alone to job ``j`` at ``now``.

    The caller has taken ``s`` out of the free staff. ``travel`` has a last row and column of
    zeros (index -1: nowhere); ``where`` and ``at_zone`` are the ranking's (staff ``s`` moves
    to the job's zone); ``ending`` maps an end time to the staff whose work ends then, one
    completion event each; ``start``, ``trip``, ``staff`` and ``shift`` are the job records'
    buffers.
    """
    book_travel, book_busy, count = book.travel, book.busy, book.count
    queue, counter, push = agenda.queue, agenda.counter, heapq.heappush

    def assign1(j: int, s: int, now: float) -> None:
        jz = job_zone[j]
        wz = where[s]
        journey = travel[wz][jz]
        begin = now + journey
        end = begin + duration[j]
        bit = 1 << s
        busy[s] = True
        if jz >= 0 and jz != wz:  # Ranking.move, inlined
            at_zone[wz] &= ~bit
            at_zone[jz] |= bit
            where[s] = jz
        known[user[j]] |= bit
        k = cur[s]
        if end <= shift_end[k]:
            book_travel[k] += journey
            book_busy[k] += end - begin
        else:
            count(s, k, now, begin, book_travel)
            count(s, k, begin, end, book_busy)
        others = ending.get(end)  # staff ending at the same moment share one event
        if others is None:
            ending[end] = [s]
            clock = agenda.now  # agenda.schedule(end, COMPLETE), inlined
            delay = end - clock
            push(queue, (clock + (delay if delay > 0 else 0.0), next(counter), COMPLETE, end))
        else:
            others.append(s)
        start[j] = begin
        trip[j] = journey
        staff[j] = s
        shift[j] = k

    return assign1
