"""Lumpy discharges: four home from hospital on a Friday, none on a Wednesday.

"It was hard to find the right level for the rota. On a Friday four came home from hospital.
Then you had to take all four. While on Wednesday you had no users. It was hard to ensure good
staffing" (seed 000, L974-976). Demand that arrives in lumps, more on some weekdays than
others, does not fit a fixed rota: a small team sized for the average is overloaded after a
heavy Friday and idle after a quiet Wednesday.

The district here has home nursing on day shifts and a small reablement team, like municipality
D's *Trygt hjem*, that takes the users discharged from hospital (L874-879). Three models of
the same people, the same rota and the same discharges:

``fixed rota``
    The team's two on each day shift serve the discharged users; home nursing's six serve the
    district's own users (:class:`~hometeams.sim.FixedTeams`).
``pooled``
    Anyone on duty serves anyone (:class:`~hometeams.sim.Pooled`): the district absorbs the lumps.
``overflow``
    Each team serves its own users first; after ``overflow_after`` minutes anyone may take a
    visit (:class:`~hometeams.sim.Overflow`).

**Assumptions** (not from the source): discharges per weekday with means Monday to Sunday
0.6, 0.6, 0.2, 0.8, 1.6, 0.2, 0.2 (4.2 a week, Friday the peak, Wednesday the trough) and a
negative binomial dispersion of 1, so that about one Friday in seven brings four or more and
five Wednesdays in six bring none; each discharged user comes home at 13:00 and gets two
visits a day (09:00 and 13:30, none before coming home) for ten days, of 45 minutes (log-normal,
sd 15), on time within two hours; reablement visits *prefer* the rehabilitation competence.
Home nursing's own work is 36 users with two day visits each (07:15-10:45 and 11:00-14:30) of
25 minutes (sd 10). Twelve home-nursing staff share six day shifts a day, four in the team two,
on a two-week rota: everyone works four eight-hour shifts one week and three the next, 28
hours a week on average for their 75 % positions (28.125 hours).
The district is one zone; driving is in the visit times. Two weeks of warm-up fill the
episodes before measuring.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import attrs
import numpy as np
from numpy.typing import NDArray
from scipy import stats

from hometeams.cases._shared import check_count, check_minutes, horizon, rota, rota_lines, spread
from hometeams.errors import InvalidArgument
from hometeams.experiment import Model
from hometeams.model import Organisation, Staff, Team, User, Zone
from hometeams.scenario import (
    Demand,
    Discharges,
    Episode,
    LogNormal,
    Roster,
    Scenario,
    VisitPlan,
)
from hometeams.sim import FixedTeams, Overflow, Pooled, earliest_free, preferred_first

__all__ = [
    "DISCHARGE_MEANS",
    "DischargesAnalytic",
    "discharges_analytic",
    "lumpy_discharges",
]

DISCHARGE_MEANS: tuple[float, ...] = (0.6, 0.6, 0.2, 0.8, 1.6, 0.2, 0.2)
"""Mean discharges by weekday, Monday first (an assumption shaped by seed 000 L974-976)."""
DISPERSION = 1.0
EPISODE_DAYS, EPISODE_MINUTES, EPISODE_SD, EPISODE_WINDOW = 10, 45.0, 15.0, 120.0
MORNING, AFTERNOON, HOME_AT = 9 * 60.0, 13 * 60 + 30.0, 13 * 60.0
DISTRICT_USERS, DISTRICT_MINUTES, DISTRICT_SD = 36, 25.0, 10.0
TEAM_ON_SHIFT, DISTRICT_ON_SHIFT = 2, 6
SHIFT_MINUTES = 480.0
DISTRICT, TEAM, ZONE = "district", "reablement", "district"
_NURSING = [f"hn-{i:02d}" for i in range(1, 13)]
_TEAM = ("th-1", "th-2", "th-3", "th-4")
_TEAM_PROFESSIONS = ("nurse", "physiotherapist", "occupational-therapist", "health-worker")
_ORDER = (preferred_first, earliest_free)


def _organisation() -> Organisation:
    nursing = [
        Staff(
            sid,
            profession="nurse" if i < 5 else "health-worker",
            competences=["medication", "nursing"] if i < 5 else ["medication", "personal-care"],
            fte=0.75,
            zone=ZONE,
        )
        for i, sid in enumerate(_NURSING)
    ]
    team = [
        Staff(
            sid,
            profession=p,
            competences=["rehabilitation", "fall-prevention"],
            fte=0.75,
            zone=ZONE,
        )
        for sid, p in zip(_TEAM, _TEAM_PROFESSIONS, strict=True)
    ]
    return Organisation(
        "A district with a reablement team",
        zones=[Zone(ZONE, name="Distrikt 3")],
        staff=[*nursing, *team],
        teams=[
            Team(
                DISTRICT,
                name="Hjemmesykepleien",
                category="geographic",
                zones=[ZONE],
                members=_NURSING,
            ),
            Team(
                TEAM,
                name="Trygt hjem",
                category="specialist",
                type="rehabilitation",
                members=_TEAM,
                periods=["day"],
            ),
        ],
        users=[
            User(f"du-{i:02d}", zone=ZONE, team=DISTRICT, needs=["medication"])
            for i in range(1, DISTRICT_USERS + 1)
        ],
    )


def _demand(means: Sequence[float], dispersion: float | None) -> Demand:
    first = spread(7 * 60 + 15, 10 * 60 + 45, DISTRICT_USERS)
    second = spread(11 * 60, 14 * 60 + 30, DISTRICT_USERS)
    visits = [
        VisitPlan(
            f"du-{i + 1:02d}",
            times=[a, b],
            duration=LogNormal(mean=DISTRICT_MINUTES, sd=DISTRICT_SD),
        )
        for i, (a, b) in enumerate(zip(first, second, strict=True))
    ]
    episode = Episode(
        days=EPISODE_DAYS,
        times=[MORNING, AFTERNOON],
        duration=LogNormal(mean=EPISODE_MINUTES, sd=EPISODE_SD),
        window=EPISODE_WINDOW,
        preferred=["rehabilitation"],
    )
    discharges = Discharges(
        means, dispersion=dispersion, time=HOME_AT, episode=episode, team=TEAM, name="discharged"
    )
    return Demand(visits=visits, discharges=[discharges])


def _means(values: Sequence[float]) -> tuple[float, ...]:
    out = tuple(float(v) for v in values)
    if len(out) != 7 or not all(math.isfinite(v) and v >= 0 for v in out):
        raise InvalidArgument(
            f"means: must be 7 finite numbers >= 0, Monday first, got {list(values)!r}"
        )
    return out


def lumpy_discharges(
    *,
    weeks: int = 4,
    means: Sequence[float] = DISCHARGE_MEANS,
    dispersion: float | None = DISPERSION,
    overflow_after: float = 60.0,
) -> tuple[Model, Model, Model]:
    """Weekday-dependent, overdispersed discharges against a fixed rota and against pooling.

    See the module docstring for the story (seed 000, L974-976) and every assumption.

    Parameters
    ----------
    weeks
        Weeks measured, after two weeks of warm-up.
    means
        Mean discharges per weekday, Monday first.
    dispersion
        Negative binomial size ``k`` (variance ``m + m**2 / k``); ``None`` for Poisson counts.
    overflow_after
        Minutes a visit waits for its own team before anyone may take it, in ``overflow``
        (default: half of the reablement visits' two-hour window).

    Returns
    -------
    tuple[Model, Model, Model]
        ``fixed rota`` (the baseline), ``pooled`` and ``overflow``.

    Examples
    --------
    >>> fixed, pooled, overflow = lumpy_discharges(weeks=1)
    >>> fixed.scenario.warmup / 1440, fixed.scenario.horizon / 1440
    (14.0, 21.0)
    >>> lumpy_discharges(means=[1.0] * 5)
    Traceback (most recent call last):
    ...
    hometeams.errors.InvalidArgument: means: must be 7 finite numbers >= 0, Monday first, ...
    """
    check_count("weeks", weeks)
    after = check_minutes("overflow_after", overflow_after)
    demand = _demand(_means(means), dispersion)
    end, warmup = horizon(weeks, warmup_weeks=2)
    fortnight = range(14)  # 3.5 shifts a week each: four one week, three the next
    plan = rota(_NURSING, per_day=DISTRICT_ON_SHIFT, days=fortnight)
    lines = rota_lines(plan, shift="day", team=DISTRICT)
    lines += rota_lines(rota(_TEAM, per_day=TEAM_ON_SHIFT, days=fortnight), shift="day", team=TEAM)
    scenario = Scenario(
        _organisation(),
        Roster(lines, cycle=2),
        demand=demand,
        horizon=end,
        warmup=warmup,
        name="lumpy discharges",
    )
    return (
        Model("fixed rota", scenario, policy=FixedTeams(order=_ORDER)),
        Model("pooled", scenario, policy=Pooled(order=_ORDER)),
        Model("overflow", scenario, policy=Overflow(after, order=_ORDER)),
    )


def _sum_pmf(means: Sequence[float], k: float | None, size: int) -> NDArray[np.float64]:
    """The distribution of a sum of independent negative binomial (or Poisson) counts."""
    support = np.arange(size)
    out = np.zeros(size)
    out[0] = 1.0
    for m in means:
        if k is None:
            pmf = stats.poisson.pmf(support, m)
        else:
            pmf = stats.nbinom.pmf(support, k, k / (k + m))
        out = np.convolve(out, pmf)[:size]
    return np.asarray(out, dtype=np.float64)


@attrs.frozen
class DischargesAnalytic:
    """The discharges' arithmetic by weekday (see :func:`discharges_analytic`).

    Attributes
    ----------
    means, variances
        Mean and variance of the day's discharges, Monday first.
    morning
        Expected users due a 09:00 visit, by weekday: those discharged on the nine days before.
    morning_sd
        Their standard deviation.
    reach
        Morning visits the team's staff can start within the window (each starts one every mean
        visit length: ``staff * (floor(window / minutes) + 1)``).
    overload
        Probability, by weekday, that more users are due at 09:00 than ``reach``.
    mean_need
        The team's mean need over the day shift, in staff.
    staff
        The team's staff on a day shift.

    Examples
    --------
    >>> a = discharges_analytic(means=[0.6] * 7, dispersion=None)
    >>> round(a.morning[0], 1), round(a.mean_need, 3)
    (5.4, 1.069)
    """

    means: tuple[float, ...]
    variances: tuple[float, ...]
    morning: tuple[float, ...]
    morning_sd: tuple[float, ...]
    reach: int
    overload: tuple[float, ...]
    mean_need: float
    staff: int

    @property
    def idle_share(self) -> float:
        """The team's expected idle share if all its work is done: ``1 - mean_need / staff``."""
        return 1.0 - self.mean_need / self.staff


