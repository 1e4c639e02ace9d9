"""Hypothesis strategies for the simulator: small valid scenarios, and bad ones.

``scenarios()`` draws a :class:`~hometeams.scenario.Scenario` that always validates, small enough
for a property test to simulate a hundred of them in seconds:

- an organisation (``sim_organisations()``) of 1-3 zones ``z0, z1, ...``; 1-``max_staff`` staff
  ``s0, s1, ...`` (full-time, catalogue professions, each a home zone, competences from
  ``medication``, ``wound-care``, ``dementia``); 1-3 teams ``t0, t1, ...`` -- geographic teams
  serving a zone, and sometimes a day-only weekday specialist team (the hand-over case) -- where
  every staff member is in one or two teams (half a position in each when two); 0-5 users
  ``u0, u1, ...`` with a zone, maybe a team and maybe a primary contact;
- a weekly roster: each staff member works any subset of day / evening / night on each weekday
  (the default shifts never overlap), sometimes for one named team of theirs; sometimes a
  staffing floor that the roster meets;
- demand: 0-5 visit plans (1-2 times a day on a 15-minute grid, every duration family, windows
  of 0-120 minutes, required / preferred competences, two-person visits if ``two_person``),
  and, if ``stochastic``, maybe an arrival process, alarms and hospital discharges with
  episodes;
- absences (if ``absences``): a sick-leave probability up to 0.3 and up to two named absences;
- travel (if ``travel``): random zone-to-zone minutes (0-30) for some pairs;
- a horizon of 1-``max_days`` days (sometimes ending mid-day) and a warm-up of 0 or up to half
  of it.

``bad_scenarios()`` draws ``(build, path)``: ``build()`` must raise
:class:`~hometeams.errors.InvalidScenario` whose ``path`` equals ``path``. Mistakes the whole
scenario catches carry the path from the scenario's root (``demand.visits[0].user``); mistakes a
value object catches when it is built carry the path within that object (``mean`` of a
duration, ``days[0]`` of a visit plan).

``small_district()`` is a fixed, hand-made organisation for example-based tests (see its
docstring for the people, teams and users).
"""

from __future__ import annotations

import functools
from collections.abc import Callable

import attrs
from hypothesis import strategies as st

from hometeams._time import DAY
from hometeams.model import Membership, Organisation, Period, Staff, Team, User, Zone
from hometeams.scenario import (
    Absence,
    Absences,
    Alarms,
    ArrivalProcess,
    Demand,
    Discharges,
    Empirical,
    Episode,
    Exponential,
    Fixed,
    Floor,
    LogNormal,
    Roster,
    RosterLine,
    Scenario,
    SickLeave,
    TravelMatrix,
    VisitPlan,
)

__all__ = ["bad_scenarios", "durations", "scenarios", "sim_organisations", "small_district"]

COMPETENCES = ("medication", "wound-care", "dementia")
_PROFESSIONS = ("nurse", "health-worker", "assistant", "specialist-nurse")
_SHIFTS = tuple(p.value for p in Period)


@functools.lru_cache(maxsize=256)
def _ints(low: int, high: int) -> st.SearchStrategy[int]:
    # Strategies are built once and reused: building one per draw dominates the run time.
    return st.integers(min_value=low, max_value=high)


def _pick(draw: st.DrawFn, values: tuple[object, ...] | list[object]) -> object:
    return values[draw(_ints(0, len(values) - 1))]


def _maybe(draw: st.DrawFn, values: tuple[object, ...] | list[object]) -> object:
    """``None`` or one of ``values``."""
    return _pick(draw, (None, *values))


_BOOLS = st.booleans()
_DAY_SETS = st.frozensets(_ints(0, 6))
_COMPETENCE_SETS = st.frozensets(st.sampled_from(COMPETENCES))
_REQUIRED = st.frozensets(st.sampled_from(COMPETENCES), max_size=1)
_PREFERRED = st.frozensets(st.sampled_from(COMPETENCES), max_size=2)


def durations(*, max_mean: int = 60) -> st.SearchStrategy[object]:
    """Duration distributions of every family with means from 5 to ``max_mean`` minutes."""
    means = st.integers(min_value=5, max_value=max_mean).map(float)
    return st.one_of(
        means.map(Exponential),
        means.map(Fixed),
        st.tuples(means, st.integers(min_value=0, max_value=20)).map(
            lambda m: LogNormal(mean=m[0], sd=float(m[1]))
        ),
        st.lists(means, min_size=1, max_size=4).map(Empirical),
    )


