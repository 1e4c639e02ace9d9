"""Tests of the bus factor: minimum vertex cuts in the cover graph."""

from __future__ import annotations

import attrs
from hypothesis import given

from hometeams.graph import bus_factors, cover_graph, key_person_risk
from hometeams.model import Organisation, Staff, Team, User, Zone
from strategies import district, organisations, remove_staff


def test_bus_factors_of_the_district_by_hand() -> None:
    """Cuts in the district's cover graph, worked by hand from the strategies' table.

    The memory team (kari, per) and vt (nina) have no zones, so they serve both zones::

        north: u1 dementia    <- kari, per          cut {kari, per}
               u2 personal    <- ola, per           cut {ola, per}
               u5 palliation  <- nobody             cut {} (uncovered already)
        south: u3 dementia    <- kari, per          cut {kari, per}
               u3 wound-care  <- sara               cut {sara}
               u4 welfare-t.  <- nina               cut {nina}

    Zone south's welfare technology has no holder living there, yet its bus factor is 1.
    """
    got = [
        (b.zone, b.competence, b.size, b.staff, b.exposed, b.users) for b in bus_factors(district())
    ]
    assert got == [
        ("north", "dementia", 2, ("kari", "per"), ("u1",), 1),
        ("north", "palliation", 0, (), ("u5",), 1),
        ("north", "personal-care", 2, ("ola", "per"), ("u2",), 1),
        ("south", "dementia", 2, ("kari", "per"), ("u3",), 1),
        ("south", "welfare-technology", 1, ("nina",), ("u4",), 1),
        ("south", "wound-care", 1, ("sara",), ("u3",), 1),
    ]
    assert key_person_risk(district()).bus_factors == bus_factors(district())


def test_bus_factor_is_the_weakest_user_of_the_zone() -> None:
    """Two users of one zone: a, b both serve u1, only a serves u2, so the cut is {a}.

    ::

        team z (zone z): a, b -> u1 (team z)       cut {a, b}
        a is u2's primary contact; b is not in u2's zone or team -> cut {a}
    """
    org = Organisation(
        "d",
        zones=[Zone("z"), Zone("y")],
        staff=[
            Staff("a", profession="nurse", competences=["dementia"]),
            Staff("b", profession="nurse", competences=["dementia"]),
        ],
        teams=[Team("t", category="geographic", zones=["z"], members=["b"])],
        users=[
            User("u1", zone="z", needs=["dementia"], primary_contact="a"),
            User("u2", zone="y", needs=["dementia"], primary_contact="a"),
            User("u3", zone="z", needs=["dementia"], team="t"),
        ],
    )
    rows = {(b.zone, b.competence): b for b in bus_factors(org)}
    assert (rows["z", "dementia"].size, rows["z", "dementia"].staff) == (1, ("b",))
    assert rows["z", "dementia"].exposed == ("u3",)
    assert (rows["y", "dementia"].size, rows["y", "dementia"].staff) == (1, ("a",))
    assert rows["z", "dementia"].users == 2


def test_allocation_teams_do_not_cover() -> None:
    """An allocation team grants services but does not visit: its holder is not counted."""
    org = Organisation(
        "d",
        zones=[Zone("z")],
        staff=[Staff("a", profession="nurse", competences=["dementia"])],
        teams=[Team("grant", category="allocation", members=["a"])],
        users=[User("u1", zone="z", needs=["dementia"])],
    )
    (row,) = bus_factors(org)
    assert (row.size, row.staff, row.exposed) == (0, (), ("u1",))


def _one_team_for_everyone(org: Organisation) -> Organisation:
    """The same staff and users, all staff in one team without zones that serves every user."""
    team = Team("everyone", category="other", members=[s.id for s in org.staff])
    users = [attrs.evolve(u, team=None, primary_contact=None) for u in org.users]
    return attrs.evolve(org, teams=[team], users=users)


@given(org=organisations())
def test_bus_factor_is_the_number_of_holders_when_everyone_covers_everyone(
    org: Organisation,
) -> None:
    """When every holder serves every user, each cut is all the competence's holders."""
    org = _one_team_for_everyone(org)
    for b in bus_factors(org):
        holders = tuple(sorted(s.id for s in org.staff if b.competence in s.competences))
        assert b.size == len(holders)
        assert b.staff == holders
        assert b.exposed == tuple(
            u.id for u in org.users if u.zone == b.zone and b.competence in u.needs
        )


@given(org=organisations())
def test_removing_a_cut_uncovers_the_exposed_users(org: Organisation) -> None:
    """The zone's weakest user has ``size`` helpers; without the cut the exposed have none."""
    for b in bus_factors(org):
        graph = cover_graph(org)
        sizes = []
        for user in (u for u in org.users if u.zone == b.zone and b.competence in u.needs):
            edges = graph.edges(("user", user.id), data="needs")
            sizes.append(sum(1 for _, _, needs in edges if b.competence in needs))
        assert min(sizes) == b.size
        reduced = org
        for staff_id in b.staff:
            reduced = remove_staff(reduced, staff_id)
        graph = cover_graph(reduced)
        for user_id in b.exposed:
            needs = [n for _, _, n in graph.edges(("user", user_id), data="needs")]
            assert all(b.competence not in n for n in needs)
