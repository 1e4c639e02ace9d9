"""Shared Hypothesis strategies: small, valid home-care organisations and their parts.

``organisations()`` draws an :class:`~hometeams.model.Organisation` that always validates:

- zones ``z0, z1, ...``; units ``unit0, unit1, ...`` forming a forest (a unit's parent has a lower
  index, so the unit hierarchy is acyclic);
- staff ``s0, s1, ...`` with catalogue professions (or the organisation's own), competences from
  the catalogue (or the organisation's own), FTE on a 0.05 grid in ``[0.2, 1]``;
- teams whose members' shares never exceed a person's remaining FTE (a bare membership, i.e. the
  whole position, only for someone not yet in any team, who then cannot join another);
- users whose zone, primary contact and team exist;
- reporting lines without cycles: every staff member has a rank ``(index of the first unit they
  lead, or infinity; staff index)``; a unit leader's own unit is the lowest-index unit they lead,
  so unit-derived lines always point to a strictly lower rank, and an explicit ``reports_to`` is
  only drawn towards a strictly lower rank.

Sizes are small (at most 12 staff, 4 teams, 10 users by default) and sets are drawn as one bit
mask, so an organisation costs about 15 ms of Hypothesis' time to draw.

:func:`remove_staff` and :func:`district` are plain helpers: the organisation without one person
(for "removing someone never increases ..." properties) and a small hand-checked district.
"""

from __future__ import annotations

import functools
import math
from typing import TypeVar

import attrs
from hypothesis import strategies as st

from hometeams._time import DAY
from hometeams.model import (
    COMPETENCES,
    PROFESSIONS,
    TEAM_TYPES,
    Competence,
    Membership,
    Organisation,
    Period,
    Profession,
    Staff,
    Team,
    TeamCategory,
    Unit,
    User,
    Zone,
)
from hometeams.records import JobRecords, ShiftRecords

__all__ = [
    "competence_sets",
    "district",
    "extra_competences",
    "extra_professions",
    "fte_values",
    "organisations",
    "remove_staff",
    "staff_members",
    "zones",
]

_T = TypeVar("_T")
_GRID = 0.05

_PERIOD_SETS = st.frozensets(st.sampled_from(tuple(Period)), min_size=1)
_AGES = st.none() | st.integers(min_value=18, max_value=105)
_DAY_SETS = st.frozensets(st.integers(min_value=0, max_value=6), min_size=1)


def _indices(n: int) -> st.SearchStrategy[int]:
    return st.integers(min_value=0, max_value=n - 1)


def _pick(draw: st.DrawFn, values: tuple[_T, ...]) -> _T:
    """One of ``values`` (an index draw: cheaper than a new ``sampled_from`` every time)."""
    return values[draw(_indices(len(values)))]


fte_values = st.integers(min_value=4, max_value=20).map(lambda k: round(k * _GRID, 2))
"""Position sizes on a 0.05 grid from 0.2 to 1.0 FTE."""


def extra_competences() -> st.SearchStrategy[tuple[Competence, ...]]:
    """The organisation's own competences: none, a new one, or a relabelled catalogue one."""
    return st.sampled_from(
        [
            (),
            (Competence("sign-language", nb="tegnspråk", en="sign language"),),
            (Competence("dementia", nb="demens (lokal)", en="dementia (local label)"),),
        ]
    )


def extra_professions() -> st.SearchStrategy[tuple[Profession, ...]]:
    """The organisation's own professions: none or a new one."""
    return st.sampled_from(
        [
            (),
            (
                Profession(
                    "music-therapist", care_level=3, nb="musikkterapeut", en="music therapist"
                ),
            ),
        ]
    )


def competence_sets(
    competences: tuple[str, ...] = tuple(COMPETENCES), *, max_size: int = 4
) -> st.SearchStrategy[frozenset[str]]:
    """Sets of competence ids drawn from ``competences``."""
    return _sets(tuple(competences), max_size)


@functools.lru_cache(maxsize=64)
def _sets(values: tuple[str, ...], max_size: int) -> st.SearchStrategy[frozenset[str]]:
    # One integer draw as a bit mask (much cheaper than a set strategy), keeping at most
    # ``max_size`` of the chosen values; it shrinks towards the empty set.
    def subset(mask: int) -> frozenset[str]:
        chosen = [v for i, v in enumerate(values) if mask >> i & 1]
        return frozenset(chosen[:max_size])

    return st.integers(min_value=0, max_value=2 ** len(values) - 1).map(subset)


