"""Tests of specialist reach: direct, through supervised staff, unreached."""

from __future__ import annotations

import math

import networkx as nx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from hometeams.errors import InvalidArgument
from hometeams.graph import (
    DEFAULT_CASELOAD_PER_FTE,
    DEFAULT_SUPERVISED_PER_FTE,
    DEFAULT_USERS_PER_SUPERVISED,
    Reach,
    reach_network,
    specialist_reach,
    supervised_staff,
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
    """6 FTE x 30 = 180 followed directly; 60 people x 5 users = 300 places reach the other 120.

    The least-cost flow fills the first staff in staff order: h0..h19 carry zone a's 100 users
    (5 each) and h20..h23 twenty of zone b's; the team follows zone b's other 80 and zone c's
    100 itself. 120 / 5 = 24 people.
    """
    reach = specialist_reach(_memory_team_of_seed_000(), "memory")
    assert (reach.users, reach.direct, reach.through_staff, reach.unreached) == (300, 180, 120, 0)
    assert reach.supervised == tuple(f"h{i}" for i in range(24))
    assert reach.supervisable == 60
    assert reach.capacity_through == 300
    assert reach.fte == 6.0


def test_memory_team_alone_never_reaches_them_all() -> None:
    """Without working through others the six reach 180 of 300: 40 % unreached."""
    reach = specialist_reach(_memory_team_of_seed_000(), "memory", supervised_per_fte=0)
    assert (reach.direct, reach.through_staff, reach.unreached) == (180, 0, 120)
    assert reach.unreached_share == pytest.approx(0.4)
    assert reach.supervised == ()
    assert reach.capacity_through == 0


def test_supervision_capacity_bounds_the_reach_through_staff() -> None:
    """Capacity for one person: 6 x 1/6 = 1 person x 5 users, so 180 + 5 reached, 115 not.

    (Counting one person as reaching all 100 users they visit would give 20 unreached; the
    bound per person is what makes the question a flow.)
    """
    reach = specialist_reach(_memory_team_of_seed_000(), "memory", supervised_per_fte=1 / 6)
    assert reach.supervised == ("h0",)
    assert (reach.direct, reach.through_staff, reach.unreached) == (180, 5, 115)
    wide = specialist_reach(
        _memory_team_of_seed_000(), "memory", supervised_per_fte=1 / 6, users_per_supervised=100
    )
    assert (wide.direct, wide.through_staff, wide.unreached) == (180, 100, 20)


def test_district_memory_team_by_hand() -> None:
    """0.4 FTE: 12 direct places for 2 users (u1, u3): nobody needs supervising.

    The network (users u1 in north, u3 in south; lena and ola visit u1, sara visits u3)::

        source -[cap D]-> direct -[1]-> u1, u3 -[1]-> sink
        source -[cap P x b]-> supervision -[b]-> lena, ola -> u1 ; sara -> u3
    """
    org = district()
    reach = specialist_reach(org, "memory")
    assert reach == Reach(
        "memory",
        fte=pytest.approx(0.4),  # type: ignore[arg-type]
        users=2,
        direct=2,
        through_staff=0,
        unreached=0,
        supervised=(),
        supervisable=3,
        capacity_through=4 * 5,
    )
    # 0.4 x 2.5 = 1 direct place and 1 person's worth (5 users) of supervision. The direct
    # place goes to one user, the other is reached through staff: through lena (second in
    # staff order) costs less than through sara (third), so the team follows u3 itself.
    small = specialist_reach(org, "memory", caseload_per_fte=2.5, supervised_per_fte=2.5)
    assert small.supervised == ("lena",)
    assert (small.direct, small.through_staff, small.unreached) == (1, 1, 0)
    # No direct places: five places through staff reach both users, via lena and sara.
    none = specialist_reach(org, "memory", caseload_per_fte=0, supervised_per_fte=2.5)
    assert none.supervised == ("lena", "sara")
    assert (none.direct, none.through_staff, none.unreached) == (0, 2, 0)
    # One place through staff in all: one user reached, one not.
    one = specialist_reach(
        org, "memory", caseload_per_fte=0, supervised_per_fte=2.5, users_per_supervised=1
    )
    assert (one.direct, one.through_staff, one.unreached) == (0, 1, 1)
    assert one.supervised == ("lena",)
    assert one.unreached_share == 0.5


def test_reach_network_capacities_by_hand() -> None:
    """The district's memory network: D = floor(0.4 x 30) = 12, P x b = floor(0.4 x 10) x 5."""
    graph = reach_network(district(), "memory")
    source = ("flow", "source")
    assert graph.edges[source, ("flow", "direct")]["capacity"] == 12
    assert graph.edges[source, ("flow", "supervision")]["capacity"] == 20
    assert sorted(graph.successors(("flow", "supervision"))) == [
        ("staff", "lena"),
        ("staff", "ola"),
        ("staff", "sara"),
    ]
    assert list(graph.successors(("staff", "sara"))) == [("user", "u3")]
    assert nx.maximum_flow_value(graph, source, ("flow", "sink")) == 2


def test_defaults_are_documented_values() -> None:
    """Thirty users per FTE (assumption), ten staff per FTE (L956), five users each (300 / 60)."""
    assert (DEFAULT_CASELOAD_PER_FTE, DEFAULT_SUPERVISED_PER_FTE) == (30.0, 10.0)
    assert DEFAULT_USERS_PER_SUPERVISED == 5


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
        ({"users_per_supervised": -1}, "users_per_supervised: must be an integer >= 0, got -1"),
        ({"users_per_supervised": 2.5}, "users_per_supervised: must be an integer >= 0"),
        ({"users_per_supervised": True}, "users_per_supervised"),
    ],
)
def test_rejects_bad_rates(kwargs: dict[str, object], message: str) -> None:
    """Negative, infinite, non-numeric or fractional bounds raise InvalidArgument naming them."""
    with pytest.raises(InvalidArgument, match=message):
        specialist_reach(district(), "memory", **kwargs)  # type: ignore[arg-type]


