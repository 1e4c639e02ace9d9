"""Tests of competence coverage per organisation, zone and team, and on one shift."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hometeams.errors import InvalidArgument
from hometeams.graph import (
    Coverage,
    ShiftCoverage,
    competence_coverage,
    relevant_competences,
    shift_coverage,
)
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


def test_shift_coverage_of_the_district_by_hand() -> None:
    """Kari and per on an evening needing dementia and nursing: kari must take nursing.

    ::

        dementia --- kari, per
        nursing  --- kari          -> per: dementia, kari: nursing (the only full matching)
    """
    got = shift_coverage(district(), ["kari", "per"], needs={"dementia": 1, "nursing": 1})
    assert got == ShiftCoverage(
        needed=2,
        met=2,
        assignment=(("dementia", "per"), ("nursing", "kari")),
        bottleneck=(),
        bottleneck_staff=(),
    )
    assert got.complete


def test_one_person_cannot_fill_two_needs() -> None:
    """Two dementia places and wound care; kari, per (dementia) and sara (wound care, nursing).

    ::

        dementia #1, #2 --- kari, per
        dementia #3     --- kari, per     three dementia places, two people: one short
        wound-care      --- sara
    """
    got = shift_coverage(
        district(), ["sara", "kari", "per", "ola"], needs={"dementia": 3, "wound-care": 1}
    )
    assert (got.needed, got.met, got.short, got.complete) == (4, 3, 1, False)
    assert got.bottleneck == (("dementia", 3),)
    assert got.bottleneck_staff == ("kari", "per")
    assert ("wound-care", "sara") in got.assignment


def test_a_need_nobody_on_shift_holds() -> None:
    """Palliation with nobody holding it is the whole bottleneck, with nobody able."""
    got = shift_coverage(district(), ["lena"], needs={"palliation": 1, "nursing": 1})
    assert (got.met, got.bottleneck, got.bottleneck_staff) == (1, (("palliation", 1),), ())
    assert got.assignment == (("nursing", "lena"),)


def test_no_needs_are_met_at_once() -> None:
    """Zero needs: nothing needed, nothing short."""
    got = shift_coverage(district(), [], needs={"dementia": 0})
    assert (got.needed, got.met, got.complete, got.assignment) == (0, 0, True, ())


@pytest.mark.parametrize(
    ("staff", "needs", "message"),
    [
        (["x"], {"dementia": 1}, "staff: unknown staff member 'x'"),
        (["kari", "kari"], {"dementia": 1}, "staff: 'kari' is listed twice"),
        (["kari"], {"demntia": 1}, "needs: unknown competence 'demntia'"),
        (["kari"], {"dementia": -1}, r"needs\['dementia'\]: must be a number of people >= 0"),
        (["kari"], {"dementia": 1.5}, r"needs\['dementia'\]"),
        (["kari"], ["dementia"], "needs: must map competences to numbers of people"),
    ],
)
def test_shift_coverage_rejects_bad_arguments(
    staff: list[str], needs: object, message: str
) -> None:
    """Unknown or repeated staff, unknown competences and bad counts raise InvalidArgument."""
    with pytest.raises(InvalidArgument, match=message):
        shift_coverage(district(), staff, needs=needs)  # type: ignore[arg-type]


@st.composite
def _shifts(draw: st.DrawFn) -> tuple[Organisation, list[str], dict[str, int]]:
    """An organisation, some of its staff on a shift, and needs for up to four competences."""
    org = draw(organisations(max_users=0))
    staff = draw(st.lists(st.sampled_from([s.id for s in org.staff]), unique=True))
    competences = sorted(org.all_competences)
    chosen = draw(st.lists(st.sampled_from(competences), unique=True, max_size=4))
    needs = {c: draw(st.integers(min_value=0, max_value=3)) for c in chosen}
    return org, staff, needs


@given(shift=_shifts())
def test_shift_coverage_equals_halls_deficiency(
    shift: tuple[Organisation, list[str], dict[str, int]],
) -> None:
    """Met = needed - max over sets A of needs (|A| - people able for A), by brute force.

    The König-Ore formula for a maximum matching; needs of one competence share their people,
    so the maximum is over sets of competences. The assignment is a valid matching and the
    bottleneck is short by exactly ``needed - met``.
    """
    org, staff, needs = shift
    got = shift_coverage(org, staff, needs=needs)
    holds = {s: org.staff_by_id[s].competences for s in staff}
    deficiency = 0
    for k in range(len(needs) + 1):
        for group in itertools.combinations(needs, k):
            able = {s for s in staff if holds[s] & set(group)}
            deficiency = max(deficiency, sum(needs[c] for c in group) - len(able))
    assert got.needed == sum(needs.values())
    assert got.met == got.needed - deficiency
    people = [s for _, s in got.assignment]
    assert len(people) == len(set(people)) == got.met
    assert all(c in holds[s] for c, s in got.assignment)
    assert all(sum(1 for c, _ in got.assignment if c == need) <= needs[need] for need in needs)
    able = {s for s in staff if holds[s] & {c for c, _ in got.bottleneck}}
    assert got.bottleneck_staff == tuple(sorted(able))
    assert sum(n for _, n in got.bottleneck) - len(able) == got.short