@st.composite
def sim_organisations(draw: st.DrawFn, *, max_staff: int = 5, max_users: int = 5) -> Organisation:
    """A small organisation built for simulation; see the module docstring."""
    n_zones = draw(_ints(1, 3))
    zones = [Zone(f"z{i}") for i in range(n_zones)]
    n_staff = draw(_ints(1, max_staff))
    staff = [
        Staff(
            f"s{i}",
            profession=str(_pick(draw, _PROFESSIONS)),
            competences=draw(_COMPETENCE_SETS),
            zone=f"z{draw(_ints(0, n_zones - 1))}",
        )
        for i in range(n_staff)
    ]
    n_teams = draw(_ints(1, min(3, n_staff)))
    # Staff i belongs to team i % n_teams (so no team is empty), and maybe to one more.
    teams_of = {i: [i % n_teams] for i in range(n_staff)}
    for i in range(n_staff):
        extra = draw(_ints(0, n_teams - 1))
        if extra != teams_of[i][0] and draw(_BOOLS):
            teams_of[i].append(extra)
    day_only = n_teams > 1 and draw(_BOOLS)
    teams = []
    for t in range(n_teams):
        members = [
            Membership(f"s{i}", share=None if len(ts) == 1 else 0.5)
            for i, ts in teams_of.items()
            if t in ts
        ]
        if day_only and t == n_teams - 1:
            teams.append(
                Team(
                    f"t{t}", category="specialist", members=members, periods=["day"], days=range(5)
                )
            )
        else:
            teams.append(
                Team(f"t{t}", category="geographic", members=members, zones=[f"z{t % n_zones}"])
            )
    users = [
        User(
            f"u{i}",
            zone=f"z{draw(_ints(0, n_zones - 1))}",
            team=_maybe(draw, [t.id for t in teams]),  # type: ignore[arg-type]
            primary_contact=_maybe(draw, [s.id for s in staff]),  # type: ignore[arg-type]
        )
        for i in range(draw(_ints(0, max_users)))
    ]
    return Organisation("Simulert distrikt", zones=zones, staff=staff, teams=teams, users=users)


@st.composite
def _roster(draw: st.DrawFn, org: Organisation) -> Roster:
    lines = []
    for person in org.staff:
        for shift in _SHIFTS:
            days = draw(_DAY_SETS)
            if days:
                team = _maybe(draw, org.teams_of(person.id))
                lines.append(RosterLine(person.id, shift=shift, days=sorted(days), team=team))  # type: ignore[arg-type]
    return Roster(lines)


def _floors(draw: st.DrawFn, org: Organisation, roster: Roster) -> list[Floor]:
    """At most one floor, set to what the roster gives the team on its thinnest day."""
    if not draw(_BOOLS):
        return []
    team = org.teams[draw(_ints(0, len(org.teams) - 1))]
    period = Period(str(_pick(draw, tuple(p.value for p in sorted(team.periods, key=str)))))
    members = set(team.staff_ids)
    counts = []
    for day in range(7):
        on = {
            line.staff
            for line in roster.lines
            if line.shift == period.value
            and day in line.days
            and (line.team == team.id or (line.team is None and line.staff in members))
        }
        counts.append(len(on))
    least = min(counts)
    return [Floor(team.id, period=period, minimum=least)] if least >= 1 else []


_CLOCK_TIMES = st.lists(_ints(0, 95).map(lambda q: q * 15.0), min_size=1, max_size=2, unique=True)
_DURATIONS = durations()
_VISIT_DAYS = st.frozensets(_ints(0, 6), min_size=1)


def _job_fields(draw: st.DrawFn, org: Organisation, *, two_person: bool) -> dict[str, object]:
    return {
        "duration": draw(_DURATIONS),
        "window": float(draw(_ints(0, 120))),
        "required": draw(_REQUIRED),
        "preferred": draw(_PREFERRED),
        "n_staff": draw(_ints(1, 2)) if two_person else 1,
        "team": _maybe(draw, [t.id for t in org.teams]),
    }


