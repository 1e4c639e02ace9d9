"""Demand: the work that arrives over time.

A district's week is mostly *planned*: Mrs Hansen gets help with medication at 08:00 and 20:00
every day, a shower on Tuesdays, wound care on Mondays and Thursdays (:class:`VisitPlan`, from
her service decision). On top come *unplanned* jobs -- a call from a relative, a GP asking for a
blood test -- that arrive at random, more in the morning and on Mondays
(:class:`ArrivalProcess`, a non-homogeneous Poisson process with an hour-of-day and weekday
profile); *alarms* from safety alarms, which need someone within half an hour (:class:`Alarms`);
and *hospital discharges*, lumpy and weekday-dependent -- "four on a Friday, none on a
Wednesday" -- each bringing a new user home with a series of visits over the following days
(:class:`Discharges` with an :class:`Episode`).

Every job has a ``duration`` distribution, a ``window`` (minutes after its planned start within
which it counts as on time: ``due = ready + window``), required competences (hard: only staff
holding all of them may go), preferred competences (soft), ``n_staff`` (2 for a two-person visit,
*dobbeltbemanning*) and optionally an owning ``team`` (else the user's team in the organisation).

Rates are per hour. Nothing here draws random numbers: :func:`~hometeams.scenario.realise`
rolls the dice, once per replication, for all organisation models alike.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

from hometeams._checks import items_of
from hometeams.errors import InvalidScenario
from hometeams.scenario._arrivals import Alarms, ArrivalProcess
from hometeams.scenario._discharges import Discharges
from hometeams.scenario._visits import VisitPlan

__all__ = ["Demand"]


def _visits(values: Iterable[VisitPlan]) -> tuple[VisitPlan, ...]:
    return items_of(values, VisitPlan, field="visits")


def _arrivals(values: Iterable[ArrivalProcess]) -> tuple[ArrivalProcess, ...]:
    return items_of(values, ArrivalProcess, field="arrivals")


def _discharges(values: Iterable[Discharges]) -> tuple[Discharges, ...]:
    return items_of(values, Discharges, field="discharges")


def _alarms(values: Iterable[Alarms]) -> tuple[Alarms, ...]:
    return items_of(values, Alarms, field="alarms")


@attrs.frozen
class Demand:
    """All the demand of a scenario: planned visits and stochastic sources.

    Examples
    --------
    >>> demand = Demand(visits=[VisitPlan("u1", times="08:00", duration=30)],
    ...                 alarms=[Alarms(0.1)])
    >>> len(demand.visits), demand.names()
    (1, ('alarm',))
    >>> Demand(arrivals=[ArrivalProcess(1, duration=20), ArrivalProcess(2, duration=20)])
    Traceback (most recent call last):
    ...
    hometeams.errors.InvalidScenario: arrivals[1].name: duplicate source name 'arrival'; ...
    """

    visits: tuple[VisitPlan, ...] = attrs.field(default=(), converter=_visits, kw_only=True)
    arrivals: tuple[ArrivalProcess, ...] = attrs.field(
        default=(), converter=_arrivals, kw_only=True
    )
    discharges: tuple[Discharges, ...] = attrs.field(
        default=(), converter=_discharges, kw_only=True
    )
    alarms: tuple[Alarms, ...] = attrs.field(default=(), converter=_alarms, kw_only=True)

    def __attrs_post_init__(self) -> None:
        seen: set[str] = set()
        for field, sources in self._sources():
            for i, source in enumerate(sources):
                if source.name in seen:
                    raise InvalidScenario(
                        f"duplicate source name {source.name!r}; give each arrival process, "
                        "alarm source and discharge source its own name",
                        path=f"{field}[{i}].name",
                    )
                seen.add(source.name)

    def _sources(
        self,
    ) -> tuple[tuple[str, Sequence[ArrivalProcess | Alarms | Discharges]], ...]:
        return (
            ("arrivals", self.arrivals),
            ("alarms", self.alarms),
            ("discharges", self.discharges),
        )

    def names(self) -> tuple[str, ...]:
        """Names of the stochastic sources (arrivals, alarms, discharges)."""
        return tuple(s.name for _, sources in self._sources() for s in sources)
