"""Gaps in the roster: times when work arrives and nobody who may take it is on duty.

A rota whose evening shifts end at 22:30 and whose night patrol starts at 23:00 leaves half an
hour every day in which a safety alarm rings and nobody can answer it. :func:`gap_findings`
finds such stretches on the roster's cycle, to the minute, and reports each distinct daily gap
once, with the days it falls on and the work expected in it.

The rule, the simplest that is right under every organisation model:

* **Who may take the work**: everyone rostered who holds the job's required competences, in
  any team or zone. Required competences bind every model; which team or zone may go is the
  model's choice (a pooled model sends anyone), so a stretch in which one team is off and
  another on duty is not a gap of the roster but a question for the model -- the zone
  ``capacity`` warnings and the fixed-teams ``coverage`` warnings answer it.
* **When work arrives**: an arrival process or alarm source whenever its rate (base rate times
  its hour and weekday profiles) is above 0; a planned visit at its planned start, the
  beginning of its window, when someone comes before its window ends -- it waits, as an alarm
  arriving in the gap does. A visit whose whole window passes with nobody on duty is left out:
  it is already the ``coverage`` or ``outside-shift`` error. Hospital discharges are not
  counted.
* **A stretch**: the cycle's time with nobody on duty who may take the work, cut at midnight
  so that it lies in one day of the cycle, from the first moment work can arrive in it to its
  end -- work that arrives waits until someone comes on duty. Nobody on duty from 00:00 to
  07:30 while calls arrive from 07:00 is the gap ``07:00-07:30``; a night without staff in
  which alarms ring gives ``22:30-24:00`` and ``00:00-07:30``. Stretches at the same clock
  times on several days are one finding naming the days; the expected arrivals are summed
  over them and given a week (over a multi-week cycle, the average week).

Work whose competences nobody rostered holds is the ``competence`` error, not a gap. The time on
duty is :class:`~hometeams.scenario._scenario.Coverage`'s, which the visits' checks use too: one
pass over the cycle's shifts for each distinct set of required competences, merged once, so
linear in the roster.
"""

from __future__ import annotations

import bisect
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import NamedTuple

import attrs

from hometeams._time import DAY, HOUR
from hometeams._types import CompetenceId, Minutes
from hometeams._words import Field, Phrase, phrase
from hometeams.scenario._arrivals import Alarms, ArrivalProcess
from hometeams.scenario._finding import Finding, Number
from hometeams.scenario._roster import weekday_phrase
from hometeams.scenario._scenario import Coverage, Scenario, _all_of, listed

__all__ = ["OffDuty", "gap_findings", "off_duty"]

_EPSILON = 1e-6  # minutes; shorter stretches are rounding

_Required = frozenset[CompetenceId]
_Gap = tuple[Minutes, Minutes]  # start and end, minutes after the midnight of its cycle day


class OffDuty(NamedTuple):
    """A stretch of one day of the cycle in which nobody who may take some work is on shift.

    Attributes
    ----------
    day
        Day of the cycle, 0 = Monday of its first week.
    start, end
        Minutes after that day's midnight.
    until
        When someone comes on duty, in minutes from the cycle's start (beyond its length when
        that is in the next turn of the cycle).
    """

    day: int
    start: Minutes
    end: Minutes
    until: Minutes


