"""Planning: how a day's planned visits are put on work lists before the shifts start.

Home care does not send each visit to whoever is free. Before the day, the planned visits are
put on *work lists* (*arbeidslister*): one ordered list per nurse with planned times. Many
municipalities keep *fixed lists* (*faste lister*): the same list every week, so the same nurse
meets the same users. During the day the lists are walked, and repaired when someone is off
sick; unplanned work (alarms, calls, a discharge today) goes to the coordinator, who fits it in
(the organisation model, :mod:`~hometeams.sim._policies`).

A *planning* is any value with a ``lists(day)`` method and a ``release_after`` attribute
(:class:`Planning`); three are built in:

* :class:`NoLists` -- no lists: every job is dispatched online when it becomes ready (the
  engine as it is without lists; the queueing checks run this way);
* :class:`DailyLists` -- lists planned afresh each day from that day's visits;
* :class:`FixedLists` -- weekly templates: the first time a weekday comes round its lists are
  planned, and every later week the same *list slot* (``Monday, 07:00-15:00, team North, list
  3``) gets the same visits again, walked by whoever the roster puts on that slot (a place
  among equal shifts is held by whoever first walked it, whenever she is on); visits new since
  (a discharged user's episode) are fitted in where they add least.

The organisation model decides who may be on whose list: a visit may go on the list of a staff
member in any tier of the policy's plan for it, at a cost that grows with the tier (a fixed
team's visits only on the team's lists; pooled, anyone qualified; overflow, the team's lists
first and the pool's after; continuity first, the primary contact's, then those of staff who
know the user). Required competences are always kept.
"""

from __future__ import annotations

from collections.abc import Hashable, MutableMapping
from typing import Protocol, cast

import attrs

from hometeams._types import Minutes
from hometeams.errors import InvalidArgument
from hometeams.sim._planners import BuiltIn, Planner, insert_visits
from hometeams.sim._routing import RoutingProblem, Solution

__all__ = ["DailyLists", "Day", "FixedLists", "NoLists", "Planning"]


class Day(Protocol):
    """What a planning sees of the day it plans lists for.

    The day runs from :attr:`start` (the clock's start of the day shift) for 24 hours; its
    routes are the shifts rostered to start in it (absent or not: lists are made before sick
    calls come in) and its visits the planned visits known by then.

    The engine's days also say which visits come from a recurring visit plan (a service
    decision) rather than a discharge episode: ``recurring(visit) -> bool``. It is optional;
    :class:`FixedLists` plans its templates from the recurring visits where a day says.

    Examples
    --------
    A planning that plans Mondays only and leaves the other days to the dispatcher:

    >>> from hometeams.sim import BuiltIn
    >>> class MondaysOnly:
    ...     release_after = 60.0
    ...     def lists(self, day):
    ...         return BuiltIn().solve(day.problem()) if day.weekday == 0 else ()
    """

    @property
    def index(self) -> int:
        """Day number: 0 is Monday of week 1 (-1 the night running into it)."""
        ...

    @property
    def weekday(self) -> int:
        """0 = Monday ... 6 = Sunday."""
        ...

    @property
    def start(self) -> Minutes:
        """When the day starts (minutes since Monday 00:00 of week 1)."""
        ...

    @property
    def memo(self) -> MutableMapping[object, object]:
        """A per-run dict where a planning may keep what it learnt (e.g. templates)."""
        ...

    def problem(self, *, at_work: bool = False) -> RoutingProblem:
        """The day's routing problem: routes, visits and, per visit, who may take it.

        With ``at_work``, staff absent today may take nothing (lists made that morning).
        """
        ...

    def slot(self, route: int) -> Hashable:
        """The list slot a route walks: weekday, shift times, team and rank among equals."""
        ...

    def key(self, visit: int) -> Hashable:
        """A visit's recurring identity: its user and its time in the week (and rank)."""
        ...


class Planning(Protocol):
    """How a day's planned visits become work lists (see the module docstring).

    ``lists(day)`` gives each of ``day.problem()``'s routes its visits in order (or nothing
    for no lists); ``release_after`` is how many minutes a nurse may run behind a visit's
    planned start before the visit goes to the dispatcher instead.

    Examples
    --------
    >>> from hometeams.sim import DailyLists, FixedLists, NoLists
    >>> [type(p).__name__ for p in (NoLists(), DailyLists(), FixedLists())]
    ['NoLists', 'DailyLists', 'FixedLists']
    """

    @property
    def release_after(self) -> Minutes:
        """Minutes behind plan at which a visit leaves the list for the dispatcher."""
        ...

    def lists(self, day: Day, /) -> Solution:
        """Each route's visits in the order walked; ``()`` for no lists."""
        ...


def _check_release(_instance: object, _attribute: object, value: float) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not value >= 0:
        raise InvalidArgument(f"release_after: must be a number of minutes >= 0, got {value!r}")


def _check_planner(_instance: object, _attribute: object, value: object) -> None:
    if not callable(getattr(value, "solve", None)):
        raise InvalidArgument(f"planner: must have a solve(problem) method, got {value!r}")


@attrs.frozen
class NoLists:
    """No work lists: every job goes to the dispatcher when it becomes ready.

    Examples
    --------
    >>> NoLists()
    NoLists()
    """

    @property
    def release_after(self) -> Minutes:
        """Not used: nothing is on a list."""
        return 0.0

    def lists(self, day: Day, /) -> Solution:  # noqa: ARG002
        """No lists."""
        return ()


