"""Tests of the organisation's value objects: each field rule rejects bad values by name."""

from __future__ import annotations

import attrs
import pytest

from hometeams.errors import InvalidScenario
from hometeams.model import (
    Competence,
    Membership,
    Period,
    Profession,
    Staff,
    Team,
    TeamCategory,
    Unit,
    User,
    Zone,
)


def _rejects(path: str, build: object, *args: object, **kwargs: object) -> InvalidScenario:
    assert callable(build)
    with pytest.raises(InvalidScenario) as info:
        build(*args, **kwargs)
    assert info.value.path == path
    return info.value


def test_staff_defaults_to_full_time_with_no_competences() -> None:
    """A staff member without explicit fields works full time and holds no competences."""
    kari = Staff("kari", profession="nurse")
    assert kari.fte == 1.0
    assert kari.competences == frozenset()


@pytest.mark.parametrize("fte", [0, -0.1, 1.0000001, 1.5, float("nan"), float("inf"), True, "0.5"])
def test_staff_fte_outside_zero_one_is_rejected(fte: object) -> None:
    """FTE must be a number in (0, 1]; the error names the field and the value."""
    err = _rejects("fte", Staff, "kari", profession="nurse", fte=fte)
    assert repr(fte) in err.rule


@pytest.mark.parametrize("bad", ["", " kari", "kari ola", "-x", 3, None])
def test_ids_must_be_simple_strings(bad: object) -> None:
    """Ids are non-empty strings of letters, digits, '_', '-', '.'; anything else is refused."""
    _rejects("id", Staff, bad, profession="nurse")


def test_ids_may_use_norwegian_letters() -> None:
    """Zones and staff named with æ, ø and å are valid ids."""
    assert Zone("sør").id == "sør"
    assert Staff("bjørg-å", profession="nurse", zone="sør").id == "bjørg-å"


def test_competence_lists_are_frozen_sets() -> None:
    """Competences given as a list become a frozenset; a bare string is one competence."""
    assert Staff("a", profession="nurse", competences=["x", "x", "y"]).competences == {"x", "y"}
    assert Staff("a", profession="nurse", competences="dementia").competences == {"dementia"}


def test_bad_competence_id_names_its_position() -> None:
    """A malformed competence id is reported with its index in the sorted set."""
    _rejects("competences[0]", Staff, "a", profession="nurse", competences=[" bad"])


def test_staff_cannot_report_to_themselves() -> None:
    """A reporting line from a person to themselves is refused."""
    _rejects("reports_to", Staff, "a", profession="nurse", reports_to="a")


@pytest.mark.parametrize("share", [0, -0.2, 1.2, float("nan")])
def test_membership_share_outside_zero_one_is_rejected(share: float) -> None:
    """A membership share is an FTE in (0, 1]."""
    _rejects("share", Membership, "kari", share=share)


def test_team_without_members_is_rejected() -> None:
    """A team needs at least one member."""
    err = _rejects("members", Team, "t")
    assert "'t'" in err.rule


def test_team_lists_a_member_once() -> None:
    """The same staff member twice in a team is an error at the second listing."""
    _rejects("members[1].staff", Team, "t", members=["a", Membership("a", share=0.1)])


def test_team_converts_strings_to_enums() -> None:
    """Category and periods given as strings become enums; unknown values are refused."""
    team = Team("t", members=["a"], category="night", periods=["night"])
    assert team.category is TeamCategory.NIGHT
    assert team.periods == {Period.NIGHT}
    _rejects("category", Team, "t", members=["a"], category="nightly")
    _rejects("periods", Team, "t", members=["a"], periods=["noon"])
    _rejects("periods", Team, "t", members=["a"], periods=[])


@pytest.mark.parametrize("days", [[7], [-1], [1.5], []])
def test_team_days_are_weekdays(days: list[object]) -> None:
    """Operating days are integers 0 (Monday) to 6 (Sunday), at least one."""
    _rejects("days", Team, "t", members=["a"], days=days)


def test_day_only_weekday_team_operates_only_then() -> None:
    """A team working days on weekdays does not operate evenings or on Saturday."""
    team = Team("t", members=["a"], periods=["day"], days=range(5))
    assert team.operates(day=0, period="day")
    assert not team.operates(day=0, period=Period.EVENING)
    assert not team.operates(day=5, period="day")


def test_profession_care_level_range() -> None:
    """Care levels are integers 1 to 5."""
    assert Profession("p", care_level=1).care_level == 1
    for level in (0, 6, 2.5, True):
        _rejects("care_level", Profession, "p", care_level=level)


@pytest.mark.parametrize("age", [-1, 131, 40.5, True])
def test_user_age_range(age: object) -> None:
    """A user's age, when given, is an integer from 0 to 130."""
    _rejects("age", User, "u", zone="z", age=age)


def test_unit_cannot_be_its_own_parent() -> None:
    """A unit that names itself as parent is refused."""
    _rejects("parent", Unit, "u", parent="u")


def test_labels_fall_back_to_the_id() -> None:
    """A competence or profession without a label in a language shows its id."""
    assert Competence("x", nb="ix").label("en") == "x"
    assert Competence("x", nb="ix").label("nb") == "ix"
    assert Profession("p", care_level=2, en="Pe").label("en") == "Pe"


def test_value_objects_are_immutable_and_evolve() -> None:
    """Value objects cannot be changed in place; attrs.evolve makes a validated copy."""
    zone = Zone("z", name="Z")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        zone.name = "Y"  # type: ignore[misc]
    kari = Staff("kari", profession="nurse")
    assert attrs.evolve(kari, fte=0.5).fte == 0.5
    with pytest.raises(InvalidScenario):
        attrs.evolve(kari, fte=2.0)
