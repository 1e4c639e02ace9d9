"""The Norwegian command-line tutorial runs as written: every ``$ hometeams`` line, every output.

``docs/tutorials/distrikt-fra-regneark.md`` shows its commands in ``console`` blocks, each
``$ hometeams ...`` line followed by what it prints. This test runs the commands in order in
a fresh folder (with ``examples/`` linked in, as ``docs/conftest.py`` does for the pages) and
checks that each prints the lines shown, in order; a line ``...`` stands for any lines. A
comparison runs with ``--workers 1`` added, in this process.
"""

from __future__ import annotations

import csv
import re
import shlex
from pathlib import Path

import pytest

from hometeams.cli import main

ROOT = Path(__file__).resolve().parents[1]
TUTORIAL = ROOT / "docs" / "tutorials" / "distrikt-fra-regneark.md"


def _commands(text: str) -> list[tuple[str, list[str]]]:
    """``(command, lines shown after it)`` from every console block, in page order."""
    out: list[tuple[str, list[str]]] = []
    for block in re.findall(r"```console\n(.*?)```", text, flags=re.S):
        for line in block.splitlines():
            if line.startswith("$ "):
                out.append((line[2:], []))
            else:
                out[-1][1].append(line)
    return out


def _shown_in_order(shown: list[str], printed: list[str]) -> bool:
    """Whether the shown lines appear in ``printed`` in order, ``...`` skipping any lines."""
    at = 0
    for line in shown:
        if line == "...":
            continue
        while at < len(printed) and printed[at] != line:
            at += 1
        if at == len(printed):
            return False
        at += 1
    return True


def test_the_tutorial_has_the_five_commands() -> None:
    """The tutorial goes template, import, check, compare -- the CLI only, in that order."""
    names = [shlex.split(command)[1] for command, _ in _commands(TUTORIAL.read_text("utf-8"))]
    assert names == ["template", "import", "check", "compare"]


def test_the_tutorial_runs_as_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each command exits 0 and prints what the page shows; the report is written."""
    (tmp_path / "examples").symlink_to(ROOT / "examples", target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    for command, shown in _commands(TUTORIAL.read_text("utf-8")):
        argv = shlex.split(command)
        assert argv[0] == "hometeams"
        if argv[1] == "compare":
            argv += ["--workers", "1"]
        status = main(argv[1:])
        out, err = capsys.readouterr()
        assert status == 0, (command, err)
        printed = out.splitlines() + err.splitlines()
        assert _shown_in_order(shown, printed), (command, shown, printed[:10])
    assert (tmp_path / "rapport.html").stat().st_size > 0


def _tables(text: str) -> list[list[list[str]]]:
    """Every markdown table of the page, as rows of cells (the header first)."""
    tables: list[list[list[str]]] = []
    previous = ""
    for line in text.splitlines():
        if line.startswith("|") and not line.startswith("|---"):
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
            if not previous.startswith("|"):
                tables.append([])
            tables[-1].append(cells)
        previous = line
    return tables


def test_the_tutorials_example_rows_are_the_example_workbooks() -> None:
    """Each example row the tutorial shows is a row of ``examples/regneark/elvebakken``."""
    folder = ROOT / "examples" / "regneark" / "elvebakken"
    sheets = {
        path.stem: list(csv.reader(path.read_text(encoding="utf-8").splitlines()))
        for path in folder.glob("*.csv")
    }
    checked = 0
    for header, *rows in _tables(TUTORIAL.read_text("utf-8")):
        found = [name for name, table in sheets.items() if set(header) - {"..."} <= set(table[0])]
        assert len(found) == 1, header
        table = sheets[found[0]]
        for row in rows:
            shown = {h: cell for h, cell in zip(header, row, strict=True) if h != "..."}
            assert any(
                all(dict(zip(table[0], line, strict=True))[h] == v for h, v in shown.items())
                for line in table[1:]
            ), row
            checked += 1
    assert checked == 10  # 2 staff, 1 user, 3 visit plans, 1 rota line, 3 travel rows
