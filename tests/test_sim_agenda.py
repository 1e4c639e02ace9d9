"""Tests of the engine's event queue against SimPy's own scheduling rules."""

from __future__ import annotations

import simpy
from hypothesis import given
from hypothesis import strategies as st

from hometeams.sim._agenda import Agenda


def _simpy_order(times: list[float], until: float) -> list[int]:
    """The order in which SimPy fires timeouts scheduled at time 0 for ``times``, up to until."""
    env = simpy.Environment()
    fired: list[int] = []
    for i, t in enumerate(times):
        env.timeout(t).callbacks.append(lambda _e, i=i: fired.append(i))
    env.run(until=until)
    return fired


@given(
    st.lists(st.sampled_from([0.0, 1.0, 2.5, 2.5, 7.0, 10.0]), max_size=12),
    st.sampled_from([2.5, 7.0, 10.0, 11.0]),
)
def test_agenda_fires_in_simpy_order_and_stops_before_until(
    times: list[float], until: float
) -> None:
    """Equal times keep scheduling order, and events at 'until' are not handled, as in SimPy."""
    agenda = Agenda()
    for i, t in enumerate(times):
        agenda.schedule(t, i)
    ours = [kind for _key, _order, kind, _value in agenda.drain(until=until)]
    assert ours == _simpy_order(times, until)


def test_an_event_in_the_past_is_due_now_and_keeps_its_time() -> None:
    """Scheduling before 'now' gives key 'now' (SimPy's zero delay) and keeps t as the value."""
    agenda = Agenda()
    agenda.schedule(5.0, 0)
    agenda.drain(until=6.0)
    agenda.schedule(3.0, 1)
    assert agenda.drain(until=10.0) == [(5.0, 1, 1, 3.0)]
