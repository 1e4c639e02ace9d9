"""Tests for hometeams.scenario._demand: the demand container."""

from __future__ import annotations

import pytest

from hometeams.errors import InvalidScenario
from hometeams.scenario import (
    Alarms,
    ArrivalProcess,
    Demand,
    Discharges,
    Episode,
    Exponential,
    VisitPlan,
)


def test_demand_defaults_to_nothing() -> None:
    """An empty Demand has no sources at all."""
    demand = Demand()
    assert (demand.visits, demand.arrivals, demand.discharges, demand.alarms) == ((), (), (), ())
    assert demand.names() == ()


def test_demand_refuses_duplicate_source_names_across_kinds() -> None:
    """Stochastic sources share one namespace: an alarm source may not reuse an arrival name."""
    with pytest.raises(InvalidScenario) as info:
        Demand(
            arrivals=[ArrivalProcess(1, duration=Exponential(10), name="calls")],
            alarms=[Alarms(1, name="calls")],
        )
    assert info.value.path == "alarms[0].name"


def test_demand_lists_source_names() -> None:
    """names() lists arrival, alarm and discharge sources in that order; visits have none."""
    demand = Demand(
        visits=[VisitPlan("u1", times="08:00", duration=20)],
        arrivals=[ArrivalProcess(1, duration=10, name="calls")],
        alarms=[Alarms(1)],
        discharges=[Discharges(1, episode=Episode(days=2, times="10:00", duration=30))],
    )
    assert demand.names() == ("calls", "alarm", "discharge")
