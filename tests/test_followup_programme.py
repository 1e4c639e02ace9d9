"""Tests of the follow-up programme: look-ups and the rules it checks as a whole."""

from __future__ import annotations

import pytest
from hypothesis import given

from hometeams.errors import InvalidScenario
from hometeams.followup import (
    ComplexNeedsUser,
    CoordinatingUnit,
    CoordinatorRole,
    FollowUpProgramme,
    FollowUpTeam,
    Service,
)
from hometeams.model import Organisation, Staff, Unit
from test_followup_strategies import programmes

ROLES = [CoordinatorRole("siri", hours_per_week=2), CoordinatorRole("per", hours_per_week=6)]


def _user(uid: str, coordinator: str | None = None, **kwargs: object) -> ComplexNeedsUser:
    return ComplexNeedsUser(
        uid,
        age=30,
        services=["gp", "nav", "relatives"],
        coordinator=coordinator,
        **kwargs,  # type: ignore[arg-type]
    )


def _rejects(path: str, **kwargs: object) -> InvalidScenario:
    fields: dict[str, object] = {"coordinators": ROLES, "users": [_user("a", "siri")]}
    fields.update(kwargs)
    with pytest.raises(InvalidScenario) as info:
        FollowUpProgramme("x", **fields)  # type: ignore[arg-type]
    assert info.value.path == path
    return info.value


def test_caseloads_list_every_role_with_its_users_in_order() -> None:
    """Caseloads map every coordinator, idle ones included, to their users in user order."""
    p = FollowUpProgramme(
        "x", coordinators=ROLES, users=[_user("a", "per"), _user("b"), _user("c", "per")]
    )
    assert dict(p.caseloads) == {"siri": (), "per": ("a", "c")}
    assert p.caseload("per") == 2
    assert p.slots("per") == 6


def test_default_team_puts_every_service_in_the_core() -> None:
    """A coordinated user without an explicit team gets one with everyone in the core."""
    p = FollowUpProgramme("x", coordinators=ROLES, users=[_user("a", "per")])
    assert p.team("a").core == {Service.GP, Service.NAV, Service.RELATIVES}


def test_explicit_team_is_used() -> None:
    """An explicit team replaces the default one."""
    team = FollowUpTeam("a", coordinator="per", core=["nav"], wider=["gp", "relatives"])
    p = FollowUpProgramme("x", coordinators=ROLES, users=[_user("a", "per")], teams=[team])
    assert p.team("a") is team
    assert p.active_teams == (team,)


@pytest.mark.parametrize(
    ("kwargs", "path"),
    [
        (
            {"coordinators": [*ROLES, CoordinatorRole("siri", hours_per_week=1)]},
            "coordinators[2].staff",
        ),
        ({"users": [_user("a"), _user("a")]}, "users[1].id"),
        ({"users": [_user("a", "kari")]}, "users[0].coordinator"),
        ({"hours_per_user": 0}, "hours_per_user"),
        ({"coordinators": ["siri"]}, "coordinators[0]"),
        ({"unit": "ke"}, "unit"),
    ],
)
def test_programme_rules_name_the_offending_field(kwargs: dict[str, object], path: str) -> None:
    """Duplicates, unknown coordinators and wrong types are refused with the field path."""
    _rejects(path, **kwargs)


@pytest.mark.parametrize(
    ("team", "path"),
    [
        (FollowUpTeam("zz", coordinator="siri", core=["gp"]), "teams[0].user"),
        (
            FollowUpTeam("a", coordinator="per", core=["gp", "nav", "relatives"]),
            "teams[0].coordinator",
        ),
        (
            FollowUpTeam("a", coordinator="siri", core=["gp", "nav", "relatives", "school"]),
            "teams[0].core",
        ),
        (FollowUpTeam("a", coordinator="siri", core=["gp"], wider=["nav"]), "teams[0].wider"),
    ],
)
def test_teams_must_agree_with_their_user(team: FollowUpTeam, path: str) -> None:
    """A team names a known user, their coordinator, and exactly the user's services."""
    _rejects(path, teams=[team])


def test_duplicate_teams_for_one_user_are_refused() -> None:
    """A user has at most one explicit team."""
    team = FollowUpTeam("a", coordinator="siri", core=["gp", "nav", "relatives"])
    _rejects("teams[1].user", teams=[team, team])


ORG = Organisation(
    "Kinn",
    staff=[
        Staff("siri", profession="physiotherapist", fte=0.2),
        Staff("per", profession="nurse"),
        Staff("kari", profession="nurse"),
    ],
    units=[Unit("helse")],
)


def test_organisation_programme_accepts_its_own_staff() -> None:
    """With an organisation, coordinators and contacts who are its staff are accepted."""
    p = FollowUpProgramme(
        "x",
        coordinators=ROLES,
        users=[_user("a", "siri", primary_contact="kari")],
        unit=CoordinatingUnit("ke", members=["per"], unit="helse"),
        organisation=ORG,
    )
    assert p.organisation is ORG


@pytest.mark.parametrize(
    ("kwargs", "path"),
    [
        ({"coordinators": [CoordinatorRole("ola", hours_per_week=1)]}, "coordinators[0].staff"),
        ({"users": [_user("a", primary_contact="ola")]}, "users[0].primary_contact"),
        ({"unit": CoordinatingUnit("ke", members=["ola"])}, "unit.members[0]"),
        ({"unit": CoordinatingUnit("ke", unit="omsorg")}, "unit.unit"),
    ],
)
def test_organisation_programme_refuses_unknown_staff(kwargs: dict[str, object], path: str) -> None:
    """With an organisation, every person and unit named must be in it."""
    _rejects(path, organisation=ORG, users=kwargs.pop("users", []), **kwargs)


def test_role_cannot_take_more_hours_than_the_position() -> None:
    """A 0.2 FTE physiotherapist (7.5 hours) cannot hold an 8-hour coordinator role."""
    err = _rejects(
        "coordinators[0].hours_per_week",
        organisation=ORG,
        coordinators=[CoordinatorRole("siri", hours_per_week=8)],
        users=[],
    )
    assert "0.2 FTE (7.5 hours)" in err.rule


def test_overloaded_coordinator_is_a_finding_not_an_error() -> None:
    """A caseload above the role's slots is accepted (capacity() reports it)."""
    p = FollowUpProgramme(
        "x",
        coordinators=[CoordinatorRole("siri", hours_per_week=1)],
        users=[_user(f"u{i}", "siri") for i in range(3)],
    )
    assert p.caseload("siri") > p.slots("siri")


@given(programmes())
def test_every_coordinated_user_has_exactly_one_team(programme: FollowUpProgramme) -> None:
    """Active teams are one per coordinated user, led by that user's coordinator."""
    coordinated = {u.id: u.coordinator for u in programme.users if u.coordinator is not None}
    teams = programme.active_teams
    assert [t.user for t in teams] == list(coordinated)
    assert all(t.coordinator == coordinated[t.user] for t in teams)
    assert all(t.core | t.wider == programme.users_by_id[t.user].services for t in teams)
