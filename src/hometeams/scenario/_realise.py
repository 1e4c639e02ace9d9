"""Rolling the dice: turn a scenario's descriptions into one replication's jobs and shifts.

:func:`realise` lays the roster out over the horizon, decides who is off sick on which shift,
splits shifts around named absences, expands every visit plan into visits, draws the unplanned
arrivals, alarms and discharges with their episodes, and draws every job's duration. The policy
plays no part: two organisation models realised with the same seed face the same jobs, the same
durations and the same absences (common random numbers; ``docs/explanation/randomness.md``).

Rules worth knowing:

- A job is realised if its ready time (planned start) falls in ``[0, horizon)``;
  ``due = ready + window``.
- The roster's pattern runs from Monday 00:00 of week 1: a night shift rostered for the Sunday
  before the start is kept for its part after 00:00, and shifts are cut at the horizon, so the
  realised shifts cover exactly ``[0, horizon)``.
- Sick leave removes whole shifts; the draw is keyed on (staff, day, period), so the same
  person is sick on the same day and period whatever else the roster says. A named
  :class:`Absence` removes exactly its interval, splitting a shift it covers in part; each piece
  keeps the period of the shift it came from.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import attrs
import numpy as np
from numpy.typing import NDArray

from hometeams._random import Seed, root_sequence, stream
from hometeams._time import DAY, HOUR
from hometeams._types import CompetenceId, Minutes, StaffId, TeamId, UserId, ZoneId
from hometeams.errors import InvalidScenario
from hometeams.model import Period
from hometeams.scenario._arrivals import Alarms, ArrivalProcess
from hometeams.scenario._discharges import Discharges
from hometeams.scenario._durations import (
    DurationDistribution,
    Empirical,
    Exponential,
    Fixed,
    LogNormal,
)
from hometeams.scenario._realised import Realisation, RealisedJobs, RealisedShifts
from hometeams.scenario._roster import horizon_days
from hometeams.scenario._scenario import Scenario
from hometeams.scenario._visits import VisitPlan

__all__ = ["realise"]

_PERIODS = {p: i for i, p in enumerate(Period)}
_BUILT_IN = (Exponential, LogNormal, Fixed, Empirical)


@attrs.frozen
class _Part:
    """Jobs of one source, before merging: arrays plus what is constant across them."""

    ready: NDArray[np.float64]
    user: NDArray[np.str_]
    zone: NDArray[np.str_]
    duration: NDArray[np.float64]
    expected: float
    window: float
    kind: str
    team: str
    required: frozenset[CompetenceId]
    preferred: frozenset[CompetenceId]
    n_staff: int


def realise(scenario: Scenario, *, seed: Seed) -> Realisation:
    """Realise one replication of ``scenario``: every job and every shift, with absences.

    Parameters
    ----------
    scenario
        The scenario; its ``policy`` is not used.
    seed
        An ``int``, a :class:`numpy.random.SeedSequence` (e.g. one replication's child from an
        experiment) or ``None`` (fresh entropy; not reproducible).

    Returns
    -------
    Realisation
        Jobs sorted by ready time (ids numbered in that order) and shifts sorted by start.

    Examples
    --------
    >>> from hometeams.model import Organisation, Staff, Team, User, Zone
    >>> from hometeams.scenario import Alarms, Demand, Roster, Scenario
    >>> org = Organisation("x", zones=[Zone("z")], users=[User("u", zone="z")],
    ...                    staff=[Staff("kari", profession="nurse", zone="z")],
    ...                    teams=[Team("t", members=["kari"])])
    >>> s = Scenario(org, Roster.weekly({"kari": {"weekdays": "day"}}),
    ...              demand=Demand(alarms=[Alarms(0.5)]))
    >>> r = realise(s, seed=3)
    >>> r.shifts.start[:2].tolist(), str(r.shifts.period[0])
    ([420.0, 1860.0], 'day')
    >>> bool((realise(s, seed=3).jobs.ready == r.jobs.ready).all())
    True
    """
    root = root_sequence(seed)
    parts: list[_Part] = []
    # Each visit plan's stream is keyed by its user and its rank among that user's plans, so
    # that adding a plan for someone else leaves this plan's durations alone.
    ranks: dict[UserId, int] = defaultdict(int)
    calendar: dict[tuple[frozenset[int], tuple[float, ...]], NDArray[np.float64]] = {}
    for i, visit in enumerate(scenario.demand.visits):
        key = (visit.days, visit.times)
        if key not in calendar:
            calendar[key] = _visit_times(visit, scenario.horizon)
        parts.append(
            _visit_part(scenario, visit, root, i, ready=calendar[key], rank=ranks[visit.user])
        )
        ranks[visit.user] += 1
    for i, arrivals in enumerate(scenario.demand.arrivals):
        parts.append(_poisson_part(scenario, arrivals, root, kind="arrival", at=("arrivals", i)))
    for i, alarms in enumerate(scenario.demand.alarms):
        parts.append(_poisson_part(scenario, alarms, root, kind="alarm", at=("alarms", i)))
    for i, discharges in enumerate(scenario.demand.discharges):
        parts.append(_discharge_part(scenario, discharges, root, i))
    return Realisation(
        _merge(parts),
        _shifts(scenario, root),
        horizon=scenario.horizon,
        warmup=scenario.warmup,
    )


# -- jobs ------------------------------------------------------------------------------------


def _draw(
    duration: DurationDistribution, rng: np.random.Generator, n: int, *, path: str
) -> NDArray[np.float64]:
    out = np.asarray(duration.sample(rng, n), dtype=np.float64)
    if isinstance(duration, _BUILT_IN):
        return out  # finite and non-negative by construction
    if out.shape != (n,) or not np.all(np.isfinite(out)) or np.any(out < 0):
        raise InvalidScenario(
            f"sample(rng, {n}) must return {n} finite durations >= 0, got shape {out.shape}",
            path=f"{path}.duration",
        )
    return out


def _visit_times(visit: VisitPlan, horizon: Minutes) -> NDArray[np.float64]:
    """Planned starts of a plan's visits in ``[0, horizon)``, in time order."""
    days = np.asarray(
        [d for d in range(horizon_days(horizon)) if d % 7 in visit.days], dtype=np.int64
    )
    ready: NDArray[np.float64] = (days[:, None] * DAY + np.asarray(visit.times)[None, :]).ravel()
    return ready[ready < horizon]


