"""Tests of the graph views: membership, reporting, competence, care and cover graphs."""

from __future__ import annotations

import math

import attrs
import networkx as nx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from hometeams.errors import InvalidArgument
from hometeams.graph import (
    care_graph,
    competence_graph,
    cover_graph,
    membership_graph,
    reporting_graph,
    supervision_graph,
)
from hometeams.model import Organisation, TeamCategory
from strategies import district, organisations

VIEWS = {
    "membership": (membership_graph, {"staff", "team"}),
    "reporting": (reporting_graph, {"staff"}),
    "competence": (competence_graph, {"staff", "competence"}),
    "care": (care_graph, {"staff", "user"}),
    "cover": (cover_graph, {"staff", "user"}),
    "supervision": (supervision_graph, {"staff", "user", "team"}),
}


def _expected_ids(org: Organisation, kind: str, view: str) -> list[str]:
    if kind == "staff":
        return [s.id for s in org.staff]
    if kind == "user":
        return [u.id for u in org.users]
    if kind == "competence":
        return list(org.all_competences)
    teams = org.teams
    if view == "supervision":
        teams = tuple(t for t in teams if t.category is TeamCategory.SPECIALIST)
    return [t.id for t in teams]


@given(org=organisations())
def test_every_entity_appears_exactly_once(org: Organisation) -> None:
    """Each view has one node per entity of each kind it shows, keyed (kind, id), and no other."""
    for view, (build, kinds) in VIEWS.items():
        graph = build(org)
        seen = sorted((data["kind"], data["id"]) for _, data in graph.nodes(data=True))
        expected = sorted((k, i) for k in kinds for i in _expected_ids(org, k, view))
        assert seen == expected, view
        assert all(key == (data["kind"], data["id"]) for key, data in graph.nodes(data=True))


def test_views_are_new_graphs_and_leave_inputs_alone() -> None:
    """A returned graph is fresh: changing it changes no input and not the next graph."""
    org = district()
    before = attrs.asdict(org, recurse=True)
    visits = [("u1", "kari"), ("u2", "ola")]
    for build, _ in VIEWS.values():
        first = build(org)
        first.remove_nodes_from(list(first.nodes)[:3])
        for _, data in first.nodes(data=True):
            data["kind"] = "changed"
        again = build(org)
        assert again is not first
        assert again.number_of_nodes() == first.number_of_nodes() + 3
        assert "changed" not in {d["kind"] for _, d in again.nodes(data=True)}
    care_graph(org, visits=visits)
    assert visits == [("u1", "kari"), ("u2", "ola")]
    assert attrs.asdict(org, recurse=True) == before


@given(org=organisations())
def test_membership_weights_are_shares(org: Organisation) -> None:
    """A staff node's weighted degree never exceeds their FTE; a team's equals the team FTE."""
    graph = membership_graph(org)
    for person in org.staff:
        assert graph.degree(("staff", person.id), weight="weight") <= person.fte + 1e-9
    for team in org.teams:
        assert graph.degree(("team", team.id), weight="weight") == pytest.approx(
            org.team_fte(team.id)
        )
    assert nx.is_bipartite(graph)


def test_membership_graph_of_the_district() -> None:
    """The district's membership graph has its 8 memberships with their shares (by hand)."""
    graph = membership_graph(district())
    assert graph.number_of_edges() == 2 + 3 + 2 + 1
    assert graph.edges[("staff", "kari"), ("team", "memory")]["weight"] == 0.2
    assert graph.edges[("staff", "kari"), ("team", "north")]["weight"] == 0.6
    assert graph.edges[("staff", "ola"), ("team", "north")]["weight"] == 0.5  # whole position
    assert graph.degree(("staff", "head")) == 0
    assert graph.nodes[("team", "north")]["fte"] == pytest.approx(1.0 + 0.6 + 0.5)
    assert graph.nodes[("team", "memory")]["category"] == "specialist"


@given(org=organisations())
def test_reporting_graph_is_a_forest_of_the_reporting_lines(org: Organisation) -> None:
    """Every staff member has at most one manager, edges are exactly the reporting lines."""
    graph = reporting_graph(org)
    assert nx.is_branching(graph)
    edges = {(m[1], r[1]) for m, r in graph.edges}
    assert edges == {(m, r) for r, m in org.reporting_lines.items()}


def test_reporting_graph_of_the_district() -> None:
    """Head leads lena, sara and nina (2.6 FTE); lena leads kari and ola (1.3 FTE)."""
    graph = reporting_graph(district())
    assert sorted(n[1] for n in graph.successors(("staff", "head"))) == ["lena", "nina", "sara"]
    assert graph.out_degree(("staff", "head"), weight="weight") == pytest.approx(2.6)
    assert graph.out_degree(("staff", "lena"), weight="weight") == pytest.approx(1.3)
    assert graph.in_degree(("staff", "head")) == 0


