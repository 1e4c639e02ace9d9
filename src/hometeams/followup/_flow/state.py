"""The mutable state of one run of the follow-up flow, and its random streams.

The engine (:mod:`hometeams.followup._flow.engine`) keeps one :class:`CoordinatorState` per
person who holds a coordinator role and one :class:`UserState` per user in the flow, and turns
them into the columnar tables of :mod:`hometeams.followup._flow.records` at the end. Randomness
comes from one :class:`Stream` per source in :data:`STREAMS`, derived from the seed by name
(:func:`hometeams._random.stream`), so adding a source leaves the others unchanged.
"""

from __future__ import annotations

import math
from collections.abc import Generator
from typing import Any

import attrs
import numpy as np
import simpy

from hometeams._random import Seed, root_sequence, stream
from hometeams.followup._model.roles import CoordinatorRole
from hometeams.followup._model.users import ComplexNeedsUser

__all__ = [
    "NEW",
    "ORPHANED",
    "STREAMS",
    "CoordinatorState",
    "Ids",
    "Process",
    "Stream",
    "UserState",
    "streams",
]

STREAMS = (
    "reports",
    "profiles",
    "assessment",
    "setup",
    "case",
    "tenure",
    "recruitment",
    "reviews",
)
"""Sources of randomness, in the fixed order their streams are spawned."""

NEW, ORPHANED = 1, 0  # queue priorities: orphaned users first

Process = Generator[simpy.Event, Any, None]


@attrs.define(eq=False)
class CoordinatorState:
    """A person in a coordinator role: their slots, users (an ordered set) and history."""

    id: str
    role: CoordinatorRole
    slots: int
    joined: float
    base: str
    replaces: str = ""
    left: float = math.nan
    users: dict[str, None] = attrs.field(factory=dict)  # an ordered set
    peak: int = 0
    served: int = 0

    @property
    def active(self) -> bool:
        return math.isnan(self.left)


@attrs.define(eq=False)
class UserState:
    """A user in the flow: their drawn durations, step times, coordinator and orphan spells."""

    id: str
    profile: ComplexNeedsUser
    initial: bool
    case_weeks: float
    review_weeks: float | None
    assess_weeks: float = 0.0
    setup_weeks: float = 0.0
    reported: float = math.nan
    assessment_start: float = math.nan
    assessed: float = math.nan
    appointed: float = math.nan
    set_up: float = math.nan
    exited: float = math.nan
    first_coordinator: str = ""
    coordinator: str | None = None
    waiting: bool = False
    appointment: simpy.Event | None = None
    orphan_since: float = math.nan
    orphan_row: int = -1
    orphanings: int = 0
    orphan_weeks: float = 0.0
    reviews_due: int = 0
    reviews_held: int = 0

    @property
    def in_followup(self) -> bool:
        return not math.isnan(self.appointed) and math.isnan(self.exited)


class Stream:
    """One source of randomness, drawn in blocks (scalar numpy draws dominate the run time)."""

    _BLOCK = 512

    def __init__(self, rng: np.random.Generator) -> None:
        self._rng = rng
        self._exp: list[float] = []
        self._unif: list[float] = []

    def exponential(self, mean: float) -> float:
        if not self._exp:
            self._exp = self._rng.standard_exponential(self._BLOCK).tolist()[::-1]
        return mean * self._exp.pop()

    def uniform(self, high: float) -> float:
        if not self._unif:
            self._unif = self._rng.random(self._BLOCK).tolist()[::-1]
        return high * self._unif.pop()

    def index(self, n: int) -> int:
        return min(int(self.uniform(n)), n - 1)


def streams(seed: Seed) -> dict[str, Stream]:
    """One stream per source, keyed by its name; the caller's seed is never advanced."""
    root = root_sequence(seed)
    return {name: Stream(stream(root, "followup", name)) for name in STREAMS}


class Ids:
    """Fresh ids that never collide with ids in use: ``base.2``, ``base.3``..."""

    def __init__(self, used: set[str]) -> None:
        self._used = set(used)
        self._next: dict[str, int] = {}

    def fresh(self, base: str, *, first: int) -> str:
        n = self._next.get(base, first)
        while f"{base}.{n}" in self._used:
            n += 1
        self._next[base] = n + 1
        new = f"{base}.{n}"
        self._used.add(new)
        return new
