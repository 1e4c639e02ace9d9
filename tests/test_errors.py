"""Tests of the error classes and field paths."""

from __future__ import annotations

from pathlib import Path

import pytest

from hometeams.cli import main
from hometeams.errors import (
    HometeamsError,
    InvalidArgument,
    InvalidScenario,
    UnstableSystem,
    format_path,
    shorten,
)


def test_every_error_is_a_hometeams_error_and_a_value_error() -> None:
    """User mistakes can be caught as HometeamsError or as ValueError."""
    for cls in (InvalidScenario, InvalidArgument, UnstableSystem):
        assert issubclass(cls, HometeamsError)
        assert issubclass(cls, ValueError)


def test_message_names_source_path_and_rule() -> None:
    """The message reads 'file: path: rule', leaving out what is not known."""
    assert str(InvalidScenario("bad")) == "bad"
    assert str(InvalidScenario("bad", path="a.b")) == "a.b: bad"
    assert str(InvalidScenario("bad", path="a", source="f.toml")) == "f.toml: a: bad"
    assert str(InvalidScenario("bad", source="f.toml")) == "f.toml: bad"


@pytest.mark.parametrize(
    ("prefix", "path", "expected"),
    [
        ("staff[3]", "fte", "staff[3].fte"),
        ("teams", "[2].id", "teams[2].id"),
        ("", "fte", "fte"),
        ("users[0]", "", "users[0]"),
    ],
)
def test_within_re_roots_the_path(prefix: str, path: str, expected: str) -> None:
    """An error raised deep down is relocated under the path of its container."""
    err = InvalidScenario("r", path=path).within(prefix, source="x.toml")
    assert err.path == expected
    assert err.source == "x.toml"
    assert err.rule == "r"


def test_format_path_joins_names_and_indices() -> None:
    """Names join with dots and integers become indices."""
    assert format_path("teams", 2, "members", 0, "share") == "teams[2].members[0].share"
    assert format_path(0, "a") == "[0].a"


def test_a_huge_value_is_shortened_in_the_message() -> None:
    """A 200,000-character value gives a line of a few hundred characters, start and end kept."""
    value = "a" + "x" * 200_000 + "z"
    for err in (
        InvalidScenario(f"must be an id, got {value!r}", path="staff[0].id"),
        InvalidArgument(f"name: must be short, got {value!r}"),
    ):
        text = str(err)
        assert len(text) < 700
        assert "characters left out" in text
        assert text.endswith("xz'")


def test_shorten_keeps_short_values_whole() -> None:
    """Under the limit, ``shorten`` is ``repr``."""
    assert shorten("kari") == "'kari'"
    assert shorten([1, 2]) == "[1, 2]"


def test_a_huge_bad_value_in_a_file_is_one_short_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``hometeams check`` of a file with a 200,000-character bad id prints a short line."""
    path = tmp_path / "org.toml"
    path.write_text(f'name = "x"\nzones = [{{ id = "{"x" * 200_000} y" }}]\n', encoding="utf-8")
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert len(err) < 1000
    assert "zones[0].id" in err
