"""Tests for organisation files (``hometeams.io._toml``): round trips, layout, damaged files."""

from __future__ import annotations

import tomllib
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hometeams.cli import main
from hometeams.errors import InvalidArgument, InvalidScenario
from hometeams.io import (
    dumps_organisation,
    loads_organisation,
    read_organisation,
    write_organisation,
)
from hometeams.model import Membership, Organisation, Staff, Team, Zone
from strategies import organisations

BASE = """\
name = "Distrikt Nord"

zones = [
    { id = "nord", name = "Nord" },
]

staff = [
    { id = "kari", profession = "nurse", fte = 0.8, zone = "nord" },
    { id = "ola", profession = "health-worker", fte = 0.5, zone = "nord" },
]

users = [
    { id = "u1", zone = "nord", needs = ["dementia"], team = "nord" },
]

[[teams]]
id = "nord"
category = "geographic"
members = ["kari", { staff = "ola", share = 0.3 }]

[[teams]]
id = "memory"
category = "specialist"
type = "memory"
members = [{ staff = "ola", share = 0.2 }]
periods = ["day"]
days = ["mon", "tue", "wed", "thu", "fri"]
"""


# -- round trips ------------------------------------------------------------------------------


@given(organisations())
def test_file_round_trip_is_exact(org: Organisation) -> None:
    """Reading what was written gives back an equal organisation."""
    assert loads_organisation(dumps_organisation(org)) == org


@given(organisations())
def test_writing_what_was_read_gives_the_same_bytes(org: Organisation) -> None:
    """Object -> file -> object -> file: the two files are identical, byte for byte."""
    text = dumps_organisation(org)
    assert dumps_organisation(loads_organisation(text)) == text


_TEXT = st.text(max_size=20)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(organisations(max_staff=4, max_users=2), _TEXT, _TEXT, _TEXT)
def test_any_text_in_names_round_trips(
    org: Organisation, name: str, person: str, zone: str
) -> None:
    """Names with quotes, backslashes, newlines, control and non-ASCII characters survive."""
    org = attrs.evolve(
        org,
        name=name,
        staff=[attrs.evolve(org.staff[0], name=person), *org.staff[1:]],
        zones=[attrs.evolve(org.zones[0], name=zone), *org.zones[1:]],
    )
    text = dumps_organisation(org)
    assert loads_organisation(text) == org
    assert dumps_organisation(loads_organisation(text)) == text


def test_file_round_trip_from_text() -> None:
    """A hand-written file read, written and read again is the same organisation."""
    org = loads_organisation(BASE)
    assert loads_organisation(dumps_organisation(org)) == org
    assert org.share("nord", "ola") == 0.3
    assert org.teams_by_id["memory"].days == frozenset(range(5))


# -- layout -----------------------------------------------------------------------------------


def test_defaults_are_left_out_but_fte_and_category_are_written() -> None:
    """A minimal entity is written with its required keys, ``fte`` and ``category`` only."""
    org = Organisation(
        "x", staff=[Staff("kari", profession="nurse")], teams=[Team("t", members=["kari"])]
    )
    assert dumps_organisation(org) == (
        'name = "x"\n'
        "\n"
        "staff = [\n"
        '    { id = "kari", profession = "nurse", fte = 1.0 },\n'
        "]\n"
        "\n"
        "[[teams]]\n"
        'id = "t"\n'
        'category = "other"\n'
        'members = ["kari"]\n'
    )


def test_sets_are_written_sorted_and_weekdays_by_name() -> None:
    """Competences are sorted; periods in clock order; weekdays as names from Monday."""
    org = Organisation(
        "x",
        staff=[Staff("kari", profession="nurse", competences=["wound-care", "dementia"])],
        teams=[Team("t", members=["kari"], periods=["night", "day"], days=[6, 2, 0])],
    )
    text = dumps_organisation(org)
    assert 'competences = ["dementia", "wound-care"]' in text
    assert 'periods = ["day", "night"]' in text
    assert 'days = ["mon", "wed", "sun"]' in text


