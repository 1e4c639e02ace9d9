"""The 1.4-versus-2 evening: a small fixed team must staff whole people.

Municipality D's rehabilitation and assessment unit works days as a unit and evenings and
weekends inside the districts (seed 000, L860-861). Its leader remembers the fixed evening rota
it once had: "an average staffing showed a need for two staff every evening. Or actually not
two: the need was 1.4. But then you had to have two. So there was a lot of idle time"
(L976-978). A fixed team staffs whole people, so the fraction of a person it does not need is
idle; pooled with the district's home nursing, the fraction is absorbed.

This module builds one district's evenings (15:00-23:00, every day) three ways:

``fixed team``
    The rehabilitation team has two of its own staff on every evening and serves only its
    users; the district's home nursing has five and serves the rest
    (:class:`~hometeams.sim.FixedTeams`).
``pooled``
    The team's evening need is absorbed by the district: the district's five plus one of the
    team's staff, working inside the district as in today's municipality D, take any visit
    (:class:`~hometeams.sim.Pooled`). One evening shift fewer than the fixed team.
``overflow``
    The hybrid: the team keeps its two on evenings and the district has four; each serves its
    own users first, and after ``overflow_after`` minutes of waiting anyone may take a visit
    (:class:`~hometeams.sim.Overflow`). As many evening shifts as pooled.

Every number below that is not from the source is an **assumption**, to be replaced by a
municipality's own figures:

* the rehabilitation need is *planned* visits -- eight users in reablement with two evening
  visits each (one between 15:00 and 18:30, one between 18:45 and 22:15, spread evenly), of
  42 minutes on average (log-normal, sd 14), driving included -- so that the planned work is
  ``8 * 2 * 42 = 672`` minutes an evening, 1.4 staff on average over the 480-minute shift.
  Planned visits are what the quote describes (an average staffing); the analytic models
  compare both this and need that arrives at random;
* the district's home nursing has 28 users with two evening visits each (15:00-18:36 and
  18:50-22:26) of 36 minutes (sd 12): ``28 * 2 * 36 = 2016`` minutes, 4.2 staff;
* the district is one zone and driving is folded into the visit times; a visit is on time if
  started within 60 minutes of its planned time; rehabilitation visits *prefer* (not require)
  the rehabilitation competence, so home nursing can take them;
* ten home-nursing staff (0.75 FTE) share the district's evening shifts and four
  rehabilitation staff (0.6 FTE in the unit, 0.4 FTE in the district, as in
  ``examples/organisations/case_d.toml``) share the team's; the district's staffing of five for
  a need of 4.2 is the whole-person rounding ``ceil(4.2)``, the team's two its floor;
* the rota runs over two weeks, each person in turn, so that the district's ten work four
  evenings one week and three the next: 28 hours a week for a 0.75 position of 28.125.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import attrs

from hometeams.analytic import (
    PoissonStaffing,
    PoolingComparison,
    StaffingWaste,
    compare_pooling,
    erlang_c,
    mmc,
    poisson_staffing,
    staffing_waste,
)
from hometeams.cases._shared import (
    check_count,
    check_minutes,
    check_probability,
    horizon,
    rota,
    rota_lines,
    spread,
)
from hometeams.experiment import Model
from hometeams.model import Membership, Organisation, Staff, Team, User, Zone
from hometeams.scenario import (
    Absence,
    Absences,
    Demand,
    LogNormal,
    Roster,
    RosterLine,
    Scenario,
    VisitPlan,
)
from hometeams.sim import FixedTeams, Overflow, Pooled, earliest_free, preferred_first

__all__ = [
    "DISTRICT_NEED",
    "REHAB_NEED",
    "EveningAnalytic",
    "evening_staffing",
    "evening_staffing_analytic",
]

SHIFT_MINUTES = 480.0
"""The evening shift, 15:00-23:00."""
REHAB_USERS, REHAB_MINUTES, REHAB_SD = 8, 42.0, 14.0
DISTRICT_USERS, DISTRICT_MINUTES, DISTRICT_SD = 28, 36.0, 12.0

REHAB_NEED = REHAB_USERS * 2 * REHAB_MINUTES / SHIFT_MINUTES
"""The rehabilitation team's planned evening need in staff: 1.4."""
DISTRICT_NEED = DISTRICT_USERS * 2 * DISTRICT_MINUTES / SHIFT_MINUTES
"""The district home nursing's planned evening need in staff: 4.2."""

DISTRICT, REHAB, ZONE = "district", "rehab", "district"
_NURSING = [f"hn-{i:02d}" for i in range(1, 11)]
_REHAB_STAFF = ("rh-1", "rh-2", "rh-3", "rh-4")
_REHAB_PROFESSIONS = ("physiotherapist", "occupational-therapist", "nurse", "health-worker")
_ORDER = (preferred_first, earliest_free)


