"""Tests for ``hometeams compare`` (``hometeams.cli._compare``)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from hometeams.cli import main
from hometeams.experiment import Comparison, t_interval
from scenario_files import NOISY, replace_once


def _file(tmp_path: Path, text: str = NOISY) -> Path:
    path = tmp_path / "nord.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(argv)
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return status, out, err


_FAST = ["--replications", "2", "--workers", "1"]


def test_compare_prints_a_table_with_differences(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One block per metric, a line per model; the baseline has no difference column."""
    path = _file(tmp_path)
    status, out, _ = _run(["compare", str(path), *_FAST, "--metrics", "idle_share,jobs"], capsys)
    assert status == 0
    lines = out.splitlines()
    assert lines[0] == "Distrikt Nord"
    assert lines[1] == (
        "2 models, 2 replications each on the same demand and absences, seed 7; totals over "
        "the 4 days measured"  # NOISY: a horizon of four days, no warm-up
    )
    assert lines[3] == "Resources per week (means over the replications)"
    start = next(i for i, line in enumerate(lines) if line.startswith("metric "))
    header, idle_fixed, idle_overflow, jobs_fixed, _ = lines[start : start + 5]
    assert header.split()[:5] == ["metric", "model", "n", "mean", "95"]
    assert "difference from fixed" in header
    assert idle_fixed.startswith("Idle share")
    assert "fixed" in idle_fixed
    assert len(idle_fixed.split()) < len(idle_overflow.split())  # the baseline: no difference
    assert jobs_fixed.startswith("Jobs")


def test_common_random_numbers_make_twin_models_equal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two models with the same policy meet the same demand: every difference is exactly 0."""
    overflow = 'kind = "overflow", threshold = "30 min", order = ["lowest-care-level", "nearest"]'
    text = replace_once(NOISY, f"policy = {{ {overflow} }}", 'policy = "fixed-teams"')
    path = _file(tmp_path, text)
    status, out, _ = _run(["compare", str(path), *_FAST, "--json"], capsys)
    assert status == 0
    data = json.loads(out)
    assert data["values"][0] == data["values"][1]
    assert {row["difference"] for row in data["differences"]} <= {0.0, None}


def test_json_output_is_a_comparison_document(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--json`` prints what ``Comparison.from_dict`` reads, with the source and the name."""
    path = _file(tmp_path)
    status, out, _ = _run(["compare", str(path), *_FAST, "--seed", "123", "--json"], capsys)
    assert status == 0
    data = json.loads(out)
    assert (data["source"], data["scenario"]) == (str(path), "Distrikt Nord")
    result = Comparison.from_dict(data)
    assert (result.models, result.replications, result.baseline) == (
        ("fixed", "overflow"), 2, "fixed"
    )  # fmt: skip
    assert result.seed is not None
    assert result.seed.entropy == 123


def test_the_same_seed_gives_the_same_figures(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A comparison is reproducible from its seed, and another seed gives other figures."""
    path = _file(tmp_path)
    runs = [
        json.loads(_run(["compare", str(path), *_FAST, "--seed", seed, "--json"], capsys)[1])
        for seed in ("1", "1", "2")
    ]
    assert runs[0]["values"] == runs[1]["values"]
    assert runs[0]["values"] != runs[2]["values"]


def test_out_and_report_write_files_and_keep_existing_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--out writes the three tables and the JSON; --report the HTML; never over old files."""
    path = _file(tmp_path)
    out_dir = tmp_path / "results"
    report = tmp_path / "rapport.html"
    argv = ["compare", str(path), *_FAST, "--out", str(out_dir), "--report", str(report),
            "--lang", "nb", "--metrics", "idle_share"]  # fmt: skip
    status, out, _ = _run(argv, capsys)
    assert status == 0
    assert sorted(p.name for p in out_dir.iterdir()) == [
        "comparison.json", "differences.csv", "replications.csv", "summary.csv",
    ]  # fmt: skip
    assert Comparison.from_json(out_dir / "comparison.json").models == ("fixed", "overflow")
    html = report.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert 'lang="nb"' in html
    assert out.splitlines()[3] == "Ressurser per uke (snitt over replikasjonene)"
    assert any(line.startswith("indikator ") for line in out.splitlines())
    status, _, err = _run(argv, capsys)
    assert status == 2
    assert f"{out_dir / 'replications.csv'} exists; pass --overwrite to replace it" in err


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--models", "fixed,pooled"], "model: must be one of ['fixed', 'overflow'], got 'pooled'"),
        (["--models", "fixed", "--baseline", "overflow"],
         "--baseline: 'overflow' is not among --models ['fixed']"),
        (["--report", "rapport.pdf"], "--report: must be an .html file, got 'rapport.pdf'"),
        (["--report", "nowhere/r.html"], "--report: the folder 'nowhere' does not exist"),
        (["--replications", "1"], "argument --replications: must be >= 2, got 1"),
    ],
)  # fmt: skip
def test_wrong_options_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: list[str], message: str
) -> None:
    """A wrong option is refused before anything runs, with status 2."""
    path = _file(tmp_path)
    status, out, err = _run(["compare", str(path), "--workers", "1", *extra], capsys)
    assert (status, out) == (2, "")
    assert message in err


