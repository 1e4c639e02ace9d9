"""Tests of the organisation as a whole: every cross-reference rule, by name."""

from __future__ import annotations

from typing import Any

import pytest

from hometeams.errors import InvalidScenario
from hometeams.model import (
    Competence,
    Membership,
    Organisation,
    Profession,
    Staff,
    Team,
    Unit,
    User,
    Zone,
)


def _org(**overrides: Any) -> Organisation:
    """A small valid district: two zones, four staff, two teams, two units, three users."""
    parts: dict[str, Any] = {
        "zones": [Zone("north"), Zone("south")],
        "units": [
            Unit("home-care", leader="head"),
            Unit("north", leader="lead", parent="home-care"),
        ],
        "staff": [
            Staff("head", profession="nurse", unit="home-care"),
            Staff("lead", profession="nurse", unit="north", zone="north"),
            Staff(
                "kari",
                profession="nurse",
                competences=["dementia", "nursing"],
                fte=0.8,
                zone="north",
                unit="north",
            ),
            Staff(
                "ola",
                profession="health-worker",
                competences=["personal-care"],
                fte=0.5,
                zone="south",
                unit="north",
            ),
        ],
        "teams": [
            Team(
                "north",
                category="geographic",
                zones=["north"],
                members=["lead", Membership("kari", share=0.6)],
                leader="lead",
            ),
            Team(
                "memory",
                category="specialist",
                type="memory",
                members=[Membership("kari", share=0.2)],
            ),
        ],
        "users": [
            User("u1", zone="north", needs=["dementia"], team="north", primary_contact="kari"),
            User("u2", zone="north", needs=["personal-care"]),
            User("u3", zone="south", needs=["wound-care"], age=84),
        ],
    }
    parts.update(overrides)
    return Organisation("District", **parts)


def _rejects(path: str, **overrides: Any) -> InvalidScenario:
    with pytest.raises(InvalidScenario) as info:
        _org(**overrides)
    assert info.value.path == path, str(info.value)
    return info.value


def test_valid_organisation_totals() -> None:
    """Totals and look-ups of a valid organisation follow from its parts."""
    org = _org()
    assert org.fte == pytest.approx(1 + 1 + 0.8 + 0.5)
    assert org.team_fte("north") == pytest.approx(1.0 + 0.6)
    assert org.team_fte("memory") == pytest.approx(0.2)
    assert org.share("north", "lead") == 1.0
    assert org.teams_of("kari") == ("north", "memory")
    assert org.teams_of("head") == ()
    assert org.care_level("ola") == 2


def test_reporting_lines_follow_units() -> None:
    """Staff report to their unit's leader; a unit leader to the parent unit's leader."""
    org = _org()
    assert dict(org.reporting_lines) == {"lead": "head", "kari": "lead", "ola": "lead"}
    assert org.manager_of("head") is None


def test_explicit_reports_to_overrides_the_unit() -> None:
    """An explicit reports_to wins over the unit's leader."""
    staff = list(_org().staff)
    staff[3] = Staff("ola", profession="health-worker", fte=0.5, unit="north", reports_to="head")
    assert _org(staff=staff).manager_of("ola") == "head"


@pytest.mark.parametrize(
    ("field", "path"),
    [
        ("staff", "staff[1].id"),
        ("teams", "teams[1].id"),
        ("zones", "zones[1].id"),
        ("users", "users[1].id"),
        ("units", "units[1].id"),
    ],
)
def test_duplicate_ids_are_rejected(field: str, path: str) -> None:
    """An id used twice within one kind of entity is refused at the second use."""
    items = list(getattr(_org(), field))
    items[1] = items[0]
    err = _rejects(path, **{field: items})
    assert "duplicate id" in err.rule


def test_duplicate_own_competence_is_rejected() -> None:
    """The organisation's own competences must have unique ids too."""
    _rejects("competences[1].id", competences=[Competence("x"), Competence("x")])


@pytest.mark.parametrize(
    ("change", "path"),
    [
        ({"staff": [Staff("a", profession="pilot")]}, "staff[0].profession"),
        (
            {"staff": [Staff("a", profession="nurse", competences=["flying"])]},
            "staff[0].competences",
        ),
        ({"staff": [Staff("a", profession="nurse", zone="east")]}, "staff[0].zone"),
        ({"staff": [Staff("a", profession="nurse", unit="nowhere")]}, "staff[0].unit"),
        ({"staff": [Staff("a", profession="nurse", reports_to="boss")]}, "staff[0].reports_to"),
    ],
)
def test_unknown_staff_references_are_rejected(change: dict[str, Any], path: str) -> None:
    """A staff member's profession, competences, zone, unit and manager must exist."""
    err = _rejects(path, teams=[], users=[], units=[], **change)
    assert err.rule.startswith("unknown")


def test_unknown_team_references_are_rejected() -> None:
    """A team's members, zones, leader, unit and type must exist."""
    base = {"members": ["kari"]}
    cases = [
        (Team("t", members=["nobody"]), "teams[0].members[0].staff"),
        (Team("t", zones=["east"], **base), "teams[0].zones"),
        (Team("t", leader="nobody", **base), "teams[0].leader"),
        (Team("t", unit="nowhere", **base), "teams[0].unit"),
        (Team("t", type="choir", **base), "teams[0].type"),
    ]
    for team, path in cases:
        _rejects(path, teams=[team], users=[])


