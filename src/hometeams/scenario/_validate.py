"""The checks a scenario makes as a whole, and the findings it reports.

Each value object checks its own fields when it is built (a negative mean duration is refused
by :class:`Exponential` itself). What only the whole scenario can tell is checked here, with a
path from the scenario's root: that every name resolves in the organisation
(``demand.visits[4].user``), that the roster puts nobody on two shifts at once
(``roster.lines[7]``), and that the staffing floors hold (``floors[0]``).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from hometeams._time import DAY
from hometeams._types import CompetenceId, StaffId
from hometeams.errors import InvalidScenario
from hometeams.model import Organisation
from hometeams.scenario._arrivals import Alarms, ArrivalProcess
from hometeams.scenario._cycle import check_floors, check_overlaps
from hometeams.scenario._discharges import Episode
from hometeams.scenario._roster import Roster, weekday_name
from hometeams.scenario._visits import VisitPlan

if TYPE_CHECKING:
    from hometeams.scenario._scenario import Finding, Scenario

__all__ = ["findings", "listed", "time_label", "uncovered_times", "validate"]

_Job = VisitPlan | ArrivalProcess | Alarms | Episode


def _require(known: Mapping[str, object], value: str | None, *, kind: str, path: str) -> None:
    if value is not None and value not in known:
        raise InvalidScenario(f"unknown {kind} {value!r}", path=path)


def _require_all(
    known: Mapping[str, object], values: Iterable[str], *, kind: str, path: str
) -> None:
    for value in sorted(values):
        _require(known, value, kind=kind, path=path)


def _check_types(s: Scenario) -> None:
    if not isinstance(s.organisation, Organisation):
        raise InvalidScenario(
            f"must be an Organisation, got {type(s.organisation).__name__}", path="organisation"
        )
    if not isinstance(s.roster, Roster):
        raise InvalidScenario(f"must be a Roster, got {type(s.roster).__name__}", path="roster")


def check_horizon(horizon: object, warmup: object) -> None:
    """Require ``0 < horizon < inf`` and ``0 <= warmup < horizon``."""
    number = isinstance(horizon, int | float) and not isinstance(horizon, bool)
    if not number or not math.isfinite(horizon) or horizon <= 0:  # type: ignore[arg-type,operator]
        raise InvalidScenario(
            f"must be a finite number of minutes > 0, got {horizon!r}", path="horizon"
        )
    number = isinstance(warmup, int | float) and not isinstance(warmup, bool)
    if not number or not 0 <= warmup < horizon:  # type: ignore[operator]
        raise InvalidScenario(
            f"must be >= 0 and less than the horizon ({horizon:g}), got {warmup!r}",
            path="warmup",
        )


def _check_roster(s: Scenario) -> None:
    org = s.organisation
    staff, teams = org.staff_by_id, org.teams_by_id
    members: dict[str, frozenset[StaffId]] = {}  # each team's members, built once: linear
    for i, line in enumerate(s.roster.lines):
        at = f"roster.lines[{i}]"
        _require(staff, line.staff, kind="staff member", path=f"{at}.staff")
        _require(teams, line.team, kind="team", path=f"{at}.team")
        if line.team is None:
            continue
        if line.team not in members:
            members[line.team] = frozenset(teams[line.team].staff_ids)
        if line.staff not in members[line.team]:
            raise InvalidScenario(
                f"staff {line.staff!r} is not a member of team {line.team!r}", path=f"{at}.team"
            )
    try:
        check_overlaps(s.roster, list(s.cycle))
    except InvalidScenario as err:
        raise err.within("roster") from None


def _check_floors(s: Scenario) -> None:
    teams = s.organisation.teams_by_id
    for i, floor in enumerate(s.floors):
        team = teams.get(floor.team)
        if team is not None and floor.period not in team.periods:
            raise InvalidScenario(
                f"team {floor.team!r} does not work in the {floor.period.value} period",
                path=f"floors[{i}].period",
            )
    check_floors(s.floors, s.roster, list(s.cycle), s.organisation)


def _check_job(org: Organisation, job: _Job, *, at: str) -> None:
    competences = org.all_competences
    _require_all(competences, job.required, kind="competence", path=f"{at}.required")
    _require_all(competences, job.preferred, kind="competence", path=f"{at}.preferred")
    team = getattr(job, "team", None)
    _require(org.teams_by_id, team, kind="team", path=f"{at}.team")


def _poisson_sources(s: Scenario) -> list[tuple[str, ArrivalProcess | Alarms]]:
    """The arrival processes and alarm sources with their paths."""
    out: list[tuple[str, ArrivalProcess | Alarms]] = []
    out += [(f"demand.arrivals[{i}]", a) for i, a in enumerate(s.demand.arrivals)]
    out += [(f"demand.alarms[{i}]", a) for i, a in enumerate(s.demand.alarms)]
    return out


def _check_demand(s: Scenario) -> None:
    org = s.organisation
    users, zones = org.users_by_id, org.zones_by_id
    for i, visit in enumerate(s.demand.visits):
        at = f"demand.visits[{i}]"
        _require(users, visit.user, kind="user", path=f"{at}.user")
        _check_job(org, visit, at=at)
    for at, source in _poisson_sources(s):
        for j, user in enumerate(source.users):
            _require(users, user, kind="user", path=f"{at}.users[{j}]")
        if not source.users and not org.users:
            raise InvalidScenario(
                "the organisation has no users to draw jobs for; add users or list them here",
                path=f"{at}.users",
            )
        _check_job(org, source, at=at)
    for i, discharge in enumerate(s.demand.discharges):
        at = f"demand.discharges[{i}]"
        for j, zone in enumerate(discharge.zones):
            _require(zones, zone, kind="zone", path=f"{at}.zones[{j}]")
        if not discharge.zones and not org.zones:
            raise InvalidScenario(
                "the organisation has no zones for discharged users to live in; add zones or "
                "list them here",
                path=f"{at}.zones",
            )
        _require(org.teams_by_id, discharge.team, kind="team", path=f"{at}.team")
        _check_job(org, discharge.episode, at=f"{at}.episode")


def _check_absences(s: Scenario) -> None:
    staff = s.organisation.staff_by_id
    sick = s.absences.sick_leave
    for j, person in enumerate(sorted(sick.staff)):
        _require(staff, person, kind="staff member", path=f"absences.sick_leave.staff[{j}]")
    for i, absence in enumerate(s.absences.intervals):
        _require(staff, absence.staff, kind="staff member", path=f"absences.intervals[{i}].staff")


def _check_travel(s: Scenario) -> None:
    zones = s.organisation.zones_by_id
    for i, leg in enumerate(s.travel.legs):
        _require(zones, leg.origin, kind="zone", path=f"travel.legs[{i}].origin")
        _require(zones, leg.destination, kind="zone", path=f"travel.legs[{i}].destination")


def validate(s: Scenario) -> None:
    """Check a scenario as a whole; raise :class:`InvalidScenario` at the first problem."""
    _check_types(s)
    check_horizon(s.horizon, s.warmup)
    object.__setattr__(s, "horizon", float(s.horizon))
    object.__setattr__(s, "warmup", float(s.warmup))
    _check_roster(s)
    _check_floors(s)
    _check_demand(s)
    _check_absences(s)
    _check_travel(s)


# -- findings --------------------------------------------------------------------------------


def _holders(s: Scenario, required: frozenset[CompetenceId]) -> set[StaffId]:
    staff = s.organisation.staff_by_id
    return {p for p in s.roster.staff if required <= staff[p].competences}


def _staffing_findings(s: Scenario, job: _Job, *, at: str) -> list[Finding]:
    from hometeams.scenario._scenario import Finding  # noqa: PLC0415 - _scenario imports us

    holders = _holders(s, job.required)
    needs = "' and '".join(sorted(job.required))
    if not holders:
        what = f"holds all of '{needs}'" if job.required else "is rostered"
        return [
            Finding(
                f"{at}.required",
                f"no rostered staff member {what}; these jobs go unserved",
                kind="competence",
                severity="error",
                numbers={"holders": 0},
            )
        ]
    if job.n_staff > len(holders):
        return [
            Finding(
                f"{at}.n_staff",
                f"a two-person visit, but only {len(holders)} rostered staff member(s) can go",
                kind="two-person",
                severity="error",
                numbers={"holders": len(holders), "n_staff": job.n_staff},
            )
        ]
    return []


def time_label(t: float, cycle_day: int, cycle: int) -> str:
    """A visit time as findings name it: ``"08:00 on Saturday"``."""
    return f"{int(t // 60):02d}:{int(t % 60):02d} on {weekday_name(cycle_day, cycle)}"


def uncovered_times(
    s: Scenario, visit: VisitPlan, holders: set[StaffId], *, lines: set[int] | None = None
) -> list[str]:
    """The visit's times when none of ``holders`` is on shift (on one of ``lines``, if given)."""
    cycle_length = 7 * s.roster.cycle * DAY
    intervals = [
        (c.start, c.end)
        for c in s.cycle
        if c.staff in holders and (lines is None or c.line in lines)
    ]
    # The cycle repeats: a Sunday night shift covers the next Monday morning, and a late
    # Sunday visit's window may reach into the next cycle.
    intervals += [
        (a + k * cycle_length, b + k * cycle_length) for a, b in intervals for k in (-1, 1)
    ]
    out = []
    for week in range(s.roster.cycle):
        for day in sorted(visit.days):
            for t in visit.times:
                ready = (7 * week + day) * DAY + t
                due = ready + visit.window
                if not any(a <= due and ready < b for a, b in intervals):
                    out.append(time_label(t, 7 * week + day, s.roster.cycle))
    return out


