"""Tests of specialist reach: direct, through supervised staff, unreached."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hometeams.errors import InvalidArgument
from hometeams.graph import (
    DEFAULT_CASELOAD_PER_FTE,
    DEFAULT_SUPERVISED_PER_FTE,
    Reach,
    specialist_reach,
)
from hometeams.model import Organisation, Staff, Team, TeamCategory, User, Zone
from strategies import district, organisations


def _memory_team_of_seed_000() -> Organisation:
    """Six memory-team specialists, 60 home-care staff in three zones, 300 users with dementia."""
    zones = [Zone(z) for z in ("a", "b", "c")]
    memory = [
        Staff(f"m{i}", profession="specialist-nurse", competences=["dementia"]) for i in range(6)
    ]
    home = [Staff(f"h{i}", profession="health-worker") for i in range(60)]
    teams = [Team("memory", category="specialist", type="memory", members=[s.id for s in memory])]
    teams += [
        Team(
            z.id,
            category="geographic",
            zones=[z.id],
            members=[s.id for s in home[20 * i : 20 * i + 20]],
        )
        for i, z in enumerate(zones)
    ]
    users = [User(f"u{i}", zone="abc"[i % 3], needs=["dementia"]) for i in range(300)]
    return Organisation("B", zones=zones, staff=memory + home, teams=teams, users=users)


def test_memory_team_of_seed_000() -> None:
    """6 FTE x 30 = 180 followed directly, 6 x 10 = 60 staff supervised reach the other 120."""
    reach = specialist_reach(_memory_team_of_seed_000(), "memory")
    assert (reach.users, reach.direct, reach.through_staff, reach.unreached) == (300, 180, 120, 0)
    assert len(reach.supervised) == reach.supervisable == 60
    assert reach.fte == 6.0


def test_memory_team_alone_never_reaches_them_all() -> None:
    """Without working through others the six reach 180 of 300: 40 % unreached."""
    reach = specialist_reach(_memory_team_of_seed_000(), "memory", supervised_per_fte=0)
    assert (reach.direct, reach.through_staff, reach.unreached) == (180, 0, 120)
    assert reach.unreached_share == pytest.approx(0.4)
    assert reach.supervised == ()


def test_supervision_capacity_picks_the_widest_reach() -> None:
    """Capacity for one supervised person: greedy picks h0 and 20 users stay unreached.

    h0 visits zone a's 100 users; the team's own 180 places go to zones b and c first.
    """
    reach = specialist_reach(_memory_team_of_seed_000(), "memory", supervised_per_fte=1 / 6)
    assert reach.supervised == ("h0",)
    assert (reach.direct, reach.through_staff, reach.unreached) == (180, 100, 20)


def test_district_memory_team_by_hand() -> None:
    """0.4 FTE: 12 direct places for 2 users (u1, u3); lena, sara, ola supervisable."""
    org = district()
    reach = specialist_reach(org, "memory")
    assert reach == Reach(
        "memory",
        fte=pytest.approx(0.4),  # type: ignore[arg-type]
        users=2,
        direct=2,
        through_staff=0,
        unreached=0,
        supervised=("lena", "sara", "ola"),
        supervisable=3,
    )
    # 0.4 FTE x 2.5 = 1 direct place, 1 supervised person (lena, first in staff order, who
    # visits u1): the direct place goes to u3, whom lena does not visit.
    small = specialist_reach(org, "memory", caseload_per_fte=2.5, supervised_per_fte=2.5)
    assert small.supervised == ("lena",)
    assert (small.direct, small.through_staff, small.unreached) == (1, 1, 0)
    none = specialist_reach(org, "memory", caseload_per_fte=0, supervised_per_fte=2.5)
    assert (none.direct, none.through_staff, none.unreached) == (0, 1, 1)
    assert none.unreached_share == 0.5


def test_defaults_are_documented_values() -> None:
    """Thirty users per FTE (assumption), ten supervised staff per FTE (seed 000, L956)."""
    assert (DEFAULT_CASELOAD_PER_FTE, DEFAULT_SUPERVISED_PER_FTE) == (30.0, 10.0)


def test_no_users_means_nothing_unreached() -> None:
    """A team whose competence nobody needs has no users and an unreached share of 0."""
    org = Organisation(
        "d",
        staff=[Staff("a", profession="nurse")],
        teams=[Team("w", category="specialist", type="wound", members=["a"])],
    )
    reach = specialist_reach(org, "w")
    assert (reach.users, reach.unreached, reach.unreached_share) == (0, 0, 0.0)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"caseload_per_fte": -1}, "caseload_per_fte: must be a finite number >= 0, got -1"),
        ({"supervised_per_fte": math.inf}, "supervised_per_fte: must be a finite number >= 0"),
        ({"caseload_per_fte": "30"}, "caseload_per_fte"),
    ],
)
def test_rejects_bad_rates(kwargs: dict[str, object], message: str) -> None:
    """Negative, infinite or non-numeric rates raise InvalidArgument naming the argument."""
    with pytest.raises(InvalidArgument, match=message):
        specialist_reach(district(), "memory", **kwargs)  # type: ignore[arg-type]


def test_rejects_a_geographic_team() -> None:
    """Reach is defined for specialist teams only."""
    with pytest.raises(InvalidArgument, match="must be a specialist team, got 'north'"):
        specialist_reach(district(), "north")


_RATES = st.sampled_from([0.0, 0.5, 2.0, 10.0, 30.0])


@given(org=organisations(max_users=10), low=_RATES, high=_RATES, sup=_RATES)
def test_reach_invariants(org: Organisation, low: float, high: float, sup: float) -> None:
    """Counts partition the users; more capacity never leaves more users unreached."""
    low, high = sorted((low, high))
    for team in (t for t in org.teams if t.category is TeamCategory.SPECIALIST):
        small = specialist_reach(org, team.id, caseload_per_fte=low, supervised_per_fte=low)
        big = specialist_reach(org, team.id, caseload_per_fte=high, supervised_per_fte=high)
        for r in (small, big):
            assert r.direct + r.through_staff + r.unreached == r.users
            assert min(r.direct, r.through_staff, r.unreached) >= 0
            assert len(r.supervised) <= min(r.supervisable, math.floor(r.fte * high + 1e-9))
        assert big.unreached <= small.unreached
        assert big.direct >= small.direct
        mixed = specialist_reach(org, team.id, caseload_per_fte=low, supervised_per_fte=sup)
        assert mixed.direct == small.direct
