"""A fuzzer for the spreadsheets: a damaged district never crashes ``hometeams import``.

The example district ``examples/regneark/elvebakken/`` (a folder of CSV files) is copied and
damaged one way at a time -- a cell replaced by a wrong type, a negative, NaN or an infinity, a
huge number, an empty, very long or control-character string, a dangling reference; a row or a
column removed, a column added; a file truncated, given a byte-order mark or a stray byte -- and
imported in-process; the same damage to cells is also tried on an ``.xlsx`` workbook written
with openpyxl. Whatever the damage, the command exits 0 or 2, never with a traceback; at 2 it
prints one short error naming the file, and the sheet (with the row and column for a damaged
cell). The examples are few and derandomised, so the run is the same every time.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from hometeams.cli import main
from workbooks import write_xlsx

FOLDER = Path(__file__).resolve().parents[1] / "examples" / "regneark" / "elvebakken"
SHEETS = sorted(p.stem for p in FOLDER.glob("*.csv"))
MAX_EXAMPLES = 60
"""Damaged districts per form (folder, workbook): a few seconds each."""

CELL = st.one_of(
    st.sampled_from(
        [
            "-1",
            "0",
            "-1.5",
            "1e308",
            "-1e308",
            "1e999",
            "nan",
            "NaN",
            "inf",
            "-inf",
            "9" * 40,
            "2e9",
            "",
            " ",
            "x" * 20_000,
            "EVIL\u001b]0;pwned\u0007\u001b[2J",
            "a\x00b",
            "nobody",
            "1,5",
            "150 %",
            "-50 %",
            "nan %",
            "25:00",
            "08:00;",
            ";;",
            "-",
            "man-",
            "søn-man",
            "alle;alle",
            "true",
            "2",
            "3",
        ]
    ),
    st.text(max_size=12),
)


def _table(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def _text(table: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(table)
    return out.getvalue()


@st.composite
def damaged_table(draw: st.DrawFn, table: list[list[str]]) -> tuple[list[list[str]], str]:
    """``table`` damaged once, and what was damaged: a cell, a row or a column."""
    table = [list(row) for row in table]
    how = draw(st.sampled_from(["cell", "cell", "cell", "header", "row", "drop", "extra"]))
    if how == "header":
        j = draw(st.integers(0, len(table[0]) - 1))
        table[0][j] = draw(CELL)
    elif how == "row":
        i = draw(st.integers(1, len(table) - 1))
        del table[i]
    elif how == "drop":
        j = draw(st.integers(0, len(table[0]) - 1))
        table = [row[:j] + row[j + 1 :] for row in table]
    elif how == "extra":
        table = [[*row, draw(CELL)] for row in table]
    else:
        i = draw(st.integers(1, len(table) - 1))
        j = draw(st.integers(0, len(table[i]) - 1))
        table[i][j] = draw(CELL)
    return table, how


@st.composite
def damaged_text(draw: st.DrawFn, text: str) -> str:
    """``text`` damaged as a file: truncated, given a byte-order mark or a stray character."""
    how = draw(st.sampled_from(["truncate", "bom", "byte"]))
    if how == "truncate":
        return text[: draw(st.integers(0, len(text) - 1))]
    if how == "bom":
        return "\ufeff" + text
    at = draw(st.integers(0, len(text)))
    return text[:at] + draw(st.sampled_from(["\x00", "\x1b", '"', ",", "\r", ";"])) + text[at:]


TEXTS = {sheet: (FOLDER / f"{sheet}.csv").read_text(encoding="utf-8") for sheet in SHEETS}
TABLES = {sheet: _table(text) for sheet, text in TEXTS.items()}


def _import(source: Path, out: Path, capsys: pytest.CaptureFixture[str], *, cell: bool) -> None:
    """Import ``source``: exit 0 or 2, no traceback; at 2 one short line naming the place."""
    status = main(["import", str(source), "-o", str(out), "--overwrite"])
    stdout, err = capsys.readouterr()
    assert status in (0, 2), err
    assert "Traceback" not in stdout + err
    if status == 2:
        first = err.splitlines()[0]
        assert first.startswith(f"hometeams import: error: {source}"), first
        assert len(err) < 3000, err[:300]
        assert any(
            name in first.removeprefix(f"hometeams import: error: {source}") for name in SHEETS
        ), first
        if cell:
            assert "[row " in first, first


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A copy of the example district."""
    return Path(shutil.copytree(FOLDER, tmp_path / "district"))


