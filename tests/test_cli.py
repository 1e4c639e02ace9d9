"""Tests for the ``hometeams`` command (``hometeams.cli``): exit codes, output, messages."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from hometeams import __version__
from hometeams.cli import main
from hometeams.cli._main import COMMANDS, INDEX
from hometeams.errors import UnstableSystem
from hometeams.io import EXAMPLES, example_organisation
from hometeams.report import analysis_dict, analysis_text

VALID = """\
name = "Distrikt Nord"
zones = [{ id = "nord" }]
staff = [
    { id = "kari", profession = "nurse", fte = 0.8, zone = "nord" },
    { id = "ola", profession = "health-worker", fte = 0.5, zone = "nord" },
    { id = "anne", profession = "nurse", fte = 1.0 },
]
users = [{ id = "u1", zone = "nord", needs = ["dementia", "wound-care"], team = "nord" }]

[[teams]]
id = "nord"
category = "geographic"
members = ["kari", "ola"]
"""


@pytest.fixture
def valid_file(tmp_path: Path) -> Path:
    path = tmp_path / "nord.toml"
    path.write_text(VALID, encoding="utf-8")
    return path


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(argv)
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return status, out, err


# -- check ------------------------------------------------------------------------------------


def test_check_valid_file_prints_ok_summary_and_findings(
    valid_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A valid file gives status 0, a summary counted by hand and the findings."""
    status, out, err = _run(["check", str(valid_file)], capsys)
    assert (status, err) == (0, "")
    assert out.splitlines() == [
        f"OK: {valid_file}: Distrikt Nord",
        "  3 staff (2.3 FTE), 1 team, 1 zone, 0 units, 1 user",
        "Findings:",
        "  needs that no staff member has the competence for (1):",
        "    u1: dementia, wound-care",
        "  staff in no team (1): anne",
    ]