@st.composite
def _demand(draw: st.DrawFn, org: Organisation, *, two_person: bool, stochastic: bool) -> Demand:
    visits = []
    if org.users:
        visits = [
            VisitPlan(
                str(_pick(draw, tuple(u.id for u in org.users))),
                days=sorted(draw(_VISIT_DAYS)),
                times=draw(_CLOCK_TIMES),
                **_job_fields(draw, org, two_person=two_person),  # type: ignore[arg-type]
            )
            for _ in range(draw(_ints(0, 5)))
        ]
    arrivals, alarms, discharges = [], [], []
    if stochastic and org.users:
        if draw(_BOOLS):
            by_hour = _maybe(draw, [[1.0] * 8 + [2.0] * 8 + [0.5] * 8, [0.0] * 12 + [1.0] * 12])
            arrivals.append(
                ArrivalProcess(
                    float(_pick(draw, (0.0, 0.1, 0.25, 0.5))),  # type: ignore[arg-type]
                    by_hour=by_hour,  # type: ignore[arg-type]
                    **_job_fields(draw, org, two_person=two_person),  # type: ignore[arg-type]
                )
            )
        if draw(_BOOLS):
            alarms.append(Alarms(float(_pick(draw, (0.05, 0.1, 0.2)))))  # type: ignore[arg-type]
    if stochastic and draw(_BOOLS):
        fields = _job_fields(draw, org, two_person=two_person)
        team = fields.pop("team")
        discharges.append(
            Discharges(
                _pick(draw, ([0.5] * 7, [0.2, 0.5, 0.0, 0.5, 1.0, 0.0, 0.2])),  # type: ignore[arg-type]
                dispersion=_maybe(draw, (0.5, 2.0)),  # type: ignore[arg-type]
                episode=Episode(
                    days=draw(_ints(1, 4)),
                    times=draw(_CLOCK_TIMES),
                    **fields,  # type: ignore[arg-type]
                ),
                team=team,  # type: ignore[arg-type]
            )
        )
    return Demand(visits=visits, arrivals=arrivals, alarms=alarms, discharges=discharges)


@st.composite
def _absences(draw: st.DrawFn, org: Organisation, horizon: float) -> Absences:
    intervals = []
    for _ in range(draw(_ints(0, 2))):
        start = float(draw(_ints(0, int(horizon))))
        length = float(draw(_ints(1, int(3 * DAY))))
        intervals.append(
            Absence(
                str(_pick(draw, tuple(s.id for s in org.staff))), start=start, end=start + length
            )
        )
    probability = float(_pick(draw, (0.0, 0.0, 0.05, 0.3)))  # type: ignore[arg-type]
    return Absences(sick_leave=SickLeave(probability), intervals=intervals)


@st.composite
def _travel(draw: st.DrawFn, org: Organisation) -> TravelMatrix:
    ids = [z.id for z in org.zones]
    pairs = [(a, b) for i, a in enumerate(ids) for b in ids[i:]]
    chosen = [p for p in pairs if draw(_BOOLS)]
    return TravelMatrix({p: float(draw(_ints(0, 30))) for p in chosen})


@st.composite
def scenarios(
    draw: st.DrawFn,
    *,
    max_staff: int = 5,
    max_days: int = 7,
    two_person: bool = True,
    stochastic: bool = True,
    absences: bool = True,
    travel: bool = True,
) -> Scenario:
    """A small valid scenario; see the module docstring for what it draws."""
    org = draw(sim_organisations(max_staff=max_staff))
    roster = draw(_roster(org))
    days = draw(_ints(1, max_days))
    horizon = days * DAY - float(_pick(draw, (0.0, 0.0, 330.0)))  # type: ignore[arg-type]
    warmup = float(_pick(draw, (0.0, 0.0, horizon / 4, horizon / 2)))  # type: ignore[arg-type]
    return Scenario(
        org,
        roster,
        demand=draw(_demand(org, two_person=two_person, stochastic=stochastic)),
        absences=draw(_absences(org, horizon)) if absences else Absences(),
        travel=draw(_travel(org)) if travel else TravelMatrix(),
        horizon=horizon,
        warmup=warmup,
        floors=_floors(draw, org, roster),
        name="property test",
    )


# -- bad scenarios ---------------------------------------------------------------------------

_Build = Callable[[], object]


def _evolve_demand(s: Scenario, **changes: object) -> _Build:
    return lambda: attrs.evolve(s, demand=attrs.evolve(s.demand, **changes))