@attrs.frozen
class DailyLists:
    """Lists planned afresh every day from that day's visits, with the staff at work that day.

    The lists are made on the morning of the day, when the sick calls are in: the whole day
    is planned around whoever is absent, so there is no list to hand over -- but a user may
    meet someone new whenever the day's staff or visits change.

    Parameters
    ----------
    planner
        Who solves the routing problem (default :class:`BuiltIn`).
    release_after
        Minutes a nurse may run behind a visit's planned start before it goes to the
        dispatcher instead.

    Examples
    --------
    >>> DailyLists()
    DailyLists(planner=BuiltIn(passes=10), release_after=60.0)
    """

    planner: Planner = attrs.field(factory=BuiltIn, validator=_check_planner, kw_only=True)
    release_after: Minutes = attrs.field(
        default=60.0, validator=_check_release, converter=float, kw_only=True
    )

    def lists(self, day: Day, /) -> Solution:
        """The planner's lists for today's problem, around today's absences."""
        return self.planner.solve(day.problem(at_work=True))


@attrs.frozen
class FixedLists:
    """Fixed lists: one template per weekday, planned once, walked again every week.

    The first time a weekday comes round, its lists are planned (by ``planner``) and kept as a
    template: for each list slot, the recurring visits on it in order. Every later week each
    slot gets the same visits again -- those that still exist and that whoever the roster puts
    on the slot may take -- and the day's other planned visits are fitted in where they add
    least. The templates are made ahead, so an absent nurse's list is handed over on the day
    (to a substitute, else visit by visit), and only her visits move.

    Parameters
    ----------
    planner
        Who plans the templates (default :class:`BuiltIn`).
    release_after
        Minutes a nurse may run behind a visit's planned start before it goes to the
        dispatcher instead.

    Examples
    --------
    >>> FixedLists(release_after=45)
    FixedLists(planner=BuiltIn(passes=10), release_after=45.0)
    """

    planner: Planner = attrs.field(factory=BuiltIn, validator=_check_planner, kw_only=True)
    release_after: Minutes = attrs.field(
        default=60.0, validator=_check_release, converter=float, kw_only=True
    )

    def lists(self, day: Day, /) -> Solution:
        """The weekday's template, refilled with today's visits."""
        problem = day.problem()
        templates = cast(
            "dict[int, dict[Hashable, tuple[Hashable, ...]]]",
            day.memo.setdefault(("fixed-lists", self), {}),
        )
        template = templates.get(day.weekday)
        if template is None:
            # one seed for every weekday's template: where nurses are equally good, the same
            # choice each weekday keeps a user with the same nurse through the week
            seed = cast(int, day.memo.setdefault(("fixed-lists-seed", self), problem.seed))
            seeded = attrs.evolve(problem, seed=seed)
            if day.index < 0 or not problem.visits:
                # Nothing to learn a week from: the night running into the first Monday has
                # the weekday of a Sunday but only its last hours. Plan it again next time.
                return self.planner.solve(seeded)
            planned = cast(
                "dict[Hashable, Solution]", day.memo.setdefault(("fixed-lists-planned", self), {})
            )
            template = templates[day.weekday] = self._template(day, seeded, planned)
        index = {day.key(i): i for i in range(len(problem.visits))}
        lists: list[tuple[int, ...]] = []
        for r in range(len(problem.routes)):
            kept = (index.get(key) for key in template.get(day.slot(r), ()))
            lists.append(tuple(i for i in kept if i is not None and r in problem.visits[i].ranks))
        placed = {i for order in lists for i in order}
        extra = [i for i in range(len(problem.visits)) if i not in placed]
        return insert_visits(problem, tuple(lists), extra)

    def _template(
        self, day: Day, problem: RoutingProblem, planned: dict[Hashable, Solution]
    ) -> dict[Hashable, tuple[Hashable, ...]]:
        """Each slot's recurring visits in order: planned once for all days alike.

        Weekdays with the same shifts and the same recurring visits at the same times (often
        Monday to Friday) have the same routing problem, so it is solved once. A day that
        cannot tell recurring visits (no ``recurring`` method) has all its visits taken.
        """
        is_recurring = getattr(day, "recurring", None)
        n = len(problem.visits)
        recurring = [i for i in range(n) if is_recurring(i)] if is_recurring else list(range(n))
        at = {i: k for k, i in enumerate(recurring)}  # a pair's halves are both recurring
        visits = [
            v if v.partner is None else attrs.evolve(v, partner=at[v.partner])
            for v in (problem.visits[i] for i in recurring)
        ]
        problem = attrs.evolve(problem, visits=visits)
        t0 = day.start
        alike = (
            tuple((r.staff, r.start - t0, r.end - t0, r.zone) for r in problem.routes),
            tuple(
                (
                    day.key(i),
                    v.zone,
                    v.ready - t0,
                    v.due - t0,
                    v.duration,
                    v.partner,
                    *sorted(v.ranks.items()),
                )
                for i, v in zip(recurring, visits, strict=True)
            ),
            tuple(map(tuple, problem.travel)),
            attrs.astuple(problem, recurse=False)[3:],  # the weights and the seed
        )
        solution = planned.get(alike)
        if solution is None:
            solution = planned[alike] = self.planner.solve(problem)
        return {
            day.slot(r): tuple(day.key(recurring[i]) for i in order)
            for r, order in enumerate(solution)
        }
