"""Tests of the catalogues against the national mapping (seed 000, table 3)."""

from __future__ import annotations

from hometeams.model import (
    COMPETENCES,
    MAPPED_MUNICIPALITIES,
    PROFESSIONS,
    TEAM_TYPES,
    TeamCategory,
)

# Table 3 of the SOF report (seed 000, L467-495), typed from the source: name → municipalities.
TABLE_3 = {
    "memory": 32,
    "rehabilitation": 12,
    "assessment-intervention": 6,
    "palliative": 6,
    "welfare-technology": 5,
    "rop": 4,
    "night-patrol": 3,
    "nurse": 3,
    "intake": 2,
    "nutrition": 2,
    "wound": 2,
    "fall": 1,
    "acute": 1,
    "housing": 1,
    "consultation": 1,
    "assessment": 1,
    "early-intervention": 1,
}


def test_seventeen_team_types_with_their_counts() -> None:
    """The catalogue has the 17 types of table 3 with the reported municipality counts."""
    assert {k: t.municipalities for k, t in TEAM_TYPES.items()} == TABLE_3
    assert MAPPED_MUNICIPALITIES == 47
    assert all(t.municipalities <= MAPPED_MUNICIPALITIES for t in TEAM_TYPES.values())


def test_team_types_have_both_labels_and_a_category() -> None:
    """Every team type has a bokmål and an English label and a category."""
    for team_type in TEAM_TYPES.values():
        assert team_type.label("nb")
        assert team_type.label("en")
        assert isinstance(team_type.category, TeamCategory)
    assert TEAM_TYPES["night-patrol"].category is TeamCategory.NIGHT
    assert TEAM_TYPES["memory"].label("nb").startswith("Hukommelsesteam")


def test_professions_order_care_levels() -> None:
    """An assistant is below a health worker, below a nurse, below a specialist nurse."""
    levels = [
        PROFESSIONS[p].care_level
        for p in ("assistant", "health-worker", "nurse", "specialist-nurse", "physician")
    ]
    assert levels == sorted(levels)
    assert len(set(levels)) == len(levels)


def test_starting_competences() -> None:
    """The twelve starting competences named in the foundation issue are present."""
    assert len(COMPETENCES) == 12
    assert {"dementia", "palliation", "rehabilitation", "wound-care", "nursing"} <= set(COMPETENCES)
    assert all(c.nb and c.en for c in COMPETENCES.values())
