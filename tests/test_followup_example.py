"""The follow-up example runs as a script and prints its caseload, risk and waiting figures."""

from __future__ import annotations

import contextlib
import io
import re
import runpy
from pathlib import Path

import pytest

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "follow_up_teams.py"


@pytest.fixture(scope="module")
def out() -> str:
    """What the example prints when run as a script (run once for the module)."""
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        runpy.run_path(str(EXAMPLE), run_name="__main__")
    return buffer.getvalue()


def test_example_prints_the_key_figures(out: str) -> None:
    """The script prints caseloads against the survey, concentration, coverage and waits."""
    for line in (
        "Active teams at the start: 50",
        "Caseloads at the start",
        "Caseloads at week 130",
        "Concentration risk:",
        "Coverage by age",
        "Waiting times (weeks):",
        "Meetings:",
    ):
        assert line in out
    for step in ("assessment queue", "appointment", "set-up", "re-appointment"):
        assert re.search(rf"^\s+{step}\s+\d+\s+\d+\s+[\d.]+", out, re.MULTILINE), step
    # The four survey bins are printed with their shares.
    assert len(re.findall(r"^\s+(1|2|3-5|6\+)\s+\d+\s+\d+%\s+\d+%", out, re.MULTILINE)) == 8


def test_example_grows_from_50_to_over_100_teams(out: str) -> None:
    """Like Senja (seed 003 L1206), the municipality goes from 50 to over 100 active teams."""
    match = re.search(r"Active teams: (\d+) at week 0, (\d+) at week 130", out)
    assert match is not None
    assert int(match.group(1)) == 50
    assert int(match.group(2)) > 100