def _visit_part(
    scenario: Scenario,
    visit: VisitPlan,
    root: np.random.SeedSequence,
    i: int,
    *,
    ready: NDArray[np.float64],
    rank: int,
) -> _Part:
    rng = stream(root, "visits", visit.user, rank, "durations")
    zone = scenario.organisation.users_by_id[visit.user].zone
    n = len(ready)
    return _Part(
        ready=ready,
        user=np.full(n, visit.user),
        zone=np.full(n, zone),
        duration=_draw(visit.duration, rng, n, path=f"demand.visits[{i}]"),
        expected=float(visit.duration.mean),
        window=visit.window,
        kind="visit",
        team=visit.team or "",
        required=visit.required,
        preferred=visit.preferred,
        n_staff=visit.n_staff,
    )


def _hour_bins(
    source: ArrivalProcess | Alarms, horizon: Minutes
) -> tuple[NDArray[np.float64], ...]:
    edges = np.arange(0.0, horizon, HOUR)
    lengths = np.minimum(HOUR, horizon - edges)
    day = (edges // DAY).astype(np.int64)
    hour = ((edges - day * DAY) // HOUR).astype(np.int64)
    rate = np.full(len(edges), source.rate)
    if source.by_hour is not None:
        rate = rate * np.asarray(source.by_hour)[hour]
    if source.by_weekday is not None:
        rate = rate * np.asarray(source.by_weekday)[day % 7]
    return edges, lengths, rate * lengths / HOUR


def _poisson_part(
    scenario: Scenario,
    source: ArrivalProcess | Alarms,
    root: np.random.SeedSequence,
    *,
    kind: str,
    at: tuple[str, int],
) -> _Part:
    field = at[0]
    # Piecewise-constant rate, exact: a Poisson count per hour, placed uniformly in the hour.
    edges, lengths, expected = _hour_bins(source, scenario.horizon)
    counts = stream(root, field, source.name, "counts").poisson(expected)
    n = int(counts.sum())
    offsets = stream(root, field, source.name, "offsets").random(n)
    ready = np.sort(np.repeat(edges, counts) + offsets * np.repeat(lengths, counts))
    org = scenario.organisation
    pool = source.users or tuple(u.id for u in org.users)
    zones = np.asarray([org.users_by_id[u].zone for u in pool])
    who = stream(root, field, source.name, "users").integers(0, len(pool), n)
    return _Part(
        ready=ready,
        user=np.asarray(pool)[who] if n else np.empty(0, dtype=np.str_),
        zone=zones[who] if n else np.empty(0, dtype=np.str_),
        duration=_draw(
            source.duration,
            stream(root, field, source.name, "durations"),
            n,
            path=f"demand.{field}[{at[1]}]",
        ),
        expected=float(source.duration.mean),
        window=source.window,
        kind=kind,
        team=source.team or "",
        required=source.required,
        preferred=source.preferred,
        n_staff=source.n_staff,
    )


def _new_users(name: str, n: int, taken: set[UserId]) -> list[UserId]:
    out: list[UserId] = []
    k = 0
    while len(out) < n:
        k += 1
        user = f"{name}-{k}"
        if user not in taken:
            out.append(user)
    return out


def _discharge_part(
    scenario: Scenario, source: Discharges, root: np.random.SeedSequence, i: int
) -> _Part:
    org = scenario.organisation
    ndays = horizon_days(scenario.horizon)
    mean = np.asarray(source.mean)[np.arange(ndays) % 7]
    rng = stream(root, "discharges", source.name, "counts")
    if source.dispersion is None:
        counts = rng.poisson(mean)
    else:
        k = source.dispersion
        counts = rng.negative_binomial(k, k / (k + mean))
    # The discharge day, once per person discharged, kept if they come home within the run.
    day = np.repeat(np.arange(ndays), counts)
    day = day[day * DAY + source.time < scenario.horizon]
    n_people = len(day)
    zones = source.zones or tuple(z.id for z in org.zones)
    p = None
    if source.zone_weights is not None:
        p = np.asarray(source.zone_weights) / sum(source.zone_weights)
    zone = np.asarray(zones)[
        stream(root, "discharges", source.name, "zones").choice(len(zones), n_people, p=p)
    ]
    users = np.asarray(_new_users(source.name, n_people, set(org.users_by_id)))
    episode = source.episode
    offsets = np.asarray(
        [
            e * DAY + t
            for e in range(episode.days)
            for t in episode.times
            if e * DAY + t >= source.time
        ]
    )
    ready = (day[:, None] * DAY + offsets[None, :]).ravel()
    person = np.repeat(np.arange(n_people), len(offsets))
    keep = ready < scenario.horizon
    ready, person = ready[keep], person[keep]
    rng = stream(root, "discharges", source.name, "durations")
    at = f"demand.discharges[{i}].episode"
    return _Part(
        ready=ready,
        user=users[person] if n_people else np.empty(0, dtype=np.str_),
        zone=zone[person] if n_people else np.empty(0, dtype=np.str_),
        duration=_draw(episode.duration, rng, len(ready), path=at),
        expected=float(episode.duration.mean),
        window=episode.window,
        kind="discharge",
        team=source.team or "",
        required=episode.required,
        preferred=episode.preferred,
        n_staff=episode.n_staff,
    )


def _merge(parts: Sequence[_Part]) -> RealisedJobs:
    if not parts:
        return RealisedJobs(
            id=[], user=[], zone=[], kind=[], team=[], ready=[], due=[], duration=[],
            required=[], preferred=[], n_staff=[], expected=[],
        )  # fmt: skip
    sizes = [len(p.ready) for p in parts]
    source = np.repeat(np.arange(len(parts)), sizes)
    ready = np.concatenate([p.ready for p in parts])
    order = np.argsort(ready, kind="stable")
    source = source[order]
    windows = np.asarray([p.window for p in parts])
    ready = ready[order]
    required = [p.required for p in parts]
    preferred = [p.preferred for p in parts]
    return RealisedJobs(
        id=np.arange(len(ready)),
        user=np.concatenate([p.user for p in parts])[order],
        zone=np.concatenate([p.zone for p in parts])[order],
        kind=np.asarray([p.kind for p in parts])[source],
        team=np.asarray([p.team for p in parts])[source],
        ready=ready,
        due=ready + windows[source],
        duration=np.concatenate([p.duration for p in parts])[order],
        required=[required[k] for k in source.tolist()],
        preferred=[preferred[k] for k in source.tolist()],
        n_staff=np.asarray([p.n_staff for p in parts])[source],
        expected=np.asarray([p.expected for p in parts])[source],
    )


# -- shifts ----------------------------------------------------------------------------------


def _absence_intervals(scenario: Scenario) -> dict[StaffId, list[tuple[float, float]]]:
    """Each person's named absences, merged and sorted."""
    raw: dict[StaffId, list[tuple[float, float]]] = defaultdict(list)
    for absence in scenario.absences.intervals:
        raw[absence.staff].append((absence.start, absence.end))
    merged: dict[StaffId, list[tuple[float, float]]] = {}
    for staff, intervals in raw.items():
        out: list[tuple[float, float]] = []
        for a, b in sorted(intervals):
            if out and a <= out[-1][1]:
                out[-1] = (out[-1][0], max(out[-1][1], b))
            else:
                out.append((a, b))
        merged[staff] = out
    return merged


def _split(
    start: float, end: float, away: list[tuple[float, float]]
) -> list[tuple[float, float, bool]]:
    """``[start, end)`` cut into (start, end, absent) pieces by sorted absence intervals."""
    pieces: list[tuple[float, float, bool]] = []
    t = start
    for a, b in away:
        if b <= t or a >= end:
            continue
        if a > t:
            pieces.append((t, a, False))
        pieces.append((max(a, t), min(b, end), True))
        t = min(b, end)
        if t >= end:
            break
    if t < end:
        pieces.append((t, end, False))
    return pieces


def _sick_draws(
    scenario: Scenario, root: np.random.SeedSequence
) -> dict[StaffId, NDArray[np.float64]]:
    """One uniform per (day, period) per person who can be sick; row ``d + 1`` is day ``d``."""
    sick = scenario.absences.sick_leave
    ndays = horizon_days(scenario.horizon)
    return {
        staff: stream(root, "sick-leave", staff).random((ndays + 1, len(_PERIODS)))
        for staff in sorted(scenario.roster.staff)
        if sick.applies_to(staff)
    }


def _shifts(scenario: Scenario, root: np.random.SeedSequence) -> RealisedShifts:
    horizon = scenario.horizon
    cycle_days = 7 * scenario.roster.cycle
    by_day: dict[int, list[int]] = defaultdict(list)
    for k, shift in enumerate(scenario.cycle):
        by_day[shift.cycle_day].append(k)
    draws = _sick_draws(scenario, root)
    probability = scenario.absences.sick_leave.probability
    away = _absence_intervals(scenario)
    staff_by_id = scenario.organisation.staff_by_id
    rows: list[tuple[StaffId, TeamId, ZoneId, float, float, str, bool, int]] = []
    for day in range(-1, horizon_days(horizon)):
        for k in by_day.get(day % cycle_days, ()):
            shift = scenario.cycle[k]
            offset = (day - shift.cycle_day) * DAY
            start, end = max(shift.start + offset, 0.0), min(shift.end + offset, horizon)
            if end <= start:
                continue
            line = scenario.roster.lines[shift.line]
            team, zone = line.team or "", staff_by_id[line.staff].zone or ""
            period = shift.period.value
            u = draws.get(line.staff)
            if u is not None and u[day + 1, _PERIODS[shift.period]] < probability:
                rows.append((line.staff, team, zone, start, end, period, True, day))
                continue
            for a, b, absent in _split(start, end, away.get(line.staff, [])):
                rows.append((line.staff, team, zone, a, b, period, absent, day))
    rows.sort(key=lambda r: (r[3], r[0], r[4]))
    columns: list[list[object]] = [[row[c] for row in rows] for c in range(8)]
    return RealisedShifts(
        staff=columns[0], team=columns[1], zone=columns[2], start=columns[3], end=columns[4],
        period=columns[5], absent=columns[6], day=columns[7],
    )  # fmt: skip
