"""Checking a scenario for the impossible: load over capacity, rosters over contract.

A scenario can be valid -- every name known, no one on two shifts at once -- and still ask for
what cannot happen. :func:`audit` adds to :meth:`Scenario.findings` what a planner checks with a
calculator before trusting any simulation:

* ``capacity``: a period whose offered load (see :mod:`~hometeams.scenario._load`) exceeds the
  minutes rostered in it. Over the whole district it is an ``error`` -- no organisation model
  can do that work, and the backlog grows shift by shift; in one zone only a ``warning`` --
  only a model that lends staff between zones meets it (made when every shift can be placed in
  a zone, for periods in which the zone has someone rostered).
* ``contract``: a person rostered for more hours a week, averaged over the roster's cycle,
  than their position (*stillingsprosent*): 37.5 hours for a full-time position (FTE 1.0). More
  than ``tolerance`` over is a ``warning`` (a 0.75 position is 28.125 hours; five eight-hour
  day shifts are 40); less is ``info`` (five eight-hour shifts on a full-time position).
* ``coverage`` under fixed teams (``fixed_teams=True``): a visit whose owning team -- the
  visit's team, else its user's -- has nobody rostered for it who holds the required
  competences within the visit's window, though someone else on shift does. Only times within
  the team's own days and periods count: outside them the simulator hands the team's visits to
  the team that covers the zone. A ``warning``, as another model would meet it.
* ``gap``: a stretch of the cycle, to the minute, in which work arrives (an arrival process or
  alarm source with a rate above 0, a planned visit's start) and nobody rostered who holds its
  required competences is on duty; one ``warning`` per distinct daily gap, naming its days
  and the work expected in it a week (see :mod:`~hometeams.scenario._gaps`).

``Scenario.findings()`` already reports visits that nobody rostered may take (``competence``,
``two-person``, ``coverage``) and visits outside every shift (``outside-shift``), all errors.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import attrs

from hometeams._types import Minutes, StaffId
from hometeams._words import Phrase, phrase
from hometeams.scenario._finding import Finding, Number
from hometeams.scenario._gaps import gap_findings
from hometeams.scenario._load import DISTRICT, LoadCell, load_table, shift_zone
from hometeams.scenario._roster import weekday_phrase
from hometeams.scenario._scenario import Coverage, Scenario, listed, time_label
from hometeams.scenario._visits import VisitPlan

__all__ = ["FULL_TIME_HOURS", "ContractLine", "audit", "contract_table"]

FULL_TIME_HOURS = 37.5
"""Hours a week of a full-time position (100 % *stilling*) in Norwegian municipal care."""

_EPSILON = 1e-6  # minutes; below this a difference is rounding


@attrs.frozen
class ContractLine:
    """One person's rostered hours a week against their position.

    Attributes
    ----------
    staff
        The staff id.
    fte
        Their position as a fraction (*stillingsprosent*).
    rostered_hours
        Hours rostered a week, averaged over the roster's cycle.
    contract_hours
        ``fte`` times the full-time week.

    Examples
    --------
    >>> line = ContractLine("kari", fte=0.75, rostered_hours=40.0, contract_hours=28.125)
    >>> line.over, round(line.over_share, 4)
    (11.875, 0.4222)
    """

    staff: StaffId
    fte: float = attrs.field(kw_only=True)
    rostered_hours: float = attrs.field(kw_only=True)
    contract_hours: float = attrs.field(kw_only=True)

    @property
    def over(self) -> float:
        """Rostered hours above the position (negative: below)."""
        return self.rostered_hours - self.contract_hours

    @property
    def over_share(self) -> float:
        """:attr:`over` as a share of the position's hours (``inf`` for a zero position)."""
        return self.over / self.contract_hours if self.contract_hours else float("inf")


def contract_table(s: Scenario, *, full_time: float = FULL_TIME_HOURS) -> tuple[ContractLine, ...]:
    """Each rostered person's hours a week, averaged over the cycle, against their position.

    Examples
    --------
    A 0.75-FTE health worker on five eight-hour day shifts a week:

    >>> from hometeams.model import Organisation, Staff
    >>> from hometeams.scenario import Roster
    >>> org = Organisation("x", staff=[Staff("ola", profession="health-worker", fte=0.75)])
    >>> s = Scenario(org, Roster.weekly({"ola": {"weekdays": "day"}}))
    >>> contract_table(s)
    (ContractLine(staff='ola', fte=0.75, rostered_hours=40.0, contract_hours=28.125),)
    """
    minutes: dict[StaffId, Minutes] = defaultdict(float)
    for shift in s.cycle:
        minutes[shift.staff] += shift.end - shift.start
    staff = s.organisation.staff_by_id
    order = {person: i for i, person in enumerate(staff)}
    return tuple(
        ContractLine(
            person,
            fte=staff[person].fte,
            rostered_hours=minutes[person] / 60 / s.roster.cycle,
            contract_hours=staff[person].fte * full_time,
        )
        for person in sorted(minutes, key=order.__getitem__)
    )