@st.composite
def bad_scenarios(draw: st.DrawFn) -> tuple[_Build, str]:
    """``(build, path)``: ``build()`` raises InvalidScenario at ``path`` (module docstring)."""
    s = draw(scenarios(max_days=3))
    org = s.organisation
    user = org.users[0].id if org.users else None
    visit = VisitPlan(user or "nobody", times="08:00", duration=30)
    n_visits = len(s.demand.visits)
    choices: list[tuple[_Build, str]] = [
        (lambda: attrs.evolve(s, horizon=-5.0), "horizon"),
        (lambda: attrs.evolve(s, warmup=s.horizon), "warmup"),
        (
            lambda: attrs.evolve(
                s, roster=Roster([*s.roster.lines, RosterLine("ghost", shift="day")])
            ),
            f"roster.lines[{len(s.roster.lines)}].staff",
        ),
        (
            lambda: attrs.evolve(s, floors=[*s.floors, Floor("no-team", period="day", minimum=1)]),
            f"floors[{len(s.floors)}].team",
        ),
        (
            lambda: attrs.evolve(
                s, absences=attrs.evolve(s.absences, intervals=[Absence("ghost")])
            ),
            "absences.intervals[0].staff",
        ),
        (
            lambda: attrs.evolve(s, travel=TravelMatrix({("z0", "atlantis"): 5})),
            "travel.legs[0].destination",
        ),
        (lambda: Exponential(-5), "mean"),
        (lambda: LogNormal(mean=30, sd=-1), "sd"),
        (lambda: VisitPlan("u0", days=["someday"], times="08:00", duration=30), "days[0]"),
        (lambda: VisitPlan("u0", times="8 o'clock", duration=30), "times[0]"),
        (lambda: VisitPlan("u0", times="08:00", duration=30, n_staff=3), "n_staff"),
        (lambda: ArrivalProcess(1.0, by_hour=[1.0] * 23, duration=10), "by_hour"),
        (
            lambda: Discharges([1.0] * 6, episode=Episode(days=2, times="09:00", duration=30)),
            "mean",
        ),
        (lambda: SickLeave(1.2), "probability"),
        (
            _evolve_demand(s, visits=[*s.demand.visits, attrs.evolve(visit, user="ghost")]),
            f"demand.visits[{n_visits}].user",
        ),
        (
            _evolve_demand(
                s, visits=[*s.demand.visits, attrs.evolve(visit, required=["telepathy"])]
            ),
            f"demand.visits[{n_visits}].user"
            if user is None
            else f"demand.visits[{n_visits}].required",
        ),
        (
            _evolve_demand(s, visits=[*s.demand.visits, attrs.evolve(visit, team="ghost-team")]),
            f"demand.visits[{n_visits}].user"
            if user is None
            else f"demand.visits[{n_visits}].team",
        ),
    ]
    return choices[draw(_ints(0, len(choices) - 1))]


def small_district() -> Organisation:
    """A hand-made district for example-based tests.

    Zones ``north`` and ``south``. Staff: ``kari`` (nurse; medication, wound-care; north),
    ``ola`` (health worker; medication; north), ``per`` (nurse; dementia, medication; south),
    ``lise`` (physiotherapist; rehabilitation; north). Teams: ``north`` (geographic, zone north:
    kari, ola), ``south`` (geographic, zone south: per), ``rehab`` (specialist, days only,
    Monday-Friday: lise). Users: ``u1`` (north, team north, primary contact kari), ``u2``
    (south, team south), ``u3`` (north, team rehab).
    """
    return Organisation(
        "Distrikt 1",
        zones=[Zone("north"), Zone("south")],
        staff=[
            Staff(
                "kari", profession="nurse", competences=["medication", "wound-care"], zone="north"
            ),
            Staff("ola", profession="health-worker", competences=["medication"], zone="north"),
            Staff("per", profession="nurse", competences=["dementia", "medication"], zone="south"),
            Staff(
                "lise", profession="physiotherapist", competences=["rehabilitation"], zone="north"
            ),
        ],
        teams=[
            Team("north", category="geographic", members=["kari", "ola"], zones=["north"]),
            Team("south", category="geographic", members=["per"], zones=["south"]),
            Team("rehab", category="specialist", members=["lise"], periods=["day"], days=range(5)),
        ],
        users=[
            User("u1", zone="north", team="north", primary_contact="kari"),
            User("u2", zone="south", team="south"),
            User("u3", zone="north", team="rehab"),
        ],
    )
