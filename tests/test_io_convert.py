"""Tests for the strict converter and its error translation (``hometeams.io._convert``)."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from hometeams.errors import InvalidScenario
from hometeams.io._convert import (
    WEEKDAY_NAMES,
    class_hook,
    converter,
    make_converter,
    structure,
    translate_error,
)
from hometeams.model import Membership, Organisation, Period, Staff, Team, TeamCategory, Zone

KARI = {"id": "kari", "profession": "nurse"}


def _error(data: object, cl: type = Organisation) -> InvalidScenario:
    with pytest.raises(InvalidScenario) as info:
        structure(data, cl, source="org.toml")
    return info.value


# -- strict scalars ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "path", "expected"),
    [
        ({"name": 5}, "name", "must be a string, got 5"),
        ({"name": "x", "staff": [{**KARI, "fte": "0.8"}]}, "staff[0].fte", "got the string '0.8'"),
        ({"name": "x", "staff": [{**KARI, "fte": True}]}, "staff[0].fte", "must be a number"),
        (
            {"name": "x", "zones": [{"id": "n"}], "users": [{"id": "u", "zone": "n", "age": 80.5}]},
            "users[0].age",
            "must be a whole number, got 80.5",
        ),
        (
            {
                "name": "x",
                "staff": [KARI],
                "teams": [{"id": "t", "members": ["kari"], "decision_based": "yes"}],
            },
            "teams[0].decision_based",
            "must be true or false, got the string 'yes'",
        ),
        (
            {"name": "x", "professions": [{"id": "p", "care_level": 2.0}]},
            "professions[0].care_level",
            "must be a whole number, got 2.0",
        ),
    ],
)
def test_wrong_scalar_type_is_refused_with_its_path(data: object, path: str, expected: str) -> None:
    """A value of the wrong TOML type is refused, never converted, and the error names it."""
    err = _error(data)
    assert err.path == path
    assert expected in err.rule
    assert err.source == "org.toml"


def test_integer_fte_is_read_as_a_float() -> None:
    """A whole number where a float is expected is accepted as that number (``fte = 1``)."""
    org = structure({"name": "x", "staff": [{**KARI, "fte": 1}]}, Organisation)
    assert org.staff[0].fte == 1.0
    assert isinstance(org.staff[0].fte, float)


# -- lists and tables -------------------------------------------------------------------------


def test_a_bare_string_is_not_a_list_of_competences() -> None:
    """``competences = "dementia"`` is refused instead of being read as a set of letters."""
    err = _error({"name": "x", "staff": [{**KARI, "competences": "dementia"}]})
    assert err.path == "staff[0].competences"
    assert "must be a list" in err.rule


def test_an_entity_must_be_a_table() -> None:
    """A list item that should be a table names its index."""
    err = _error({"name": "x", "staff": [KARI, "ola"]})
    assert err.path == "staff[1]"
    assert err.rule == "must be a table, got the string 'ola'"


def test_a_list_of_entities_must_be_a_list() -> None:
    """``staff = "kari"`` names the field."""
    err = _error({"name": "x", "staff": "kari"})
    assert err.path == "staff"
    assert "must be a list" in err.rule


# -- keys -------------------------------------------------------------------------------------


def test_unknown_key_suggests_the_close_one() -> None:
    """A typo such as ``ftee`` is an error naming the key and suggesting ``fte``."""
    err = _error({"name": "x", "staff": [KARI, {**KARI, "id": "ola", "ftee": 0.8}]})
    assert err.path == "staff[1]"
    assert err.rule == "unknown key 'ftee'; did you mean 'fte'?"


def test_unknown_key_without_a_close_one_lists_the_known_keys() -> None:
    """An unknown key with no near match lists every key the table may have."""
    err = _error({"name": "x", "zones": [{"id": "n", "colour": "red"}]})
    assert err.path == "zones[0]"
    assert err.rule == "unknown key 'colour'; known keys are id, name"


def test_unknown_top_level_key_has_an_empty_path() -> None:
    """A misspelt top-level table is named with the file only."""
    err = _error({"name": "x", "staf": []})
    assert err.path == ""
    assert str(err) == "org.toml: unknown key 'staf'; did you mean 'staff'?"


def test_missing_required_key_is_named() -> None:
    """A staff member without a profession names ``staff[0].profession``."""
    err = _error({"name": "x", "staff": [{"id": "kari"}]})
    assert err.path == "staff[0].profession"
    assert err.rule == "required key is missing"


# -- enums, weekdays, members -----------------------------------------------------------------


def test_enum_error_lists_the_choices() -> None:
    """An unknown category names the value and every allowed one."""
    err = _error(
        {
            "name": "x",
            "staff": [KARI],
            "teams": [{"id": "t", "members": ["kari"], "category": "geo"}],
        }
    )
    assert err.path == "teams[0].category"
    choices = ", ".join(repr(c.value) for c in TeamCategory)
    assert err.rule == f"must be one of {choices}, got 'geo'"


def test_unknown_period_names_its_index() -> None:
    """A bad period names its position in the list."""
    err = _error(
        {
            "name": "x",
            "staff": [KARI],
            "teams": [{"id": "t", "members": ["kari"], "periods": ["day", "dag"]}],
        }
    )
    assert err.path == "teams[0].periods[1]"


@given(st.lists(st.integers(min_value=0, max_value=6), min_size=1, max_size=7), st.booleans())
def test_weekdays_read_as_names_or_numbers(days: list[int], as_names: bool) -> None:
    """Weekdays may be given as ``mon``...``sun`` or 0...6 and mean the same days."""
    given_days = [WEEKDAY_NAMES[d] for d in days] if as_names else days
    team = converter().structure({"id": "t", "members": ["kari"], "days": given_days}, Team)
    assert team.days == frozenset(days)


def test_norwegian_weekday_names_are_read() -> None:
    """``man``...``søn`` (bokmål) are read as Monday...Sunday, in any letter case."""
    nb = ["man", "TIR", "ons", "tor", "fre", "Lør", "søn"]
    team = converter().structure({"id": "t", "members": ["kari"], "days": nb}, Team)
    assert team.days == frozenset(range(7))


@pytest.mark.parametrize("bad", ["mnd", 7, -1, True, 2.0])
def test_bad_weekday_is_refused_with_its_index(bad: object) -> None:
    """A weekday that is not a name or 0..6 names its position in the list."""
    err = _error(
        {
            "name": "x",
            "staff": [KARI],
            "teams": [{"id": "t", "members": ["kari"], "days": ["mon", bad]}],
        }
    )
    assert err.path == "teams[0].days[1]"
    assert repr(bad) in err.rule


def test_member_may_be_an_id_or_a_table() -> None:
    """A bare staff id is a whole-position membership; a table gives a share."""
    team = converter().structure(
        {"id": "t", "members": ["kari", {"staff": "ola", "share": 0.2}]}, Team
    )
    assert team.members == (Membership("kari"), Membership("ola", share=0.2))


def test_member_of_the_wrong_kind_is_refused() -> None:
    """A number among the members names its index and what a member should look like."""
    err = _error({"name": "x", "staff": [KARI], "teams": [{"id": "t", "members": [3]}]})
    assert err.path == "teams[0].members[0]"
    assert "a staff id or a table" in err.rule


def test_member_table_refuses_unknown_keys() -> None:
    """``{ staff = ..., shares = ... }`` is a typo, not a whole-position membership."""
    err = _error(
        {
            "name": "x",
            "staff": [KARI],
            "teams": [{"id": "t", "members": [{"staff": "kari", "shares": 0.2}]}],
        }
    )
    assert err.path == "teams[0].members[0]"
    assert "did you mean 'share'?" in err.rule


# -- model errors and several errors ----------------------------------------------------------


def test_model_validator_errors_are_rerooted() -> None:
    """An entity's own check (``fte``) is located under its place in the file."""
    err = _error({"name": "x", "staff": [KARI, {**KARI, "id": "ola", "fte": 1.5}]})
    assert err.path == "staff[1].fte"
    assert err.rule == "must be > 0 and <= 1, got 1.5"


