"""The simulator: play an organisation model against a realised home-care workload.

:func:`simulate` takes a :class:`~hometeams.scenario.Scenario` and a seed; :func:`run` takes an
already realised workload. Organisation models are *policies* -- :class:`FixedTeams`,
:class:`Pooled`, :class:`Overflow`, :class:`Chained`, :class:`ContinuityFirst` or a planner's
own value with ``plan`` and ``order`` (:class:`Policy`) -- and ordering rules
(:data:`nearest`, :data:`earliest_free`, :data:`lowest_care_level`, :data:`known_staff_first`,
:data:`preferred_first`) rank the free staff a policy allows.
"""

from __future__ import annotations

from hometeams.sim._control import Control, Process
from hometeams.sim._ordering import (
    OrderingRule,
    earliest_free,
    known_staff_first,
    lowest_care_level,
    nearest,
    preferred_first,
)
from hometeams.sim._planners import BuiltIn, Planner
from hometeams.sim._planning import DailyLists, Day, FixedLists, NoLists, Planning
from hometeams.sim._policies import (
    Chained,
    ContinuityFirst,
    FixedTeams,
    Overflow,
    Policy,
    Pooled,
    Tier,
)
from hometeams.sim._pyvrp import PyVRP
from hometeams.sim._routing import (
    Route,
    RoutingProblem,
    Solution,
    Visit,
    route_cost,
    schedule,
    synchronise,
)
from hometeams.sim._run import run, simulate
from hometeams.sim._view import View

__all__ = [
    "BuiltIn",
    "Chained",
    "ContinuityFirst",
    "Control",
    "DailyLists",
    "Day",
    "FixedLists",
    "FixedTeams",
    "NoLists",
    "OrderingRule",
    "Overflow",
    "Planner",
    "Planning",
    "Policy",
    "Pooled",
    "Process",
    "PyVRP",
    "Route",
    "RoutingProblem",
    "Solution",
    "Tier",
    "View",
    "Visit",
    "earliest_free",
    "known_staff_first",
    "lowest_care_level",
    "nearest",
    "preferred_first",
    "route_cost",
    "run",
    "schedule",
    "simulate",
    "synchronise",
]
