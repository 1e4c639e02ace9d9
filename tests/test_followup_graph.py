"""Tests of the user-coordinator-actor graph."""

from __future__ import annotations

from hypothesis import given

from hometeams.followup import (
    ComplexNeedsUser,
    CoordinatorRole,
    FollowUpProgramme,
    FollowUpTeam,
    Sector,
    Service,
    followup_graph,
)
from test_followup_strategies import programmes


def _programme() -> FollowUpProgramme:
    return FollowUpProgramme(
        "x",
        coordinators=[CoordinatorRole("siri", hours_per_week=4)],
        users=[
            ComplexNeedsUser(
                "ole", age=6, services=["gp", "nav", "relatives"], coordinator="siri", gp="lund"
            ),
            ComplexNeedsUser("ida", age=9, services=["gp", "nav"], coordinator="siri", gp="lund"),
            ComplexNeedsUser(
                "eli",
                age=80,
                services=["gp", "home-care"],
                coordinator="siri",
                primary_contact="siri",
            ),
            ComplexNeedsUser("bo", age=85, services=["gp", "home-care"], primary_contact="kari"),
        ],
        teams=[FollowUpTeam("ole", coordinator="siri", core=["relatives"], wider=["gp", "nav"])],
    )


def test_shared_services_and_named_gps_are_one_node() -> None:
    """NAV and a GP named for two users are one actor each; unnamed GPs are one per user."""
    g = followup_graph(_programme())
    actors = sorted(n for n in g if g.nodes[n]["kind"] == "actor")
    assert actors == [
        ("actor", "gp/lund"),
        ("actor", "gp@bo"),
        ("actor", "gp@eli"),
        ("actor", "home-care"),
        ("actor", "nav"),
        ("actor", "relatives@ole"),
    ]
    assert g.nodes[("actor", "nav")]["sector"] is Sector.WELFARE


def test_staff_edges_carry_coordinator_and_primary_contact_roles() -> None:
    """A coordinator who is also the primary contact has one edge with both roles."""
    g = followup_graph(_programme())
    assert g.edges[("staff", "siri"), ("user", "eli")]["roles"] == {
        "coordinator",
        "primary-contact",
    }
    assert g.edges[("staff", "kari"), ("user", "bo")]["roles"] == {"primary-contact"}
    assert g.nodes[("staff", "kari")]["coordinator"] is False
    assert g.nodes[("staff", "siri")]["slots"] == 4


def test_actor_edges_say_core_or_wider() -> None:
    """User-actor edges carry the service and its group in the team; no team means None."""
    g = followup_graph(_programme())
    assert g.edges[("user", "ole"), ("actor", "relatives@ole")]["group"] == "core"
    assert g.edges[("user", "ole"), ("actor", "nav")]["group"] == "wider"
    assert g.edges[("user", "ole"), ("actor", "nav")]["service"] is Service.NAV
    assert g.edges[("user", "bo"), ("actor", "home-care")]["group"] is None


@given(programmes())
def test_every_user_and_service_appears_once(programme: FollowUpProgramme) -> None:
    """Each user is one node with one edge per service and one per linked staff member."""
    before = FollowUpProgramme(
        programme.name,
        coordinators=programme.coordinators,
        users=programme.users,
        teams=programme.teams,
        hours_per_user=programme.hours_per_user,
    )
    g = followup_graph(programme)
    users = [n for n in g if g.nodes[n]["kind"] == "user"]
    assert sorted(users) == sorted(("user", u.id) for u in programme.users)
    for user in programme.users:
        node = ("user", user.id)
        actor_edges = [n for n in g.neighbors(node) if g.nodes[n]["kind"] == "actor"]
        staff = {user.coordinator, user.primary_contact} - {None}
        assert len(actor_edges) == len(user.services)
        assert {n[1] for n in g.neighbors(node) if g.nodes[n]["kind"] == "staff"} == staff
    assert programme == before  # the programme is untouched
