"""The memory team's reach: six specialists, 300 citizens with dementia.

"The memory team, that is six arms. We have 300 citizens with dementia. In home care you have
ten times as many arms as in the memory team, so they have to work through them. You will never
reach everyone. ... Those who have the most competence in a field cannot go to everyone who has
that challenge. They must work through others" (seed 000, L954-959). Elsewhere a dementia team
has six months' waiting time, and follow-up recommended every six months happens every two
years (L820-832).

Two models of the same district -- three zones of 100 citizens with dementia, each zone with a
home-care team of 20 ("ten times as many arms"), and a memory team of six:

``direct visits``
    The memory team makes every citizen's weekly dementia follow-up itself (the visits require
    the dementia competence, which only the team holds), Monday to Friday.
``supervision``
    The memory team keeps the most complex ``direct_share`` of the citizens (40 %) for its own
    weekly visits, Monday to Thursday, and spends Fridays advising, training and supervising
    the home-care staff (``hometeams.graph.specialist_reach``: ten staff per specialist FTE),
    who carry the others' follow-up within their daily visits, at 20 extra minutes a week.

**Assumptions** (not from the source): a weekly follow-up of 80 minutes by the team
(log-normal, sd 20; driving and notes included) -- so that one specialist FTE follows 30
citizens, :data:`hometeams.graph.DEFAULT_CASELOAD_PER_FTE`; 20 minutes (sd 8) when home care
carries it; a follow-up is on time if made within 3 days of its planned day; one day a week of
supervision; a 40-hour week of 07:00-15:00 shifts; the 40 % share of complex cases; home-care
staff on day shifts, half of each zone's 20 on a weekday. Only the dementia follow-up work is
simulated: home care's other visits are not, so its staff-time figures mean nothing here and
:func:`memory_team_metrics` reports the hours it spends on dementia follow-up instead.

"Six arms" may mean three people; pass ``specialists=3`` to see that reading.
"""

from __future__ import annotations

import math

import attrs
import numpy as np
from numpy.typing import NDArray

from hometeams._time import WEEK
from hometeams.cases._shared import check_count, check_probability, horizon, rota, spread
from hometeams.errors import InvalidArgument
from hometeams.experiment import Model
from hometeams.graph import Reach, specialist_reach
from hometeams.metrics import metrics
from hometeams.model import Organisation, Staff, Team, User, Zone
from hometeams.records import JobState
from hometeams.scenario import Demand, LogNormal, Roster, RosterLine, Scenario, VisitPlan
from hometeams.sim import FixedTeams, simulate

__all__ = [
    "MEMORY_METRICS",
    "MemoryAnalytic",
    "memory_team_analytic",
    "memory_team_metrics",
    "memory_team_reach",
]

MEMORY = "memory"
ZONES = ("north", "south", "west")
_ZONE_NAMES = {"north": "Sone nord", "south": "Sone sør", "west": "Sone vest"}
CITIZENS_PER_ZONE, HOME_CARE_PER_ZONE = 100, 20
TEAM_MINUTES, TEAM_SD = 80.0, 20.0
HOME_CARE_MINUTES, HOME_CARE_SD = 20.0, 8.0
WINDOW = 3 * 1440.0
SHIFT_HOURS = 8.0

MEMORY_METRICS: tuple[str, ...] = (
    "followups_per_week",
    "followed_per_week",
    "reached_share",
    "on_time_share",
    "mean_delay_days",
    "waiting_list",
    "specialist_share",
    "memory_visit_hours_per_week",
    "memory_overtime_hours_per_week",
    "supervision_hours_per_week",
    "home_care_hours_per_week",
)
"""What :func:`memory_team_metrics` returns, in this order."""


def _citizens(zone: str) -> list[str]:
    return [f"{zone}-pd{i:03d}" for i in range(1, CITIZENS_PER_ZONE + 1)]


def _home_care(zone: str) -> list[str]:
    return [f"hc-{zone}-{i:02d}" for i in range(1, HOME_CARE_PER_ZONE + 1)]


def _specialists(n: int) -> list[str]:
    return [f"mt-{i}" for i in range(1, n + 1)]


def _organisation(specialists: int) -> Organisation:
    team = [
        Staff(
            sid,
            profession="occupational-therapist" if i % 2 else "specialist-nurse",
            competences=["dementia", "rehabilitation"] if i % 2 else ["dementia", "nursing"],
        )
        for i, sid in enumerate(_specialists(specialists))
    ]
    home = [
        Staff(
            sid,
            profession="nurse" if i < 6 else "health-worker",
            competences=["medication", "nursing"] if i < 6 else ["medication", "personal-care"],
            fte=0.8,
            zone=z,
        )
        for z in ZONES
        for i, sid in enumerate(_home_care(z))
    ]
    teams = [
        Team(
            MEMORY,
            name="Hukommelsesteam",
            category="specialist",
            type="memory",
            members=_specialists(specialists),
            periods=["day"],
            days=range(5),
        )
    ]
    teams += [
        Team(
            z,
            name=f"Hjemmetjenesten, {_ZONE_NAMES[z]}",
            category="geographic",
            zones=[z],
            members=_home_care(z),
        )
        for z in ZONES
    ]
    users = [
        User(c, zone=z, needs=["dementia", "personal-care"], team=z)
        for z in ZONES
        for c in _citizens(z)
    ]
    return Organisation(
        "A district with a memory team",
        zones=[Zone(z, name=_ZONE_NAMES[z]) for z in ZONES],
        staff=[*team, *home],
        teams=teams,
        users=users,
    )


