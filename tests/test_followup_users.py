"""Tests of users with complex needs and the follow-up team around each."""

from __future__ import annotations

import pytest

from hometeams.errors import InvalidScenario
from hometeams.followup import ComplexNeedsUser, FollowUpTeam, Service
from hometeams.model import User


def _ole(**kwargs: object) -> ComplexNeedsUser:
    fields: dict[str, object] = {
        "age": 6,
        "services": ["gp", "physiotherapy", "kindergarten", "relatives"],
        "coordinator": "siri",
    }
    fields.update(kwargs)
    return ComplexNeedsUser("ole", **fields)  # type: ignore[arg-type]


def test_service_count_counts_the_gp_but_not_relatives() -> None:
    """Four actors, one of them relatives, make three services (seed 003 L1455)."""
    assert _ole().service_count == 3


@pytest.mark.parametrize(
    ("kwargs", "path"),
    [
        ({"age": -1}, "age"),
        ({"age": 131}, "age"),
        ({"age": 6.5}, "age"),
        ({"services": []}, "services"),
        ({"services": ["gp", "astrology"]}, "services[1]"),
        ({"coordinator": "bad id"}, "coordinator"),
        ({"services": ["nav"], "gp": "dr-lund"}, "gp"),
        ({"plan": "yes"}, "plan"),
    ],
)
def test_bad_user_fields_are_refused_by_name(kwargs: dict[str, object], path: str) -> None:
    """Each field rule of a user names the field."""
    with pytest.raises(InvalidScenario) as info:
        _ole(**kwargs)
    assert info.value.path == path


def test_from_user_takes_id_age_and_primary_contact() -> None:
    """A home-care user becomes a complex-needs user with the same id, age and contact."""
    user = User("u9", zone="north", primary_contact="kari", age=88)
    view = ComplexNeedsUser.from_user(user)
    assert (view.id, view.age, view.primary_contact, view.services) == (
        "u9",
        88,
        "kari",
        frozenset({Service.HOME_CARE}),
    )


def test_from_user_without_age_is_refused() -> None:
    """Coverage by age needs an age: a user without one is refused, naming the field."""
    with pytest.raises(InvalidScenario) as info:
        ComplexNeedsUser.from_user(User("u9", zone="north"))
    assert info.value.path == "age"


def test_team_around_a_user_splits_core_and_wider() -> None:
    """Named core services form the core; the user's other services form the wider group."""
    team = FollowUpTeam.around(_ole(), core=["kindergarten", "relatives"])
    assert team.core == {Service.KINDERGARTEN, Service.RELATIVES}
    assert team.wider == {Service.GP, Service.PHYSIOTHERAPY}
    assert team.coordinator == "siri"


def test_team_around_defaults_to_everyone_in_the_core() -> None:
    """Without a core, every service is in the core, like the old responsibility group."""
    team = FollowUpTeam.around(_ole())
    assert team.core == _ole().services
    assert team.wider == frozenset()


def test_team_needs_a_coordinator() -> None:
    """A user without a coordinator has no team (every team is led by one, seed 002 L53)."""
    with pytest.raises(InvalidScenario) as info:
        FollowUpTeam.around(_ole(coordinator=None))
    assert info.value.path == "coordinator"


def test_core_and_wider_may_not_overlap() -> None:
    """A service cannot be both in the core and in the wider group."""
    with pytest.raises(InvalidScenario) as info:
        FollowUpTeam("ole", coordinator="siri", core=["gp"], wider=["gp", "nav"])
    assert info.value.path == "wider"


def test_attendees_are_coordinator_user_and_one_per_service() -> None:
    """Core meetings: coordinator, user and one per core service; larger ones add the rest."""
    team = FollowUpTeam("ole", coordinator="siri", core=["gp", "nav"], wider=["school"])
    assert team.attendees() == 4
    assert team.attendees(wider=True) == 5
