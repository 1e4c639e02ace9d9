"""Tests for ``hometeams.cli._terminal``: names with control characters are shown, not obeyed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hometeams.cli import main

EVIL = "EVIL\u001b]0;pwned\u0007\u001b[2J\u009b31m\u202e"
ORG = f"""\
name = "{EVIL.encode("unicode_escape").decode().replace(chr(92) + "x", chr(92) + "u00")}"
zones = [{{ id = "nord" }}]
staff = [{{ id = "kari", profession = "nurse", zone = "nord" }}]
"""


@pytest.fixture
def evil_file(tmp_path: Path) -> Path:
    path = tmp_path / "evil.toml"
    path.write_text(ORG, encoding="utf-8")
    return path


def _controls(text: str) -> list[str]:
    return [c for c in text if (ord(c) < 32 and c not in "\n\t") or 0x7F <= ord(c) <= 0x9F]


def test_check_escapes_control_characters_in_a_name(
    evil_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The title-changing, screen-clearing name is printed escaped, nothing raw."""
    assert main(["check", str(evil_file)]) == 0
    out, err = capsys.readouterr()
    assert _controls(out + err) == []
    assert "\u202e" not in out
    assert "EVIL\\u001b]0;pwned\\u0007\\u001b[2J\\u009b31m\\u202e" in out


def test_json_output_stays_valid_and_gives_the_name_back(
    evil_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Escaped as JSON escapes them, the JSON reads back to the exact name."""
    assert main(["check", str(evil_file), "--json"]) == 0
    out, _ = capsys.readouterr()
    assert _controls(out) == []
    assert json.loads(out)["name"] == EVIL
