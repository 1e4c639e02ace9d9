"""Named domain types used across the library.

They are aliases, not new types: a planner writes ``"kari"``, not ``StaffId("kari")``; the names
document what a string or float means in a signature.
"""

from __future__ import annotations

from typing import TypeAlias

__all__ = [
    "CompetenceId",
    "Minutes",
    "ProfessionId",
    "StaffId",
    "TeamId",
    "UnitId",
    "UserId",
    "ZoneId",
]

StaffId: TypeAlias = str
TeamId: TypeAlias = str
ZoneId: TypeAlias = str
UserId: TypeAlias = str
UnitId: TypeAlias = str
CompetenceId: TypeAlias = str
ProfessionId: TypeAlias = str
Minutes: TypeAlias = float
"""Simulation time: minutes since Monday 00:00 of week 1."""