def test_rejects_a_geographic_team() -> None:
    """Reach is defined for specialist teams only."""
    with pytest.raises(InvalidArgument, match="must be a specialist team, got 'north'"):
        specialist_reach(district(), "north")


_RATES = st.sampled_from([0.0, 0.5, 2.0, 10.0, 30.0])
_BOUNDS = st.integers(min_value=0, max_value=4)


@given(org=organisations(max_users=10), low=_RATES, high=_RATES, sup=_RATES, bound=_BOUNDS)
def test_reach_invariants(
    org: Organisation, low: float, high: float, sup: float, bound: int
) -> None:
    """Counts partition the users; more capacity never leaves more users unreached."""
    low, high = sorted((low, high))
    for team in (t for t in org.teams if t.category is TeamCategory.SPECIALIST):
        kwargs = {"users_per_supervised": bound}
        small = specialist_reach(
            org, team.id, caseload_per_fte=low, supervised_per_fte=low, **kwargs
        )
        big = specialist_reach(
            org, team.id, caseload_per_fte=high, supervised_per_fte=high, **kwargs
        )
        for r in (small, big):
            assert r.direct + r.through_staff + r.unreached == r.users
            assert min(r.direct, r.through_staff, r.unreached) >= 0
            assert len(r.supervised) <= r.supervisable
        assert big.unreached <= small.unreached
        assert big.direct >= small.direct
        mixed = specialist_reach(
            org, team.id, caseload_per_fte=low, supervised_per_fte=sup, **kwargs
        )
        assert mixed.direct == small.direct


@given(org=organisations(max_users=10), rate=_RATES, bound=_BOUNDS)
def test_reach_equals_an_independent_matching(org: Organisation, rate: float, bound: int) -> None:
    """Reached = min(users, D + min(P x b, largest b-matching of staff to the users they visit)).

    The direct places can take any user, so the flow reaches as many as supervision alone can
    (at most P x b, and at most a matching where each person appears b times) plus D more. The
    b-matching is computed with Hopcroft-Karp on copies of each person: a different algorithm.
    Through staff never exceeds floor(FTE x per FTE) x b (people x bound).
    """
    for team in (t for t in org.teams if t.category is TeamCategory.SPECIALIST):
        r = specialist_reach(
            org, team.id, caseload_per_fte=rate, supervised_per_fte=rate, users_per_supervised=bound
        )
        copies = nx.Graph()
        left = []
        for staff_id, users in supervised_staff(org, team.id).items():
            for k in range(bound):
                left.append((staff_id, k))
                copies.add_edges_from(((staff_id, k), ("user", u)) for u in users)
        copies.add_nodes_from(left)
        matched = len(nx.bipartite.hopcroft_karp_matching(copies, top_nodes=left)) // 2
        fte = org.team_fte(team.id)
        people = math.floor(fte * rate + 1e-9)
        direct = math.floor(fte * rate + 1e-9)
        reached = r.direct + r.through_staff
        assert reached == min(r.users, direct + min(people * bound, matched))
        assert r.through_staff <= people * bound == r.capacity_through