def test_organisation_errors_keep_their_path() -> None:
    """The organisation's own checks (unknown references) keep their full path."""
    err = _error({"name": "x", "staff": [{**KARI, "zone": "nord"}]})
    assert err.path == "staff[0].zone"
    assert err.rule == "unknown zone 'nord'"


def test_several_problems_give_one_error_with_notes() -> None:
    """The first problem is the error; the others follow as notes, at most four and a count."""
    staff = [{"id": f"s{i}", "profession": "nurse", "fte": "1"} for i in range(7)]
    err = _error({"name": "x", "staff": staff})
    assert err.path == "staff[0].fte"
    notes = err.__notes__
    assert notes[:4] == [
        f"also staff[{i}].fte: must be a number, got the string '1'" for i in range(1, 5)
    ]
    assert notes[4:] == ["... and 2 more"]


def test_errors_that_are_not_about_data_are_not_disguised() -> None:
    """A failure that is not a data problem (here a bug in a hook) is re-raised as it is."""
    conv = make_converter()

    def broken(*_: object) -> object:
        raise ZeroDivisionError

    conv.register_structure_hook(Zone, class_hook(Zone, conv, name=broken))
    with pytest.raises(ZeroDivisionError):
        structure({"name": "x", "zones": [{"id": "n", "name": "Nord"}]}, Organisation, conv=conv)


def test_translate_error_accepts_a_plain_model_error() -> None:
    """A model error passed on its own keeps its path and gains the source."""
    err = translate_error(InvalidScenario("must be > 0", path="fte"), source="f.toml")
    assert str(err) == "f.toml: fte: must be > 0"


# -- reuse for other classes ------------------------------------------------------------------


@attrs.frozen
class _Visit:
    user: str
    minutes: float = 30.0
    period: Period = Period.DAY
    staff: tuple[Staff, ...] = ()


def test_converter_serves_other_attrs_classes() -> None:
    """Another layer's class gets the same strictness and paths without extra code."""
    visit = structure({"user": "u1", "minutes": 45, "period": "evening"}, _Visit)
    assert visit == _Visit("u1", 45.0, Period.EVENING)
    with pytest.raises(InvalidScenario) as info:
        structure({"user": "u1", "staff": [{"id": "kari"}], "minutez": 4}, _Visit, source="s.toml")
    assert str(info.value) == "s.toml: staff[0].profession: required key is missing"
    assert info.value.__notes__ == ["also unknown key 'minutez'; did you mean 'minutes'?"]
