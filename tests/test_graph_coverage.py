"""Tests of competence coverage per organisation, zone and team."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hometeams.errors import InvalidArgument
from hometeams.graph import Coverage, competence_coverage, relevant_competences
from hometeams.model import Organisation
from strategies import district, organisations, remove_staff

COMPETENCES = (
    "dementia",
    "nursing",
    "palliation",
    "personal-care",
    "welfare-technology",
    "wound-care",
)


def _table(rows: tuple[Coverage, ...]) -> dict[tuple[str | None, str], tuple[float, int, int]]:
    return {(r.group, r.competence): (round(r.fte, 9), r.heads, r.users) for r in rows}


def test_relevant_competences_are_held_or_needed() -> None:
    """The district holds or needs six competences (palliation only needed)."""
    assert relevant_competences(district()) == COMPETENCES


def test_organisation_coverage_by_hand() -> None:
    """Dementia: kari 0.8 + per 1.0, needed by u1, u3; palliation: nobody, needed by u5."""
    table = _table(competence_coverage(district()))
    assert table == {
        (None, "dementia"): (1.8, 2, 2),
        (None, "nursing"): (2.8, 3, 0),
        (None, "palliation"): (0.0, 0, 1),
        (None, "personal-care"): (1.5, 2, 1),
        (None, "welfare-technology"): (0.6, 1, 1),
        (None, "wound-care"): (1.0, 1, 1),
    }


def test_zone_coverage_by_hand() -> None:
    """Staff count in their home zone; nina (no zone) counts nowhere."""
    table = _table(competence_coverage(district(), by="zone"))
    assert len(table) == 2 * len(COMPETENCES)
    assert table["north", "dementia"] == (0.8, 1, 1)
    assert table["north", "nursing"] == (1.8, 2, 0)
    assert table["north", "palliation"] == (0.0, 0, 1)
    assert table["south", "dementia"] == (1.0, 1, 1)
    assert table["south", "welfare-technology"] == (0.0, 0, 1)
    assert table["south", "wound-care"] == (1.0, 1, 1)


def test_team_coverage_by_hand() -> None:
    """Team coverage counts the shares members give: kari gives 0.2 to memory, 0.6 to north."""
    table = _table(competence_coverage(district(), by="team"))
    assert len(table) == 4 * len(COMPETENCES)
    assert table["memory", "dementia"] == (0.4, 2, 0)
    assert table["memory", "nursing"] == (0.2, 1, 0)
    assert table["north", "dementia"] == (0.6, 1, 1)
    assert table["north", "nursing"] == (1.6, 2, 0)
    assert table["south", "dementia"] == (0.8, 1, 1)
    assert table["vt", "welfare-technology"] == (0.6, 1, 0)


def test_rows_are_sorted() -> None:
    """Rows come by group id, then competence id."""
    rows = competence_coverage(district(), by="team")
    assert [(r.group, r.competence) for r in rows] == sorted((r.group, r.competence) for r in rows)


def test_fte_per_user() -> None:
    """FTE per user divides by users; with no users it is infinite."""
    assert Coverage("x", scope="zone", group="n", fte=1.0, heads=1, users=4).fte_per_user == 0.25
    assert Coverage("x", scope="zone", group="n", fte=1.0, heads=1, users=0).fte_per_user == float(
        "inf"
    )


def test_rejects_unknown_scope() -> None:
    """An unknown ``by`` raises InvalidArgument listing the choices."""
    with pytest.raises(InvalidArgument, match="by: must be one of organisation, zone, team"):
        competence_coverage(district(), by="unit")  # type: ignore[arg-type]


@given(org=organisations(), pick=st.integers(min_value=0, max_value=99))
def test_removing_a_staff_member_never_increases_coverage(org: Organisation, pick: int) -> None:
    """Without one person, no competence gains FTE or heads in any zone, team or overall."""
    gone = org.staff[pick % len(org.staff)].id
    smaller = remove_staff(org, gone)
    for by in ("organisation", "zone", "team"):
        before = _table(competence_coverage(org, by=by))
        after = _table(competence_coverage(smaller, by=by))
        for key, (fte, heads, _) in after.items():
            old_fte, old_heads, _ = before.get(key, (0.0, 0, 0))
            assert fte <= old_fte + 1e-9
            assert heads <= old_heads


@given(org=organisations())
def test_coverage_totals(org: Organisation) -> None:
    """Zone coverage never exceeds overall coverage; team coverage FTE never exceeds it either."""
    overall = {r.competence: r for r in competence_coverage(org)}
    for by in ("zone", "team"):
        sums: dict[str, float] = {}
        for row in competence_coverage(org, by=by):
            sums[row.competence] = sums.get(row.competence, 0.0) + row.fte
        for competence, fte in sums.items():
            assert fte <= overall[competence].fte + 1e-9