def _plans(citizens: list[str], *, days: int, by_team: bool) -> list[VisitPlan]:
    """Weekly follow-ups spread over ``days`` weekdays, 08:00-13:40, by the team or home care."""
    per_day = math.ceil(len(citizens) / days)
    times = spread(8 * 60, 13 * 60 + 40, per_day)
    out = []
    for i, citizen in enumerate(citizens):
        day, slot = divmod(i, per_day)
        if by_team:
            duration = LogNormal(mean=TEAM_MINUTES, sd=TEAM_SD)
            out.append(
                VisitPlan(
                    citizen,
                    days=day,
                    times=times[slot],
                    duration=duration,
                    window=WINDOW,
                    required=["dementia"],
                    team=MEMORY,
                )
            )
        else:
            duration = LogNormal(mean=HOME_CARE_MINUTES, sd=HOME_CARE_SD)
            out.append(
                VisitPlan(
                    citizen,
                    days=day,
                    times=times[slot],
                    duration=duration,
                    window=WINDOW,
                    preferred=["dementia"],
                )
            )
    return out


def memory_team_reach(
    *, weeks: int = 4, specialists: int = 6, direct_share: float = 0.4
) -> tuple[Model, Model]:
    """The memory team's two ways of working: direct visits only, or supervision.

    See the module docstring for the story (seed 000, L954-961) and every assumption. Measure
    the models with :func:`memory_team_metrics` as the runner.

    Parameters
    ----------
    weeks
        Weeks simulated, from an empty waiting list.
    specialists
        Full-time members of the memory team.
    direct_share
        Share of the citizens the team keeps for its own visits under supervision.

    Returns
    -------
    tuple[Model, Model]
        ``direct visits`` (the baseline) and ``supervision``.

    Examples
    --------
    >>> direct, supervision = memory_team_reach(weeks=1)
    >>> len(direct.scenario.demand.visits), len(supervision.scenario.demand.visits)
    (300, 300)
    >>> sum(v.team == "memory" for v in supervision.scenario.demand.visits)
    120
    >>> memory_team_reach(direct_share=1.0)
    Traceback (most recent call last):
    ...
    hometeams.errors.InvalidArgument: direct_share: must be a probability >= 0 and < 1, got 1.0
    """
    check_count("weeks", weeks)
    check_count("specialists", specialists)
    share = check_probability("direct_share", direct_share)
    org = _organisation(specialists)
    end, _ = horizon(weeks)
    team = _specialists(specialists)
    everyone = [c for z in ZONES for c in _citizens(z)]

    direct = Scenario(
        org,
        Roster.weekly({s: {"weekdays": "day"} for s in team}, team=MEMORY),
        demand=Demand(visits=_plans(everyone, days=5, by_team=True)),
        horizon=end,
        name="memory team: direct visits",
    )
    # The team keeps the first `share` of each zone's citizens (the most complex, by assumption).
    kept = [c for z in ZONES for c in _citizens(z)[: round(share * CITIZENS_PER_ZONE)]]
    carried = [c for c in everyone if c not in set(kept)]
    lines = [RosterLine(s, shift="day", days=range(4), team=MEMORY) for s in team]
    for z in ZONES:
        plan = rota(_home_care(z), per_day=HOME_CARE_PER_ZONE // 2, days=range(5))
        lines += [RosterLine(s, shift="day", days=d, team=z) for s, d in plan.items()]
    supervision = Scenario(
        org,
        Roster(lines),
        demand=Demand(
            visits=[*_plans(kept, days=4, by_team=True), *_plans(carried, days=5, by_team=False)]
        ),
        horizon=end,
        name="memory team: supervision",
    )
    return (
        Model("direct visits", direct, policy=FixedTeams()),
        Model("supervision", supervision, policy=FixedTeams()),
    )


def memory_team_metrics(model: Model, seed: np.random.SeedSequence, /) -> dict[str, float]:
    """Simulate a :func:`memory_team_reach` model once and measure the dementia follow-up.

    A runner for :func:`hometeams.experiment.compare`. Per week of the run: follow-ups due and
    made (``followed_per_week``; ``reached_share`` is that over the number of citizens), the
    share on time, the mean delay in days, the follow-ups still waiting at the end
    (``waiting_list``), the share made by the memory team (``specialist_share``), the memory
    team's hours on visits within its shifts and after them (overtime), its hours on
    supervision (its FTE's 40-hour weeks not rostered for visits), and home care's hours on
    dementia follow-up.

    Returns
    -------
    dict[str, float]
        The keys of :data:`MEMORY_METRICS`, in that order.

    Examples
    --------
    >>> import numpy as np
    >>> direct, supervision = memory_team_reach(weeks=1)
    >>> out = memory_team_metrics(supervision, np.random.SeedSequence(1))
    >>> out["followups_per_week"], out["supervision_hours_per_week"]
    (300.0, 48.0)
    >>> list(out) == list(MEMORY_METRICS)
    True
    """
    scenario = model.scenario
    if not isinstance(scenario, Scenario) or MEMORY not in scenario.organisation.teams_by_id:
        raise InvalidArgument(
            f"model {model.name!r}: must hold a scenario with a {MEMORY!r} team, as built by "
            "memory_team_reach"
        )
    records = simulate(scenario, policy=model.policy, seed=seed).after_warmup()
    weeks = (records.horizon - records.warmup) / WEEK
    jobs, shifts = records.jobs, records.shifts
    members = list(scenario.organisation.teams_by_id[MEMORY].staff_ids)
    served = jobs.state != JobState.UNSERVED
    by_team = np.isin(jobs.staff, members)
    present = ~shifts.absent
    team_shifts = np.isin(shifts.staff, members)
    whole = metrics(records)
    fte = scenario.organisation.team_fte(MEMORY)
    rostered = float(shifts.rostered[team_shifts].sum()) / 60.0 / weeks
    citizens = len(scenario.organisation.users)
    made = float(served.sum())
    return {
        "followups_per_week": len(jobs) / weeks,
        "followed_per_week": made / weeks,
        "reached_share": made / weeks / citizens,
        "on_time_share": whole["on_time_share"],
        "mean_delay_days": whole["mean_delay"] / 1440.0,
        "waiting_list": whole["unserved"],
        "specialist_share": float((served & by_team).sum()) / made if made else math.nan,
        "memory_visit_hours_per_week": _hours(shifts.busy, present & team_shifts, weeks),
        "memory_overtime_hours_per_week": _hours(shifts.overtime, present & team_shifts, weeks),
        "supervision_hours_per_week": max(fte * 5 * SHIFT_HOURS - rostered, 0.0),
        "home_care_hours_per_week": _hours(shifts.busy, present & ~team_shifts, weeks)
        + _hours(shifts.overtime, present & ~team_shifts, weeks),
    }


def _hours(minutes: NDArray[np.float64], mask: NDArray[np.bool_], weeks: float) -> float:
    return float(minutes[mask].sum()) / 60.0 / weeks


@attrs.frozen
class MemoryAnalytic:
    """The capacity arithmetic and the graph's reach (see :func:`memory_team_analytic`).

    Attributes
    ----------
    citizens
        Citizens with dementia.
    capacity_per_week
        Weekly follow-ups the team can make on its own, working five days.
    direct_only, through_staff
        :func:`~hometeams.graph.specialist_reach` of the team without supervising anyone, and
        supervising ten staff per FTE.

    Examples
    --------
    >>> a = memory_team_analytic(specialists=5)
    >>> a.capacity_per_week, a.backlog_growth_per_week, a.direct_only.unreached
    (150.0, 150.0, 150)
    """

    citizens: int
    capacity_per_week: float
    direct_only: Reach
    through_staff: Reach

    @property
    def load(self) -> float:
        """Follow-up work over the team's capacity (above 1: a waiting list that grows)."""
        return self.citizens / self.capacity_per_week

    @property
    def backlog_growth_per_week(self) -> float:
        """Follow-ups added to the waiting list each week by direct visits only."""
        return max(self.citizens - self.capacity_per_week, 0.0)


def memory_team_analytic(*, specialists: int = 6) -> MemoryAnalytic:
    """Capacity and reach of the memory team before any simulation.

    Examples
    --------
    >>> a = memory_team_analytic()
    >>> a.capacity_per_week, round(a.load, 3), a.backlog_growth_per_week
    (180.0, 1.667, 120.0)
    >>> a.direct_only.direct, a.direct_only.unreached
    (180, 120)
    >>> a.through_staff.direct, a.through_staff.through_staff, a.through_staff.unreached
    (180, 120, 0)
    """
    check_count("specialists", specialists)
    org = _organisation(specialists)
    return MemoryAnalytic(
        citizens=len(org.users),
        capacity_per_week=specialists * 5 * SHIFT_HOURS * 60.0 / TEAM_MINUTES,
        direct_only=specialist_reach(org, MEMORY, supervised_per_fte=0),
        through_staff=specialist_reach(org, MEMORY),
    )
