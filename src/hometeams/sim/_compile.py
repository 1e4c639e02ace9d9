"""Compile a realisation and an organisation into the flat tables the engine runs on.

Before the first minute of the first Monday, everything the dispatcher will ask thousands of
times is turned into integers and lists: staff and zones get indices, each staff member's
competences become an ``int`` bitmask, the travel matrix a nested list, every job its owning
team(s) -- after a day-only team's hand-over -- and every rostered shift an entry in one sorted
calendar of shift starts, shift ends and job arrivals.

Ownership and hand-over (domain.md §2, item 6). A job's owning team is the realised job's
``team`` if set, else the organisation user's ``team``. If that team does not operate on the
job's weekday and period (``Team.days``, ``Team.periods``, judged at the job's ready time with
the scenario's :class:`~hometeams._time.PeriodClock`), the job is handed to the teams that
cover the job's zone then: geographic teams and night teams (a night patrol) whose ``zones``
include it (or are empty: the whole municipality) and that operate on that weekday and period,
in organisation order. If there are none, the job stays with its owning team and waits for
it -- that gap is what the planner should see.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from typing import Any

import numpy as np

from hometeams._time import DAY, PeriodClock
from hometeams._types import CompetenceId, StaffId, TeamId, ZoneId
from hometeams.errors import InvalidArgument, InvalidScenario
from hometeams.model import Organisation, Period, TeamCategory
from hometeams.scenario import Realisation, TravelMatrix

__all__ = ["Compiled", "Moments", "TravelLike", "compile_run"]

TravelLike = (
    TravelMatrix | Mapping[tuple[ZoneId, ZoneId], float] | Callable[[ZoneId, ZoneId], float] | None
)
"""A :class:`~hometeams.scenario.TravelMatrix`, a mapping ``(from, to) -> minutes`` or a
function of two zones; pairs not given are 0, and ``None`` means no travel at all."""

# Calendar codes: at equal times shift ends come first, then shift starts, then arrivals, so a
# visit planned for 07:00 meets the nurse whose shift starts at 07:00, and never the one whose
# shift ended then.
END, START, ARRIVAL = 0, 1, 2
_PERIOD_CODE = {Period.DAY: 0, Period.EVENING: 1, Period.NIGHT: 2}
_COVER = (TeamCategory.GEOGRAPHIC, TeamCategory.NIGHT)  # teams that take handed-over jobs


class Compiled:
    """Flat, indexed tables for one run (plain sequences: the engine's hot path reads them).

    The per-job columns are tuples of numbers (the owners: of tuples of team names): the
    garbage collector stops looking into a tuple that holds only such values, and a year's
    columns hold some six million of them.
    """

    def __init__(self, realisation: Realisation, org: Organisation) -> None:
        self.realisation = realisation
        self.org = org
        self.staff_ids: tuple[StaffId, ...] = tuple(s.id for s in org.staff)
        self.staff_index: dict[StaffId, int] = {s: i for i, s in enumerate(self.staff_ids)}
        self.care: list[int] = [org.care_level(s) for s in self.staff_ids]
        self.comp_bit: dict[CompetenceId, int] = {}
        self.staff_comp: list[int] = [self.bits(s.competences) for s in org.staff]
        self.team_members: dict[TeamId, int] = {
            t.id: sum(1 << self.staff_index[m] for m in t.staff_ids) for t in org.teams
        }
        self.staff_teams: list[tuple[TeamId, ...]] = [org.teams_of(s) for s in self.staff_ids]
        self._holders: dict[int, int] = {}
        # filled by compile_run
        self.zones: list[ZoneId] = []
        self.zone_index: dict[ZoneId, int] = {}
        self.travel: list[list[float]] = []
        self.staff_zone: list[int] = []
        self.job_zone: tuple[int, ...] = ()
        self.shift_zone: list[int] = []
        self.ready: tuple[float, ...] = ()
        self.due: tuple[float, ...] = ()
        self.duration: tuple[float, ...] = ()
        self.expected: tuple[float, ...] = ()
        self.need: tuple[int, ...] = ()
        self.req: tuple[int, ...] = ()
        self.pref: tuple[int, ...] = ()
        self.user_names: list[str] = []
        self.job_user_idx: tuple[int, ...] = ()
        self.user_contact: list[int] = []
        self.owners: tuple[tuple[TeamId, ...], ...] = ()
        self.owner_code: np.ndarray[Any, Any] = np.zeros(0, dtype=np.int64)
        self.shift_staff: list[int] = []
        self.shift_team: list[TeamId] = []
        self.shift_start: list[float] = []
        self.shift_end: list[float] = []
        self.shift_absent: list[bool] = []
        self.moments = Moments(*(np.zeros(0, dtype=np.int64),) * 3)

    def bits(self, competences: frozenset[CompetenceId]) -> int:
        """Competence bitmask of a set of competence ids (new ids get new bits)."""
        out = 0
        table = self.comp_bit
        for c in competences:
            bit = table.get(c)
            if bit is None:
                bit = table[c] = 1 << len(table)
            out |= bit
        return out

    def holders_of(self, bits: int) -> int:
        """Staff bitmask of those holding every competence in ``bits``."""
        mask = self._holders.get(bits)
        if mask is None:
            mask = 0
            for i, held in enumerate(self.staff_comp):
                if held & bits == bits:
                    mask |= 1 << i
            self._holders[bits] = mask
        return mask

    def zone(self, zone: ZoneId) -> int:
        """Index of a zone (``""`` is -1, nowhere in particular)."""
        if not zone:
            return -1
        idx = self.zone_index.get(zone)
        if idx is None:
            idx = self.zone_index[zone] = len(self.zones)
            self.zones.append(zone)
        return idx


# powers of a 64-bit FNV prime, highest first (enough for 64-character names; longer ones
# fall back to np.unique)
_MIX = np.asarray([pow(0x100000001B3, k, 2**64) for k in range(63, -1, -1)], dtype=np.uint64)


def _factorize(values: np.ndarray[Any, Any]) -> tuple[list[str], np.ndarray[Any, Any]]:
    """``np.unique(values, return_inverse=True)`` for a string column, faster.

    The same sorted names and codes; but each string is hashed to one ``uint64`` (its UTF-32
    code units, mixed) and the hashes are sorted instead of half a million strings. A
    collision is detected (the names would not give the column back) and falls back to
    ``np.unique``.
    """
    n = len(values)
    width = values.dtype.itemsize // 4
    if n and values.dtype.kind == "U" and (values == values[0]).all():  # one name: no sort
        return [str(values[0])], np.zeros(n, dtype=np.int64)
    if values.dtype.kind != "U" or not n or not 0 < width <= _MIX.size:
        names, inverse = np.unique(values, return_inverse=True)
        return names.tolist(), inverse.astype(np.int64)
    units = np.ascontiguousarray(values).view(np.uint32).reshape(n, width).astype(np.uint64)
    key = units @ _MIX[_MIX.size - width :]  # wraps around: a polynomial hash
    keys = np.unique(key)
    code = np.searchsorted(keys, key)
    some = np.empty(keys.size, dtype=np.int64)
    some[code] = np.arange(n)  # one row with each key
    names = values[some]
    if not np.array_equal(names[code], values):  # pragma: no cover - a hash collision
        names, inverse = np.unique(values, return_inverse=True)
        return names.tolist(), inverse.astype(np.int64)
    order = np.argsort(names)
    rank = np.empty(order.size, dtype=np.int64)
    rank[order] = np.arange(order.size)
    return names[order].tolist(), rank[code]


def _unique_codes(
    codes: np.ndarray[Any, Any],
) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    """``np.unique(codes, return_inverse=True)`` for small codes ``>= 0``, by counting.

    Examples
    --------
    >>> unique, inverse = _unique_codes(np.asarray([5, 2, 5, 0]))
    >>> unique.tolist(), inverse.tolist()
    ([0, 2, 5], [2, 1, 2, 0])
    """
    seen = np.bincount(codes) > 0
    rank = np.cumsum(seen) - 1
    return np.flatnonzero(seen), rank[codes]


def _zone_indices(
    c: Compiled, zones: np.ndarray[Any, Any], factors: tuple[list[str], np.ndarray[Any, Any]]
) -> list[int]:
    names, inverse = factors
    index = np.asarray([c.zone(z) for z in names] or [-1], dtype=np.int64)
    return index[inverse].tolist() if len(zones) else []


def _travel_function(travel: TravelLike) -> Callable[[ZoneId, ZoneId], float]:
    if travel is None:
        return lambda _a, _b: 0.0
    if isinstance(travel, TravelMatrix):
        return travel.minutes
    if isinstance(travel, Mapping):
        table = travel
        return lambda a, b: float(table.get((a, b), 0.0))
    if callable(travel):
        fn = travel
        return lambda a, b: float(fn(a, b))
    raise InvalidArgument(
        f"travel: must be a mapping (from, to) -> minutes, a function of two zones or a "
        f"travel matrix, got {type(travel).__name__}"
    )


def _travel_table(c: Compiled, travel: TravelLike) -> list[list[float]]:
    if isinstance(travel, TravelMatrix):
        return [[float(x) for x in row] for row in travel.matrix(c.zones).tolist()]
    fn = _travel_function(travel)
    table = []
    for a in c.zones:
        row = []
        for b in c.zones:
            t = fn(a, b)
            if not (math.isfinite(t) and t >= 0):
                raise InvalidScenario(
                    f"must be finite and >= 0, got {t!r}", path=f"travel[{a}][{b}]"
                )
            row.append(t)
        table.append(row)
    return table


def _operating(org: Organisation) -> dict[TeamId, tuple[frozenset[int], frozenset[int]]]:
    return {t.id: (t.days, frozenset(_PERIOD_CODE[p] for p in t.periods)) for t in org.teams}


def _period_codes(times: np.ndarray[Any, Any], clock: PeriodClock) -> np.ndarray[Any, Any]:
    clock_time = times - np.floor(times / DAY) * DAY
    code = np.full(times.shape, 2, dtype=np.int64)
    code[(clock_time >= clock.day) & (clock_time < clock.evening)] = 0
    code[(clock_time >= clock.evening) & (clock_time < clock.night)] = 1
    return code


def _owners(
    c: Compiled,
    clock: PeriodClock,
    user_idx: np.ndarray[Any, Any],
    zones: tuple[list[str], np.ndarray[Any, Any]],
) -> tuple[list[tuple[TeamId, ...]], np.ndarray[Any, Any]]:
    """Each job's owning team(s) after hand-over (see the module docstring).

    Returns the owners of each job and a code per job that is equal for equal owners.
    """
    jobs, org = c.realisation.jobs, c.org
    users = org.users_by_id
    teams = org.teams_by_id
    given = jobs.team
    for name in np.unique(given).tolist():
        if name and name not in teams:
            i = int(np.flatnonzero(given == name)[0])
            raise InvalidScenario(f"unknown team {name!r}", path=f"jobs[{i}].team")
    user_team = np.asarray(
        [(users[u].team or "") if u in users else "" for u in c.user_names] or [""],
        dtype=np.str_,
    )
    team = np.where(given != "", given, user_team[user_idx]) if len(given) else given
    team_names, team_idx = _factorize(team)
    zone_names, zone_idx = zones
    weekday = np.floor(jobs.ready / DAY).astype(np.int64) % 7
    period = _period_codes(jobs.ready, clock)
    code = ((team_idx * max(len(zone_names), 1) + zone_idx) * 7 + weekday) * 3 + period
    unique, inverse = _unique_codes(code)
    operating = _operating(org)
    geographic = [t for t in org.teams if t.category in _COVER]
    resolved: list[tuple[TeamId, ...]] = []
    for k in unique.tolist():
        rest, p = divmod(k, 3)
        rest, day = divmod(rest, 7)
        t, z = divmod(rest, max(len(zone_names), 1))
        owner, zone = str(team_names[t]), str(zone_names[z])
        if not owner:
            resolved.append(())
            continue
        days, periods = operating[owner]
        owners: tuple[TeamId, ...] = (owner,)
        if not (day in days and p in periods):
            cover = tuple(
                g.id
                for g in geographic
                if g.id != owner
                and (not g.zones or zone in g.zones)
                and day in operating[g.id][0]
                and p in operating[g.id][1]
            )
            owners = cover or owners
        resolved.append(owners)
    owner_code = np.asarray([resolved.index(o) for o in resolved], dtype=np.int64)[inverse]
    return list(map(resolved.__getitem__, inverse.tolist())), owner_code


def compile_run(
    realisation: Realisation, org: Organisation, *, travel: TravelLike, clock: PeriodClock
) -> Compiled:
    """Index a realisation against an organisation; reject what cannot be simulated."""
    c = Compiled(realisation, org)
    for z in org.zones:
        c.zone(z.id)
    jobs, shifts = realisation.jobs, realisation.shifts
    c.staff_zone = [c.zone(s.zone or "") for s in org.staff]
    job_zones = _factorize(jobs.zone)
    c.job_zone = tuple(_zone_indices(c, jobs.zone, job_zones))
    c.shift_zone = _zone_indices(c, shifts.zone, _factorize(shifts.zone))
    c.travel = _travel_table(c, travel)
    _check_times(realisation)

    # jobs
    c.ready = tuple(jobs.ready.tolist())
    c.due = tuple(jobs.due.tolist())
    c.duration = tuple(jobs.duration.tolist())
    c.expected = tuple(jobs.expected.tolist())
    c.need = tuple(jobs.n_staff.tolist())
    bad = np.flatnonzero((jobs.n_staff != 1) & (jobs.n_staff != 2))
    if bad.size:
        i = int(bad[0])
        raise InvalidScenario(f"must be 1 or 2, got {c.need[i]!r}", path=f"jobs[{i}].n_staff")
    req_cache: dict[frozenset[CompetenceId], int] = {}
    for comps in set(jobs.required):
        req_cache[comps] = c.holders_of(c.bits(comps))
    c.req = tuple(map(req_cache.__getitem__, jobs.required))
    pref_cache = {p: c.bits(p) for p in set(jobs.preferred)}
    c.pref = tuple(map(pref_cache.__getitem__, jobs.preferred))
    c.user_names, user_idx = _factorize(jobs.user)
    c.job_user_idx = tuple(user_idx.tolist())
    users = org.users_by_id
    contacts = []
    for name in c.user_names:
        record = users.get(name)
        pc = record.primary_contact if record is not None else None
        contacts.append(c.staff_index[pc] if pc is not None else -1)
    c.user_contact = contacts
    owners, c.owner_code = _owners(c, clock, user_idx, job_zones)
    c.owners = tuple(owners)

    # shifts
    staff_of = []
    for i, s in enumerate(shifts.staff.tolist()):
        idx = c.staff_index.get(s)
        if idx is None:
            raise InvalidScenario(f"unknown staff member {s!r}", path=f"shifts[{i}].staff")
        staff_of.append(idx)
    for i, t in enumerate(shifts.team.tolist()):
        if t and t not in c.team_members:
            raise InvalidScenario(f"unknown team {t!r}", path=f"shifts[{i}].team")
    c.shift_staff = staff_of
    c.shift_team = shifts.team.tolist()
    c.shift_start = shifts.start.tolist()
    c.shift_end = shifts.end.tolist()
    c.shift_absent = shifts.absent.tolist()
    c.moments = _calendar(realisation)
    return c


def _check_times(r: Realisation) -> None:
    jobs, shifts = r.jobs, r.shifts
    checks: list[tuple[str, np.ndarray[Any, Any], str]] = [
        ("jobs", ~np.isfinite(jobs.ready), "ready: must be finite"),
        ("jobs", np.isnan(jobs.due) | (jobs.due < jobs.ready), "due: must be >= ready"),
        ("jobs", ~(np.isfinite(jobs.duration) & (jobs.duration >= 0)), "duration: must be >= 0"),
        ("shifts", ~np.isfinite(shifts.start), "start: must be finite"),
        (
            "shifts",
            ~(np.isfinite(shifts.end) & (shifts.end > shifts.start)),
            "end: must be > start",
        ),
    ]
    for table, bad, rule in checks:
        if bad.any():
            i = int(np.flatnonzero(bad)[0])
            field, text = rule.split(": ", 1)
            value = getattr(getattr(r, table), field)[i]
            raise InvalidScenario(f"{text}, got {float(value)!r}", path=f"{table}[{i}].{field}")
    unsorted = np.flatnonzero(np.diff(jobs.ready) < 0)
    if unsorted.size:
        i = int(unsorted[0]) + 1
        raise InvalidScenario(
            f"jobs must be sorted by ready time, got {float(jobs.ready[i])!r} after "
            f"{float(jobs.ready[i - 1])!r}",
            path=f"jobs[{i}].ready",
        )
    if not (r.horizon > 0) or math.isnan(r.horizon):
        raise InvalidScenario(f"must be > 0, got {r.horizon!r}", path="horizon")
    if not (0 <= r.warmup < r.horizon):
        raise InvalidScenario(f"must be >= 0 and < horizon, got {r.warmup!r}", path="warmup")


class Moments:
    """The static calendar cut into moments: each distinct time, its shift entries, its jobs.

    At moment ``m`` (time ``times[m]``) the shift entries ``shift_code[a:b]`` /
    ``shift_id[a:b]`` with ``a, b = shifts[m], shifts[m + 1]`` happen first (ends before
    starts), then jobs ``jobs[m] .. jobs[m + 1] - 1`` become ready, in index order -- exactly
    the order of the calendar sorted by (time, code, index), since jobs are sorted by ready
    time. ``ends[m]`` and ``starts[m]`` say whether moment ``m`` has any shift ends or starts
    (both ``False`` past the last moment).
    """

    __slots__ = ("ends", "jobs", "shift_code", "shift_id", "shifts", "starts", "times")

    def __init__(
        self, t: np.ndarray[Any, Any], code: np.ndarray[Any, Any], ids: np.ndarray[Any, Any]
    ) -> None:
        first = np.flatnonzero(np.r_[True, t[1:] != t[:-1]]) if t.size else np.zeros(0, int)
        shift = code != ARRIVAL
        shift_before = np.r_[0, np.cumsum(shift)]
        job_before = np.r_[0, np.cumsum(~shift)]
        self.times: list[float] = t[first].tolist()
        self.shifts: list[int] = [*shift_before[first].tolist(), int(shift_before[-1])]
        self.jobs: list[int] = [*job_before[first].tolist(), int(job_before[-1])]
        self.ends = _any_at(code == END, first)
        self.starts = _any_at(code == START, first)
        self.shift_code: list[int] = code[shift].tolist()
        self.shift_id: list[int] = ids[shift].tolist()
        arrivals = ids[~shift]
        if not np.array_equal(arrivals, np.arange(arrivals.size)):  # pragma: no cover
            raise AssertionError("jobs must arrive in index order")


def _any_at(flags: np.ndarray[Any, Any], first: np.ndarray[Any, Any]) -> list[bool]:
    """Whether any entry of each moment (entries from ``first[m]`` on) is flagged; then False."""
    if not first.size:
        return [False]
    return [*np.logical_or.reduceat(flags, first).tolist(), False]


def _calendar(r: Realisation) -> Moments:
    """Shift ends, shift starts and job arrivals, sorted by (time, code, index), as moments."""
    shifts, jobs = r.shifts, r.jobs
    present = np.flatnonzero(~shifts.absent)
    times = np.concatenate([shifts.end[present], shifts.start[present], jobs.ready])
    codes = np.concatenate(
        [
            np.full(present.size, END, dtype=np.int64),
            np.full(present.size, START, dtype=np.int64),
            np.full(len(jobs), ARRIVAL, dtype=np.int64),
        ]
    )
    ids = np.concatenate([present, present, np.arange(len(jobs))]).astype(np.int64)
    order = np.lexsort((ids, codes, times))
    return Moments(times[order], codes[order], ids[order])
