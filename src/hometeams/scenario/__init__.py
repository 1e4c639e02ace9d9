"""Scenarios: what happens over time in a home-care organisation, and its realisation.

A :class:`Scenario` is an organisation plus its :class:`Roster` (who works which shift), its
:class:`Demand` (visit plans, unplanned arrivals, alarms, hospital discharges), its
:class:`Absences` (sick leave, named absences), the :class:`TravelMatrix` between zones, the
organisation model (policy), the horizon and the warm-up. :func:`realise` rolls the dice for one
replication and returns a :class:`Realisation` -- the contract with the simulator.

Before any dice: :meth:`Scenario.findings` lists what the roster cannot meet, and :func:`audit`
adds load over capacity (:func:`load_table`) and rosters over contract (:func:`contract_table`).
"""

from __future__ import annotations

from hometeams._random import Seed
from hometeams.scenario._absence import Absence, Absences, SickLeave
from hometeams.scenario._arrivals import Alarms, ArrivalProcess
from hometeams.scenario._audit import ContractLine, audit, contract_table
from hometeams.scenario._demand import Demand
from hometeams.scenario._discharges import Discharges, Episode
from hometeams.scenario._durations import (
    Duration,
    DurationDistribution,
    Empirical,
    Exponential,
    Fixed,
    LogNormal,
)
from hometeams.scenario._finding import Finding, Severity
from hometeams.scenario._load import LoadCell, load_table
from hometeams.scenario._realise import realise
from hometeams.scenario._realised import Realisation, RealisedJobs, RealisedShifts
from hometeams.scenario._roster import Floor, Roster, RosterLine, Shift
from hometeams.scenario._scenario import Scenario
from hometeams.scenario._size import (
    Limits,
    SizeEstimate,
    check_replications,
    check_size,
    estimate_size,
)
from hometeams.scenario._travel import Leg, TravelMatrix
from hometeams.scenario._visits import VisitPlan

__all__ = [
    "Absence",
    "Absences",
    "Alarms",
    "ArrivalProcess",
    "ContractLine",
    "Demand",
    "Discharges",
    "Duration",
    "DurationDistribution",
    "Empirical",
    "Episode",
    "Exponential",
    "Finding",
    "Fixed",
    "Floor",
    "Leg",
    "Limits",
    "LoadCell",
    "LogNormal",
    "Realisation",
    "RealisedJobs",
    "RealisedShifts",
    "Roster",
    "RosterLine",
    "Scenario",
    "Seed",
    "Severity",
    "Shift",
    "SickLeave",
    "SizeEstimate",
    "TravelMatrix",
    "VisitPlan",
    "audit",
    "check_replications",
    "check_size",
    "contract_table",
    "estimate_size",
    "load_table",
    "realise",
]