def zones(*, min_size: int = 1, max_size: int = 3) -> st.SearchStrategy[tuple[Zone, ...]]:
    """Zones ``z0, z1, ...`` with Norwegian-style names."""
    return st.integers(min_value=min_size, max_value=max_size).map(
        lambda n: tuple(Zone(f"z{i}", name=f"Sone {i}") for i in range(n))
    )


@st.composite
def staff_members(
    draw: st.DrawFn,
    *,
    staff_id: str = "s0",
    professions: tuple[str, ...] = tuple(PROFESSIONS),
    competences: tuple[str, ...] = tuple(COMPETENCES),
    zone_ids: tuple[str, ...] = (),
) -> Staff:
    """A valid staff member (no unit, no manager) with a profession and competences."""
    return _draw_staff(draw, staff_id, tuple(professions), tuple(competences), tuple(zone_ids))


def _draw_staff(
    draw: st.DrawFn,
    staff_id: str,
    professions: tuple[str, ...],
    competences: tuple[str, ...],
    zone_ids: tuple[str, ...],
    *,
    unit: str | None = None,
    reports_to: str | None = None,
) -> Staff:
    return Staff(
        staff_id,
        profession=_pick(draw, professions),
        competences=draw(_sets(competences, 4)),
        fte=draw(fte_values),
        zone=_pick(draw, (None, *zone_ids)),
        unit=unit,
        reports_to=reports_to,
        name=f"Person {staff_id}",
    )


@st.composite
def _units(draw: st.DrawFn, staff_ids: list[str]) -> list[Unit]:
    n = draw(st.integers(min_value=0, max_value=3))
    units = []
    for i in range(n):
        parent = _pick(draw, (None, *(f"unit{j}" for j in range(i))))
        leader = _pick(draw, (None, *staff_ids))
        units.append(Unit(f"unit{i}", name=f"Avdeling {i}", leader=leader, parent=parent))
    return units


@st.composite
def _teams(
    draw: st.DrawFn,
    staff: list[Staff],
    zone_ids: tuple[str, ...],
    unit_ids: tuple[str, ...],
    *,
    max_teams: int,
) -> list[Team]:
    remaining = {s.id: s.fte for s in staff}
    whole = {s.id: True for s in staff}  # still eligible for a whole-position membership
    teams = []
    for i in range(draw(st.integers(min_value=0, max_value=max_teams))):
        available = [sid for sid, left in remaining.items() if left >= _GRID - 1e-9]
        if not available:
            break
        chosen = draw(
            st.lists(_indices(len(available)), min_size=1, max_size=min(5, len(available)))
        )
        members = []
        for sid in dict.fromkeys(available[k] for k in chosen):
            if whole[sid] and draw(st.booleans()):
                members.append(Membership(sid))
                remaining[sid] = 0.0
            else:
                steps = round(remaining[sid] / _GRID)
                share = round(draw(st.integers(min_value=1, max_value=steps)) * _GRID, 2)
                members.append(Membership(sid, share=share))
                remaining[sid] = round(remaining[sid] - share, 2)
            whole[sid] = False
        team_type = _pick(draw, (None, *TEAM_TYPES))
        category = (
            TEAM_TYPES[team_type].category
            if team_type is not None
            else _pick(draw, tuple(TeamCategory))
        )
        teams.append(
            Team(
                f"t{i}",
                name=_pick(draw, ("", f"Team {i}", "Hukommelsesteam", "Sone Nord")),
                category=category,
                type=team_type,
                members=members,
                periods=draw(_PERIOD_SETS),
                days=draw(_DAY_SETS),
                decision_based=draw(st.booleans()),
                zones=draw(_sets(zone_ids, 2)),
                leader=_pick(draw, (None, *(s.id for s in staff))),
                unit=_pick(draw, (None, *unit_ids)),
            )
        )
    return teams