def _when(cell: LoadCell) -> Phrase:
    """``Monday evening``, ``Monday of week 2 evening``: the cell's :attr:`~LoadCell.weekday`."""
    day = weekday_phrase(cell.cycle_day, cell.cycle)
    return phrase("findings.when", day=day, period=phrase(f"period.{cell.period.value}"))


def _cell_numbers(cell: LoadCell) -> dict[str, Number]:
    numbers: dict[str, Number] = {}
    if cell.zone != DISTRICT:
        numbers["zone"] = cell.zone
    numbers |= {
        "cycle_day": cell.cycle_day,
        "weekday": cell.weekday,
        "period": cell.period.value,
        "load_minutes": round(cell.load, 3),
        "planned_minutes": round(cell.planned, 3),
        "unplanned_minutes": round(cell.unplanned, 3),
        "rostered_minutes": round(cell.rostered, 3),
        "excess_minutes": round(cell.excess, 3),
        "staff_busy": round(cell.busy, 3),
        "staff_on_duty": round(cell.on_duty, 3),
        "staff_need": cell.need,
    }
    return numbers


def _work(cell: LoadCell, *, who: str) -> Phrase:
    """One cell's load against its rostered minutes, more than ``who`` (``everyone``...) can do."""
    share = cell.excess / cell.rostered if cell.rostered else None
    return phrase(
        "findings.capacity.work",
        load=cell.load,
        planned=cell.planned,
        unplanned=cell.unplanned,
        rostered=cell.rostered,
        excess=cell.excess,
        share="" if share is None else phrase("findings.capacity.share", share=share),
        who=phrase(f"findings.capacity.{who}"),
        need=cell.need,
        on_duty=round(cell.on_duty, 1),  # the same digits in English, no trailing 0 in bokmål
    )


def _capacity(s: Scenario, table: Iterable[LoadCell]) -> list[Finding]:
    cells = list(table)
    district = {(c.cycle_day, c.period): c for c in cells if c.zone == DISTRICT}
    zoned = all(shift_zone(s.organisation, line) is not None for line in s.roster.lines)
    out = []
    for cell in cells:
        if cell.excess <= _EPSILON:
            continue
        if cell.zone == DISTRICT:
            # Where it falls short: the zones whose work exceeds their own staff's minutes.
            zones = [
                c
                for c in cells
                if len(s.organisation.zones) > 1
                and zoned
                and c.zone != DISTRICT
                and (c.cycle_day, c.period) == (cell.cycle_day, cell.period)
                and c.excess > _EPSILON
            ]
            where = tuple(
                phrase("findings.capacity.zone_minutes", zone=c.zone, minutes=c.excess)
                for c in zones
            )
            said = phrase(
                "findings.capacity.district",
                when=_when(cell),
                work=_work(cell, who="everyone"),
                zones=phrase("findings.capacity.by_zone", zones=where) if zones else "",
            )
            out.append(
                Finding(
                    "roster",
                    phrase=said,
                    kind="capacity",
                    severity="error",
                    numbers=_cell_numbers(cell)
                    | {f"excess_minutes.{c.zone}": round(c.excess, 3) for c in zones},
                )
            )
        elif zoned and cell.rostered > 0 and district[(cell.cycle_day, cell.period)].excess <= 0:
            said = phrase(
                "findings.capacity.zone",
                when=_when(cell),
                zone=cell.zone,
                work=_work(cell, who="zone_staff"),
            )
            out.append(
                Finding(
                    f"organisation.zones.{cell.zone}",
                    phrase=said,
                    kind="capacity",
                    severity="warning",
                    numbers=_cell_numbers(cell),
                )
            )
    return out


def _contract(lines: Iterable[ContractLine], *, tolerance: float) -> list[Finding]:
    out = []
    for line in lines:
        if line.over <= _EPSILON / 60:
            continue
        said = phrase(  # hours as a planner writes them: 28.125, 40
            "findings.contract",
            rostered=round(line.rostered_hours, 3),
            percent=line.fte * 100,
            contract=round(line.contract_hours, 3),
            over=round(line.over, 3),
            share=line.over_share,
        )
        out.append(
            Finding(
                f"organisation.staff.{line.staff}.fte",
                phrase=said,
                kind="contract",
                severity="warning" if line.over_share > tolerance else "info",
                numbers={
                    "fte": line.fte,
                    "rostered_hours": round(line.rostered_hours, 4),
                    "contract_hours": round(line.contract_hours, 4),
                    "over_hours": round(line.over, 4),
                },
            )
        )
    return out