def _organisation() -> Organisation:
    nursing = [
        Staff(
            sid,
            profession="nurse" if i < 4 else "health-worker",
            competences=["medication", "nursing"] if i < 4 else ["medication", "personal-care"],
            fte=0.75,
            zone=ZONE,
        )
        for i, sid in enumerate(_NURSING)
    ]
    rehab = [
        Staff(sid, profession=p, competences=["rehabilitation", "fall-prevention"], zone=ZONE)
        for sid, p in zip(_REHAB_STAFF, _REHAB_PROFESSIONS, strict=True)
    ]
    district_users = [
        User(f"du-{i:02d}", zone=ZONE, team=DISTRICT, needs=["medication", "personal-care"])
        for i in range(1, DISTRICT_USERS + 1)
    ]
    rehab_users = [
        User(f"ru-{i}", zone=ZONE, team=REHAB, needs=["rehabilitation"])
        for i in range(1, REHAB_USERS + 1)
    ]
    return Organisation(
        "Kommune D, kveldene i ett distrikt",
        zones=[Zone(ZONE, name="Distrikt 2")],
        staff=[*nursing, *rehab],
        teams=[
            Team(
                DISTRICT,
                name="Hjemmesykepleien, distrikt 2",
                category="geographic",
                zones=[ZONE],
                members=[*_NURSING, *(Membership(s, share=0.4) for s in _REHAB_STAFF)],
            ),
            Team(
                REHAB,
                name="Rehabilitering og avklaring",
                category="specialist",
                type="rehabilitation",
                members=[Membership(s, share=0.6) for s in _REHAB_STAFF],
            ),
        ],
        users=[*district_users, *rehab_users],
    )


def _demand() -> Demand:
    first = spread(15 * 60, 18 * 60 + 36, DISTRICT_USERS)
    second = spread(18 * 60 + 50, 22 * 60 + 26, DISTRICT_USERS)
    district = [
        VisitPlan(
            f"du-{i + 1:02d}",
            times=[a, b],
            duration=LogNormal(mean=DISTRICT_MINUTES, sd=DISTRICT_SD),
        )
        for i, (a, b) in enumerate(zip(first, second, strict=True))
    ]
    first = spread(15 * 60, 18 * 60 + 30, REHAB_USERS)
    second = spread(18 * 60 + 45, 22 * 60 + 15, REHAB_USERS)
    rehab = [
        VisitPlan(
            f"ru-{i + 1}",
            times=[a, b],
            duration=LogNormal(mean=REHAB_MINUTES, sd=REHAB_SD),
            preferred=["rehabilitation"],
        )
        for i, (a, b) in enumerate(zip(first, second, strict=True))
    ]
    return Demand(visits=[*district, *rehab])


def _roster(*, district: int, rehab_team: int, rehab_in_district: int) -> Roster:
    """A two-week rota: a person whose evenings do not divide evenly alternates, four and three."""
    fortnight = range(14)
    lines: list[RosterLine] = rota_lines(
        rota(_NURSING, per_day=district, days=fortnight), shift="evening", team=DISTRICT
    )
    if rehab_team:
        plan = rota(_REHAB_STAFF, per_day=rehab_team, days=fortnight)
        lines += rota_lines(plan, shift="evening", team=REHAB)
    if rehab_in_district:
        plan = rota(_REHAB_STAFF, per_day=rehab_in_district, days=fortnight)
        lines += rota_lines(plan, shift="evening", team=DISTRICT)
    return Roster(lines, cycle=2)


def evening_staffing(
    *,
    weeks: int = 4,
    sick_leave: float = 0.0,
    absences: Iterable[Absence] = (),
    overflow_after: float = 15.0,
) -> tuple[Model, Model, Model]:
    """The 1.4-versus-2 evening as three models: fixed team, pooled, overflow.

    See the module docstring for the story (seed 000, L860-861 and L974-978) and every
    assumption. The three models share the organisation and the planned visits; they differ in
    who is rostered on the evenings and in the organisation policy.

    Parameters
    ----------
    weeks
        Weeks simulated (every evening of each); at least 2 for the distinct-staff-per-14-days
        figure, which counts whole fortnights only.
    sick_leave
        Probability that a rostered staff member is off sick on a given evening (0 by default,
        so that the simulated idle time can be checked against the analytic answer).
    absences
        Named absences, e.g. ``[Absence("rh-1")]`` to take one of the team's four away for the
        whole run; staff ids are ``hn-01`` ... ``hn-10`` (home nursing) and ``rh-1`` ...
        ``rh-4`` (rehabilitation).
    overflow_after
        Minutes a visit waits for its own team before anyone may take it, in ``overflow``.

    Returns
    -------
    tuple[Model, Model, Model]
        ``fixed team`` (the baseline), ``pooled`` and ``overflow``.

    Examples
    --------
    >>> fixed, pooled, overflow = evening_staffing(weeks=2)
    >>> [m.name for m in (fixed, pooled, overflow)]
    ['fixed team', 'pooled', 'overflow']
    >>> from hometeams.sim import simulate
    >>> records = simulate(fixed.scenario, policy=fixed.policy, seed=1)
    >>> int(records.shifts.rostered.sum() / 480 / 14)      # staff on an evening
    7
    >>> evening_staffing(weeks=0)
    Traceback (most recent call last):
    ...
    hometeams.errors.InvalidArgument: weeks: must be an integer >= 1, got 0
    """
    check_count("weeks", weeks)
    sick = check_probability("sick_leave", sick_leave)
    after = check_minutes("overflow_after", overflow_after)
    org = _organisation()
    demand = _demand()
    end, _ = horizon(weeks)
    away = Absences(sick_leave=sick, intervals=absences)

    def scenario(name: str, roster: Roster) -> Scenario:
        return Scenario(
            org, roster, demand=demand, absences=away, horizon=end, name=f"1.4 versus 2: {name}"
        )

    fixed = scenario("fixed team", _roster(district=5, rehab_team=2, rehab_in_district=0))
    pooled = scenario("pooled", _roster(district=5, rehab_team=0, rehab_in_district=1))
    hybrid = scenario("overflow", _roster(district=4, rehab_team=2, rehab_in_district=0))
    return (
        Model("fixed team", fixed, policy=FixedTeams(order=_ORDER)),
        Model("pooled", pooled, policy=Pooled(order=_ORDER)),
        Model("overflow", hybrid, policy=Overflow(after, order=_ORDER)),
    )