def off_duty(
    s: Scenario, required: Iterable[CompetenceId] = (), *, cover: Coverage | None = None
) -> list[OffDuty]:
    """The stretches of the cycle in which nobody holding ``required`` is on shift.

    Returns
    -------
    list of OffDuty
        Each stretch cut at midnight, in time order; empty when nobody rostered holds
        ``required`` (nobody ever on duty is not a gap but the ``competence`` finding).

    Examples
    --------
    Evenings to 22:30, the night from 23:00 to 07:00, days from 07:30:

    >>> from hometeams.model import Organisation, Staff
    >>> from hometeams.scenario import Roster, Shift
    >>> org = Organisation("x", staff=[Staff(p, profession="nurse") for p in "abc"])
    >>> roster = Roster.weekly(
    ...     {"a": {"daily": "early"}, "b": {"daily": "late"}, "c": {"daily": "night"}},
    ...     shifts=[Shift("early", start="07:30", end="15:00"),
    ...             Shift("late", start="15:00", end="22:30")])
    >>> [(gap.day, gap.start, gap.end) for gap in off_duty(Scenario(org, roster))][:3]
    [(0, 420.0, 450.0), (0, 1350.0, 1380.0), (1, 420.0, 450.0)]
    """
    cover = cover or Coverage(s)
    starts, ends = cover.spans(cover.holders(frozenset(required)))
    # the shifts of the cycle before, this one and the next, merged: the time between two
    # stretches on duty that overlaps this cycle is off duty, until the next one begins
    length = 7 * s.roster.cycle * DAY
    out: list[OffDuty] = []
    for end, until in zip(ends, starts[1:], strict=False):
        if until - end > _EPSILON and until > 0.0 and end < length:
            _cut(max(end, 0.0), min(until, length), until, out)
    return out


