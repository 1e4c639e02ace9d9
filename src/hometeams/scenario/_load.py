"""Offered load against rostered minutes, per zone, day of the cycle and period.

Before simulating anything, a planner can ask of each evening: how many staff-minutes of work
does it bring, and how many staff-minutes are rostered? Ten visits of 48 minutes in a zone's
Monday evening are 480 minutes of work; one evening shift of eight hours is 480 rostered
minutes -- no room for driving, let alone a safety alarm. Where the work exceeds the rostered
minutes, no organisation model can do it: the backlog grows shift by shift.

The *offered load* of a period is the expected staff-minutes of work that becomes ready in it:

* planned visits: mean duration times the number of staff it takes, at their planned start;
* arrival processes and alarms: the expected number of jobs in the period (the integral of
  the rate profile) times the mean duration and the staff per job, spread over the zones in
  proportion to the users they draw from;
* hospital discharges: in steady state, the expected number of episodes under way that day
  (the discharges of the episode's length of days before, by weekday) times the episode's
  visits, spread over the zones by their weights.

Travel is not included: the rostered minutes must also cover the driving, so a period whose
load comes near its rostered minutes is short of time even before anyone drives.

The *rostered minutes* of a period are the minutes of rostered shifts that fall in it (a long
day 07:30-19:30 counts 450 minutes in the day and 270 in the evening). A shift counts for the
zone of its staff member (their home zone; else the single zone of the line's team or of their
teams); staff without a zone count only in the district total.

Beside both stands the analytic *staff need*: the load as a mean number of staff busy
(``load / period length``, in erlangs) and the fewest staff that cover the need at a random
moment with probability ``coverage``, with the number busy a Poisson count (the M/G/infinity
occupancy of :func:`~hometeams.analytic.poisson_min_staff`). It assumes the work is spread
over the period; planned visits bunched in the morning need more at the peak.

Periods follow the scenario's :class:`~hometeams._time.PeriodClock`; a night belongs to the day
it begins on (Monday's night runs into Tuesday morning).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

import attrs

from hometeams._time import DAY, PeriodClock
from hometeams._types import Minutes, ZoneId
from hometeams.model import Organisation, Period
from hometeams.scenario._arrivals import Alarms, ArrivalProcess
from hometeams.scenario._cycle import CycleShift
from hometeams.scenario._discharges import Discharges
from hometeams.scenario._roster import RosterLine, weekday_name
from hometeams.scenario._scenario import Scenario

__all__ = ["DISTRICT", "LoadCell", "load_table", "period_bounds", "shift_zone"]

DISTRICT = ""
"""The zone of the rows that sum over every zone (and staff without a zone)."""

_PERIODS = (Period.DAY, Period.EVENING, Period.NIGHT)

_Key = tuple[ZoneId, int, Period]


@attrs.frozen
class LoadCell:
    """One zone's (or the district's) offered load and rostered minutes in one period.

    Attributes
    ----------
    zone
        The zone id, or ``""`` (:data:`DISTRICT`) for the whole district.
    cycle_day
        Day of the roster's cycle, 0 = Monday of its first week.
    period
        Day, evening or night (a night belongs to the day it begins on).
    length
        Minutes in the period.
    planned
        Staff-minutes of planned visits that start in the period.
    unplanned
        Expected staff-minutes of arrivals, alarms and discharge episodes.
    rostered
        Staff-minutes of rostered shifts in the period.
    need
        The fewest staff on duty who cover the load at a random moment with the chosen
        probability, the number busy being a Poisson count with mean :attr:`busy`.
    cycle
        Weeks in the roster's cycle (for :attr:`weekday`).

    Examples
    --------
    >>> cell = LoadCell("north", 0, Period.EVENING, length=480.0, planned=480.0, unplanned=0.0,
    ...                 rostered=480.0, need=2)
    >>> cell.load, cell.excess, cell.busy, cell.on_duty, cell.weekday
    (480.0, 0.0, 1.0, 1.0, 'Monday')
    """

    zone: ZoneId
    cycle_day: int
    period: Period
    length: Minutes = attrs.field(kw_only=True)
    planned: Minutes = attrs.field(kw_only=True)
    unplanned: Minutes = attrs.field(kw_only=True)
    rostered: Minutes = attrs.field(kw_only=True)
    need: int = attrs.field(kw_only=True)
    cycle: int = attrs.field(default=1, kw_only=True)

    @property
    def load(self) -> Minutes:
        """Offered load: planned plus unplanned staff-minutes."""
        return self.planned + self.unplanned

    @property
    def excess(self) -> Minutes:
        """Load minus rostered minutes (negative: minutes to spare)."""
        return self.load - self.rostered

    @property
    def busy(self) -> float:
        """The load as the mean number of staff busy over the period (erlangs)."""
        return self.load / self.length

    @property
    def on_duty(self) -> float:
        """The rostered minutes as the mean number of staff on duty over the period."""
        return self.rostered / self.length

    @property
    def weekday(self) -> str:
        """``"Monday"``, or ``"Monday of week 2"`` in a multi-week cycle."""
        return weekday_name(self.cycle_day, self.cycle)


def period_bounds(clock: PeriodClock, cycle_day: int, period: Period) -> tuple[Minutes, Minutes]:
    """Start and end of ``period`` on ``cycle_day``, in minutes from the cycle's start.

    Examples
    --------
    >>> period_bounds(PeriodClock(), 0, Period.NIGHT)
    (1380.0, 1860.0)
    """
    base = cycle_day * DAY
    if period is Period.DAY:
        return base + clock.day, base + clock.evening
    if period is Period.EVENING:
        return base + clock.evening, base + clock.night
    return base + clock.night, base + DAY + clock.day


def _length(clock: PeriodClock, period: Period) -> Minutes:
    start, end = period_bounds(clock, 0, period)
    return end - start


def _cell_of(clock: PeriodClock, t: Minutes, days: int) -> tuple[int, Period]:
    """The (cycle day, period) that time ``t`` (minutes from the cycle's start) falls in."""
    day = int(t // DAY)
    period = clock.period(t)
    if period is Period.NIGHT and t - day * DAY < clock.day:
        day -= 1  # the small hours belong to the night that began the evening before
    return day % days, period


def shift_zone(org: Organisation, line: RosterLine) -> ZoneId | None:
    """The zone a roster line's shifts count for: the staff member's, else their team's.

    Examples
    --------
    >>> from hometeams.model import Staff, Team, Zone
    >>> org = Organisation("x", zones=[Zone("n")], staff=[Staff("kari", profession="nurse")],
    ...                    teams=[Team("t", members=["kari"], zones=["n"])])
    >>> shift_zone(org, RosterLine("kari", shift="day"))
    'n'
    """
    person = org.staff_by_id[line.staff]
    if person.zone is not None:
        return person.zone
    teams = (line.team,) if line.team is not None else org.teams_of(line.staff)
    zones = {z for team in teams for z in org.teams_by_id[team].zones}
    return next(iter(zones)) if len(zones) == 1 else None


def _rostered(s: Scenario, days: int) -> dict[_Key, Minutes]:
    """Rostered staff-minutes per (zone, cycle day, period); zone ``""`` is the district."""
    out: dict[_Key, Minutes] = defaultdict(float)
    zones = [shift_zone(s.organisation, line) for line in s.roster.lines]
    # Staff share shift times: count the shifts of each (start, end, zone) once, then place them.
    alike: dict[tuple[Minutes, Minutes, ZoneId | None], int] = defaultdict(int)
    shift: CycleShift
    for shift in s.cycle:
        alike[shift.start, shift.end, zones[shift.line]] += 1
    for (start, end, zone), n in alike.items():
        first = int(start // DAY) - 1
        for day in range(first, first + 3):
            for period in _PERIODS:
                a, b = period_bounds(s.clock, day, period)
                minutes = min(b, end) - max(a, start)
                if minutes <= 0:
                    continue
                key = day % days, period
                out[(DISTRICT, *key)] += n * minutes
                if zone is not None:
                    out[(zone, *key)] += n * minutes
    return out


def _zone_shares(org: Organisation, users: Iterable[str]) -> dict[ZoneId, float]:
    """The share of ``users`` (default all of the organisation's) living in each zone."""
    chosen = list(users) or [u.id for u in org.users]
    shares: dict[ZoneId, float] = defaultdict(float)
    for user in chosen:
        shares[org.users_by_id[user].zone] += 1 / len(chosen)
    return shares


def _rated(
    s: Scenario, source: ArrivalProcess | Alarms, days: int, out: dict[_Key, Minutes]
) -> None:
    per_job = source.duration.mean * source.n_staff
    shares = _zone_shares(s.organisation, source.users)
    for day in range(days):
        for period in _PERIODS:
            minutes = source.expected(*period_bounds(s.clock, day, period)) * per_job
            for zone, share in shares.items():
                out[(zone, day, period)] += minutes * share


def _discharged(s: Scenario, source: Discharges, days: int, out: dict[_Key, Minutes]) -> None:
    episode = source.episode
    per_visit = episode.duration.mean * episode.n_staff
    zones = source.zones or tuple(z.id for z in s.organisation.zones)
    weights = source.zone_weights or (1.0,) * len(zones)
    for day in range(days):
        for t in episode.times:
            # Episodes under way: discharged k days before, on day k of their episode.
            people = sum(
                source.mean[(day - k) % 7] for k in range(episode.days) if k > 0 or t >= source.time
            )
            cell = _cell_of(s.clock, day * DAY + t, days)
            for zone, weight in zip(zones, weights, strict=True):
                out[(zone, *cell)] += people * per_visit * weight / sum(weights)


def _offered(s: Scenario, days: int) -> tuple[dict[_Key, Minutes], dict[_Key, Minutes]]:
    """Planned and unplanned staff-minutes per (zone, cycle day, period)."""
    planned: dict[_Key, Minutes] = defaultdict(float)
    users = s.organisation.users_by_id
    for visit in s.demand.visits:
        zone = users[visit.user].zone
        for week in range(days // 7):
            for weekday in visit.days:
                for t in visit.times:
                    cell = _cell_of(s.clock, (7 * week + weekday) * DAY + t, days)
                    planned[(zone, *cell)] += visit.duration.mean * visit.n_staff
    unplanned: dict[_Key, Minutes] = defaultdict(float)
    sources: list[ArrivalProcess | Alarms] = [*s.demand.arrivals, *s.demand.alarms]
    for source in sources:
        _rated(s, source, days, unplanned)
    for discharges in s.demand.discharges:
        _discharged(s, discharges, days, unplanned)
    return planned, unplanned


def _with_district(values: Mapping[_Key, Minutes]) -> dict[_Key, Minutes]:
    out: dict[_Key, Minutes] = defaultdict(float)
    for (zone, day, period), minutes in values.items():
        out[(zone, day, period)] += minutes
        out[(DISTRICT, day, period)] += minutes
    return out


def load_table(s: Scenario, *, coverage: float = 0.9) -> tuple[LoadCell, ...]:
    """Offered load, rostered minutes and staff need per zone, day of the cycle and period.

    Parameters
    ----------
    s
        The scenario.
    coverage
        The probability with which the staff need covers the work at a random moment, in
        ``(0, 1)``.

    Returns
    -------
    tuple of LoadCell
        The district's rows (zone ``""``) first, then each zone's in the organisation's order;
        within each, by day of the cycle and period. Periods with neither load nor rostered
        minutes are left out.

    Examples
    --------
    Ten visits of 48 minutes on a Monday evening against one evening shift:

    >>> from hometeams.model import Organisation, Staff, User, Zone
    >>> from hometeams.scenario import Demand, Roster, VisitPlan
    >>> org = Organisation("x", zones=[Zone("n")],
    ...                    staff=[Staff("kari", profession="nurse", zone="n")],
    ...                    users=[User(f"u{i}", zone="n") for i in range(10)])
    >>> visits = [VisitPlan(f"u{i}", days="mon", times="16:00", duration=48) for i in range(10)]
    >>> s = Scenario(org, Roster.weekly({"kari": {"mon": "evening"}}),
    ...              demand=Demand(visits=visits))
    >>> [(c.zone, c.weekday, c.period.value, c.load, c.rostered, c.need) for c in load_table(s)]
    [('', 'Monday', 'evening', 480.0, 480.0, 2), ('n', 'Monday', 'evening', 480.0, 480.0, 2)]
    """
    from hometeams.analytic import poisson_min_staff  # noqa: PLC0415 - scipy only when asked

    days = 7 * s.roster.cycle
    planned, unplanned = (_with_district(part) for part in _offered(s, days))
    rostered = _rostered(s, days)
    zones = [DISTRICT, *(z.id for z in s.organisation.zones)]
    keys = [
        (zone, day, period)
        for zone in zones
        for day in range(days)
        for period in _PERIODS
        if planned.get((zone, day, period), 0.0) + unplanned.get((zone, day, period), 0.0) > 0
        or rostered.get((zone, day, period), 0.0) > 0
    ]
    lengths = {p: _length(s.clock, p) for p in _PERIODS}
    busy = [(planned.get(key, 0.0) + unplanned.get(key, 0.0)) / lengths[key[2]] for key in keys]
    needs: list[int] = [int(n) for n in poisson_min_staff(busy, coverage=coverage)] if keys else []
    return tuple(
        LoadCell(
            zone,
            day,
            period,
            length=lengths[period],
            planned=planned.get((zone, day, period), 0.0),
            unplanned=unplanned.get((zone, day, period), 0.0),
            rostered=rostered.get((zone, day, period), 0.0),
            need=int(need),
            cycle=s.roster.cycle,
        )
        for (zone, day, period), need in zip(keys, needs, strict=True)
    )
