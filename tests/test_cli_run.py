"""Tests for ``hometeams run`` (``hometeams.cli._run``)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from hometeams.cli import main
from hometeams.cli._run import run_text
from hometeams.experiment import t_interval
from scenario_files import NOISY, TINY, replace_once


def _file(tmp_path: Path, text: str, name: str = "nord.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(argv)
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return status, out, err


def test_run_prints_figures_counted_by_hand(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Three quiet days: 7 visits, all on time, 72 rostered hours (see ``TINY``)."""
    path = _file(tmp_path, TINY)
    status, out, err = _run(
        ["run", str(path), "--workers", "1", "--metrics",
         "jobs,unserved,on_time_share,mean_delay,rostered_hours"],
        capsys,
    )  # fmt: skip
    assert status == 0
    lines = out.splitlines()
    assert lines[:3] == [
        "Distrikt Nord",
        "model 'fixed' (fixed-teams), 1 replication, seed 7",
        "7 jobs and 9 shifts after the warm-up",
    ]
    table = {line[:15].strip(): line[15:].strip() for line in lines[5:]}
    assert table == {
        "Jobs": "7.0",
        "Unserved jobs": "0.0",
        "On-time share": "100.0 %",
        "Mean delay": "0.0 min",
        "Rostered hours": "72.0 h",
    }
    assert "warning" in err  # the weekend visits nobody can make (a finding, not an error)


