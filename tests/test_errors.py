"""Tests of the error classes and field paths."""

from __future__ import annotations

import pytest

from hometeams.errors import (
    HometeamsError,
    InvalidArgument,
    InvalidScenario,
    UnstableSystem,
    format_path,
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
