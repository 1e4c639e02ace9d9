"""The engine's clock and event queue: SimPy's scheduling rules on a heap of plain tuples.

A district's year has over half a million moments at which a nurse finishes a visit. The engine
needs only three kinds of event -- the next entry of the static calendar (shift starts and
ends, visits becoming ready), the moment some visits end, and the moment a tier opens for a
waiting visit -- each handled by one method of the engine. A SimPy ``Timeout`` with a callback
per such moment costs an event object, a callback list and a trip through
``Environment.step``; here the same moment is one tuple on a heap.

The rules are SimPy's, kept exactly, so that the dispatcher makes the same choices it made when
it ran on a ``simpy.Environment`` (``docs/explanation/simulator.md``):

* an event scheduled at ``t`` from the current time ``now`` gets the key
  ``now + max(t - now, 0)`` -- SimPy's ``Timeout(env, delay)`` with ``delay = t - now`` --
  and carries ``t`` itself as its value;
* events with equal keys are handled in the order they were scheduled (SimPy's event id);
* a run up to ``until`` handles the events whose key is below ``until`` (SimPy's urgent stop
  event at ``until`` comes before normal events at that time).

All simulation state stays in one object passed explicitly, as with SimPy's ``Environment``:
the :class:`Agenda` holds the clock and the queue, the engine holds the rest.
"""

from __future__ import annotations

import heapq
import itertools

__all__ = ["COMPLETE", "DRIVE", "REOPEN", "Agenda"]

DRIVE, COMPLETE, REOPEN = 0, 1, 2
"""The engine's event kinds: the static calendar's next moment, visits ending, tiers opening."""


class Agenda:
    """A heap of ``(key, order, kind, value)`` and the time of the event being handled.

    Examples
    --------
    >>> agenda = Agenda()
    >>> agenda.schedule(30.0, 1)
    >>> agenda.schedule(10.0, 2)
    >>> agenda.schedule(30.0, 0)
    >>> [(kind, value) for _key, _order, kind, value in agenda.drain(until=100.0)]
    [(2, 10.0), (1, 30.0), (0, 30.0)]
    """

    __slots__ = ("counter", "now", "queue")

    def __init__(self) -> None:
        self.now = 0.0
        """The key of the event being handled (SimPy's ``env.now``)."""
        self.queue: list[tuple[float, int, int, float]] = []
        """The heap; the engine pops it, and may push ``(key, next(counter), kind, t)``."""
        self.counter = itertools.count()
        """Numbers the events in the order they are scheduled (SimPy's event id)."""

    def schedule(self, t: float, kind: int) -> None:
        """Schedule an event of ``kind`` for time ``t`` (not before :attr:`now`)."""
        now = self.now
        delay = t - now
        heapq.heappush(
            self.queue, (now + (delay if delay > 0 else 0.0), next(self.counter), kind, t)
        )

    def drain(self, *, until: float) -> list[tuple[float, int, int, float]]:
        """Pop every event before ``until`` in order, advancing :attr:`now` (for tests)."""
        out = []
        queue = self.queue
        while queue and queue[0][0] < until:
            entry = heapq.heappop(queue)
            self.now = entry[0]
            out.append(entry)
        return out
