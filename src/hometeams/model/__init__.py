"""The organisation model: staff, professions, competences, teams, zones, users and units.

Immutable, validated value objects (``attrs``) and the Norwegian/English catalogues of team types,
professions and competences. See :class:`Organisation` for the rules a whole organisation obeys.
"""

from __future__ import annotations

from hometeams.model._catalogue import (
    COMPETENCES,
    MAPPED_MUNICIPALITIES,
    PROFESSIONS,
    TEAM_TYPES,
    TeamType,
)
from hometeams.model._entities import (
    ALL_DAYS,
    ALL_PERIODS,
    Competence,
    Membership,
    Period,
    Profession,
    Staff,
    Team,
    TeamCategory,
    Unit,
    User,
    Zone,
)
from hometeams.model._organisation import Organisation

__all__ = [
    "ALL_DAYS",
    "ALL_PERIODS",
    "COMPETENCES",
    "MAPPED_MUNICIPALITIES",
    "PROFESSIONS",
    "TEAM_TYPES",
    "Competence",
    "Membership",
    "Organisation",
    "Period",
    "Profession",
    "Staff",
    "Team",
    "TeamCategory",
    "TeamType",
    "Unit",
    "User",
    "Zone",
]