def _team_lines(s: Scenario, team: str, required: frozenset[str]) -> frozenset[int]:
    """The roster lines on which the team's staff who hold ``required`` work for it."""
    members = set(s.organisation.teams_by_id[team].staff_ids)
    staff = s.organisation.staff_by_id
    return frozenset(
        i
        for i, line in enumerate(s.roster.lines)
        if (line.team == team or (line.team is None and line.staff in members))
        and required <= staff[line.staff].competences
    )


def _team_gaps(cover: Coverage, visit: VisitPlan, team: str, lines: frozenset[int]) -> list[Phrase]:
    """The visit's times in the team's hours that only staff outside the team can make."""
    s = cover.s
    hours = s.organisation.teams_by_id[team]
    gaps = set(cover.uncovered(visit, cover.holders(frozenset()), lines=lines))
    pooled = set(cover.uncovered(visit, cover.holders(visit.required)))
    out = []
    for week in range(s.roster.cycle):
        for day in sorted(visit.days):
            for t in visit.times:
                gap = time_label(t, 7 * week + day, s.roster.cycle)
                in_hours = s.clock.period(t) in hours.periods and day in hours.days
                if in_hours and gap in gaps and gap not in pooled:
                    out.append(gap)
    return out


def _teams(s: Scenario) -> list[Finding]:
    users = s.organisation.users_by_id
    cover = Coverage(s)
    team_lines: dict[tuple[str, frozenset[str]], frozenset[int]] = {}
    out = []
    for i, visit in enumerate(s.demand.visits):
        team = visit.team or users[visit.user].team
        if team is None:
            continue
        key = (team, visit.required)
        lines = team_lines.get(key)
        if lines is None:
            lines = team_lines[key] = _team_lines(s, team, visit.required)
        gaps = _team_gaps(cover, visit, team, lines)
        if gaps:
            out.append(
                Finding(
                    f"demand.visits[{i}].times",
                    phrase=phrase("findings.team", team=team, times=listed(gaps)),
                    kind="coverage",
                    severity="warning",
                    numbers=(("team", team), ("visits_per_cycle", len(gaps))),
                )
            )
    return out


def audit(
    s: Scenario,
    *,
    fixed_teams: bool = False,
    coverage: float = 0.9,
    tolerance: float = 0.1,
    full_time: float = FULL_TIME_HOURS,
) -> tuple[Finding, ...]:
    """Everything :meth:`Scenario.findings` reports, and load over capacity and over contract.

    Parameters
    ----------
    s
        The scenario.
    fixed_teams
        Also report visits their owning team cannot make (the fixed-team model).
    coverage
        The probability with which the analytic staff need covers the work at a random
        moment (see :func:`load_table`).
    tolerance
        Above this share over their position, a person's roster is a ``warning``; below, an
        ``info``.
    full_time
        Hours a week of a full-time position.

    Returns
    -------
    tuple of Finding
        The findings of :meth:`Scenario.findings`, then ``capacity``, ``contract``, ``gap``
        and (with ``fixed_teams``) team ``coverage`` findings.

    Examples
    --------
    Eleven visits of 48 minutes on a Monday evening, with one evening shift rostered:

    >>> from hometeams.model import Organisation, Staff, User, Zone
    >>> from hometeams.scenario import Demand, Roster, VisitPlan
    >>> org = Organisation("x", zones=[Zone("n")],
    ...                    staff=[Staff("kari", profession="nurse", zone="n")],
    ...                    users=[User(f"u{i}", zone="n") for i in range(11)])
    >>> visits = [VisitPlan(f"u{i}", days="mon", times="16:00", duration=48) for i in range(11)]
    >>> s = Scenario(org, Roster.weekly({"kari": {"mon": "evening"}}),
    ...              demand=Demand(visits=visits))
    >>> [(f.kind, f.severity, f.path) for f in audit(s)]
    [('capacity', 'error', 'roster')]
    >>> print(audit(s)[0].message)  # doctest: +NORMALIZE_WHITESPACE
    Monday evening: 528 staff-minutes of work (528 planned, 0 expected unplanned) against 480
    rostered: 48 minutes (10%) more than everyone on shift can do, before any travel; the
    analytic need is 2 staff on duty, the roster has 1.0
    """
    out = list(s.findings())
    out += _capacity(s, load_table(s, coverage=coverage))
    out += _contract(contract_table(s, full_time=full_time), tolerance=tolerance)
    out += gap_findings(s)
    if fixed_teams:
        out += _teams(s)
    return tuple(out)
