"""Properties of the workbook reader: days in any spelling, and rotas that survive a round trip."""

from __future__ import annotations

import copy
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hometeams.io import ModelSpec, ScenarioFile, dumps_scenario, loads_scenario, read_workbook
from hometeams.io._columns import parse_days
from hometeams.sim import Pooled
from workbooks import SMALL, write_folder

NB = ("man", "tir", "ons", "tor", "fre", "lør", "søn")
EN = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@given(st.sets(st.integers(0, 6), min_size=1), st.sampled_from([NB, EN]), st.sampled_from(";,"))
def test_listed_days_read_as_the_set_written(
    days: set[int], names: tuple[str, ...], sep: str
) -> None:
    """``man;ons;fre`` in either language and with either separator names exactly those days."""
    text = sep.join(names[d] for d in sorted(days))
    assert parse_days(text.upper()) == days


@given(st.integers(0, 6), st.integers(0, 6), st.sampled_from([NB, EN]))
def test_a_range_runs_forward_and_wraps_over_the_weekend(
    first: int, last: int, names: tuple[str, ...]
) -> None:
    """``fre-man`` is Friday to Monday: the days from the first, forward, to the last."""
    expected = {(first + k) % 7 for k in range((last - first) % 7 + 1)}
    assert parse_days(f"{names[first]}-{names[last]}") == expected


_CODES = st.sampled_from(["", "", "", "D", "K", "A", "N", "-"])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.integers(1, 3).flatmap(
        lambda weeks: st.lists(
            st.lists(_CODES, min_size=7 * weeks, max_size=7 * weeks), min_size=3, max_size=3
        )
    )
)
def test_any_rota_reads_and_round_trips(grid: list[list[str]]) -> None:
    """Any grid of D, K, A, N and days off is the roster's shifts, and its file reads back."""
    weeks = len(grid[0]) // 7
    sheets = copy.deepcopy(SMALL)
    sheets["turnus"] = [
        ["ansatt", *(f"{d}{w}" for w in range(1, weeks + 1) for d in NB)],
        *([person, *cells] for person, cells in zip(("kari", "ola", "per"), grid, strict=True)),
    ]
    with tempfile.TemporaryDirectory() as folder:
        scenario = read_workbook(write_folder(Path(folder) / "nord", sheets))
    names = {"D": "day", "K": "evening", "A": "evening", "N": "night"}
    expected = {
        (person, names[code], i // 7, i % 7)
        for person, cells in zip(("kari", "ola", "per"), grid, strict=True)
        for i, code in enumerate(cells)
        if code in names
    }
    found = {
        (line.staff, line.shift, week, day)
        for line in scenario.roster.lines
        for week in sorted(line.weeks if line.weeks is not None else {0})
        for day in line.days
    }
    assert found == expected
    assert scenario.roster.cycle == weeks
    file = ScenarioFile(scenario, [ModelSpec("pooled", Pooled())])
    assert loads_scenario(dumps_scenario(file)) == file