def test_whole_position_members_are_bare_ids() -> None:
    """``Membership(staff)`` is written as its id; a share as an inline table."""
    org = Organisation(
        "x",
        staff=[Staff("kari", profession="nurse"), Staff("ola", profession="nurse")],
        teams=[Team("t", members=[Membership("kari"), Membership("ola", share=0.25)])],
    )
    assert 'members = ["kari", { staff = "ola", share = 0.25 }]' in dumps_organisation(org)


def test_long_member_lists_are_wrapped_and_still_valid() -> None:
    """A team of many members is written one member per line and reads back the same."""
    staff = [Staff(f"person-{i:03d}", profession="nurse") for i in range(30)]
    org = Organisation("x", staff=staff, teams=[Team("t", members=[s.id for s in staff])])
    text = dumps_organisation(org)
    assert max(len(line) for line in text.splitlines() if "person" in line) < 100
    assert loads_organisation(text) == org


def test_tables_and_inline_arrays_are_the_same_file() -> None:
    """``[[staff]]`` tables and a ``staff = [...]`` array of inline tables read identically."""
    tables = BASE.replace(
        'staff = [\n    { id = "kari", profession = "nurse", fte = 0.8, zone = "nord" },\n'
        '    { id = "ola", profession = "health-worker", fte = 0.5, zone = "nord" },\n]\n',
        "",
    ).replace(
        "[[teams]]",
        '[[staff]]\nid = "kari"\nprofession = "nurse"\nfte = 0.8\nzone = "nord"\n\n'
        '[[staff]]\nid = "ola"\nprofession = "health-worker"\nfte = 0.5\nzone = "nord"\n\n'
        "[[teams]]",
        1,
    )
    assert "[[staff]]" in tables
    assert loads_organisation(tables) == loads_organisation(BASE)


def test_written_text_is_valid_toml_with_the_expected_tables() -> None:
    """The written file parses as TOML into the documented top-level keys."""
    data = tomllib.loads(dumps_organisation(loads_organisation(BASE)))
    assert list(data) == ["name", "zones", "staff", "users", "teams"]
    assert data["teams"][1]["periods"] == ["day"]
    assert "periods" not in data["teams"][0]
    assert "days" not in data["teams"][0]


# -- files ------------------------------------------------------------------------------------


def test_write_refuses_to_overwrite(tmp_path: Path) -> None:
    """An existing file is never replaced unless asked; its content stays as it was."""
    path = tmp_path / "org.toml"
    path.write_text("# my notes\n", encoding="utf-8")
    with pytest.raises(InvalidArgument, match="overwrite=True"):
        write_organisation(Organisation("x"), path)
    assert path.read_text(encoding="utf-8") == "# my notes\n"
    assert write_organisation(Organisation("x"), path, overwrite=True) == path
    assert read_organisation(path) == Organisation("x")


def test_write_uses_utf8_and_unix_newlines(tmp_path: Path) -> None:
    """The file is UTF-8 with Unix line ends on every platform."""
    path = write_organisation(Organisation("Sør-Øst"), tmp_path / "org.toml")
    assert path.read_bytes() == 'name = "Sør-Øst"\n'.encode()


def test_read_missing_file_raises_file_not_found(tmp_path: Path) -> None:
    """A missing file is an ``OSError`` the caller can tell from a bad file."""
    with pytest.raises(FileNotFoundError):
        read_organisation(tmp_path / "nope.toml")


def test_read_accepts_a_byte_order_mark(tmp_path: Path) -> None:
    """A file saved by an editor that writes a UTF-8 byte-order mark is read."""
    path = tmp_path / "org.toml"
    path.write_bytes(b"\xef\xbb\xbf" + BASE.encode())
    assert read_organisation(path) == loads_organisation(BASE)


def test_read_refuses_non_utf8_naming_the_file(tmp_path: Path) -> None:
    """A Latin-1 file is refused with the file name and a hint."""
    path = tmp_path / "latin1.toml"
    path.write_bytes('name = "Sør"\n'.encode("latin-1"))
    with pytest.raises(InvalidScenario, match="not UTF-8") as info:
        read_organisation(path)
    assert info.value.source == str(path)


