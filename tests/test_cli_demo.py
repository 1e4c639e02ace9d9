"""Tests for ``hometeams demo`` (``hometeams.cli._demo``)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from hometeams import __version__
from hometeams.cli import main
from hometeams.cli._demo import demo_scenario
from hometeams.io import example_scenario, read_scenario

_FAST = ["--replications", "2", "--workers", "1"]


def test_the_demo_is_the_built_in_evening() -> None:
    """The demo runs ``hometeams.cases.evening_staffing`` -- the packaged example scenario."""
    assert demo_scenario() == example_scenario()
    assert demo_scenario().model_names == ("fixed team", "pooled", "overflow")


@pytest.mark.slow
def test_demo_writes_a_new_folder_and_never_into_an_old_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Default folder hometeams-demo/: scenario, results, figure, report; then refused."""
    monkeypatch.chdir(tmp_path)
    status = main(["demo", *_FAST, "--metrics", "idle_share,on_time_share"])
    out, err = capsys.readouterr()
    assert (status, err) == (0, "")
    folder = tmp_path / "hometeams-demo"
    assert sorted(p.name for p in folder.iterdir()) == [
        "comparison.json", "comparison.png", "differences.csv", "replications.csv",
        "report.html", "scenario.toml", "summary.csv",
    ]  # fmt: skip
    assert read_scenario(folder / "scenario.toml") == demo_scenario()
    assert out.startswith(
        "1.4 versus 2: a rehabilitation team's evenings\n3 models, 2 replications"
    )
    assert "hometeams compare hometeams-demo/scenario.toml" in out
    status = main(["demo", *_FAST])
    out, err = capsys.readouterr()
    assert (status, out) == (2, "")
    assert (
        err == "hometeams demo: error: hometeams-demo exists; pass --overwrite to write into it\n"
    )


@pytest.mark.slow
def test_demo_json_and_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--json`` lists the files written; ``--overwrite`` writes into an existing folder."""
    folder = tmp_path / "kveld"
    folder.mkdir()
    status = main(["demo", *_FAST, "--out", str(folder), "--overwrite", "--json", "--lang", "nb"])
    data = json.loads(capsys.readouterr().out)
    assert status == 0
    assert data["folder"] == str(folder)
    assert data["models"] == ["fixed team", "pooled", "overflow"]
    assert 'lang="nb"' in (folder / "report.html").read_text(encoding="utf-8")


@pytest.mark.slow
def test_the_installed_command_runs_the_demo(tmp_path: Path) -> None:
    """``hometeams demo`` as a planner types it: a subprocess, exit 0, a folder of results."""
    script = shutil.which("hometeams", path=str(Path(sys.executable).parent))
    if script is None:
        pytest.skip("the hometeams script is not installed next to this Python")
    env = {**os.environ, "MPLBACKEND": "Agg"}
    done = subprocess.run(
        [script, "demo", *_FAST, "--lang", "nb"],
        cwd=tmp_path, capture_output=True, text=True, check=False, timeout=120, env=env,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Ledig gang" in done.stdout
    assert (tmp_path / "hometeams-demo" / "report.html").exists()


@pytest.mark.slow
def test_the_norwegian_demo_leads_with_its_answer_in_norwegian(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """nb: Norwegian names, decimal commas, and one evening shift a day fewer comes first."""
    folder = tmp_path / "kveld"
    status = main(["demo", *_FAST, "--out", str(folder), "--lang", "nb"])
    out = capsys.readouterr().out
    assert status == 0
    lines = out.splitlines()
    assert lines[0] == "1,4 mot 2: kveldene til et rehabiliteringsteam"
    assert lines[3] == "Ressurser per uke (snitt over replikasjonene)"
    # 7 evening shifts a week fewer: 56 hours, 8 a day, 56 / 37.5 = 1.5 FTE, 56 * 52 = 2912 h
    answer = " ".join(out[out.index("samlet med distriktet har") :].split())
    assert answer.startswith(
        "samlet med distriktet har 56,0 færre turnustimer i uken enn fast team: 8,0 i døgnet "
        "(én vakt på 8 timer), 1,5 årsverk, 2912 timer i året."
    )
    assert out.index("Ressurser") < out.index("indikator")
    assert "fixed team" not in out
    assert "pooled" not in out
    report = (folder / "report.html").read_text(encoding="utf-8")
    assert "pooled sammenlignet med fixed team" not in report
    assert "samlet med distriktet sammenlignet med fast team" in report
    shown = re.sub(r"<svg.*?</svg>|<style.*?</style>|<[^>]+>", " ", report, flags=re.S)
    shown = shown.replace("hometeams " + __version__, "")
    assert not re.search(r"\d\.\d", shown), re.findall(r"\S*\d\.\d\S*", shown)[:5]
    assert "1,4 mot 2" in shown


@pytest.mark.slow
def test_the_english_demo_calls_a_tiny_on_time_difference_no_practical_difference(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The demo no longer leads with "on-time share −0.04 pp — worse"; it is not worse at all."""
    status = main(["demo", *_FAST, "--out", str(tmp_path / "d")])
    out = " ".join(capsys.readouterr().out.split())
    assert status == 0
    assert out.index("Resources per week") < out.index("metric model")
    assert "pooled has 56.0 fewer rostered hours a week than fixed team" in out
    assert "On-time share is lower" not in out
    assert "No practical difference (within the relevance band) in: On-time share" in out