@st.composite
def organisations(
    draw: st.DrawFn,
    *,
    max_staff: int = 12,
    max_teams: int = 4,
    max_users: int = 10,
) -> Organisation:
    """A small valid organisation; see the module docstring for how validity is guaranteed."""
    own_competences = draw(extra_competences())
    own_professions = draw(extra_professions())
    competence_ids = tuple(dict.fromkeys([*COMPETENCES, *(c.id for c in own_competences)]))
    profession_ids = tuple(dict.fromkeys([*PROFESSIONS, *(p.id for p in own_professions)]))
    zone_list = draw(zones())
    zone_ids = tuple(z.id for z in zone_list)

    n_staff = draw(st.integers(min_value=1, max_value=max_staff))
    staff_ids = [f"s{i}" for i in range(n_staff)]
    units = draw(_units(staff_ids))
    unit_ids = tuple(u.id for u in units)

    # Rank (see module docstring): leaders by their lowest-index unit, others after them.
    led: dict[str, int] = {}
    for i, led_unit in enumerate(units):
        if led_unit.leader is not None:
            led.setdefault(led_unit.leader, i)

    def rank(index: int) -> tuple[float, int]:
        return (led.get(staff_ids[index], math.inf), index)

    staff = []
    for i, sid in enumerate(staff_ids):
        unit = f"unit{led[sid]}" if sid in led else _pick(draw, (None, *unit_ids))
        higher = tuple(staff_ids[j] for j in range(n_staff) if rank(j) < rank(i))
        boss = None
        if len(higher) > 0 and draw(st.booleans()):
            boss = _pick(draw, higher)
        staff.append(
            _draw_staff(
                draw, sid, profession_ids, competence_ids, zone_ids, unit=unit, reports_to=boss
            )
        )

    teams = draw(_teams(staff, zone_ids, unit_ids, max_teams=max_teams))
    team_ids = [t.id for t in teams]
    users = [
        User(
            f"u{i}",
            zone=_pick(draw, zone_ids),
            needs=draw(_sets(competence_ids, 3)),
            primary_contact=_pick(draw, (None, *staff_ids)),
            team=_pick(draw, (None, *team_ids)),
            age=draw(_AGES),
        )
        for i in range(draw(st.integers(min_value=0, max_value=max_users)))
    ]
    return Organisation(
        _pick(draw, ("Distrikt Nord", "Test kommune", "Hjemmetjenesten")),
        staff=staff,
        teams=teams,
        zones=zone_list,
        users=users,
        units=units,
        competences=own_competences,
        professions=own_professions,
    )


def remove_staff(org: Organisation, staff_id: str) -> Organisation:
    """The organisation without one staff member, every reference to them dropped.

    Their memberships go (a team left empty goes too, and its users lose their team); people
    who reported to them explicitly, units they led and users whose primary contact they were
    lose that reference.
    """
    teams = []
    for team in org.teams:
        members = [m for m in team.members if m.staff != staff_id]
        if members:
            leader = None if team.leader == staff_id else team.leader
            teams.append(attrs.evolve(team, members=members, leader=leader))
    kept = {t.id for t in teams}
    return attrs.evolve(
        org,
        staff=[
            attrs.evolve(s, reports_to=None if s.reports_to == staff_id else s.reports_to)
            for s in org.staff
            if s.id != staff_id
        ],
        teams=teams,
        users=[
            attrs.evolve(
                u,
                primary_contact=None if u.primary_contact == staff_id else u.primary_contact,
                team=u.team if u.team in kept else None,
            )
            for u in org.users
        ],
        units=[
            attrs.evolve(u, leader=None if u.leader == staff_id else u.leader) for u in org.units
        ],
    )


