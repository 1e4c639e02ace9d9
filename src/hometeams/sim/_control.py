"""A planner's own SimPy processes in a run: what they may see and change.

The simulator's clock is a :class:`simpy.Environment`, so a planner can add processes of her
own to a run: a road closure that lengthens the drive between two zones for an hour, a weekly
staff meeting, a monitor that samples the queue every ten minutes. Each is a function
``process(env, control)`` returning a SimPy generator, passed to
:func:`~hometeams.sim.simulate` or :func:`~hometeams.sim.run` as ``processes=[...]``; it is
started before the first event of the run and runs on the same clock. Through the
:class:`Control` it reads everything a policy may read (:attr:`Control.view`) and may change
the travel times.

Examples
--------
A road closure on Wednesday from 10:00 to 11:00 adds 25 minutes between North and the centre:

>>> def road_closure(env, control):
...     yield env.timeout(2 * 1440 + 600 - env.now)
...     usual = control.travel("north", "centre")
...     control.set_travel("north", "centre", usual + 25)
...     control.set_travel("centre", "north", usual + 25)
...     yield env.timeout(60)
...     control.set_travel("north", "centre", usual)
...     control.set_travel("centre", "north", usual)
"""

from __future__ import annotations

import math
from collections.abc import Callable, Generator

import simpy

from hometeams._types import Minutes, ZoneId
from hometeams.errors import InvalidArgument
from hometeams.sim._compile import Compiled
from hometeams.sim._places import Places
from hometeams.sim._view import View

__all__ = ["Control", "Process"]

Process = Callable[[simpy.Environment, "Control"], Generator[simpy.Event, object, object]]
"""A planner's own process: ``process(env, control)`` returning a SimPy generator."""


class Control:
    """What a planner's own process may see and change during a run.

    Parameters
    ----------
    env
        The run's environment.
    view
        The engine's read-only view (as policies see it).
    compiled, places
        The run's tables and the staff's places (whose travel times it changes).

    Examples
    --------
    A monitor that counts, every hour, how many jobs are waiting (see also the road closure
    in the module docstring):

    >>> counts = []
    >>> def monitor(env, control):
    ...     while True:
    ...         counts.append(control.view.now)
    ...         yield env.timeout(60)
    >>> from hometeams.sim import Pooled
    >>> callable(monitor)
    True
    """

    def __init__(self, env: simpy.Environment, view: View, compiled: Compiled, places: Places):
        self.env = env
        """The run's environment (its clock is the run's)."""
        self.view = view
        """What a policy sees: jobs, staff, who knows whom, travel from where staff stand."""
        self._c = compiled
        self._places = places

    def _zone(self, zone: ZoneId, *, field: str) -> int:
        index = self._c.zone_index.get(zone)
        if index is None:
            raise InvalidArgument(f"{field}: unknown zone {zone!r}")
        return index

    def travel(self, origin: ZoneId, destination: ZoneId) -> Minutes:
        """Minutes from ``origin`` to ``destination`` now."""
        a = self._zone(origin, field="origin")
        b = self._zone(destination, field="destination")
        return self._places.travel[a][b]

    def set_travel(self, origin: ZoneId, destination: ZoneId, minutes: float) -> None:
        """From now on, driving from ``origin`` to ``destination`` takes ``minutes``.

        Journeys already under way keep the time they were given when they set out.
        """
        a = self._zone(origin, field="origin")
        b = self._zone(destination, field="destination")
        if isinstance(minutes, bool) or not isinstance(minutes, int | float):
            raise InvalidArgument(f"minutes: must be a number, got {minutes!r}")
        if not (math.isfinite(minutes) and minutes >= 0):
            raise InvalidArgument(f"minutes: must be finite and >= 0, got {minutes!r}")
        self._places.set_travel(a, b, float(minutes))