# -- damaged files: one per rule, through the library and the command line --------------------

DAMAGED = {
    "duplicate id": (
        '{ id = "ola", profession = "health-worker"',
        '{ id = "kari", profession = "health-worker"',
        "staff[1].id",
        "duplicate id 'kari' in staff",
    ),
    "unknown reference": ('team = "nord" }', 'team = "south" }', "users[0].team", "unknown team"),
    "unknown zone": ('fte = 0.8, zone = "nord"', 'fte = 0.8, zone = "sor"', "staff[0].zone", "sor"),
    "fte out of range": ("fte = 0.8", "fte = 1.2", "staff[0].fte", "must be > 0 and <= 1"),
    "share out of range": ("share = 0.3", "share = 1.3", "teams[0].members[1].share", "got 1.3"),
    "shares above FTE": (
        "share = 0.2 }",
        "share = 0.4 }",
        "teams[1].members[0].share",
        "staff 'ola' gives 0.7 FTE to teams, more than their position of 0.5 FTE",
    ),
    "empty team": (
        'members = [{ staff = "ola", share = 0.2 }]',
        "members = []",
        "teams[1].members",
        "has no members",
    ),
    "reporting cycle": (
        'fte = 0.8, zone = "nord" }',
        'fte = 0.8, zone = "nord", reports_to = "ola" }',
        "staff[0].reports_to",
        "cycle in reporting lines: kari -> ola -> kari",
    ),
    "unknown key": (
        "fte = 0.8",
        "ftee = 0.8",
        "staff[0]",
        "unknown key 'ftee'; did you mean 'fte'?",
    ),
    "wrong type": ("fte = 0.5", 'fte = "50 %"', "staff[1].fte", "must be a number"),
    "missing key": ('profession = "nurse", ', "", "staff[0].profession", "required key is missing"),
    "unknown team type": (
        'type = "memory"',
        'type = "dementia"',
        "teams[1].type",
        "unknown team type",
    ),
    "bad weekday": ('"thu", "fri"]', '"thu", "fri", "fredag"]', "teams[1].days[5]", "'fredag'"),
    "bad TOML syntax": ('name = "Distrikt Nord"', "name = Distrikt Nord", "", "line 1, column 8"),
}


def _damaged(tmp_path: Path, case: str) -> Path:
    old, new, _, _ = DAMAGED[case]
    assert old in BASE
    text = BASE.replace(old, new, 1)
    if case == "reporting cycle":
        text = text.replace(
            'fte = 0.5, zone = "nord" }', 'fte = 0.5, zone = "nord", reports_to = "kari" }'
        )
    path = tmp_path / f"{case.replace(' ', '-')}.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("case", list(DAMAGED))
def test_damaged_file_is_refused_naming_the_field(tmp_path: Path, case: str) -> None:
    """Each broken rule raises one error naming the file, the field path and the rule."""
    path = _damaged(tmp_path, case)
    _, _, field, rule = DAMAGED[case]
    with pytest.raises(InvalidScenario) as info:
        read_organisation(path)
    err = info.value
    assert err.source == str(path)
    assert err.path == field
    assert rule in err.rule
    assert str(err).startswith(f"{path}: {field}")


@pytest.mark.parametrize("case", list(DAMAGED))
def test_damaged_file_gives_exit_status_2_and_no_traceback(
    tmp_path: Path, case: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """``hometeams check`` refuses each damaged file with status 2 and one line naming it."""
    path = _damaged(tmp_path, case)
    _, _, field, rule = DAMAGED[case]
    assert main(["check", str(path)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "Traceback" not in err
    first = err.splitlines()[0]
    assert first.startswith("hometeams check: error: ")
    assert f"{path}: {field}" in first
    assert rule in first
    assert len(err.splitlines()) <= 6


def test_base_file_is_valid() -> None:
    """The file the damaged cases start from is itself valid (so each case breaks one rule)."""
    org = loads_organisation(BASE)
    assert [z.id for z in org.zones] == ["nord"]
    assert org.zones == (Zone("nord", name="Nord"),)
