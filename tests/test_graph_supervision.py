"""Tests of the supervision rule and graph: specialist teams -> staff -> users."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given

from hometeams.errors import InvalidArgument
from hometeams.graph import (
    specialist_competences,
    specialist_users,
    supervised_staff,
    supervision_graph,
    visiting_staff,
)
from hometeams.model import Organisation, Team, TeamCategory
from strategies import district, organisations


def test_specialist_competences_follow_the_team_type() -> None:
    """A memory team works with dementia, whatever else its members hold."""
    org = district()
    assert specialist_competences(org, "memory") == {"dementia"}
    assert specialist_competences(org, "vt") == {"welfare-technology"}


def test_specialist_competences_without_a_known_type() -> None:
    """A specialist team without a catalogue function works with all its members' competences."""
    org = district()
    teams = [attrs.evolve(t, type=None) if t.id == "memory" else t for t in org.teams]
    org = attrs.evolve(org, teams=teams)
    # kari: dementia, nursing; per: personal-care, dementia.
    assert specialist_competences(org, "memory") == {"dementia", "nursing", "personal-care"}


def test_district_supervision_by_hand() -> None:
    """Memory supervises lena, ola (u1) and sara (u3); vt supervises sara and per (u4)."""
    org = district()
    assert specialist_users(org, "memory") == ("u1", "u3")
    assert dict(supervised_staff(org, "memory")) == {
        "lena": {"u1"},
        "sara": {"u3"},
        "ola": {"u1"},
    }
    assert list(supervised_staff(org, "memory")) == ["lena", "sara", "ola"]  # staff order
    assert dict(supervised_staff(org, "vt")) == {"sara": {"u4"}, "per": {"u4"}}
    assert visiting_staff(org, "u1") == {"lena", "kari", "ola"}


def test_district_supervision_graph_by_hand() -> None:
    """The graph chains team -> staff -> user; sara carries both teams' knowledge."""
    graph = supervision_graph(district())
    assert sorted(n[1] for n in graph.successors(("team", "memory"))) == ["lena", "ola", "sara"]
    assert sorted(n[1] for n in graph.successors(("staff", "sara"))) == ["u3", "u4"]
    assert graph.edges[("staff", "sara"), ("user", "u3")]["via"] == ("memory",)
    assert graph.edges[("staff", "sara"), ("user", "u4")]["via"] == ("vt",)
    assert ("team", "north") not in graph
    assert graph.number_of_edges() == 5 + 5


def test_shared_user_lists_both_teams() -> None:
    """A user needing two teams' competences, visited by one person: ``via`` names both."""
    org = district()
    users = [attrs.evolve(u, needs=u.needs | {"welfare-technology"}) for u in org.users]
    graph = supervision_graph(attrs.evolve(org, users=users))
    edge = graph.edges[("staff", "sara"), ("user", "u3")]
    assert (edge["via"], edge["weight"]) == (("memory", "vt"), 2)


def test_team_zones_limit_its_users() -> None:
    """A specialist team serving only zone north has only north's users."""
    org = district()
    teams = [attrs.evolve(t, zones=["north"]) if t.id == "memory" else t for t in org.teams]
    assert specialist_users(attrs.evolve(org, teams=teams), "memory") == ("u1",)


@pytest.mark.parametrize(
    ("team", "message"),
    [("nope", "team: unknown team 'nope'"), ("north", "must be a specialist team")],
)
def test_rejects_unknown_or_non_specialist_teams(team: str, message: str) -> None:
    """Asking about an unknown team or a geographic team is an InvalidArgument."""
    with pytest.raises(InvalidArgument, match=message):
        supervised_staff(district(), team)


def test_visiting_staff_rejects_unknown_user() -> None:
    """An unknown user id is an InvalidArgument naming it."""
    with pytest.raises(InvalidArgument, match="unknown user 'x'"):
        visiting_staff(district(), "x")


def _specialists(org: Organisation) -> list[Team]:
    return [t for t in org.teams if t.category is TeamCategory.SPECIALIST]


@given(org=organisations())
def test_supervision_graph_invariants(org: Organisation) -> None:
    """Teams only supervise others, who visit users needing the team's competence."""
    graph = supervision_graph(org)
    for team in _specialists(org):
        competences = specialist_competences(org, team.id)
        for _, (_, staff_id), weight in graph.out_edges(("team", team.id), data="weight"):
            assert staff_id not in team.staff_ids
            users = [
                u
                for (_, u) in graph.successors(("staff", staff_id))
                if team.id in graph.edges[("staff", staff_id), ("user", u)]["via"]
            ]
            assert weight == len(users) >= 1
            for user_id in users:
                assert staff_id in visiting_staff(org, user_id)
                assert org.users_by_id[user_id].needs & competences
    for key, data in graph.nodes(data=True):
        if data["kind"] == "team":
            assert graph.in_degree(key) == 0
        if data["kind"] == "user":
            assert graph.out_degree(key) == 0
