"""A scenario: an organisation, its roster, its demand and absences, and an organisation model.

Think of one district over four weeks: the staff and teams of the organisation, the rota they
work, the visits their users' service decisions call for, the calls and discharges that come on
top, the sick leave, the driving between zones -- and the organisation model (*policy*) that
decides who goes where. A :class:`Scenario` holds all of it, checked as a whole: every staff
member, team, user, zone and competence it names must exist in the organisation, nobody is
rostered on two overlapping shifts, and every staffing floor holds.

Decision on floors: a roster that breaks a staffing floor is *refused* (the scenario cannot be
built), with the team, day, period, rostered count and floor in the message; floors describe the
roster the planner intends, so breaking one is a mistake in the description. (Absences that take
a team below its floor on the day are a result, seen in the records.)

Needs the roster cannot meet -- a visit requiring a competence that nobody on the roster holds --
are not errors but :meth:`Scenario.findings`: a planner may want to see what goes unserved.
"""

from __future__ import annotations

import bisect
import functools
import math
from collections.abc import Iterable, Mapping

import attrs

from hometeams._time import DAY, WEEK, PeriodClock
from hometeams._types import CompetenceId, Minutes, StaffId
from hometeams._words import Field, Phrase, phrase
from hometeams.errors import InvalidScenario
from hometeams.model import Organisation
from hometeams.scenario._absence import Absences
from hometeams.scenario._arrivals import Alarms, ArrivalProcess
from hometeams.scenario._cycle import CycleShift, check_floors, check_overlaps, cycle_shifts
from hometeams.scenario._demand import Demand
from hometeams.scenario._discharges import Episode
from hometeams.scenario._finding import Finding
from hometeams.scenario._roster import Floor, Roster, weekday_phrase
from hometeams.scenario._travel import TravelMatrix
from hometeams.scenario._visits import VisitPlan

__all__ = ["Coverage", "Scenario", "listed", "time_label"]


def _floors(values: Iterable[Floor]) -> tuple[Floor, ...]:
    return tuple(values)


@attrs.frozen
class Scenario:
    """An organisation with its roster, demand, absences, travel and organisation model.

    Parameters
    ----------
    organisation
        The :class:`~hometeams.model.Organisation`.
    roster
        The :class:`Roster`.
    demand
        The :class:`Demand`.
    absences
        The :class:`Absences`.
    travel
        The :class:`TravelMatrix` (default: no travel time).
    horizon
        Length of the run in minutes (default one week).
    warmup
        Minutes at the start left out of the metrics.
    clock
        Where the day, evening and night periods begin; gives the times of the roster's
        ``day``, ``evening`` and ``night`` shifts.
    floors
        Staffing :class:`Floor` values the roster must meet.
    name
        A name for reports.

    Raises
    ------
    InvalidScenario
        With the path from the scenario's root, e.g. ``roster.lines[3].staff``,
        ``demand.visits[4].user`` or ``floors[0]``.

    Examples
    --------
    A district with two staff, one user and two visits a day, over two weeks:

    >>> from hometeams.model import Organisation, Staff, Team, User, Zone
    >>> from hometeams.scenario import (Demand, LogNormal, Roster, Scenario, VisitPlan,
    ...                                 realise)
    >>> org = Organisation(
    ...     "District 1", zones=[Zone("north")],
    ...     staff=[Staff("kari", profession="nurse", competences=["medication"], zone="north"),
    ...            Staff("ola", profession="health-worker", zone="north")],
    ...     teams=[Team("north", category="geographic", members=["kari", "ola"])],
    ...     users=[User("u1", zone="north", team="north")])
    >>> scenario = Scenario(
    ...     org,
    ...     Roster.weekly({"kari": {"daily": "day"}, "ola": {"daily": "evening"}}),
    ...     demand=Demand(visits=[VisitPlan("u1", days="daily", times=["08:00", "20:00"],
    ...                                     duration=LogNormal(mean=30, sd=10))]),
    ...     horizon=14 * 1440)
    >>> realised = realise(scenario, seed=1)
    >>> len(realised.jobs), len(realised.shifts)
    (28, 28)

    Every name must resolve:

    >>> Scenario(org, Roster.weekly({"per": {"daily": "day"}}))
    Traceback (most recent call last):
    ...
    hometeams.errors.InvalidScenario: roster.lines[0].staff: unknown staff member 'per'
    """

    organisation: Organisation
    roster: Roster
    demand: Demand = attrs.field(default=Demand(), kw_only=True)
    absences: Absences = attrs.field(default=Absences(), kw_only=True)
    travel: TravelMatrix = attrs.field(default=TravelMatrix(), kw_only=True)
    horizon: Minutes = attrs.field(default=WEEK, kw_only=True)
    warmup: Minutes = attrs.field(default=0.0, kw_only=True)
    clock: PeriodClock = attrs.field(default=PeriodClock(), kw_only=True)
    floors: tuple[Floor, ...] = attrs.field(default=(), converter=_floors, kw_only=True)
    name: str = attrs.field(default="", kw_only=True)

    def __attrs_post_init__(self) -> None:
        validate(self)

    @functools.cached_property
    def cycle(self) -> tuple[CycleShift, ...]:
        """Every shift of one cycle of the roster, with clock times (see ``_cycle``)."""
        return tuple(cycle_shifts(self.roster, self.clock))

    def findings(self) -> tuple[Finding, ...]:
        """What the roster cannot meet: competences or two-person visits nobody can staff.

        Examples
        --------
        >>> from hometeams.model import Organisation, Staff, Team, User, Zone
        >>> from hometeams.scenario import Demand, Roster, VisitPlan
        >>> org = Organisation("x", staff=[Staff("kari", profession="nurse")],
        ...                    teams=[Team("t", members=["kari"])], users=[User("u", zone="z")],
        ...                    zones=[Zone("z")])
        >>> s = Scenario(org, Roster.weekly({"kari": {"daily": "day"}}),
        ...              demand=Demand(visits=[VisitPlan("u", times="09:00", duration=30,
        ...                                              required=["wound-care"])]))
        >>> [str(f) for f in s.findings()]
        ["demand.visits[0].required: no rostered staff member holds all of 'wound-care'; ..."]
        """
        return findings(self)


