"""Tests for ``hometeams check`` and ``hometeams analyse`` on scenario files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hometeams.cli import main
from hometeams.io import loads_scenario
from hometeams.report import analysis_text
from scenario_files import BASE, replace_once


def _file(tmp_path: Path, text: str = BASE) -> Path:
    path = tmp_path / "nord.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(argv)
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return status, out, err


def test_check_summarises_a_scenario_and_lists_its_findings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A scenario file is told by its content; the summary is counted by hand from ``BASE``."""
    path = _file(tmp_path)
    status, out, err = _run(["check", str(path)], capsys)
    assert (status, err) == (0, "")
    assert out.splitlines() == [
        f"OK: {path}: Distrikt Nord",
        "  organisation: Nord (written in the file): 3 staff (3 FTE), 2 teams, 2 zones, 2 users",
        "  roster: 3 lines, a 1-week cycle; 2 weeks simulated, the first 2 days a warm-up",
        (
            "  demand: 2 visit plans (16 visits a week), 1 arrival process, 0 alarm sources, "
            "0 discharge sources"
        ),
        "  models (2): fixed (fixed-teams), overflow (overflow)",
        "  experiment: 5 replications, seed 7, baseline fixed",
        "  size: about 54 jobs and 41 shifts a replication, about 1 MB",  # 54.4 and 15 * 19 / 7
        "Findings:",
        (
            "  demand.visits[0].times: nobody who can make the visit is on shift within its "
            "window at 08:00 on Saturday, 08:00 on Sunday"
        ),
    ]


def test_check_in_norwegian_and_as_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--lang nb`` words the summary in bokmål; ``--json`` gives the same as data."""
    path = _file(tmp_path)
    _, out, _ = _run(["check", str(path), "--lang", "nb"], capsys)
    assert "  turnus: 3 linjer, 1 ukes syklus; 2 uker simulert, de første 2 dager innkjøring" in out
    assert out.splitlines()[-2] == "Funn:"
    status, out, _ = _run(["check", str(path), "--json"], capsys)
    data = json.loads(out)
    assert status == 0
    assert (data["kind"], data["horizon_minutes"], data["warmup_minutes"]) == (
        "scenario", 20160.0, 2880.0
    )  # fmt: skip
    assert [m["policy"] for m in data["models"]] == ["fixed-teams", "overflow"]
    assert data["experiment"] == {"replications": 5, "seed": 7, "baseline": "fixed"}
    assert len(data["findings"]) == 1


def test_check_counts_one_of_a_kind_in_the_singular(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One roster line, visit plan, weekly visit and arrival process read in the singular."""
    text = replace_once(BASE, '    { staff = "ola", shift = "evening" },\n', "")
    text = replace_once(text, '    { staff = "per", shift = "day" },\n', "")
    u2_visits = (
        '    { user = "u2", days = ["mon", "thu"], times = "10:00", '
        'duration = { kind = "lognormal", mean = 40, sd = 10 } },\n'
    )
    text = replace_once(text, u2_visits, "")
    text = replace_once(text, 'times = ["08:00", "20:00"]', 'days = ["mon"], times = "08:00"')
    path = _file(tmp_path, text)
    _, out, _ = _run(["check", str(path)], capsys)
    lines = out.splitlines()
    assert lines[2] == (
        "  roster: 1 line, a 1-week cycle; 2 weeks simulated, the first 2 days a warm-up"
    )
    assert lines[3] == (
        "  demand: 1 visit plan (1 visit a week), 1 arrival process, 0 alarm sources, "
        "0 discharge sources"
    )
    _, out, _ = _run(["check", str(path), "--lang", "nb"], capsys)
    lines = out.splitlines()
    assert lines[2].startswith("  turnus: 1 linje, ")
    assert lines[3] == (
        "  etterspørsel: 1 besøksplan (1 besøk i uka), 1 ankomstprosess, 0 alarmkilder, "
        "0 utskrivingskilder"
    )


def test_check_reports_the_organisation_s_own_findings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Users' needs nobody has the competence for are findings of the scenario's check too."""
    user = '{ id = "u2", zone = "sor", team = "sor"'
    text = replace_once(BASE, f"{user} }}", f'{user}, needs = ["palliation"] }}')
    _, out, _ = _run(["check", str(_file(tmp_path, text))], capsys)
    assert "  organisation.users.u2: needs palliation, which no staff member has" in out


def test_analyse_a_scenario_analyses_its_organisation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``hometeams analyse SCENARIO`` is the analysis of the scenario's organisation."""
    path = _file(tmp_path)
    status, out, _ = _run(["analyse", str(path)], capsys)
    assert status == 0
    assert out == analysis_text(loads_scenario(BASE).scenario.organisation, lang="en") + "\n"


def test_an_organisation_file_is_still_checked_as_before(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Content decides: an organisation file gets the organisation check."""
    path = tmp_path / "org.toml"
    path.write_text('name = "x"\nstaff = [{ id = "kari", profession = "nurse" }]\n')
    status, out, _ = _run(["check", str(path)], capsys)
    assert status == 0
    assert out.splitlines()[0] == f"OK: {path}: x"