@attrs.frozen
class EveningAnalytic:
    """The analytic answer to the 1.4-versus-2 evening (see :func:`evening_staffing_analytic`).

    Attributes
    ----------
    need, floor, district_need, visit_minutes
        The inputs: the team's mean evening need in staff, its staffing floor, the district's
        need, and the mean visit length in minutes.
    waste
        :func:`~hometeams.analytic.staffing_waste` of the team alone: planned need, whole people.
    poisson
        :func:`~hometeams.analytic.poisson_staffing` with the floor: if the need at a random
        moment were a Poisson count and unmet need were simply not met.
    wait_probability, mean_wait
        Erlang C and the M/M/c mean wait in minutes: if the same work arrived unplanned, at
        random, and waited for one of the team's staff (``1.0`` and ``inf`` when the need is
        at or above the staff: such a queue has no steady state).
    pooling
        :func:`~hometeams.analytic.compare_pooling` of the team and the district as schedulable
        caseload with the floor: separate staffing against one pooled evening.

    Examples
    --------
    >>> a = evening_staffing_analytic()
    >>> a.waste.rounding_waste == a.waste.idle, a.pooling.staff_saved
    (True, 1)
    """

    need: float
    floor: int
    district_need: float
    visit_minutes: float
    waste: StaffingWaste
    poisson: PoissonStaffing[float, int]
    wait_probability: float
    mean_wait: float
    pooling: PoolingComparison

    @property
    def separate_idle_share(self) -> float:
        """Idle share of all evening staff with the team and the district staffed apart."""
        return self.pooling.separate_idle / self.pooling.separate_staff

    @property
    def pooled_idle_share(self) -> float:
        """Idle share of the pooled evening (district and team together)."""
        return self.pooling.merged.idle_share


def evening_staffing_analytic(
    *,
    need: float = REHAB_NEED,
    floor: int = 2,
    district_need: float = DISTRICT_NEED,
    visit_minutes: float = REHAB_MINUTES,
) -> EveningAnalytic:
    """The closed-form answer to the 1.4-versus-2 evening, before any simulation.

    Parameters
    ----------
    need
        The team's mean evening need in staff (1.4, seed 000 L977).
    floor
        Staff the team must have on an evening (2, L977-978).
    district_need
        The district home nursing's mean evening need in staff (an assumption).
    visit_minutes
        Mean length of a rehabilitation visit, for the queueing view (an assumption).

    Returns
    -------
    EveningAnalytic
        The rounding waste, the Poisson view, the queueing view and the pooling comparison.

    Examples
    --------
    >>> a = evening_staffing_analytic()
    >>> a.waste.staff, round(a.waste.idle_share, 3)
    (2, 0.3)
    >>> round(a.poisson.expected_shortfall, 6), round(a.poisson.expected_idle, 6)
    (0.23843, 0.83843)
    >>> round(a.wait_probability, 4), round(a.mean_wait, 1)
    (0.5765, 40.4)
    >>> [u.staff for u in a.pooling.separate], a.pooling.merged.staff
    ([2, 5], 6)
    >>> round(a.separate_idle_share, 4), round(a.pooled_idle_share, 4)
    (0.2, 0.0667)
    """
    minutes = check_minutes("visit_minutes", visit_minutes)
    waste = staffing_waste(need, floor=floor)
    rate = 1.0 / minutes
    if waste.need < waste.staff:
        wait_probability = erlang_c(waste.staff, waste.need)
        mean_wait = mmc(waste.need * rate, rate, servers=waste.staff).mean_wait
    else:  # a queue at or above its capacity has no steady state: everyone waits, for ever
        wait_probability, mean_wait = 1.0, math.inf
    return EveningAnalytic(
        need=float(need),
        floor=waste.floor,
        district_need=float(district_need),
        visit_minutes=minutes,
        waste=waste,
        poisson=poisson_staffing(need, waste.staff),
        wait_probability=wait_probability,
        mean_wait=mean_wait,
        pooling=compare_pooling([need, district_need], floor=floor),
    )