def test_check_in_norwegian(valid_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--lang nb`` labels the summary in bokmål with a decimal comma."""
    status, out, _ = _run(["check", str(valid_file), "--lang", "nb"], capsys)
    assert status == 0
    assert "3 ansatte (2,3 årsverk)" in out
    assert "ansatte uten team (1): anne" in out


def test_check_counts_one_of_a_kind_in_the_singular(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One zone, unit, user (and in bokmål one staff member) are counted in the singular."""
    path = tmp_path / "liten.toml"
    path.write_text(
        'name = "Liten"\nzones = [{ id = "nord" }]\n'
        'units = [{ id = "hjem", name = "Hjemmetjenesten" }]\n'
        'staff = [{ id = "kari", profession = "nurse", fte = 0.5, zone = "nord", unit = "hjem" }]\n'
        'users = [{ id = "u1", zone = "nord" }]\n',
        encoding="utf-8",
    )
    _, out, _ = _run(["check", str(path)], capsys)
    assert out.splitlines()[1] == "  1 staff (0.5 FTE), 0 teams, 1 zone, 1 unit, 1 user"
    _, out, _ = _run(["check", str(path), "--lang", "nb"], capsys)
    assert out.splitlines()[1] == "  1 ansatt (0,5 årsverk), 0 team, 1 sone, 1 enhet, 1 bruker"


def test_check_shows_fte_to_the_hundredth(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Three-quarter positions are common: 0.75 + 0.8 + 0.8 is shown as 2.35, not 2.4."""
    path = tmp_path / "org.toml"
    path.write_text(
        'name = "x"\nstaff = [\n'
        + "".join(
            f'    {{ id = "s{i}", profession = "nurse", fte = {fte} }},\n'
            for i, fte in enumerate([0.75, 0.8, 0.8])
        )
        + "]\n",
        encoding="utf-8",
    )
    _, out, _ = _run(["check", str(path)], capsys)
    assert "3 staff (2.35 FTE)" in out
    _, out, _ = _run(["check", str(path), "--lang", "nb"], capsys)
    assert "3 ansatte (2,35 årsverk)" in out


def test_check_json(valid_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--json`` prints the summary as JSON, with the findings as objects."""
    status, out, _ = _run(["check", str(valid_file), "--json"], capsys)
    assert status == 0
    data = json.loads(out)
    assert data["ok"] is True
    assert (data["staff"], data["fte"], data["teams"]) == (3, 2.3, 1)
    assert data["uncovered_needs"] == {"u1": ["dementia", "wound-care"]}
    assert data["staff_in_no_team"] == ["anne"]
    assert [(f["kind"], f["severity"], f["path"]) for f in data["findings"]] == [
        ("competence", "warning", "organisation.users.u1"),
        ("no-team", "info", "organisation.staff.anne"),
    ]


@pytest.mark.parametrize("key", EXAMPLES)
def test_check_every_example(key: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Every built-in example checks as valid."""
    status, out, _ = _run(["check", "--example", key], capsys)
    assert status == 0
    assert out.startswith(f"OK: built-in example {key}: Kommune {key}\n")


# -- analyse ----------------------------------------------------------------------------------


@pytest.mark.parametrize("key", EXAMPLES)
def test_analyse_prints_the_analysis_of_every_example(
    key: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """``hometeams analyse --example K`` prints exactly the report's analysis text."""
    status, out, err = _run(["analyse", "--example", key], capsys)
    assert (status, err) == (0, "")
    assert out == analysis_text(example_organisation(key), lang="en") + "\n"


def test_analyse_file_in_norwegian(valid_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--lang nb`` is passed on to the report."""
    from hometeams.io import read_organisation

    status, out, _ = _run(["analyse", str(valid_file), "--lang", "nb"], capsys)
    assert status == 0
    assert out == analysis_text(read_organisation(valid_file), lang="nb") + "\n"


def test_analyse_json(capsys: pytest.CaptureFixture[str]) -> None:
    """``--json`` prints the report's analysis as JSON."""
    status, out, _ = _run(["analyse", "--example", "case-e", "--json"], capsys)
    assert status == 0
    expected = json.loads(json.dumps(analysis_dict(example_organisation("E"))))
    assert json.loads(out) == expected


# -- bad input: exit status 2, a short message, never a traceback -----------------------------


def test_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A file that does not exist is named, with status 2."""
    path = tmp_path / "nope.toml"
    status, out, err = _run(["analyse", str(path)], capsys)
    assert (status, out) == (2, "")
    assert err == f"hometeams analyse: error: {path}: No such file or directory\n"


def test_directory_instead_of_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A directory given as the file is refused with status 2 and its name."""
    status, _, err = _run(["check", str(tmp_path)], capsys)
    assert status == 2
    assert str(tmp_path) in err
    assert len(err.splitlines()) == 1


@pytest.mark.parametrize(
    "argv",
    [
        ["check"],
        ["check", "a.toml", "--example", "D"],
        ["analyse", "--example", "F"],
        ["analyse", "--example", "D", "--lang", "de"],
        ["check", "--frobnicate"],
        ["compute"],
    ],
)
def test_usage_errors(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """Wrong or missing arguments give status 2 and a message, never a traceback."""
    status, out, err = _run(argv, capsys)
    assert status == 2
    assert out == ""
    assert "error:" in err


def test_unknown_example_lists_the_examples(capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown example name lists the ones there are."""
    _, _, err = _run(["analyse", "--example", "F"], capsys)
    assert err == (
        "hometeams analyse: error: example: must be one of A, B, C, D, E "
        "(or case-a ... case-e), got 'F'\n"
    )


def test_several_problems_are_listed_briefly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Many problems give the first as the error and a few more lines, not a wall of text."""
    staff = "\n".join(
        f'    {{ id = "s{i}", profession = "nurse", fte = "{i}0 %" }},' for i in range(1, 10)
    )
    path = tmp_path / "many.toml"
    path.write_text(f'name = "x"\nstaff = [\n{staff}\n]\n', encoding="utf-8")
    status, _, err = _run(["check", str(path)], capsys)
    assert status == 2
    lines = err.splitlines()
    assert lines[0] == (
        f"hometeams check: error: {path}: staff[0].fte: must be a number, got the string '10 %'"
    )
    assert lines[1] == "  also staff[1].fte: must be a number, got the string '20 %'"
    assert lines[-1] == "  ... and 4 more"
    assert len(lines) == 6


def test_a_failed_run_exits_1(
    valid_file: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A library error that is not bad input (here an unstable system) gives status 1."""

    def unstable(*_: object, **__: object) -> str:
        raise UnstableSystem("offered load 2.5 erlangs >= 2 servers")

    monkeypatch.setattr("hometeams.cli._check.check_text", unstable)
    status, out, err = _run(["check", str(valid_file)], capsys)
    assert (status, out) == (1, "")
    assert err == "hometeams check: error: offered load 2.5 erlangs >= 2 servers\n"


def test_a_closed_pipe_is_not_an_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """When the reader of the output goes away (``| head``), the command ends quietly."""

    def closed(*_: object, **__: object) -> str:
        raise BrokenPipeError

    monkeypatch.setattr("hometeams.cli._check.check_text", closed)
    status, _, err = _run(["check", "--example", "A"], capsys)
    assert (status, err) == (0, "")


# -- help and version -------------------------------------------------------------------------


@pytest.mark.parametrize("command", [c.name for c in COMMANDS])
def test_every_subcommand_has_help_with_examples(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """``hometeams COMMAND --help`` exits 0 and shows examples of use."""
    status, out, _ = _run([command, "--help"], capsys)
    assert status == 0
    assert f"usage: hometeams {command}" in out
    assert f"  hometeams {command} " in out.split("examples:")[1]


def test_no_arguments_print_the_help_with_the_status_of_a_missing_argument(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """``hometeams`` alone prints the full help on standard output and exits 2."""
    status, out, err = _run([], capsys)
    assert (status, err) == (2, "")
    assert out.startswith("usage: hometeams")
    assert all(f"    {name} " in out for name, _, _ in INDEX)


def test_the_index_matches_the_commands() -> None:
    """Names and one-line help that ``--help`` shows without importing are the commands' own."""
    assert [(name, help_) for name, _, help_ in INDEX] == [(c.name, c.help) for c in COMMANDS]


_HEAVY = ("numpy", "scipy", "matplotlib", "networkx", "attrs", "cattrs", "simpy", "pandas")


@pytest.mark.parametrize("argv", [["--help"], ["--version"], []])
def test_help_imports_nothing_heavy(argv: list[str]) -> None:
    """``python -m hometeams --help``, ``--version`` or no arguments import nothing heavy."""
    script = (
        "import runpy, sys\n"
        f"sys.argv = ['hometeams', *{argv!r}]\n"
        "try:\n"
        "    runpy.run_module('hometeams', run_name='__main__')\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(' '.join(sorted(sys.modules)), file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    loaded = set(done.stderr.split())
    assert "hometeams.cli._main" in loaded
    assert not {m for m in loaded if m.split(".")[0] in _HEAVY}
    library = {m for m in loaded if m.startswith("hometeams.")}
    assert library <= {"hometeams.cli", "hometeams.cli._main", "hometeams.cli._exit",
                       "hometeams.cli._terminal", "hometeams.errors", "hometeams._version",
                       "hometeams.__main__"}  # fmt: skip


def test_ctrl_c_ends_with_one_line_and_status_130(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A KeyboardInterrupt inside a command gives ``interrupted`` on stderr and status 130."""

    def interrupted(*_: object, **__: object) -> str:
        raise KeyboardInterrupt

    monkeypatch.setattr("hometeams.cli._check.check_text", interrupted)
    status, out, err = _run(["check", "--example", "A"], capsys)
    assert (status, out, err) == (130, "", "hometeams: interrupted\n")


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    """``--version`` prints the package version."""
    status, out, _ = _run(["--version"], capsys)
    assert (status, out) == (0, f"hometeams {__version__}\n")


# -- the installed script ---------------------------------------------------------------------


def _script() -> str:
    found = shutil.which("hometeams", path=str(Path(sys.executable).parent))
    if found is None:
        pytest.skip("the hometeams script is not installed next to this Python")
    return found


def test_installed_script(tmp_path: Path) -> None:
    """The installed ``hometeams`` script analyses an example and refuses a damaged file."""
    script = _script()
    ok = subprocess.run(
        [script, "analyse", "--example", "D"], capture_output=True, text=True, check=False
    )
    assert ok.returncode == 0, ok.stderr
    assert "Kommune D" in ok.stdout.splitlines()[0]
    bad = tmp_path / "bad.toml"
    bad.write_text('name = "x"\nstaff = [{ id = "kari", profession = "nurse", fte = 8 }]\n')
    refused = subprocess.run(
        [script, "check", str(bad)], capture_output=True, text=True, check=False
    )
    assert refused.returncode == 2
    assert refused.stdout == ""
    assert refused.stderr == (
        f"hometeams check: error: {bad}: staff[0].fte: must be > 0 and <= 1, got 8.0\n"
    )
