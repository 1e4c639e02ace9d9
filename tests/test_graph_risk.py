"""Tests of key-person risk: rare competences and absence impact."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hometeams.errors import InvalidArgument
from hometeams.graph import (
    absence_impact,
    competence_coverage,
    cover_graph,
    key_person_risk,
    rare_competences,
)
from hometeams.model import Organisation, Staff, Team, User, Zone
from strategies import district, organisations, remove_staff


def test_rare_competences_in_the_organisation_by_hand() -> None:
    """Palliation (nobody), welfare technology (nina) and wound care (sara) hang on < 2."""
    rare = [r for r in rare_competences(district()) if r.scope == "organisation"]
    assert [(r.competence, r.holders, r.users) for r in rare] == [
        ("palliation", (), 1),
        ("welfare-technology", ("nina",), 1),
        ("wound-care", ("sara",), 1),
    ]


def test_rare_competences_per_group_by_hand() -> None:
    """In team north dementia hangs on kari; nursing (lena, kari) does not."""
    rare = {(r.scope, r.group, r.competence): r for r in rare_competences(district())}
    assert rare["team", "north", "dementia"].holders == ("kari",)
    assert ("team", "north", "nursing") not in rare
    assert rare["zone", "south", "welfare-technology"].holders == ()
    assert rare["team", "memory", "nursing"].users == 0
    # Memory's dementia has two holders (kari, per): not rare at k=2, rare at k=3.
    assert ("team", "memory", "dementia") not in rare
    rare3 = {(r.scope, r.group, r.competence) for r in rare_competences(district(), k=3)}
    assert ("team", "memory", "dementia") in rare3
    # Zone north: dementia, palliation, personal-care; zone south: all five relevant.
    assert sum(1 for key in rare if key[:2] == ("zone", "north")) == 3
    assert sum(1 for key in rare if key[:2] == ("zone", "south")) == 5


def test_absence_impact_by_hand() -> None:
    """Sara alone holds wound care (u3 exposed); in south nobody else has nursing or wounds."""
    impact = absence_impact(district(), "sara")
    assert impact.fte == 1.0
    assert impact.competences == ("nursing", "wound-care")
    assert impact.sole == ("wound-care",)
    assert impact.team_gaps == (("south", "nursing"), ("south", "wound-care"))
    assert impact.zone_gaps == ("nursing", "wound-care")
    assert impact.users_exposed == ("u3",)


def test_absence_without_a_zone_or_sole_competence() -> None:
    """Nina has no home zone; kari's competences all have another holder."""
    nina = absence_impact(district(), "nina")
    assert (nina.sole, nina.zone_gaps, nina.users_exposed) == (
        ("welfare-technology",),
        (),
        ("u4",),
    )
    kari = absence_impact(district(), "kari")
    assert kari.sole == ()
    assert kari.team_gaps == (("memory", "nursing"), ("north", "dementia"))
    assert kari.zone_gaps == ("dementia",)


def test_key_person_risk_orders_the_most_critical_first() -> None:
    """Exposed users, then sole competences, then gaps: sara, nina, per, kari, ola, head, lena."""
    risk = key_person_risk(district())
    assert [a.staff for a in risk.absences] == [
        "sara",
        "nina",
        "per",
        "kari",
        "ola",
        "head",
        "lena",
    ]
    assert risk.rare == rare_competences(district())


@pytest.mark.parametrize("k", [0, -1, 1.5, True])
def test_rejects_bad_k(k: object) -> None:
    """K must be a positive integer."""
    with pytest.raises(InvalidArgument, match=f"k: must be a positive integer, got {k!r}"):
        key_person_risk(district(), k=k)  # type: ignore[arg-type]


def test_absence_of_unknown_staff() -> None:
    """An unknown staff id is an InvalidArgument."""
    with pytest.raises(InvalidArgument, match="unknown staff member 'x'"):
        absence_impact(district(), "x")


@given(org=organisations(), pick=st.integers(min_value=0, max_value=99))
def test_absence_impact_matches_coverage_without_the_person(org: Organisation, pick: int) -> None:
    """FTE lost, sole competences and exposed users equal the coverage drop on removal."""
    person = org.staff[pick % len(org.staff)]
    impact = absence_impact(org, person.id)
    before = {r.competence: r for r in competence_coverage(org)}
    after = {r.competence: r for r in competence_coverage(remove_staff(org, person.id))}
    for competence in impact.competences:
        lost = before[competence].fte - (after[competence].fte if competence in after else 0.0)
        assert lost == pytest.approx(person.fte)
    dropped = {c for c in person.competences if c not in after or after[c].heads == 0}
    assert set(impact.sole) == dropped
    assert set(impact.users_exposed) == {u.id for u in org.users if u.needs & dropped}


@given(org=organisations(), k=st.integers(min_value=1, max_value=4))
def test_rare_competences_have_fewer_than_k_holders(org: Organisation, k: int) -> None:
    """Every listed competence has fewer than k holders; raising k never removes one."""
    rare = rare_competences(org, k=k)
    assert all(len(r.holders) < k for r in rare)
    keys = {(r.scope, r.group, r.competence) for r in rare}
    assert keys <= {(r.scope, r.group, r.competence) for r in rare_competences(org, k=k + 1)}


def test_users_uncovered_by_each_absence_in_the_district() -> None:
    """Sara uncovers u3 (wound care), nina u4; nobody else is anybody's only carer for a need."""
    got = {s.id: absence_impact(district(), s.id).users_uncovered for s in district().staff}
    assert got == {
        "head": (),
        "lena": (),
        "sara": ("u3",),
        "kari": (),
        "ola": (),
        "per": (),
        "nina": ("u4",),
    }


def test_users_uncovered_counts_who_serves_not_who_holds() -> None:
    """Per holds dementia too but serves zone s only; kari is u1's one carer for it.

    ::

        kari (team n, zone n) --- u1 (zone n, dementia)
        per  (team s, zone s)     no edge: per is no sole holder, yet cannot stand in
    """
    org = Organisation(
        "d",
        zones=[Zone("n"), Zone("s")],
        staff=[
            Staff("kari", profession="nurse", competences=["dementia"], zone="n"),
            Staff("per", profession="nurse", competences=["dementia"], zone="s"),
        ],
        teams=[
            Team("n", category="geographic", zones=["n"], members=["kari"]),
            Team("s", category="geographic", zones=["s"], members=["per"]),
        ],
        users=[User("u1", zone="n", needs=["dementia"])],
    )
    kari = absence_impact(org, "kari")
    assert (kari.sole, kari.users_exposed, kari.users_uncovered) == ((), (), ("u1",))
    assert absence_impact(org, "per").users_uncovered == ()


@given(org=organisations(), pick=st.integers(min_value=0, max_value=99))
def test_users_uncovered_lose_a_need_in_the_cover_graph(org: Organisation, pick: int) -> None:
    """The users uncovered are those with a need met in the cover graph and unmet without them."""
    person = org.staff[pick % len(org.staff)]

    def met(o: Organisation) -> dict[str, set[str]]:
        graph = cover_graph(o)
        return {
            u.id: {c for _, _, needs in graph.edges(("user", u.id), data="needs") for c in needs}
            for u in o.users
        }

    before, after = met(org), met(remove_staff(org, person.id))
    lost = tuple(sorted(u for u in before if before[u] - after[u]))
    assert absence_impact(org, person.id).users_uncovered == lost