def test_run_in_norwegian(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--lang nb`` gives Norwegian labels and decimal commas."""
    path = _file(tmp_path, TINY)
    status, out, _ = _run(
        ["run", str(path), "--workers", "1", "--lang", "nb", "--metrics", "on_time_share"], capsys
    )
    assert status == 0
    assert out.splitlines()[1] == "modell 'fixed' (fixed-teams), 1 replikasjon, frø 7"
    assert out.splitlines()[-1] == "Andel i tide  100,0 %"


def test_run_is_replication_one_of_compare(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``run --seed S`` gives exactly replication 1 of ``compare --seed S`` for that model."""
    path = _file(tmp_path, NOISY)
    _, out, _ = _run(["run", str(path), "--model", "overflow", "--seed", "5", "--json",
                      "--workers", "1"], capsys)  # fmt: skip
    single = json.loads(out)
    _, out, _ = _run(["compare", str(path), "--seed", "5", "--replications", "2", "--json",
                      "--workers", "1"], capsys)  # fmt: skip
    compared = json.loads(out)
    m = compared["models"].index("overflow")
    first = dict(zip(compared["metrics"], compared["values"][m][0], strict=True))
    assert single["metrics"] == first  # both write nan as null
    assert single["seed"] == 5


def test_out_writes_records_and_never_overwrites(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--out`` writes jobs, shifts, metrics and run.json; again only with ``--overwrite``."""
    path = _file(tmp_path, TINY)
    out_dir = tmp_path / "run-1"
    argv = ["run", str(path), "--workers", "1", "--out", str(out_dir)]
    status, _, _ = _run(argv, capsys)
    assert status == 0
    with (out_dir / "jobs.csv").open(encoding="utf-8") as fh:
        assert len(list(csv.DictReader(fh))) == 7
    with (out_dir / "shifts.csv").open(encoding="utf-8") as fh:
        assert len(list(csv.DictReader(fh))) == 9
    metrics = {row["metric"]: row["value"] for row in _rows(out_dir / "metrics.csv")}
    assert float(metrics["rostered_hours"]) == 72.0
    info = json.loads((out_dir / "run.json").read_text(encoding="utf-8"))
    assert (info["model"], info["seed"], info["replications"]) == ("fixed", 7, 1)
    status, out, err = _run(argv, capsys)
    assert (status, out) == (2, "")
    assert err.splitlines()[-1] == (
        f"hometeams run: error: {out_dir / 'jobs.csv'} exists; pass --overwrite to replace it"
    )
    status, _, _ = _run([*argv, "--overwrite"], capsys)
    assert status == 0


def test_replications_give_means_and_intervals(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """With ``--replications 3`` each figure has a mean and interval; --out keeps each run."""
    path = _file(tmp_path, NOISY)
    out_dir = tmp_path / "three"
    status, out, _ = _run(
        ["run", str(path), "--replications", "3", "--workers", "1", "--metrics", "idle_share",
         "--out", str(out_dir)],
        capsys,
    )  # fmt: skip
    assert status == 0
    assert "3 replications" in out.splitlines()[1]
    assert out.splitlines()[-2].split() == ["metric", "mean", "95", "%", "CI"]
    assert sorted(p.name for p in out_dir.iterdir()) == [
        "metrics.csv", "replication-01", "replication-02", "replication-03", "run.json",
        "summary.csv",
    ]  # fmt: skip
    rows = _rows(out_dir / "metrics.csv")
    assert {row["replication"] for row in rows} == {"1", "2", "3"}


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--model", "pooled"], "model: must be one of ['fixed', 'overflow'], got 'pooled'"),
        (["--metrics", "idle"], "--metrics: unknown metric 'idle'"),
        (["--replications", "0"], "argument --replications: must be >= 1, got 0"),
        (["--workers", "two"], "argument --workers: must be a whole number, got 'two'"),
    ],
)
def test_wrong_options_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: list[str], message: str
) -> None:
    """A wrong option is named in one line, with status 2 and nothing on standard output."""
    path = _file(tmp_path, TINY)
    status, out, err = _run(["run", str(path), *extra], capsys)
    assert (status, out) == (2, "")
    assert message in err


@pytest.mark.slow
def test_workers_do_not_change_the_figures(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two worker processes give the same figures as one (each replication has its seed)."""
    path = _file(tmp_path, NOISY)
    argv = ["run", str(path), "--replications", "2", "--json", "--seed", "3"]
    _, serial, _ = _run([*argv, "--workers", "1"], capsys)
    _, parallel, _ = _run([*argv, "--workers", "2"], capsys)
    assert json.loads(serial)["metrics"] == json.loads(parallel)["metrics"]


def test_run_warns_of_periods_with_more_work_than_rostered_minutes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """u1's 20:00 visit made 600 minutes long: 600 minutes against Ola's 480 each evening."""
    text = replace_once(TINY, "duration = 30", "duration = 600")
    status, _, err = _run(["run", str(_file(tmp_path, text)), "--workers", "1"], capsys)
    assert status == 0
    assert (
        ": roster: Monday evening: 600 staff-minutes of work (600 planned, 0 expected unplanned) "
        "against 480 rostered: 120 minutes (25%) more than everyone on shift can do"
    ) in err
    assert "hours a week" not in err  # Ola's 56 hours are a contract warning: check lists it


def test_run_text_cuts_a_share_interval_at_zero() -> None:
    """Shares 0, 0, 0, 0, 0.15 %: mean 0.03 %, t interval 0.03 ± 0.083 %, shown from 0.00."""
    # s.e. = 0.0003 (s^2 = 4.5e-7 over 5), t(0.975, 4) = 2.776445: high = 0.1133 %.
    values = [{"unserved_share": v} for v in (0.0, 0.0, 0.0, 0.0, 0.0015)]
    text = run_text(values, metrics=["unserved_share"], lang="nb")
    assert text.splitlines()[-1] == "Andel ikke utført  0,03 %  [0,00; 0,11]"


def test_run_with_replications_shows_and_writes_no_negative_bound(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Five runs whose unserved share is mostly 0: the table and summary.csv start at 0."""
    path = _file(tmp_path, NOISY)
    out_dir = tmp_path / "five"
    shown = "unserved_share,late_share,mean_delay,overtime_hours"
    status, out, _ = _run(
        ["run", str(path), "--replications", "5", "--workers", "1", "--metrics", shown,
         "--out", str(out_dir)],
        capsys,
    )  # fmt: skip
    assert status == 0
    rows = _rows(out_dir / "metrics.csv")
    raw = [float(row["value"]) for row in rows if row["metric"] == "unserved_share"]
    assert t_interval(raw).low < 0  # the t interval itself reaches below 0 ...
    table = out[out.index("95 % CI") :]
    assert "−" not in table  # ... the table never does
    summary = {row["metric"]: row for row in _rows(out_dir / "summary.csv") if row["low"]}
    assert float(summary["unserved_share"]["low"]) == 0.0
    assert all(float(row["low"]) >= 0.0 for row in summary.values())
    shares = [row for metric, row in summary.items() if metric.endswith("_share")]
    assert all(float(row["high"]) <= 1.0 for row in shares)
