"""Tests for the limits on a run's size at the command line (``--limit``) and in ``compare``."""

from __future__ import annotations

from pathlib import Path

import pytest

from hometeams.cli import main
from hometeams.errors import InvalidArgument, InvalidScenario
from hometeams.experiment import compare
from hometeams.io import loads_scenario
from hometeams.scenario import Limits
from scenario_files import BASE, replace_once


def _file(tmp_path: Path, text: str = BASE) -> Path:
    path = tmp_path / "scenario.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(argv)
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return status, out, err


def _one_error(err: str, field: str) -> str:
    """The single error line, which must name ``field`` right after the file."""
    lines = err.strip().splitlines()
    assert len(lines) == 1, lines
    assert f".toml: {field}: " in lines[0], lines[0]
    return lines[0]


def test_check_prints_the_size_estimate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """BASE: 54.4 jobs (32 visits, 22.4 arrivals) and 15 * 19 / 7 = 40.7 shifts; ~0.2 MB."""
    status, out, _ = _run(["check", str(_file(tmp_path))], capsys)
    assert status == 0
    assert "  size: about 54 jobs and 41 shifts a replication, about 1 MB" in out.splitlines()


def test_check_json_carries_the_size(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--json`` gives the rounded counts."""
    import json

    status, out, _ = _run(["check", str(_file(tmp_path)), "--json"], capsys)
    assert status == 0
    size = json.loads(out)["size"]
    assert (size["jobs"], size["shifts"]) == (54, 41)


@pytest.mark.parametrize("horizon", ['"10000 weeks"', '"99999999999 weeks"', "1e300"])
def test_check_refuses_a_huge_horizon_in_one_short_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], horizon: str
) -> None:
    """The issue's horizons: exit 2, one line naming ``horizon`` and the limit, no long number."""
    path = _file(tmp_path, replace_once(BASE, 'horizon = "2 weeks"', f"horizon = {horizon}"))
    status, _, err = _run(["check", str(path)], capsys)
    assert status == 2
    line = _one_error(err, "horizon")
    assert "limit of 520 weeks" in line
    assert "--limit horizon=" in line
    assert len(line) < 400


def test_limit_option_raises_the_horizon_on_purpose(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--limit horizon="1040 weeks"`` lets 1,000 weeks through, and check says how large."""
    path = _file(tmp_path, replace_once(BASE, 'horizon = "2 weeks"', 'horizon = "1000 weeks"'))
    assert _run(["check", str(path)], capsys)[0] == 2
    status, out, _ = _run(["check", str(path), "--limit", "horizon=1040 weeks"], capsys)
    assert status == 0
    assert "about 27,200 jobs" in out  # 27.2 a week


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ("rate = 0.2", "rate = 1e9", "demand.arrivals[0].rate"),
        ("rate = 0.2", "rate = 1e5", "demand.arrivals[0].rate"),
        (
            "by_hour = [0, 0, 0, 0, 0, 0, 0, 0, 1,",
            "by_hour = [0, 0, 0, 0, 0, 0, 0, 0, 1e308,",
            "demand.arrivals[0].by_hour",
        ),
    ],
)
@pytest.mark.parametrize("command", ["check", "run", "compare"])
def test_huge_arrival_rates_are_refused_before_realising(  # noqa: PLR0917 - parametrised
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    old: str,
    new: str,
    field: str,
    command: str,
) -> None:
    """Rates of 1e9 and 1e5, a factor of 1e308: exit 2 naming the field, no MemoryError."""
    path = _file(tmp_path, replace_once(BASE, old, new))
    status, _, err = _run(
        [command, str(path), "--workers", "1"][: 2 if command == "check" else 4], capsys
    )
    assert status == 2
    assert "limit of 1,000,000" in _one_error(err, field)


@pytest.mark.parametrize("command", ["run", "compare"])
def test_a_billion_replications_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    """``--replications 1000000000``: exit 2 naming the option and the limit of 10,000."""
    path = _file(tmp_path)
    status, _, err = _run([command, str(path), "--replications", "1000000000"], capsys)
    assert status == 2
    assert "--replications: must be at most the limit of 10,000" in err


@pytest.mark.parametrize("value", ["jobs", "jobs=", "jobs=many", "jobs=0", "speed=3", "horizon=x"])
def test_a_malformed_limit_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], value: str
) -> None:
    """``--limit`` takes NAME=VALUE with a known name and a value >= 1."""
    status, _, err = _run(["check", str(_file(tmp_path)), "--limit", value], capsys)
    assert status == 2
    assert "argument --limit" in err


def test_compare_keyword_limits_refuses_before_running() -> None:
    """``compare(study, limits=...)`` refuses a model too large and too many replications."""
    study = loads_scenario(BASE).study()
    two, four = study.with_settings(replications=2), study.with_settings(replications=4)
    with pytest.raises(InvalidScenario, match=r"^horizon: about 27 jobs a week"):
        compare(two, executor="serial", limits=Limits(jobs=50))
    with pytest.raises(InvalidArgument, match=r"^replications: must be at most the limit of 3"):
        compare(four, executor="serial", limits=Limits(replications=3))


def test_erlang_search_with_a_huge_load_ends(capsys: pytest.CaptureFixture[str]) -> None:
    """``erlang --load 1e15 --target-blocking 0.01`` ends at once with exit 2 and the bound."""
    status, _, err = _run(["erlang", "--load", "1e15", "--target-blocking", "0.01"], capsys)
    assert status == 2
    assert "must be at most 1e+06 erlangs" in err


@pytest.mark.parametrize(
    ("argv", "option", "load"),
    [
        (["--load", "1e15", "--target-blocking", "0.01"], "--load", "1000000000000000.0"),
        (["--per-hour", "4e6", "--service-time", "30", "--target-wait-probability", "0.2"],
         "--per-hour x --service-time / 60", "2000000.0"),  # 2e6 up to rounding
        (["poisson", "--mean", "2e6", "--coverage", "0.9"], "--mean", "2000000.0"),
        (["poisson", "--mean", "2e6", "--cost-ratio", "3"], "--mean", "2000000.0"),
        (["pooling", "--need", "6e5", "6e5", "--kind", "queue", "--target-wait-probability",
          "0.2"], "--need (each, and their sum when merged)", "1200000.0"),
        (["pooling", "--need", "2e6", "1", "--kind", "poisson", "--coverage", "0.9"],
         "--need (each, and their sum when merged)", "2000000.0"),
    ],
)  # fmt: skip
def test_erlang_names_its_own_option_for_a_load_too_large(
    capsys: pytest.CaptureFixture[str], argv: list[str], option: str, load: str
) -> None:
    """A load beyond the search's bound is blamed on the command's option, not the library's."""
    status, out, err = _run(["erlang", *argv], capsys)
    assert (status, out) == (2, "")
    assert err.startswith(
        f"hometeams erlang: error: {option}: must be at most 1e+06 erlangs for a search for the "
        f"fewest staff, got {load}"
    )
    assert err.count("\n") == 1


def test_erlang_service_time_zero_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """``--service-time 0``: exit 2 naming the option, not a ZeroDivisionError."""
    argv = ["erlang", "--load", "1.4", "--servers", "2", "--service-time", "0", "--within", "15"]
    status, _, err = _run(argv, capsys)
    assert status == 2
    assert "argument --service-time: must be a length of time > 0" in err


@pytest.mark.parametrize("command", ["check", "compare"])
def test_a_files_own_replications_are_held_to_the_limit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    """``replications = 20000`` in the file names ``experiment.replications`` and exits 2."""
    path = _file(tmp_path, replace_once(BASE, "replications = 5", "replications = 20000"))
    status, _, err = _run(
        [command, str(path), "--workers", "1"][: 2 if command == "check" else 4], capsys
    )
    assert status == 2
    assert "more than the limit of 10,000" in _one_error(err, "experiment.replications")


def test_replications_on_the_command_line_replace_the_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file asking for 20,000 runs with ``--replications 2`` as asked on the command line."""
    path = _file(tmp_path, replace_once(BASE, "replications = 5", "replications = 20000"))
    argv = [
        "compare",
        str(path),
        "--replications",
        "2",
        "--workers",
        "1",
        "--metrics",
        "idle_share",
    ]
    status, out, _ = _run(argv, capsys)
    assert status == 0
    assert "2 replications each" in out