def test_a_subset_of_models_with_its_own_baseline(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--models`` runs only those, ``--baseline`` names the one to compare with."""
    path = _file(tmp_path)
    status, out, _ = _run(
        ["compare", str(path), *_FAST, "--baseline", "overflow", "--json"], capsys
    )
    assert status == 0
    assert json.loads(out)["baseline"] == "overflow"
    status, out, _ = _run(["compare", str(path), *_FAST, "--models", "overflow", "--json"], capsys)
    assert json.loads(out)["models"] == ["overflow"]


def test_the_file_says_how_to_read_the_results(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """[report] and name_nb reach the text: a cost column, Norwegian names, a changed band."""
    text = NOISY.replace('name = "fixed"\n', 'name = "fixed"\nname_nb = "faste team"\n', 1)
    text += "\n[report]\ncost_per_hour = 500\n\n[report.relevance]\nidle_share = 0.5\n"
    path = _file(tmp_path, text)
    argv = ["compare", str(path), *_FAST, "--lang", "nb", "--metrics", "idle_share"]
    status, out, _ = _run(argv, capsys)
    assert status == 0
    lines = out.splitlines()
    assert lines[4].split()[-1] == "kr/år"
    assert lines[5].startswith("faste team ")
    assert "Kostnad: 500 kr per betalt time." in " ".join(out.split())
    # a band of 50 percentage points: no idle-share difference of these models matters
    assert "Ledig gang er" not in out


def test_compare_shows_no_negative_bound_of_a_level(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An unserved share that is mostly 0: no mean's interval below 0 or a share's above 100 %."""
    path = _file(tmp_path)
    five = ["compare", str(path), "--replications", "5", "--workers", "1"]
    shown = ["--metrics", "unserved_share,on_time_share,late_share,mean_delay,overtime_hours"]
    status, out, _ = _run([*five, *shown], capsys)
    assert status == 0
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("metric "))
    rows = lines[start + 1 : start + 11]  # five metrics, two models
    levels = [re.findall(r"\[[^\]]*\]", row)[0] for row in rows]  # each row's first interval
    assert all("−" not in bounds and "-" not in bounds for bounds in levels)
    # fixed: 0, 6.25 %, 0, 0, 0: s.e. 1.25 %, t interval 1.25 ± 2.776445 · 1.25 = 1.25 ± 3.47 %
    assert levels[0] == "[0.0, 4.7]"
    assert all(float(b.strip("[]").split(", ")[1]) <= 100.0 for b in levels[2:4])  # on time
    assert any("−" in row for row in rows)  # the differences keep their negative bounds
    _, again, _ = _run([*five, "--json"], capsys)
    data = json.loads(again)
    k = data["metrics"].index("unserved_share")
    unserved = [rep[k] for rep in data["values"][0]]  # fixed: 0, 0.0625, 0, 0, 0
    assert t_interval(unserved).low < 0  # the t interval reaches below 0 ...
    summary = [row for row in data["summary"] if row["n"] >= 2]  # rows with an interval
    assert all(row["low"] >= 0 for row in summary)  # ... its summary row does not
    assert all(row["high"] <= 1.0 for row in summary if row["metric"].endswith("_share"))


_EMPTY_EN = (
    "No value for Distinct staff per 14 days: no replication gave one (it counts whole 14 days "
    "after the warm-up, and 4 days were measured"
)
_EMPTY_NB = (
    "Ingen verdi for Ulike ansatte per 14 dager: ingen replikasjon ga noen (den teller hele 14 "
    "dager etter innkjøringen, og 4 dager ble målt"
)


@pytest.mark.parametrize(("lang", "said"), [("en", _EMPTY_EN), ("nb", _EMPTY_NB)])
def test_a_metric_with_no_value_is_explained_below_the_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, said: str
) -> None:
    """NOISY measures four days: no whole fortnight, so the 14-day count is empty, and why."""
    path = _file(tmp_path)
    metrics = "mean_distinct_staff_14d,jobs"
    status, out, _ = _run(
        ["compare", str(path), *_FAST, "--metrics", metrics, "--lang", lang], capsys
    )
    assert status == 0
    assert said in " ".join(out.split())
    assert out.count("Jobs" if lang == "en" else "Oppdrag") >= 1
    assert "No value for Jobs" not in out
    assert "Ingen verdi for Oppdrag" not in out