def listed(items: list[str], *, at_most: int = 3) -> str:
    """The first ``at_most`` items, then how many more: ``a, b, c and 4 more``."""
    more = f" and {len(items) - at_most} more" if len(items) > at_most else ""
    return f"{', '.join(items[:at_most])}{more}"


def _time_findings(s: Scenario, visit: VisitPlan, *, at: str) -> list[Finding]:
    """Visit times nobody is on shift for, and times only staff who may not go are."""
    from hometeams.scenario._scenario import Finding  # noqa: PLC0415 - _scenario imports us

    gaps = uncovered_times(s, visit, _holders(s, visit.required))
    if not gaps:
        return []
    nobody = set(uncovered_times(s, visit, set(s.roster.staff)))
    out = []
    others = [gap for gap in gaps if gap not in nobody]
    if others:
        out.append(
            Finding(
                f"{at}.times",
                "nobody who can make the visit is on shift within its window at " + listed(others),
                kind="coverage",
                severity="error",
                numbers={"visits_per_cycle": len(others)},
            )
        )
    outside = [gap for gap in gaps if gap in nobody]
    if outside:
        out.append(
            Finding(
                f"{at}.times",
                "the visit's window lies outside every rostered shift at " + listed(outside),
                kind="outside-shift",
                severity="error",
                numbers={"visits_per_cycle": len(outside)},
            )
        )
    return out


def findings(s: Scenario) -> tuple[Finding, ...]:
    """What the roster cannot meet; see :meth:`Scenario.findings`."""
    out: list[Finding] = []
    for i, visit in enumerate(s.demand.visits):
        at = f"demand.visits[{i}]"
        found = _staffing_findings(s, visit, at=at)
        out += found or _time_findings(s, visit, at=at)
    for at, source in _poisson_sources(s):
        out += _staffing_findings(s, source, at=at)
    for i, discharge in enumerate(s.demand.discharges):
        out += _staffing_findings(s, discharge.episode, at=f"demand.discharges[{i}].episode")
    return tuple(out)
