"""Closed-form staffing: how many on an evening, and what that wastes.

Before simulating anything, a planner can answer most sizing questions exactly with three
classical models of an evening shift in home care:

* **Requests that wait** (an unscheduled queue: falls, alarms, discharges to receive): the
  M/M/c queue -- :func:`erlang_c`, :func:`mmc`, :func:`min_servers`.
* **Requests that are lost** when everyone is busy (referred to another team): the Erlang loss
  model -- :func:`erlang_b`, ``min_servers(..., max_blocking=...)``.
* **Need that fluctuates** and is simply unmet at busy moments (planned visits starting at
  random times): need as a Poisson count -- :func:`poisson_staffing`,
  :func:`poisson_min_staff`, :func:`newsvendor_staff`.

Whole people cost whole hours: :func:`staffing_waste` splits the staffed capacity of a shift
into used work, rounding waste, floor waste and buffer, and :func:`compare_pooling` shows what
merging units gains -- and when merging down to the summed need breaks a queue.
:func:`square_root_staffing` is the familiar rule of thumb, for comparison only.

Loads are in erlangs: the mean number of staff the work keeps busy (arrival rate times mean
visit length). Every function accepts numpy arrays where it accepts a number of servers or a
load, and returns plain Python numbers for scalar input. Unstable queues raise
:class:`~hometeams.errors.UnstableSystem` for scalars and are ``nan`` in arrays.

A queue is stable only if its load is below the servers by more than a rounding error:
``load < servers - min(1e-9 * max(servers, 1), 1e-6)``. ``mmc(0.3, 0.1, servers=3)`` -- a load
of exactly three written in decimals, ``0.3 / 0.1 == 2.9999999999999996`` -- is unstable, as
the same load is in :func:`compare_pooling`, whose whole persons use the same tolerance
(``0.1 + 0.2 + 2.7`` staff is three persons, and no person is lost at a need of ``1e17``).
Numbers written as text (``erlang_b(2, "1.4")``) are refused, not converted. The searches for
the fewest staff (:func:`min_servers`, :func:`poisson_min_staff`, :func:`newsvendor_staff`)
take loads of at most a million erlangs and refuse larger ones at once.

Examples
--------
>>> from hometeams.analytic import staffing_waste
>>> w = staffing_waste(1.4, floor=2)
>>> w.staff, round(w.idle_share, 2)
(2, 0.3)
"""

from __future__ import annotations

from hometeams.analytic._erlang import erlang_b, erlang_c
from hometeams.analytic._mmc import MMcQueue, mmc
from hometeams.analytic._poisson import (
    PoissonStaffing,
    newsvendor_staff,
    poisson_min_staff,
    poisson_staffing,
)
from hometeams.analytic._pooling import (
    PoolingComparison,
    PoolingKind,
    UnitStaffing,
    compare_pooling,
)
from hometeams.analytic._staffing import min_servers, square_root_staffing
from hometeams.analytic._waste import Demand, StaffingWaste, staffing_waste

__all__ = [
    "Demand",
    "MMcQueue",
    "PoissonStaffing",
    "PoolingComparison",
    "PoolingKind",
    "StaffingWaste",
    "UnitStaffing",
    "compare_pooling",
    "erlang_b",
    "erlang_c",
    "min_servers",
    "mmc",
    "newsvendor_staff",
    "poisson_min_staff",
    "poisson_staffing",
    "square_root_staffing",
    "staffing_waste",
]