def discharges_analytic(
    *,
    means: Sequence[float] = DISCHARGE_MEANS,
    dispersion: float | None = DISPERSION,
    staff: int = TEAM_ON_SHIFT,
) -> DischargesAnalytic:
    """How lumpy the team's mornings are, before any simulation.

    The number of users due a 09:00 visit on a day is the sum of the discharges of the nine days
    before (a ten-day episode, the day of discharge having only the afternoon visit): a sum of
    independent negative binomial counts, whose distribution is computed exactly by convolution.

    Examples
    --------
    >>> a = discharges_analytic()
    >>> [round(m, 1) for m in a.morning]          # Monday first
    [4.6, 5.0, 5.4, 5.0, 5.2, 6.6, 6.0]
    >>> a.reach, round(a.mean_need, 3), round(a.idle_share, 3)
    (6, 1.069, 0.466)
    >>> round(a.overload[5], 2), round(a.overload[0], 2)    # Saturday, Monday
    (0.45, 0.22)
    """
    m = _means(means)
    check_count("staff", staff)
    k = None if dispersion is None else float(dispersion)
    if k is not None and not (math.isfinite(k) and k > 0):
        raise InvalidArgument(
            f"dispersion: must be a finite number > 0 or None, got {dispersion!r}"
        )
    variances = tuple(v if k is None else v + v * v / k for v in m)
    reach = staff * (math.floor(EPISODE_WINDOW / EPISODE_MINUTES) + 1)
    morning, morning_sd, overload = [], [], []
    for day in range(7):
        before = [(day - j) % 7 for j in range(1, EPISODE_DAYS)]
        morning.append(math.fsum(m[d] for d in before))
        morning_sd.append(math.sqrt(math.fsum(variances[d] for d in before)))
        pmf = _sum_pmf([m[d] for d in before], k, size=200)
        overload.append(float(1.0 - pmf[: reach + 1].sum()))
    # Per week: each discharge brings 2 * days - 1 visits (no morning visit on the first day).
    visits_per_day = math.fsum(m) * (2 * EPISODE_DAYS - 1) / 7
    return DischargesAnalytic(
        means=m,
        variances=variances,
        morning=tuple(morning),
        morning_sd=tuple(morning_sd),
        reach=reach,
        overload=tuple(overload),
        mean_need=visits_per_day * EPISODE_MINUTES / SHIFT_MINUTES,
        staff=staff,
    )