def district() -> Organisation:
    """A small hand-checked district (two zones, two specialist teams), used by several tests.

    ======  ==================  ====  =====  ======================================
    staff   profession          FTE   zone   competences; unit (reports to)
    ======  ==================  ====  =====  ======================================
    head    nurse               1.0   --     --; no unit (top)
    lena    nurse               1.0   north  nursing; leads unit north (-> head)
    sara    nurse               1.0   south  nursing, wound-care; leads south (-> head)
    kari    specialist-nurse    0.8   north  dementia, nursing; north (-> lena)
    ola     health-worker       0.5   north  personal-care; north (-> lena)
    per     health-worker       1.0   south  personal-care, dementia; south (-> sara)
    nina    engineer            0.6   --     welfare-technology; home (-> head)
    ======  ==================  ====  =====  ======================================

    Teams: memory (specialist, type memory: kari 0.2, per 0.2), north (geographic, zone north:
    lena, kari 0.6, ola), south (geographic, zone south: sara, per 0.8), vt (specialist, type
    welfare-technology: nina). Users: u1 north dementia (kari, team north), u2 north
    personal-care (ola, north), u3 south dementia + wound-care (per, south), u4 south
    welfare-technology (team south), u5 north palliation (team north; nobody holds it).
    """
    staff = [
        Staff("head", profession="nurse"),
        Staff("lena", profession="nurse", competences=["nursing"], zone="north", unit="north"),
        Staff(
            "sara",
            profession="nurse",
            competences=["nursing", "wound-care"],
            zone="south",
            unit="south",
        ),
        Staff(
            "kari",
            profession="specialist-nurse",
            competences=["dementia", "nursing"],
            fte=0.8,
            zone="north",
            unit="north",
        ),
        Staff(
            "ola",
            profession="health-worker",
            competences=["personal-care"],
            fte=0.5,
            zone="north",
            unit="north",
        ),
        Staff(
            "per",
            profession="health-worker",
            competences=["personal-care", "dementia"],
            zone="south",
            unit="south",
        ),
        Staff(
            "nina", profession="engineer", competences=["welfare-technology"], fte=0.6, unit="home"
        ),
    ]
    teams = [
        Team(
            "memory",
            name="Hukommelsesteam",
            category="specialist",
            type="memory",
            members=[Membership("kari", share=0.2), Membership("per", share=0.2)],
        ),
        Team(
            "north",
            name="Sone Nord",
            category="geographic",
            zones=["north"],
            members=["lena", Membership("kari", share=0.6), "ola"],
        ),
        Team(
            "south",
            name="Sone Sør",
            category="geographic",
            zones=["south"],
            members=["sara", Membership("per", share=0.8)],
        ),
        Team(
            "vt",
            name="Velferdsteknologi",
            category="specialist",
            type="welfare-technology",
            members=["nina"],
        ),
    ]
    users = [
        User("u1", zone="north", needs=["dementia"], primary_contact="kari", team="north"),
        User("u2", zone="north", needs=["personal-care"], primary_contact="ola", team="north"),
        User(
            "u3",
            zone="south",
            needs=["dementia", "wound-care"],
            primary_contact="per",
            team="south",
        ),
        User("u4", zone="south", needs=["welfare-technology"], team="south"),
        User("u5", zone="north", needs=["palliation"], team="north"),
    ]
    return Organisation(
        "Distrikt",
        zones=[Zone("north", name="Nord"), Zone("south", name="Sør")],
        staff=staff,
        teams=teams,
        users=users,
        units=[
            Unit("home", name="Hjemmetjenesten", leader="head"),
            Unit("north", name="Nord", leader="lena", parent="home"),
            Unit("south", name="Sør", leader="sara", parent="home"),
        ],
    )


# -- record builders (hand-made simulation records for metric and plot tests) ------------


def shifts_table(
    rows: list[tuple[str, float, float]], *, absent: list[bool] | None = None
) -> ShiftRecords:
    """Shift records from (staff, start, end); busy/travel/idle are not used by the plots."""
    n = len(rows)
    return ShiftRecords(
        staff=[r[0] for r in rows], team=[""] * n, zone=["z"] * n,
        day=[int(r[1] // DAY) for r in rows], period=["day"] * n,
        start=[r[1] for r in rows], end=[r[2] for r in rows],
        rostered=[r[2] - r[1] for r in rows], busy=[0.0] * n, travel=[0.0] * n,
        idle=[r[2] - r[1] for r in rows], overtime=[0.0] * n,
        absent=absent if absent is not None else [False] * n,
    )  # fmt: skip


def jobs_table(rows: list[tuple[str, str, str, float, float, float]]) -> JobRecords:
    """Served job records from (user, staff, staff2, start, end, travel)."""
    n = len(rows)
    return JobRecords(
        id=range(n), user=[r[0] for r in rows], staff=[r[1] for r in rows],
        staff2=[r[2] for r in rows], team=[""] * n, served_by_team=[""] * n, zone=["z"] * n,
        kind=["visit"] * n, ready=[r[3] for r in rows], due=[r[3] for r in rows],
        start=[r[3] for r in rows], end=[r[4] for r in rows],
        duration=[r[4] - r[3] for r in rows], travel=[r[5] for r in rows], state=[0] * n,
        preferred=[False] * n, preferred_met=[False] * n,
        n_staff=[2 if r[2] else 1 for r in rows],
    )  # fmt: skip