def _cut(start: Minutes, end: Minutes, until: Minutes, out: list[OffDuty]) -> None:
    """Add ``[start, end)`` to ``out`` cut at each midnight (stretches of no length left out)."""
    t = start
    while end - t > _EPSILON:
        day = int(t // DAY)
        edge = min(end, (day + 1) * DAY)
        if edge - t > _EPSILON:
            out.append(OffDuty(day, t - day * DAY, edge - day * DAY, until))
        t = edge


@attrs.define
class _Group:
    """One daily gap's days and the work arriving in it over the cycle, by source."""

    days: list[int] = attrs.Factory(list)
    work: dict[tuple[str, str], float] = attrs.Factory(lambda: defaultdict(float))


@attrs.define
class _Arriving:
    """The work arriving in one stretch off duty: when it first can, and how much, by source."""

    first: Minutes = math.inf
    work: dict[tuple[str, str], float] = attrs.Factory(lambda: defaultdict(float))


def _clock(t: Minutes) -> str:
    """``07:30``, ``24:00``: minutes after midnight as a clock time, to the minute."""
    minutes = round(t)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _sources(s: Scenario) -> list[tuple[str, ArrivalProcess | Alarms]]:
    return [
        *(("arrivals", a) for a in s.demand.arrivals),
        *(("alarms", a) for a in s.demand.alarms),
    ]


def _first_rated(source: ArrivalProcess | Alarms, day: int, start: Minutes, end: Minutes) -> float:
    """The first time in ``[start, end)`` of ``day`` at which the source's rate is above 0."""
    t = start
    while t < end:
        if source.rate_at(day * DAY + t) > 0:
            return t
        t = (math.floor(t / HOUR) + 1) * HOUR  # the rate changes only on the hour
    return math.inf


def _groups(s: Scenario) -> dict[tuple[_Required, _Gap], _Group]:
    """Each (required competences, daily gap) with its days and work, in the demand's order."""
    needs: dict[_Required, None] = {}  # the distinct competence sets, in the demand's order
    for visit in s.demand.visits:
        needs.setdefault(visit.required)
    for _, source in _sources(s):
        needs.setdefault(source.required)
    groups: dict[tuple[_Required, _Gap], _Group] = {}
    cover = Coverage(s)
    for required in needs:
        gaps = off_duty(s, required, cover=cover)
        arriving = [_Arriving() for _ in gaps]
        for kind, source in _sources(s):
            if source.required != required:
                continue
            for (day, start, end, _), found in zip(gaps, arriving, strict=True):
                first = _first_rated(source, day, start, end)
                if first < end:
                    found.first = min(found.first, first)
                    found.work[kind, source.name] += source.expected(
                        day * DAY + start, day * DAY + end
                    )
        _planned(s, required, gaps, arriving)
        for (day, _, end, _), found in zip(gaps, arriving, strict=True):
            if found.first < end:
                group = groups.setdefault((required, (found.first, end)), _Group())
                group.days.append(day)
                for key, n in found.work.items():
                    group.work[key] += n
    order = {required: i for i, required in enumerate(needs)}
    return dict(sorted(groups.items(), key=lambda item: (order[item[0][0]], item[0][1])))


def _planned(
    s: Scenario, required: _Required, gaps: Sequence[OffDuty], arriving: list[_Arriving]
) -> None:
    """Add to ``arriving`` the planned visits needing ``required`` that start in each gap.

    A visit whose whole window passes before someone comes is left out: it is already the
    ``coverage`` or ``outside-shift`` error of :meth:`Scenario.findings`.
    """
    starts = [(gap.day, gap.start) for gap in gaps]
    for visit in s.demand.visits:
        if visit.required != required:
            continue
        for week in range(s.roster.cycle):
            for weekday in visit.days:
                day = 7 * week + weekday
                for t in visit.times:
                    i = bisect.bisect_right(starts, (day, t)) - 1
                    if i < 0 or gaps[i].day != day or t >= gaps[i].end:
                        continue
                    if day * DAY + t + visit.window >= gaps[i].until:  # someone comes in time
                        arriving[i].first = min(arriving[i].first, t)
                        arriving[i].work["visits", ""] += 1


def _said(kind: str, name: str, n: float) -> Phrase:
    if kind == "visits":
        return phrase("findings.gap.visits", n=round(n, 2))
    return phrase(f"findings.gap.{kind}", n=round(n, 2), name=name)


def gap_findings(s: Scenario) -> list[Finding]:
    """One ``gap`` warning per distinct daily gap in which work arrives and nobody may take it.

    Examples
    --------
    Alarms at 0.5 an hour around the clock, evenings to 22:30 and nights from 23:00 (the
    mornings covered by a day shift from 07:00): half an hour a day, 0.25 alarms, 1.75 a week:

    >>> from hometeams.model import Organisation, Staff, User, Zone
    >>> from hometeams.scenario import Alarms, Demand, Roster, Shift
    >>> org = Organisation("x", zones=[Zone("z")], users=[User("u", zone="z")],
    ...                    staff=[Staff(p, profession="nurse") for p in "abc"])
    >>> roster = Roster.weekly(
    ...     {"a": {"daily": "day"}, "b": {"daily": "late"}, "c": {"daily": "night"}},
    ...     shifts=[Shift("late", start="15:00", end="22:30")])
    >>> s = Scenario(org, roster, demand=Demand(alarms=[Alarms(0.5)]))
    >>> [str(f) for f in gap_findings(s)]  # doctest: +NORMALIZE_WHITESPACE
    ["roster: nobody is on duty 22:30-23:00 on every day, while work arrives: 1.75 expected
      alarms from 'alarm' a week"]
    >>> print(gap_findings(s)[0].text("nb"))  # doctest: +NORMALIZE_WHITESPACE
    ingen er på vakt kl. 22:30-23:00 alle dager, mens det kommer arbeid: 1,75 forventede
    alarmer fra 'alarm' i uken
    """
    cycle = s.roster.cycle
    out = []
    for (required, (start, end)), group in _groups(s).items():
        days: Field = (
            phrase("findings.gap.every_day")
            if len(group.days) == 7 * cycle
            else phrase(
                "findings.gap.on_days",
                days=listed((weekday_phrase(d, cycle) for d in group.days), at_most=7),
            )
        )
        work = [(key, n / cycle) for key, n in group.work.items() if n > 0]
        said = phrase(
            "findings.gap",
            holding=phrase("findings.gap.holding", needs=_all_of(required)) if required else "",
            start=_clock(start),
            end=_clock(end),
            days=days,
            work=listed((_said(kind, name, n) for (kind, name), n in work), at_most=4),
        )
        numbers: dict[str, Number] = {"start": _clock(start), "end": _clock(end)}
        if required:
            numbers["required"] = ", ".join(sorted(required))
        numbers |= {
            "minutes": round(end - start, 3),
            "days": len(group.days),
            "arrivals_per_week": round(sum(n for _, n in work), 4),
        }
        numbers |= {
            "visits_per_week" if kind == "visits" else f"arrivals_per_week.{name}": round(n, 4)
            for (kind, name), n in work
        }
        out.append(Finding("roster", phrase=said, kind="gap", severity="warning", numbers=numbers))
    return out
