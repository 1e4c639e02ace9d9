"""Waiting visits, grouped by what decides who may take them.

Monday 08:00 in district North: eleven visits are waiting, nine of them ordinary visits of the
North team (the team first, anyone after 30 minutes), two need wound care. When Kari finishes
a visit, the dispatcher does not walk all eleven: visits with the same plan, the same required
competences and the same number of staff form a group, queued in the order they became ready,
and a visit that has waited longer may be taken by at least everyone who may take a younger
one of its group. So only each group's oldest visit -- its head -- is asked, and who may take
it is cached until the head changes, a tier opens or someone's shift starts or ends.

A policy's plan (a sequence of :class:`~hometeams.sim.Tier`) is compiled once into
:class:`Plan`: one ``(after, staff mask, team index)`` triple per tier, read on the hot path.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence

from hometeams._types import TeamId
from hometeams.sim._policies import Tier

__all__ = ["Group", "Plan", "Tiers"]

Tiers = tuple[tuple[float, int, int], ...]


class Plan:
    """A policy's plan compiled for the hot path: ``(after, staff mask, team index)`` per tier.

    A tier without a staff restriction has mask ``-1``; a tier without a team points at the
    engine's duty entry that is always ``-1`` (everyone), and a team the organisation does not
    have at one that is always ``0`` (nobody), as ``dict.get(team, 0)`` would.
    """

    __slots__ = ("afters", "plan", "tiers")

    def __init__(self, plan: Sequence[Tier], team_index: dict[TeamId | None, int]) -> None:
        self.plan = plan  # kept alive: waiting jobs are grouped by the plan's identity
        self.tiers: Tiers = tuple(
            (t.after, -1 if t.staff is None else t.staff, team_index.get(t.team, -2)) for t in plan
        )
        self.afters = tuple(sorted({t.after for t in plan if t.after > 0}))


class Group:
    """Waiting jobs that share a plan (by identity), required competences and staff needed.

    They are queued in arrival order. A job that has waited longer has at least the open tiers
    of a younger one in the same group, so only the oldest (the head) needs asking when a staff
    member becomes free; ``eligible`` caches who may take the head, and is refreshed when the
    head changes, a tier opens (a reopen event) or who is on duty for a team changes.
    """

    __slots__ = ("eligible", "head", "openings", "plan", "queue", "req", "tiers")

    def __init__(self, plan: Plan, req: int, openings: dict[float, deque[int]]) -> None:
        self.plan = plan
        self.req = req
        self.queue: deque[int] = deque()
        self.tiers = plan.tiers
        # the engine's queue of openings for each of the plan's later tiers (see ``Engine._reopen``)
        self.openings = tuple((after, openings.setdefault(after, deque())) for after in plan.afters)
        self.head = -1
        self.eligible = 0