# -- the checks of the whole ------------------------------------------------------------------


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


def _all_of(names: Iterable[str]) -> Field:
    """``'a' and 'b' and 'c'``: the names quoted, joined by the language's *and*."""
    quoted = [f"'{name}'" for name in sorted(names)]
    said: Field = quoted[-1]
    for name in reversed(quoted[:-1]):
        said = phrase("findings.and", first=name, then=said)
    return said


def _staffing_findings(cover: Coverage, job: _Job, *, at: str) -> list[Finding]:
    holders = cover.holders(job.required)
    if not holders:
        count = "one" if len(job.required) == 1 else "other"
        said = (
            phrase(f"findings.competence.{count}", needs=_all_of(job.required))
            if job.required
            else phrase("findings.competence.nobody")
        )
        return [
            Finding(
                f"{at}.required",
                phrase=said,
                kind="competence",
                severity="error",
                numbers={"holders": 0},
            )
        ]
    if job.n_staff > len(holders):
        return [
            Finding(
                f"{at}.n_staff",
                phrase=phrase("findings.two_person", n=len(holders)),
                kind="two-person",
                severity="error",
                numbers={"holders": len(holders), "n_staff": job.n_staff},
            )
        ]
    return []


def time_label(t: float, cycle_day: int, cycle: int) -> Phrase:
    """A visit time as findings name it: ``08:00 on Saturday``, ``lørdag kl. 08:00``."""
    clock = f"{int(t // 60):02d}:{int(t % 60):02d}"
    return phrase("findings.time", time=clock, day=weekday_phrase(cycle_day, cycle))