def test_unknown_user_references_are_rejected() -> None:
    """A user's zone, needs, primary contact and team must exist."""
    cases = [
        (User("u", zone="east"), "users[0].zone"),
        (User("u", zone="north", needs=["flying"]), "users[0].needs"),
        (User("u", zone="north", primary_contact="nobody"), "users[0].primary_contact"),
        (User("u", zone="north", team="nowhere"), "users[0].team"),
    ]
    for user, path in cases:
        _rejects(path, users=[user])


def test_unknown_unit_references_are_rejected() -> None:
    """A unit's leader and parent must exist."""
    _rejects("units[0].leader", units=[Unit("x", leader="nobody")], staff=[], teams=[], users=[])
    _rejects("units[0].parent", units=[Unit("x", parent="y")], staff=[], teams=[], users=[])


def test_shares_above_fte_are_rejected_at_the_membership_that_exceeds() -> None:
    """Kari (0.8 FTE) gives 0.6 to north; another 0.3 to memory exceeds her position."""
    teams = [
        Team("north", members=[Membership("kari", share=0.6)]),
        Team("memory", members=[Membership("kari", share=0.3)]),
    ]
    err = _rejects("teams[1].members[0].share", teams=teams, users=[])
    assert "0.9" in err.rule
    assert "0.8" in err.rule


def test_a_bare_membership_takes_the_whole_position() -> None:
    """A bare membership uses the person's FTE, so any further share exceeds it."""
    teams = [Team("north", members=["ola"]), Team("memory", members=[Membership("ola", share=0.1)])]
    _rejects("teams[1].members[0].share", teams=teams, users=[])


def test_shares_may_add_up_to_exactly_the_fte() -> None:
    """Shares 0.6 + 0.2 of a 0.8 FTE position are allowed despite floating-point sums."""
    assert _org().share("memory", "kari") == pytest.approx(0.2)
    teams = [
        Team("a", members=[Membership("kari", share=0.1)])
        if i == 0
        else Team(f"t{i}", members=[Membership("kari", share=0.1)])
        for i in range(8)
    ]
    assert sum(t.members[0].share or 0 for t in _org(teams=teams, users=[]).teams) == pytest.approx(
        0.8
    )


def test_cycle_in_unit_hierarchy_is_rejected() -> None:
    """Units whose parents form a loop are refused, naming the loop."""
    units = [Unit("a", parent="b"), Unit("b", parent="a")]
    err = _rejects("units[0].parent", units=units, staff=[], teams=[], users=[])
    assert "a -> b -> a" in err.rule


def test_cycle_in_reporting_lines_is_rejected() -> None:
    """Explicit reporting lines that loop are refused, naming the loop."""
    staff = [
        Staff("a", profession="nurse", reports_to="b"),
        Staff("b", profession="nurse", reports_to="c"),
        Staff("c", profession="nurse", reports_to="a"),
    ]
    err = _rejects("staff[0].reports_to", staff=staff, teams=[], users=[], units=[])
    assert "a -> b -> c -> a" in err.rule


def test_cycle_through_unit_leaders_is_rejected() -> None:
    """A unit leader who reports (explicitly) to someone in their own unit closes a loop."""
    staff = [
        Staff("head", profession="nurse", unit="u", reports_to="kari"),
        Staff("kari", profession="nurse", unit="u"),
    ]
    units = [Unit("u", leader="head")]
    err = _rejects("staff[0].reports_to", staff=staff, units=units, teams=[], users=[])
    assert "cycle" in err.rule


def test_uncovered_needs_are_reported_not_refused() -> None:
    """u3 needs wound care that nobody holds: the organisation is valid and lists the gap."""
    org = _org()
    assert dict(org.uncovered_needs()) == {"u3": frozenset({"wound-care"})}


def test_own_competences_and_professions_extend_and_relabel_the_catalogue() -> None:
    """An organisation may add a competence, and relabel a catalogue profession."""
    org = _org(
        competences=[Competence("cancer-coordination", nb="kreftkoordinering")],
        professions=[Profession("nurse", care_level=3, nb="Sykepleiar")],
        staff=[Staff("a", profession="nurse", competences=["cancer-coordination"])],
        teams=[],
        users=[],
        units=[],
    )
    assert org.all_competences["cancer-coordination"].nb == "kreftkoordinering"
    assert org.all_professions["nurse"].label("nb") == "Sykepleiar"
    assert "dementia" in org.all_competences


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: Organisation(5), "name: must be a string, got 5"),
        (lambda: Organisation("x", staff="x"), "staff: must be a list, got 'x'"),
        (lambda: Organisation("x", staff=[1]), "staff[0]: must be of type Staff, got int 1"),
        (lambda: Organisation("x", teams=5), "teams: must be a list, got 5"),
        (lambda: Organisation("x", users={"u": 1}), "users: must be a list, got {'u': 1}"),
        (lambda: Team("t", members=5), "members: must be a list, got 5"),
        (lambda: Team("t", members="kari"), "members: must be a list, got 'kari'"),
        (
            lambda: Team("t", members=[3]),
            "members[0]: must be of type Membership or str, got int 3",
        ),
    ],
)
def test_wrong_types_are_invalid_arguments_naming_the_argument(build: Any, message: str) -> None:
    """Not an AttributeError or "'int' object is not iterable": the argument, value and rule."""
    from hometeams.errors import InvalidArgument

    with pytest.raises(InvalidArgument) as caught:
        build()
    assert str(caught.value) == message