def test_a_damaged_csv_district_is_imported_without_a_traceback(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A cell, row or column of one CSV file damaged: exit 0 or 2, the error names the sheet."""

    @settings(
        max_examples=MAX_EXAMPLES,
        derandomize=True,
        database=None,
        deadline=dt.timedelta(seconds=20),  # a hang, not a slow machine
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )
    @given(
        st.sampled_from(SHEETS).flatmap(lambda s: st.tuples(st.just(s), damaged_table(TABLES[s])))
    )
    def run(damage: tuple[str, tuple[list[list[str]], str]]) -> None:
        sheet, (table, how) = damage
        target = folder / f"{sheet}.csv"
        target.write_text(_text(table), encoding="utf-8")
        try:
            _import(folder, tmp_path / "out.toml", capsys, cell=how == "cell")
        finally:
            target.write_text(TEXTS[sheet], encoding="utf-8")

    run()


def test_a_damaged_csv_file_is_imported_without_a_traceback(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One CSV file truncated, with a BOM or a stray character: exit 0 or 2, no traceback."""

    @settings(
        max_examples=MAX_EXAMPLES,
        derandomize=True,
        database=None,
        deadline=dt.timedelta(seconds=20),
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )
    @given(st.sampled_from(SHEETS).flatmap(lambda s: st.tuples(st.just(s), damaged_text(TEXTS[s]))))
    def run(damage: tuple[str, str]) -> None:
        sheet, text = damage
        target = folder / f"{sheet}.csv"
        target.write_text(text, encoding="utf-8")
        try:
            _import(folder, tmp_path / "out.toml", capsys, cell=False)
        finally:
            target.write_text(TEXTS[sheet], encoding="utf-8")

    run()


TYPED = st.one_of(
    CELL,
    st.sampled_from(
        [
            -1,
            0,
            -1.5,
            1e308,
            -1e308,
            float("inf"),
            float("-inf"),
            10**30,
            2**63 - 1,
            True,
            False,
            dt.date(2024, 1, 1),
            dt.datetime(2024, 1, 1, 8, 30),
            dt.time(8, 30),
            dt.time(23, 59, 59, 999999),
            dt.timedelta(minutes=30),
            None,
        ]
    ),
    st.integers(),
    st.floats(allow_nan=False),
)
"""Cells as a spreadsheet holds them: numbers, booleans, dates and times as well as text."""


def test_a_damaged_xlsx_cell_is_imported_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One typed cell of an .xlsx workbook damaged: exit 0 or 2, the error names the cell."""

    @settings(
        max_examples=MAX_EXAMPLES,
        derandomize=True,
        database=None,
        deadline=dt.timedelta(seconds=20),
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )
    @given(
        sheet=st.sampled_from(SHEETS),
        at=st.tuples(st.integers(0, 10**6), st.integers(0, 10**6)),
        value=TYPED,
    )
    def run(sheet: str, at: tuple[int, int], value: object) -> None:
        tables: dict[str, list[list[object]]] = {s: [list(r) for r in t] for s, t in TABLES.items()}
        table = tables[sheet]
        i = 1 + at[0] % (len(table) - 1)
        j = at[1] % len(table[i])
        # an .xlsx cell cannot hold control characters: openpyxl refuses them
        table[i][j] = ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value
        book = write_xlsx(tmp_path / "district.xlsx", tables)
        _import(book, tmp_path / "out.toml", capsys, cell=True)

    run()