class Coverage:
    """When anyone of a set of staff is on shift over a scenario's cycle, for many questions.

    Built once for a check of the whole scenario: who holds a set of competences, and the
    merged shift intervals of a set of staff (on some roster lines, if given), are worked out
    once per set and kept, and each visit time is then a bisection -- not a pass over every
    shift for every visit, which took minutes for a few thousand staff and visit plans.
    """

    def __init__(self, s: Scenario) -> None:
        self.s = s
        self._holders: dict[frozenset[CompetenceId], frozenset[StaffId]] = {}
        self._spans: dict[
            tuple[frozenset[StaffId], frozenset[int] | None], tuple[list[float], list[float]]
        ] = {}

    def holders(self, required: frozenset[CompetenceId]) -> frozenset[StaffId]:
        """The rostered staff who hold every competence in ``required``."""
        found = self._holders.get(required)
        if found is None:
            staff = self.s.organisation.staff_by_id
            found = frozenset(p for p in self.s.roster.staff if required <= staff[p].competences)
            self._holders[required] = found
        return found

    def spans(
        self, staff: frozenset[StaffId], lines: frozenset[int] | None = None
    ) -> tuple[list[float], list[float]]:
        """The starts and ends of the time someone of ``staff`` is on shift, merged and sorted.

        The cycle repeats: a Sunday night shift covers the next Monday morning, and a late
        Sunday visit's window may reach into the next cycle, so the cycle before and after
        are included.
        """
        key = (staff, lines)
        spans = self._spans.get(key)
        if spans is None:
            s = self.s
            length = 7 * s.roster.cycle * DAY
            intervals = sorted(
                (c.start + k * length, c.end + k * length)
                for c in s.cycle
                if c.staff in staff and (lines is None or c.line in lines)
                for k in (-1, 0, 1)
            )
            starts: list[float] = []
            ends: list[float] = []
            for a, b in intervals:
                if ends and a <= ends[-1]:  # overlapping or touching: one stretch
                    ends[-1] = max(ends[-1], b)
                else:
                    starts.append(a)
                    ends.append(b)
            spans = self._spans[key] = (starts, ends)
        return spans

    def uncovered(
        self,
        visit: VisitPlan,
        staff: frozenset[StaffId],
        *,
        lines: frozenset[int] | None = None,
    ) -> list[Phrase]:
        """The visit's times when none of ``staff`` is on shift (on one of ``lines``, if given).

        A time is covered if someone's shift ``[start, end)`` meets the visit's window
        ``[ready, ready + window]``.
        """
        starts, ends = self.spans(staff, lines)
        cycle = self.s.roster.cycle
        out = []
        for week in range(cycle):
            for day in sorted(visit.days):
                for t in visit.times:
                    ready = (7 * week + day) * DAY + t
                    k = bisect.bisect_right(starts, ready + visit.window) - 1
                    if k < 0 or ends[k] <= ready:  # the last stretch begun by then is over
                        out.append(time_label(t, 7 * week + day, cycle))
        return out


def listed(items: Iterable[Field], *, at_most: int = 3) -> Field:
    """The first ``at_most`` items, then how many more: ``a, b, c and 4 more``."""
    every = tuple(items)
    if len(every) <= at_most:
        return every
    return phrase("findings.more_items", items=every[:at_most], n=len(every) - at_most)


def _time_findings(cover: Coverage, visit: VisitPlan, *, at: str) -> list[Finding]:
    """Visit times nobody is on shift for, and times only staff who may not go are."""
    gaps = cover.uncovered(visit, cover.holders(visit.required))
    if not gaps:
        return []
    nobody = set(cover.uncovered(visit, cover.holders(frozenset())))
    out = []
    others = [gap for gap in gaps if gap not in nobody]
    outside = [gap for gap in gaps if gap in nobody]
    for kind, times in (("coverage", others), ("outside-shift", outside)):
        if times:
            out.append(
                Finding(
                    f"{at}.times",
                    phrase=phrase(f"findings.{kind.replace('-', '_')}", times=listed(times)),
                    kind=kind,
                    severity="error",
                    numbers={"visits_per_cycle": len(times)},
                )
            )
    return out


def findings(s: Scenario) -> tuple[Finding, ...]:
    """What the roster cannot meet; see :meth:`Scenario.findings`."""
    out: list[Finding] = []
    cover = Coverage(s)
    for i, visit in enumerate(s.demand.visits):
        at = f"demand.visits[{i}]"
        found = _staffing_findings(cover, visit, at=at)
        out += found or _time_findings(cover, visit, at=at)
    for at, source in _poisson_sources(s):
        out += _staffing_findings(cover, source, at=at)
    for i, discharge in enumerate(s.demand.discharges):
        out += _staffing_findings(cover, discharge.episode, at=f"demand.discharges[{i}].episode")
    return tuple(out)