def test_competence_graph_of_the_district() -> None:
    """Dementia is held by kari (0.8) and per (1.0); palliation by nobody."""
    graph = competence_graph(district())
    assert graph.degree(("competence", "dementia"), weight="weight") == pytest.approx(1.8)
    assert graph.degree(("competence", "palliation")) == 0
    assert graph.nodes[("competence", "dementia")]["label_nb"] == "demensomsorg"


def test_care_graph_from_assignments() -> None:
    """Users link to their team's members and primary contact: 3+3+2+2+3 = 13 edges."""
    graph = care_graph(district())
    assert graph.number_of_edges() == 13
    assert graph.edges[("user", "u1"), ("staff", "kari")] == {
        "primary": True,
        "team": True,
        "visits": 0,
        "weight": 1,
    }
    assert graph.edges[("user", "u1"), ("staff", "lena")]["primary"] is False
    assert not graph.has_edge(("user", "u1"), ("staff", "sara"))


def test_care_graph_primary_contact_outside_the_team() -> None:
    """A primary contact who is not in the user's team gives an edge with team=False."""
    org = district()
    org = attrs.evolve(org, users=[attrs.evolve(org.users[0], primary_contact="sara")])
    edge = care_graph(org).edges[("user", "u1"), ("staff", "sara")]
    assert (edge["primary"], edge["team"]) == (True, False)


def test_care_graph_with_visits() -> None:
    """Visits weight edges by count, add unassigned visitors, skip unserved jobs."""
    visits = [("u1", "kari")] * 3 + [("u1", "sara"), ("u1", ""), ("new", "per")]
    graph = care_graph(district(), visits=iter(visits))
    assert graph.edges[("user", "u1"), ("staff", "kari")]["weight"] == 3
    assert graph.edges[("user", "u1"), ("staff", "lena")]["weight"] == 0
    sara = graph.edges[("user", "u1"), ("staff", "sara")]
    assert (sara["weight"], sara["primary"], sara["team"]) == (1, False, False)
    assert graph.nodes[("user", "new")]["in_organisation"] is False
    assert graph.size(weight="weight") == 5


@given(
    org=organisations(max_users=5),
    picks=st.lists(st.tuples(st.integers(0, 99), st.integers(0, 99)), max_size=30),
)
def test_care_graph_weights_sum_to_the_visits(
    org: Organisation, picks: list[tuple[int, int]]
) -> None:
    """The total edge weight equals the number of served visits given."""
    if not org.users:
        return
    visits = [
        (org.users[i % len(org.users)].id, org.staff[j % len(org.staff)].id) for i, j in picks
    ]
    graph = care_graph(org, visits=visits)
    assert graph.size(weight="weight") == len(visits)


@pytest.mark.parametrize(
    ("visits", "message"),
    [
        ([("u1", "nobody")], "visits[0]: unknown staff member 'nobody'"),
        ([("u1", "kari"), ("u1",)], "visits[1]: must be a (user, staff) pair"),
        ([("", "kari")], "visits[0]: the user id must not be empty"),
    ],
)
def test_care_graph_rejects_bad_visits(visits: list[tuple[str, ...]], message: str) -> None:
    """A visit by an unknown staff member, a non-pair or an empty user is an InvalidArgument."""
    with pytest.raises(InvalidArgument) as err:
        care_graph(district(), visits=visits)  # type: ignore[arg-type]
    assert message in str(err.value)


def test_care_graph_accepts_numpy_columns() -> None:
    """Columns of a job record (numpy strings) work as visits."""
    np = pytest.importorskip("numpy")
    users = np.asarray(["u1", "u1", "u2"], dtype=np.str_)
    staff = np.asarray(["kari", "", "ola"], dtype=np.str_)
    graph = care_graph(district(), visits=zip(users, staff, strict=True))
    assert graph.edges[("user", "u2"), ("staff", "ola")]["weight"] == 1
    assert math.isclose(graph.size(weight="weight"), 2)


def test_cover_graph_of_the_district_by_hand() -> None:
    """Who can meet each need: team members, teams serving the zone, teams without zones.

    u1 (north, dementia): kari (team north, memory), per (memory serves every zone).
    u3 (south, dementia + wound-care): kari, per (dementia), sara (wound-care).
    u4 (south, welfare technology): nina (vt serves every zone). u5 (palliation): nobody.
    """
    graph = cover_graph(district())

    def met(user: str) -> dict[str, tuple[str, ...]]:
        return {s: needs for _, (_, s), needs in graph.edges(("user", user), data="needs")}

    assert met("u1") == {"kari": ("dementia",), "per": ("dementia",)}
    assert met("u2") == {"ola": ("personal-care",), "per": ("personal-care",)}
    assert met("u3") == {"kari": ("dementia",), "per": ("dementia",), "sara": ("wound-care",)}
    assert met("u4") == {"nina": ("welfare-technology",)}
    assert met("u5") == {}
