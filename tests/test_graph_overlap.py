"""Tests of team overlap: similar functions under different names."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given

from hometeams.errors import InvalidArgument
from hometeams.graph import DEFAULT_MIN_SIMILARITY, Overlap, team_overlap, team_similarity
from hometeams.model import Membership, Organisation, Staff, Team
from strategies import district, organisations


def _org() -> Organisation:
    """Rehab (a, b) and Trygt hjem (c, d) share rehabilitation; two cancer coordinators."""
    staff = [
        Staff("a", profession="physiotherapist", competences=["rehabilitation"]),
        Staff(
            "b",
            profession="occupational-therapist",
            competences=["rehabilitation", "fall-prevention"],
        ),
        Staff("c", profession="nurse", competences=["rehabilitation", "nursing"]),
        Staff("d", profession="occupational-therapist", competences=["rehabilitation"]),
        Staff("e", profession="nurse", competences=["palliation"]),
        Staff("f", profession="nurse", competences=["palliation"]),
        Staff("g", profession="nurse", competences=["nursing"]),
        Staff("h", profession="nurse", competences=["nursing"]),
    ]
    teams = [
        Team(
            "rehab",
            name="Rehabiliteringsteam",
            category="specialist",
            type="rehabilitation",
            members=["a", "b"],
        ),
        Team("th", name="Trygt hjem", category="specialist", members=["c", "d"]),
        Team(
            "cancer-1",
            name="Kreftkoordinator bydel 1",
            category="specialist",
            type="palliative",
            members=[Membership("e", share=0.5)],
        ),
        Team(
            "cancer-2",
            name="Kreftkoordinator bydel 2",
            category="specialist",
            type="palliative",
            members=[Membership("f", share=0.5)],
        ),
        Team("n", name="Nord", category="geographic", zones=[], members=["g"]),
        Team("s", name="Nord ", category="geographic", members=["h"]),
        Team("intake", name="Inntak", category="allocation", members=[Membership("e", share=0.5)]),
    ]
    return Organisation("D", staff=staff, teams=teams)


def test_similarity_by_hand() -> None:
    """Rehab: rehabilitation 1, fall 0.5; Trygt hjem: rehabilitation 1, nursing 0.5.

    min sums to 1, max to 1 + 0.5 + 0.5 = 2: similarity 0.5.
    """
    assert team_similarity(_org(), "rehab", "th") == pytest.approx(0.5)
    assert team_similarity(_org(), "cancer-1", "cancer-2") == 1.0
    assert team_similarity(_org(), "rehab", "cancer-1") == 0.0


def test_overlaps_by_hand() -> None:
    """Cancer coordinators (same type) first, then rehab / Trygt hjem at 0.5; nothing else.

    The intake team (allocation) is not compared with cancer-1 although e is in both, and the
    two zone teams with the same display name are not reported.
    """
    assert team_overlap(_org()) == (
        Overlap("cancer-1", "cancer-2", similarity=1.0, same_type=True, shared=("palliation",)),
        Overlap("rehab", "th", similarity=0.5, same_type=False, shared=("rehabilitation",)),
    )


def test_threshold_and_same_type() -> None:
    """Above 0.5 rehab / Trygt hjem drop out; same-type pairs stay whatever their similarity."""
    pairs = [(o.a, o.b) for o in team_overlap(_org(), min_similarity=0.9)]
    assert pairs == [("cancer-1", "cancer-2")]
    assert DEFAULT_MIN_SIMILARITY == 0.5


def test_zone_teams_side_by_side_are_not_overlaps() -> None:
    """The district's north and south teams (disjoint zones) are parallel by design."""
    org = district()
    assert all({o.a, o.b} != {"north", "south"} for o in team_overlap(org, min_similarity=0.0))


@pytest.mark.parametrize("value", [-0.1, 1.5, "0.5", True])
def test_rejects_bad_threshold(value: object) -> None:
    """min_similarity outside [0, 1] raises InvalidArgument."""
    with pytest.raises(InvalidArgument, match="min_similarity: must be a number from 0 to 1"):
        team_overlap(_org(), min_similarity=value)  # type: ignore[arg-type]


def test_unknown_team() -> None:
    """An unknown team id names the argument."""
    with pytest.raises(InvalidArgument, match="b: unknown team 'zz'"):
        team_similarity(_org(), "rehab", "zz")


@given(org=organisations())
def test_similarity_is_a_symmetric_index(org: Organisation) -> None:
    """Similarity is symmetric, in [0, 1], and 1 for a team with competences and itself."""
    for a, b in itertools.combinations_with_replacement(org.teams, 2):
        s = team_similarity(org, a.id, b.id)
        assert 0.0 <= s <= 1.0
        assert s == team_similarity(org, b.id, a.id)
        if a is b:
            has_competences = any(org.staff_by_id[m].competences for m in a.staff_ids)
            assert s == (1.0 if has_competences else 0.0)


@given(org=organisations())
def test_reported_pairs_meet_the_rule(org: Organisation) -> None:
    """Every pair is same-category, differently named, similar enough or same type; sorted."""
    overlaps = team_overlap(org)
    teams = org.teams_by_id
    for o in overlaps:
        a, b = teams[o.a], teams[o.b]
        assert o.a < o.b
        assert a.category is b.category
        assert (a.name or a.id).casefold() != (b.name or b.id).casefold()
        assert o.similarity >= DEFAULT_MIN_SIMILARITY or o.same_type
    keys = [(-o.similarity, o.a, o.b) for o in overlaps]
    assert keys == sorted(keys)


def test_shared_members_by_hand() -> None:
    """Two rehabilitation teams with c in both (half each): c is their one shared member.

    ::

        staff -- team             projected onto teams
        a --- rehab
        c --- rehab, th    ==>    rehab ==(c)== th
        b --- th
    """
    org = Organisation(
        "d",
        staff=[
            Staff("a", profession="physiotherapist", competences=["rehabilitation"]),
            Staff("b", profession="physiotherapist", competences=["rehabilitation"]),
            Staff("c", profession="nurse", competences=["rehabilitation"]),
        ],
        teams=[
            Team("rehab", category="specialist", members=["a", Membership("c", share=0.5)]),
            Team("th", category="specialist", members=["b", Membership("c", share=0.5)]),
        ],
    )
    (overlap,) = team_overlap(org)
    assert (overlap.a, overlap.b, overlap.similarity) == ("rehab", "th", 1.0)
    assert overlap.shared_staff == ("c",)


@given(org=organisations())
def test_shared_members_are_the_common_members(org: Organisation) -> None:
    """Each reported pair's shared staff are exactly the people listed in both teams."""
    teams = org.teams_by_id
    for o in team_overlap(org, min_similarity=0.0):
        common = set(teams[o.a].staff_ids) & set(teams[o.b].staff_ids)
        assert o.shared_staff == tuple(sorted(common))
